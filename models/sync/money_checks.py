"""Keep ``money_difference`` equal to what the mirror says of every order's money.

An order's verdict depends on the order itself, the statement lines that name it, the share
rate of its manager's stage when it was paid (her task path and the stages' rates) and the
shop's after-sales window. Each applied page rechecks exactly the orders whose inputs it
changed, in the page's transaction; a change of the rates or the window, and a first pull,
rebuild the whole table once instead.

What the rules give the owner for an order (``expected``): nothing unless it is paid, shipped or
completed; otherwise its commission less the manager's share (``wire.manager_share_cents`` of
the rate of the stage the manager had started last when the order was paid, her first stage
before any). What the statements paid (``paid``): the sum of the lines naming the order.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

import orjson
from sqlalchemy import Connection, insert, select
from sqlalchemy.exc import OperationalError

from models import wire
from models.db import MONEY_CHECK_TABLES, MoneyCheckState, table_of

log = logging.getLogger(__name__)

DAY: Final = 86_400
# Raised whenever what a difference means changes: a table of another version is rebuilt.
CHECK_VERSION: Final = 1
_EARNING = ", ".join(f"'{s}'" for s in wire.PAID_ORDER_STATUSES)
_IDS: Final = "SELECT value FROM json_each(:ids)"
# Which orders and lines a check reads: all of them for a rebuild, or the orders of :ids.
_EVERY_ORDER: Final = ("true", "order_id IS NOT NULL")
_SOME_ORDERS: Final = (f"o.id IN ({_IDS})", f"order_id IN ({_IDS})")
# Materialized: the rate's lookup runs once per order, not once per use of the rate.
_CHECK_SQL: Final = """
WITH paid AS MATERIALIZED (
    SELECT order_id,
           sum(amount_cents) AS paid,
           sum(kind = 'commission') AS commissions,
           -sum(CASE WHEN kind = 'manager_share' THEN amount_cents ELSE 0 END) AS share_paid,
           max(CASE WHEN kind = 'manager_share' THEN share_rate_bp END) AS rate_paid
    FROM statement_line WHERE {lines}
    GROUP BY order_id
),
ruled AS MATERIALIZED (
    SELECT o.id, o.status, o.commission_cents AS commission, o.store_manager_id AS manager,
           o.status IN ({earning}) AS earns,
           o.completed_at + coalesce(
               (SELECT after_sales_days FROM settlement_terms LIMIT 1), {window}
           ) * {day} AS settleable_at,
           CASE WHEN o.store_manager_id IS NULL OR o.status NOT IN ({earning}) THEN NULL
           ELSE coalesce(
               (SELECT s.share_rate_bp FROM task_progress p JOIN task_stage s ON s.id = p.stage_id
                WHERE p.store_manager_id = o.store_manager_id
                  AND p.started_at <= coalesce(o.paid_at, o.placed_at)
                ORDER BY p.started_at DESC, p.id DESC LIMIT 1),
               (SELECT share_rate_bp FROM task_stage ORDER BY position, id LIMIT 1),
               0) END AS rate,
           coalesce(p.paid, 0) AS paid, coalesce(p.commissions, 0) AS commissions,
           coalesce(p.share_paid, 0) AS share_paid, p.rate_paid
    FROM "order" o LEFT JOIN paid p ON p.order_id = o.id
    WHERE {orders} AND (o.status IN ({earning}) OR p.order_id IS NOT NULL)
),
weighed AS MATERIALIZED (
    SELECT *,
           CASE WHEN rate IS NULL THEN 0 ELSE (commission * rate + 5000) / 10000 END AS share
    FROM ruled
)
INSERT INTO money_difference (
    order_id, kind, status, expected_cents, paid_cents, expected_share_cents, paid_share_cents,
    expected_rate_bp, paid_rate_bp, commission_lines, settleable_at
)
SELECT id,
       CASE
           WHEN earns AND commissions = 0 THEN 'unsettled'
           WHEN commissions > 1 THEN 'paid_twice'
           WHEN status = 'refunded' AND paid > 0 THEN 'refunded_after_settlement'
           WHEN manager IS NOT NULL AND earns AND share_paid != share THEN 'share_rate_differs'
           ELSE 'amount_differs'
       END,
       status, expected, paid, share, share_paid, rate, rate_paid, commissions, settleable_at
FROM (SELECT *, CASE WHEN earns THEN commission - share ELSE 0 END AS expected FROM weighed)
WHERE expected != paid
"""


def _check_sql(scope: tuple[str, str]) -> str:
    orders, lines = scope
    return _CHECK_SQL.format(
        orders=orders,
        lines=lines,
        earning=_EARNING,
        window=wire.DEFAULT_AFTER_SALES_DAYS,
        day=DAY,
    )


def is_live(conn: Connection) -> bool:
    """Whether the table is kept up page by page (not waiting for a rebuild)."""
    try:
        state = conn.execute(select(MoneyCheckState.stale, MoneyCheckState.version)).first()
    except OperationalError:
        return False
    return state is not None and not state.stale and state.version == CHECK_VERSION


def rebuild(conn: Connection) -> None:
    started = time.perf_counter()
    _recreate(conn)
    conn.exec_driver_sql(_check_sql(_EVERY_ORDER))
    _save_state(conn, stale=False)
    log.info("money differences rebuilt in %.2f s", time.perf_counter() - started)


def rebuild_if_stale(conn: Connection) -> None:
    if not is_live(conn):
        rebuild(conn)


def mark_stale(conn: Connection) -> None:
    """The mirror is about to change without the checks: rebuild them before use."""
    _recreate(conn)
    _save_state(conn, stale=True)


def recheck(conn: Connection, order_ids: Iterable[int]) -> None:
    """Judge these orders again from what the mirror holds now."""
    ids = sorted({int(i) for i in order_ids})
    if not ids:
        return
    keys = orjson.dumps(ids).decode()
    conn.exec_driver_sql(f"DELETE FROM money_difference WHERE order_id IN ({_IDS})", {"ids": keys})
    conn.exec_driver_sql(_check_sql(_SOME_ORDERS), {"ids": keys})


class PageChecks:
    """Notes what an applied page changes of the checks' inputs, then rechecks once."""

    def __init__(self, conn: Connection) -> None:
        self._conn = conn
        self.live = is_live(conn)
        self._orders: set[int] = set()
        self._since: dict[int, int] = {}  # manager -> orders paid from here on
        self._everything = False

    def upserting(self, entity: str, rows: Sequence[Mapping[str, Any]]) -> None:
        if not self.live or not rows:
            return
        if entity == "order":
            self._orders.update(int(r["id"]) for r in rows)
        elif entity == "statement_line":
            self._orders.update(r["order_id"] for r in rows if r["order_id"] is not None)
            self._old_line_orders([r["id"] for r in rows])
        elif entity == "task_progress":
            self._paths_changed(rows)
        elif entity in ("task_stage", "settlement_terms"):
            self._everything = self._everything or self._terms_changed(entity, rows)

    def deleting(self, entity: str, keys: Sequence[int | str]) -> None:
        if not self.live or not keys:
            return
        if entity == "order":
            self._orders.update(int(k) for k in keys)
        elif entity == "statement_line":
            self._old_line_orders([int(k) for k in keys])
        elif entity == "task_progress":
            for row in self._old("task_progress", [int(k) for k in keys]):
                self._move_since(row["store_manager_id"], row["started_at"])
        elif entity in ("task_stage", "settlement_terms"):
            self._everything = True

    def finish(self) -> None:
        if not self.live:
            return
        if self._everything:
            rebuild(self._conn)
            return
        for manager, since in self._since.items():
            self._orders.update(
                self._conn.exec_driver_sql(
                    'SELECT id FROM "order" WHERE store_manager_id = ? AND placed_at >= ? '
                    "AND coalesce(paid_at, placed_at) >= ?",
                    (manager, since - DAY, since),
                ).scalars()
            )
        recheck(self._conn, self._orders)

    def _old(self, entity: str, keys: Sequence[int]) -> list[dict[str, Any]]:
        table = {"task_progress": "task_progress", "statement_line": "statement_line"}[entity]
        found: list[dict[str, Any]] = []
        for start in range(0, len(keys), 900):
            chunk = orjson.dumps(list(keys[start : start + 900])).decode()
            found.extend(
                dict(r._mapping)
                for r in self._conn.exec_driver_sql(
                    f"SELECT * FROM {table} WHERE id IN (SELECT value FROM json_each(?))",
                    (chunk,),
                )
            )
        return found

    def _old_line_orders(self, keys: Sequence[int]) -> None:
        self._orders.update(
            r["order_id"] for r in self._old("statement_line", keys) if r["order_id"] is not None
        )

    def _paths_changed(self, rows: Sequence[Mapping[str, Any]]) -> None:
        old = {r["id"]: r for r in self._old("task_progress", [int(r["id"]) for r in rows])}
        for row in rows:
            before = old.get(row["id"])
            same = before is not None and all(
                before[c] == row[c] for c in ("store_manager_id", "stage_id", "started_at")
            )
            if same:
                continue
            self._move_since(row["store_manager_id"], row["started_at"])
            if before is not None:
                self._move_since(before["store_manager_id"], before["started_at"])

    def _move_since(self, manager: int, since: int) -> None:
        self._since[manager] = min(since, self._since.get(manager, since))

    def _terms_changed(self, entity: str, rows: Sequence[Mapping[str, Any]]) -> bool:
        column = "share_rate_bp" if entity == "task_stage" else "after_sales_days"
        ids = orjson.dumps([int(r["id"]) for r in rows]).decode()
        old: dict[int, int] = dict(
            self._conn.exec_driver_sql(
                f"SELECT id, {column} FROM {entity} WHERE id IN (SELECT value FROM json_each(?))",
                (ids,),
            ).all()
        )
        # A new stage changes nothing paid already, unless it is the first (its rate is the
        # fallback); rebuilding then costs little, it happens once.
        return any(old.get(r["id"]) != r[column] for r in rows)


def _recreate(conn: Connection) -> None:
    for table in MONEY_CHECK_TABLES:
        table.drop(conn, checkfirst=True)
    for table in MONEY_CHECK_TABLES:
        table.create(conn)


def _save_state(conn: Connection, *, stale: bool) -> None:
    conn.execute(insert(table_of(MoneyCheckState)).values(id=1, stale=stale, version=CHECK_VERSION))
