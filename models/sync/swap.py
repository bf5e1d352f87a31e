"""A complete re-snapshot takes the mirror's place, in one transaction of the profile.

The snapshot file is attached to the writer's connection and each table of the mirror is made
equal to the snapshot's by its difference: the rows the snapshot has new or changed are written,
the rows it no longer has are deleted, and nothing else is touched, so the search indexes and the
rollups move by that difference only. After a restore from a backup most rows are the same and
the swap costs a pass over each table. When the difference is a large part of a big table, the
table is loaded again whole instead, without its secondary indexes, which are built after.

The owner's rows with a pending outbox entry are not overwritten, here as in every pull: the
snapshot's version of them is parked (``models.sync.apply``). Readers see the old mirror until
the transaction commits, and the new one after; the cursor, the epoch and the end of the
re-snapshot are written in the same transaction.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

from sqlalchemy import Connection, Table, delete, select, update

from models import search, wire
from models.db import CLIENT_TABLES, ConfirmedRow, OutboxEntry, SyncState, table_of
from models.profile import Profile
from models.sync import rollups
from models.sync.apply import (
    IN_CHUNK,
    TABLES,
    PageCounts,
    park_pending,
    park_pending_deletes,
)
from models.sync.bulk import BULK_TABLES
from models.sync.snapshot import Snapshot

log = logging.getLogger(__name__)

SCHEMA: Final = "snapshot"
CHANGED: Final = "temp.snapshot_changed"
GONE: Final = "temp.snapshot_gone"
# A big table whose difference is more than this share of it is loaded again whole.
RELOAD_SHARE: Final = 0.25
SEARCHED: Final = frozenset({"customer", "product"})
INDEX_BATCH: Final = 2_000


def replace_mirror(profile: Profile, snapshot: Snapshot) -> PageCounts:
    """Make the mirror equal to the complete ``snapshot``; returns what changed in it."""
    started = time.perf_counter()
    snapshot.close()
    with (
        profile.writer.connect() as conn,
        _attached(conn, snapshot) as attached,
        attached.begin(),
    ):
        counts = _swap(attached, snapshot.id)
    log.info(
        "the fresh snapshot replaced the mirror in %.2f s: %d rows changed",
        time.perf_counter() - started,
        counts.total,
    )
    return counts


@contextmanager
def _attached(conn: Connection, snapshot: Snapshot) -> Iterator[Connection]:
    # ATTACH cannot run inside a transaction: it goes to the driver before the swap begins.
    raw: Any = conn.connection.driver_connection
    raw.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(snapshot.path),))
    try:
        yield conn
    finally:
        raw.execute(f"DETACH DATABASE {SCHEMA}")


def _swap(conn: Connection, snapshot_id: str) -> PageCounts:
    state = conn.exec_driver_sql(
        f"SELECT cursor, epoch FROM {SCHEMA}.snapshot_state WHERE id = ?", (snapshot_id,)
    ).one()
    counts = PageCounts()
    for name in (CHANGED, GONE):
        conn.exec_driver_sql(f"CREATE TABLE IF NOT EXISTS {name} (k PRIMARY KEY)")
    # The platform's versions of pending rows are parked again from the snapshot below.
    conn.execute(delete(table_of(ConfirmedRow)))
    for entity, table in TABLES.items():
        _swap_table(conn, entity, table, counts)
    conn.execute(
        update(table_of(SyncState)).values(cursor=state.cursor, epoch=state.epoch, snapshot_id="")
    )
    rollups.rebuild_if_stale(conn)
    for name in (CHANGED, GONE):
        conn.exec_driver_sql(f"DROP TABLE {name}")
    return counts


def _swap_table(conn: Connection, entity: str, table: Table, counts: PageCounts) -> None:
    key = wire.ENTITY_KEYS[entity]
    columns = [c.name for c in table.columns]
    name = f'"{table.name}"'
    mine = entity in CLIENT_TABLES
    differs = " OR ".join(f'l."{c}" IS NOT s."{c}"' for c in columns if c != key) or "0"
    params = {"entity": entity}
    for target in (CHANGED, GONE):
        conn.exec_driver_sql(f"DELETE FROM {target}")
    conn.exec_driver_sql(
        f'INSERT INTO {CHANGED} SELECT s."{key}" FROM {SCHEMA}.{name} s'
        f' LEFT JOIN main.{name} l ON l."{key}" = s."{key}"'
        f' WHERE (l."{key}" IS NULL OR {differs}) {_not_pending("s", key, mine)}',
        params,
    )
    conn.exec_driver_sql(
        f'INSERT INTO {GONE} SELECT l."{key}" FROM main.{name} l WHERE NOT EXISTS'
        f' (SELECT 1 FROM {SCHEMA}.{name} s WHERE s."{key}" = l."{key}")'
        f" {_not_pending('l', key, mine)}",
        params,
    )
    changed = _count(conn, CHANGED)
    gone = _count(conn, GONE)
    if changed or gone:
        if table in BULK_TABLES and changed + gone > RELOAD_SHARE * _count(conn, f"main.{name}"):
            _reload(conn, entity, table)
        else:
            _merge(conn, entity, table, key, columns)
        counts.upserted[entity] = changed
        counts.deleted[entity] = gone
    if mine:
        _park_pending_rows(conn, entity, table, key)


def _not_pending(alias: str, key: str, mine: bool) -> str:
    if not mine:
        return ""
    return (
        f'AND CAST({alias}."{key}" AS TEXT) NOT IN (SELECT entity_key FROM main.outbox'
        " WHERE entity = :entity AND status = 'pending')"
    )


def _count(conn: Connection, name: str) -> int:
    return int(conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar_one())


def _merge(conn: Connection, entity: str, table: Table, key: str, columns: list[str]) -> None:
    name = f'"{table.name}"'
    offset = rollups.live_offset(conn)
    if offset is not None:
        rollups.count_listed(conn, entity, CHANGED, offset, -1)
        rollups.count_listed(conn, entity, GONE, offset, -1)
    # Deleted, then written again: a row whose unique order number moved to another row
    # cannot stand in the way of the one that takes it.
    for listed in (GONE, CHANGED):
        conn.exec_driver_sql(f'DELETE FROM main.{name} WHERE "{key}" IN (SELECT k FROM {listed})')
    names = ", ".join(f'"{c}"' for c in columns)
    conn.exec_driver_sql(
        f"INSERT INTO main.{name} ({names}) SELECT {names} FROM {SCHEMA}.{name}"
        f' WHERE "{key}" IN (SELECT k FROM {CHANGED})'
    )
    if offset is not None:
        rollups.count_listed(conn, entity, CHANGED, offset, 1)
    if entity in SEARCHED:
        search.unindex(conn, entity, _keys(conn, GONE))
        changed = _keys(conn, CHANGED)
        for start in range(0, len(changed), INDEX_BATCH):
            chunk = changed[start : start + INDEX_BATCH]
            found = conn.execute(select(table).where(table.c[key].in_(chunk))).mappings()
            rows = [dict(r) for r in found]
            search.index_rows(conn, entity, rows)


def _reload(conn: Connection, entity: str, table: Table) -> None:
    """Load a big table again whole: cheaper than writing most of its rows one by one."""
    name = f'"{table.name}"'
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    if entity in rollups.TRACKED:
        rollups.mark_stale(conn)  # rebuilt at the end of the swap
    for index in table.indexes:
        conn.exec_driver_sql(f'DROP INDEX IF EXISTS main."{index.name}"')
    conn.exec_driver_sql(f"DELETE FROM main.{name}")
    conn.exec_driver_sql(f"INSERT INTO main.{name} ({names}) SELECT {names} FROM {SCHEMA}.{name}")
    for index in table.indexes:
        index.create(conn)


def _keys(conn: Connection, name: str) -> list[Any]:
    return list(conn.exec_driver_sql(f"SELECT k FROM {name}").scalars())


def _park_pending_rows(conn: Connection, entity: str, table: Table, key: str) -> None:
    """Park the snapshot's version of each row that still waits to be sent, or its absence."""
    outbox = table_of(OutboxEntry)
    pending = sorted(
        set(
            conn.scalars(
                select(outbox.c.entity_key).where(
                    outbox.c.entity == entity, outbox.c.status == "pending"
                )
            )
        )
    )
    if not pending:
        return
    as_int = table.c[key].type.python_type is int
    found: set[str] = set()
    for chunk in _chunks([int(k) if as_int else k for k in pending]):
        marks = ", ".join("?" * len(chunk))
        result = conn.exec_driver_sql(
            f'SELECT * FROM {SCHEMA}."{table.name}" WHERE "{key}" IN ({marks})', tuple(chunk)
        )
        rows = [dict(r) for r in result.mappings()]
        park_pending(conn, entity, rows)
        found.update(str(r[key]) for r in rows)
    park_pending_deletes(conn, entity, [k for k in pending if k not in found])


def _chunks(keys: Sequence[Any]) -> Iterator[Sequence[Any]]:
    for start in range(0, len(keys), IN_CHUNK):
        yield keys[start : start + IN_CHUNK]
