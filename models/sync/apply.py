"""Apply one pulled page to the local database, in one transaction with its cursor.

The rule "a pull never overwrites a row with a pending outbox entry" lives here: a page, and the
swap of a complete re-snapshot (``models.sync.swap``), park the platform's version of such a row
in ``confirmed_row`` instead of writing it.
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any, cast

import orjson
from sqlalchemy import Connection, Table, delete, select, update

from models import search, wire
from models.db import CLIENT_TABLES, MIRROR_TABLES, ConfirmedRow, OutboxEntry, SyncState, table_of
from models.sync import money_checks, rollups

TABLES: dict[str, Table] = {**MIRROR_TABLES, **CLIENT_TABLES}
# SQLite allows 32,766 host parameters; keep IN lists well below.
IN_CHUNK = 900


@dataclass
class PageCounts:
    upserted: dict[str, int] = field(default_factory=dict)
    deleted: dict[str, int] = field(default_factory=dict)

    @property
    def total(self) -> int:
        return sum(self.upserted.values()) + sum(self.deleted.values())

    def add(self, other: PageCounts) -> None:
        for entity, n in other.upserted.items():
            self.upserted[entity] = self.upserted.get(entity, 0) + n
        for entity, n in other.deleted.items():
            self.deleted[entity] = self.deleted.get(entity, 0) + n


def apply_page(conn: Connection, page: wire.PullPage) -> PageCounts:
    """Write the page's rows and its next cursor; the caller owns the transaction."""
    counts = PageCounts()
    # None during a first pull: the rollups are built once at its end.
    offset = rollups.live_offset(conn)
    checks = money_checks.PageChecks(conn)
    upserts = cast(Mapping[str, list[dict[str, Any]]], page.upserts)
    for entity, page_rows in upserts.items():
        if not page_rows:
            continue
        rows = park_pending(conn, entity, page_rows) if entity in CLIENT_TABLES else page_rows
        keys = [r["id"] for r in rows] if offset is not None and entity in rollups.TRACKED else []
        if offset is not None:
            rollups.count_rows(conn, entity, keys, offset, -1)
        checks.upserting(entity, rows)
        upsert_rows(conn, TABLES[entity], rows)
        if offset is not None:
            rollups.count_rows(conn, entity, keys, offset, 1)
        search.index_rows(conn, entity, rows)
        counts.upserted[entity] = len(rows)
    for entity, page_keys in page.deletes.items():
        if not page_keys:
            continue
        keys = (
            park_pending_deletes(conn, entity, page_keys) if entity in CLIENT_TABLES else page_keys
        )
        if offset is not None:
            rollups.count_rows(conn, entity, keys, offset, -1)
        checks.deleting(entity, keys)
        delete_rows(conn, TABLES[entity], wire.ENTITY_KEYS[entity], keys)
        search.unindex(conn, entity, keys)
        counts.deleted[entity] = len(keys)
    checks.finish()
    conn.execute(update(table_of(SyncState)).values(cursor=page.next_cursor, epoch=page.epoch))
    return counts


def upsert_rows(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert or update ``rows`` with one prepared statement and the driver's executemany.

    Rows go to the driver as plain tuples: SQLAlchemy's per-row parameter processing would cost
    as much as SQLite's own work on a million-order pull.
    """
    if not rows:
        return
    conn.exec_driver_sql(_upsert_sql(table), list(map(_row_tuple(table), rows)))


@functools.cache
def _row_tuple(table: Table) -> Callable[[Mapping[str, Any]], tuple[Any, ...]]:
    columns = [c.name for c in table.columns]
    if len(columns) == 1:
        return lambda row: (row[columns[0]],)
    getter: Callable[[Mapping[str, Any]], tuple[Any, ...]] = operator.itemgetter(*columns)
    return getter


@functools.cache
def _upsert_sql(table: Table) -> str:
    columns = [c.name for c in table.columns]
    keys = [c.name for c in table.primary_key.columns]
    others = [c for c in columns if c not in keys]
    names = ", ".join(f'"{c}"' for c in columns)
    marks = ", ".join("?" for _ in columns)
    update = ", ".join(f'"{c}" = excluded."{c}"' for c in others)
    conflict = ", ".join(f'"{k}"' for k in keys)
    action = f"DO UPDATE SET {update}" if others else "DO NOTHING"
    return (
        f'INSERT INTO "{table.name}" ({names}) VALUES ({marks}) ON CONFLICT ({conflict}) {action}'
    )


def delete_rows(conn: Connection, table: Table, key: str, keys: Sequence[int | str]) -> None:
    column = table.c[key]
    for start in range(0, len(keys), IN_CHUNK):
        conn.execute(delete(table).where(column.in_(keys[start : start + IN_CHUNK])))


def pending_keys(conn: Connection, entity: str, keys: Iterable[int | str]) -> set[str]:
    """The keys among ``keys`` that have an outbox entry still waiting to be sent."""
    wanted = [str(k) for k in keys]
    found: set[str] = set()
    outbox = table_of(OutboxEntry)
    for start in range(0, len(wanted), IN_CHUNK):
        found.update(
            conn.scalars(
                select(outbox.c.entity_key).where(
                    outbox.c.entity == entity,
                    outbox.c.status == "pending",
                    outbox.c.entity_key.in_(wanted[start : start + IN_CHUNK]),
                )
            )
        )
    return found


def not_pending(alias: str, key: str) -> str:
    """SQL that keeps out the rows of ``alias`` with a pending outbox entry, for set-based
    writes of one entity (bound as ``:entity``)."""
    return (
        f'AND CAST({alias}."{key}" AS TEXT) NOT IN (SELECT entity_key FROM main.outbox'
        " WHERE entity = :entity AND status = 'pending')"
    )


def park_pending(conn: Connection, entity: str, rows: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Park the rows that have a pending outbox entry; returns the others, to be written."""
    key = wire.ENTITY_KEYS[entity]
    pending = pending_keys(conn, entity, (r[key] for r in rows))
    if not pending:
        return rows
    parked = [r for r in rows if str(r[key]) in pending]
    upsert_rows(
        conn,
        table_of(ConfirmedRow),
        [
            {"entity": entity, "entity_key": str(r[key]), "payload": orjson.dumps(r).decode()}
            for r in parked
        ],
    )
    return [r for r in rows if str(r[key]) not in pending]


def park_pending_deletes(conn: Connection, entity: str, keys: list[int | str]) -> list[int | str]:
    """Park the deletion of rows that have a pending outbox entry; returns the other keys."""
    pending = pending_keys(conn, entity, keys)
    if not pending:
        return keys
    upsert_rows(
        conn,
        table_of(ConfirmedRow),
        [{"entity": entity, "entity_key": k, "payload": None} for k in sorted(pending)],
    )
    return [k for k in keys if str(k) not in pending]
