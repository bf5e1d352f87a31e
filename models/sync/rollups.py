"""Keep the sales and customer rollups equal to what the mirror holds.

Each applied page moves the rollups by set-based deltas: the old rows of the page's orders and
customers are taken out before they are overwritten or deleted, and the new rows are added after,
all in the page's transaction. A first pull skips that work and rebuilds everything once at its
end, which costs one pass over the order table instead of two lookups per pulled row.

Days are counted in the computer's UTC offset at the time of the build, stored with the rollups;
when the offset changes (a move to another zone, or a daylight-saving switch) the charts rebuild
them. China keeps one offset all year, so for most owners this never happens.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Sequence
from typing import Final

import orjson
from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import OperationalError

from models import wire
from models.db import ROLLUP_TABLES, RollupState, table_of

log = logging.getLogger(__name__)

DAY: Final = 86_400
# Raised whenever what the rollups count changes: rollups of another version are rebuilt.
ROLLUP_VERSION: Final = 1
# The entities whose rows the rollups count.
TRACKED: Final = frozenset({"order", "customer"})
_SALES = ", ".join(f"'{s}'" for s in wire.PAID_ORDER_STATUSES)


def local_utc_offset(now: float | None = None) -> int:
    """The computer's offset from UTC in seconds, as its zone has it at ``now``."""
    return time.localtime(now).tm_gmtoff


def _sales_sql(table: str, key: str, key_sql: str, where: str) -> str:
    return f"""
        INSERT INTO {table} (day, {key}, orders, amount_cents, commission_cents)
        SELECT (coalesce(paid_at, placed_at) + :offset) / {DAY}, {key_sql},
               :sign * count(*), :sign * sum(amount_cents), :sign * sum(commission_cents)
        FROM "order" WHERE +status IN ({_SALES}) {where}
        GROUP BY 1, 2
        ON CONFLICT (day, {key}) DO UPDATE SET
            orders = orders + excluded.orders,
            amount_cents = amount_cents + excluded.amount_cents,
            commission_cents = commission_cents + excluded.commission_cents
    """


def _all_sales_sql(where: str) -> tuple[str, ...]:
    return (
        _sales_sql("category_sales_day", "category", "category", where),
        _sales_sql("store_sales_day", "store_key", "coalesce(store_manager_id, 0)", where),
    )


def _customers_sql(where: str) -> str:
    return f"""
        INSERT INTO customer_day (day, source, customers)
        SELECT (bound_at + :offset) / {DAY}, bound_via, :sign * count(*)
        FROM customer WHERE true {where}
        GROUP BY 1, 2
        ON CONFLICT (day, source) DO UPDATE SET customers = customers + excluded.customers
    """


_BY_KEYS: Final = "AND id IN (SELECT value FROM json_each(:keys))"
_DELTA_SQL: Final = {"order": _all_sales_sql(_BY_KEYS), "customer": (_customers_sql(_BY_KEYS),)}
# "+status" keeps SQLite off the status index, which holds nine orders in ten: a page's
# deltas look their orders up by id, and a rebuild reads the table once, in table order, into
# cells of day, store and category.
_REBUILD_SQL: Final = (
    f"""
    CREATE TEMP TABLE rollup_cell AS
    SELECT (coalesce(paid_at, placed_at) + :offset) / {DAY} AS day,
           coalesce(store_manager_id, 0) AS store_key, category,
           count(*) AS orders, sum(amount_cents) AS amount_cents,
           sum(commission_cents) AS commission_cents
    FROM "order" WHERE +status IN ({_SALES})
    GROUP BY 1, 2, 3
    """,
    *(
        f"""
        INSERT INTO {table} (day, {key}, orders, amount_cents, commission_cents)
        SELECT day, {key}, sum(orders), sum(amount_cents), sum(commission_cents)
        FROM temp.rollup_cell GROUP BY 1, 2
        """
        for table, key in (("category_sales_day", "category"), ("store_sales_day", "store_key"))
    ),
    "DROP TABLE temp.rollup_cell",
    _customers_sql(""),
)


def live_offset(conn: Connection) -> int | None:
    """The offset the rollups are kept in, or None while they wait for a rebuild."""
    try:
        state = conn.execute(
            select(RollupState.utc_offset, RollupState.stale, RollupState.version)
        ).first()
    except OperationalError:
        return None  # tables of another layout: the rebuild makes them again
    if state is None or state.stale or state.version != ROLLUP_VERSION:
        return None
    return int(state.utc_offset)


def count_rows(
    conn: Connection, entity: str, keys: Sequence[int | str], offset: int, sign: int
) -> None:
    """Add (``sign`` 1) or take out (-1) the contribution of the mirror's rows with ``keys``."""
    if entity not in TRACKED or not keys:
        return
    ids = orjson.dumps([int(k) for k in keys]).decode()
    for sql in _DELTA_SQL[entity]:
        conn.exec_driver_sql(sql, {"offset": offset, "sign": sign, "keys": ids})


def count_listed(conn: Connection, entity: str, key_table: str, offset: int, sign: int) -> None:
    """As ``count_rows``, for the rows whose ids the table ``key_table`` lists (column ``k``)."""
    if entity not in TRACKED:
        return
    where = f"AND id IN (SELECT k FROM {key_table})"
    for sql in _all_sales_sql(where) if entity == "order" else (_customers_sql(where),):
        conn.exec_driver_sql(sql, {"offset": offset, "sign": sign})


def mark_stale(conn: Connection) -> None:
    """The mirror is about to be written without the rollups: rebuild them before use."""
    _recreate(conn)
    _save_state(conn, local_utc_offset(), stale=True)


def rebuild(conn: Connection, offset: int | None = None) -> None:
    """Count everything again from the mirror, in ``offset`` (default: the computer's)."""
    offset = local_utc_offset() if offset is None else offset
    started = time.perf_counter()
    _recreate(conn)
    conn.exec_driver_sql("DROP TABLE IF EXISTS temp.rollup_cell")
    for sql in _REBUILD_SQL:
        conn.exec_driver_sql(sql, {"offset": offset, "sign": 1})
    _save_state(conn, offset, stale=False)
    log.info("sales rollups rebuilt in %.2f s", time.perf_counter() - started)


def rebuild_if_stale(conn: Connection) -> None:
    if live_offset(conn) is None:
        rebuild(conn)


def clear(conn: Connection) -> None:
    """Forget every count with the mirror; the next pull rebuilds them."""
    mark_stale(conn)


def _recreate(conn: Connection) -> None:
    # Dropping costs no more than deleting every row, and also mends tables of another layout.
    tables = (*ROLLUP_TABLES, table_of(RollupState))
    for table in tables:
        table.drop(conn, checkfirst=True)
    for table in tables:
        table.create(conn)


def _save_state(conn: Connection, offset: int, *, stale: bool) -> None:
    conn.execute(
        insert(table_of(RollupState)).values(
            id=1, utc_offset=offset, stale=stale, version=ROLLUP_VERSION
        )
    )
