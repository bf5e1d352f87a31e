"""A complete re-snapshot takes the mirror's place, in one transaction of the profile.

The snapshot file is attached to one connection of the profile and each table of the mirror is made
equal to the snapshot's by its difference: the rows the snapshot has new or changed are written,
the rows it no longer has are deleted, and nothing else is touched, so the search indexes and the
rollups move by that difference only. After a restore from a backup most rows are the same and
the swap costs a pass over each table, found before the write lock is taken. When the difference
is a large part of a big table, the table is loaded again whole instead, without its secondary
indexes, which are built after the swap, one transaction each.

The owner's rows with a pending outbox entry are not overwritten, here as in every pull: the
snapshot's version of them is parked (``models.sync.apply``). Readers see the old mirror until
the transaction commits, and the new one after; the cursor, the epoch and the end of the
re-snapshot are written in the same transaction.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, Final

from sqlalchemy import Connection, Table, delete, select, update

from models import search, wire
from models.db import (
    CLIENT_TABLES,
    MIRROR_TABLES,
    ConfirmedRow,
    OutboxEntry,
    SyncState,
    table_of,
)
from models.profile import Profile
from models.sync import money_checks, rollups
from models.sync.apply import (
    IN_CHUNK,
    TABLES,
    PageCounts,
    not_pending,
    park_pending,
    park_pending_deletes,
)
from models.sync.bulk import BULK_TABLES
from models.sync.snapshot import Snapshot

log = logging.getLogger(__name__)

SCHEMA: Final = "snapshot"
# A big table whose difference is more than this share of it is loaded again whole.
RELOAD_SHARE: Final = 0.25
# Rows staged per transaction: the owner's actions get the write lock in between.
STAGE_ROWS: Final = 100_000
_TABLE_NAME: Final = re.compile(r"^CREATE TABLE\s+(\"[^\"]+\"|\S+)", re.IGNORECASE)
SEARCHED: Final = frozenset({"customer", "product"})
# What the money checks read (``money_checks.PageChecks``).
MONEY_INPUTS: Final = frozenset(
    {"order", "statement_line", "task_progress", "task_stage", "settlement_terms"}
)
INDEX_BATCH: Final = 2_000


def replace_mirror(profile: Profile, snapshot: Snapshot) -> PageCounts:
    """Make the mirror equal to the complete ``snapshot``; returns what changed in it."""
    started = time.perf_counter()
    snapshot.close()
    with profile.engine.connect() as conn, _attached(conn, snapshot):
        # Only syncs write the mirror's tables, and this one holds the sync lock: their
        # differences are found, and big tables to load again are staged, before the swap
        # takes the write lock, so that the owner's actions wait only for the swap itself.
        with conn.begin():
            for entity, table in MIRROR_TABLES.items():
                _find_difference(conn, entity, table)
            reloaded = _to_reload(conn)
        conn.execution_options(sqlite_begin="IMMEDIATE")
        try:
            for entity in reloaded:
                _stage(conn, MIRROR_TABLES[entity])
            prepared = time.perf_counter()
            with conn.begin():
                counts = _swap(conn, snapshot.id, reloaded)
        finally:
            with conn.begin():
                for entity in reloaded:
                    conn.exec_driver_sql(f"DROP TABLE IF EXISTS main.{_staged(entity)}")
    log.info(
        "the fresh snapshot replaced the mirror: %d rows changed, prepared in %.2f s, "
        "swapped in %.2f s",
        counts.total,
        prepared - started,
        time.perf_counter() - prepared,
    )
    return counts


@contextmanager
def _attached(conn: Connection, snapshot: Snapshot) -> Iterator[None]:
    # ATTACH cannot run inside a transaction: it goes to the driver before the swap begins.
    raw: Any = conn.connection.driver_connection
    raw.execute(f"ATTACH DATABASE ? AS {SCHEMA}", (str(snapshot.path),))
    try:
        yield
    finally:
        conn.rollback()
        # The lists live as long as the pooled connection unless dropped.
        for entity in TABLES:
            for listed in _lists(entity):
                raw.execute(f"DROP TABLE IF EXISTS {listed}")
        raw.execute(f"DETACH DATABASE {SCHEMA}")


def _lists(entity: str) -> tuple[str, str]:
    """The temporary tables that list the keys of ``entity`` the snapshot changed and lost."""
    return f"temp.snapshot_changed_{entity}", f"temp.snapshot_gone_{entity}"


def _find_difference(conn: Connection, entity: str, table: Table) -> None:
    """List the rows of ``table`` the snapshot has new or changed, and those it no longer has.

    The owner's rows waiting to be sent are left out: their turn is ``_park_pending_rows``.
    """
    key = wire.ENTITY_KEYS[entity]
    name = f'"{table.name}"'
    mine = entity in CLIENT_TABLES
    differs = " OR ".join(
        f'l."{c.name}" IS NOT s."{c.name}"' for c in table.columns if c.name != key
    )
    changed, gone = _lists(entity)
    for listed in (changed, gone):
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS {listed}")
        conn.exec_driver_sql(f"CREATE TABLE {listed} (k PRIMARY KEY)")
    params = {"entity": entity}
    conn.exec_driver_sql(
        f'INSERT INTO {changed} SELECT s."{key}" FROM {SCHEMA}.{name} s'
        f' LEFT JOIN main.{name} l ON l."{key}" = s."{key}"'
        f' WHERE (l."{key}" IS NULL OR {differs or "0"}) {not_pending("s", key) if mine else ""}',
        params,
    )
    conn.exec_driver_sql(
        f'INSERT INTO {gone} SELECT l."{key}" FROM main.{name} l WHERE NOT EXISTS'
        f' (SELECT 1 FROM {SCHEMA}.{name} s WHERE s."{key}" = l."{key}")'
        f" {not_pending('l', key) if mine else ''}",
        params,
    )


def _swap(conn: Connection, snapshot_id: str, reloaded: Sequence[str]) -> PageCounts:
    state = conn.exec_driver_sql(
        f"SELECT cursor, epoch FROM {SCHEMA}.snapshot_state WHERE id = ?", (snapshot_id,)
    ).one()
    counts = PageCounts()
    # The owner writes her own rows at any time: their difference is found under the lock.
    for entity, table in CLIENT_TABLES.items():
        _find_difference(conn, entity, table)
    # The platform's versions of pending rows are parked again from the snapshot below.
    conn.execute(delete(table_of(ConfirmedRow)))
    if "order" in reloaded:
        money_checks.mark_stale(conn)  # rebuilt at the end of the swap
    checks = money_checks.PageChecks(conn)
    for entity, table in TABLES.items():
        changed, gone = (_count(conn, listed) for listed in _lists(entity))
        if entity in reloaded:
            _take_staged(conn, entity, table)
        elif changed or gone:
            if entity in MONEY_INPUTS:
                _tell_checks(conn, checks, entity, table)
            _merge(conn, entity, table)
        if changed or gone:
            counts.upserted[entity] = changed
            counts.deleted[entity] = gone
        if entity in CLIENT_TABLES:
            _park_pending_rows(conn, entity, table, wire.ENTITY_KEYS[entity])
    conn.execute(
        update(table_of(SyncState)).values(cursor=state.cursor, epoch=state.epoch, snapshot_id="")
    )
    checks.finish()
    rollups.rebuild_if_stale(conn)
    money_checks.rebuild_if_stale(conn)
    return counts


def _tell_checks(
    conn: Connection, checks: money_checks.PageChecks, entity: str, table: Table
) -> None:
    """Show the money checks what the swap is about to change, as a page would."""
    changed, gone = _lists(entity)
    checks.deleting(entity, _keys(conn, gone))
    keys = _keys(conn, changed)
    for start in range(0, len(keys), INDEX_BATCH):
        chunk = keys[start : start + INDEX_BATCH]
        marks = ", ".join("?" * len(chunk))
        found = conn.exec_driver_sql(
            f'SELECT * FROM {SCHEMA}."{table.name}" WHERE id IN ({marks})', tuple(chunk)
        )
        checks.upserting(entity, [dict(r) for r in found.mappings()])


def _to_reload(conn: Connection) -> list[str]:
    """The big tables whose difference is so large that loading them again whole is cheaper."""
    chosen = []
    for entity, table in MIRROR_TABLES.items():
        if table not in BULK_TABLES:
            continue
        difference = sum(_count(conn, listed) for listed in _lists(entity))
        if difference and difference > RELOAD_SHARE * _count(conn, f'main."{table.name}"'):
            chosen.append(entity)
    return chosen


def _staged(entity: str) -> str:
    return f'"{MIRROR_TABLES[entity].name}__next"'


def _stage(conn: Connection, table: Table) -> None:
    """Copy the snapshot's rows of a big table beside it, a share per transaction.

    The copy has the table's own layout and no secondary indexes; the swap puts it in the
    table's place, and its indexes are built after the swap, one transaction each
    (``bulk.ensure_indexes``).
    """
    entity = next(e for e, t in MIRROR_TABLES.items() if t is table)
    staged = _staged(entity)
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    with conn.begin():
        layout = conn.exec_driver_sql(
            "SELECT sql FROM main.sqlite_master WHERE type = 'table' AND name = ?", (table.name,)
        ).scalar_one()
        made, found = _TABLE_NAME.subn(f"CREATE TABLE main.{staged}", layout, count=1)
        if not found:
            raise ValueError(f"cannot read the layout of {table.name}: {layout[:80]}")
        conn.exec_driver_sql(f"DROP TABLE IF EXISTS main.{staged}")
        conn.exec_driver_sql(made)
    after = -(2**63)
    while True:
        with conn.begin():
            copied = conn.exec_driver_sql(
                f'INSERT INTO main.{staged} ({names}) SELECT {names} FROM {SCHEMA}."{table.name}"'
                " WHERE id > ? ORDER BY id LIMIT ?",
                (after, STAGE_ROWS),
            ).rowcount
            after = conn.exec_driver_sql(f"SELECT max(id) FROM main.{staged}").scalar_one()
        if copied < STAGE_ROWS:
            return


def _take_staged(conn: Connection, entity: str, table: Table) -> None:
    if entity in rollups.TRACKED:
        rollups.mark_stale(conn)  # rebuilt at the end of the swap
    conn.exec_driver_sql(f'DROP TABLE main."{table.name}"')
    conn.exec_driver_sql(f'ALTER TABLE main.{_staged(entity)} RENAME TO "{table.name}"')


def _count(conn: Connection, name: str) -> int:
    return int(conn.exec_driver_sql(f"SELECT count(*) FROM {name}").scalar_one())


def _merge(conn: Connection, entity: str, table: Table) -> None:
    key = wire.ENTITY_KEYS[entity]
    name = f'"{table.name}"'
    changed, gone = _lists(entity)
    offset = rollups.live_offset(conn)
    if offset is not None:
        rollups.count_listed(conn, entity, changed, offset, -1)
        rollups.count_listed(conn, entity, gone, offset, -1)
    # Deleted, then written again: a row whose unique order number moved to another row
    # cannot stand in the way of the one that takes it.
    for listed in (gone, changed):
        conn.exec_driver_sql(f'DELETE FROM main.{name} WHERE "{key}" IN (SELECT k FROM {listed})')
    names = ", ".join(f'"{c.name}"' for c in table.columns)
    conn.exec_driver_sql(
        f"INSERT INTO main.{name} ({names}) SELECT {names} FROM {SCHEMA}.{name}"
        f' WHERE "{key}" IN (SELECT k FROM {changed})'
    )
    if offset is not None:
        rollups.count_listed(conn, entity, changed, offset, 1)
    if entity in SEARCHED:
        search.unindex(conn, entity, _keys(conn, gone))
        keys = _keys(conn, changed)
        for start in range(0, len(keys), INDEX_BATCH):
            chunk = keys[start : start + INDEX_BATCH]
            found = conn.execute(select(table).where(table.c[key].in_(chunk))).mappings()
            search.index_rows(conn, entity, [dict(r) for r in found])


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
