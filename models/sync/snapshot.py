"""A re-snapshot, built beside the mirror in a file of its own.

When the platform cannot continue from the mirror's cursor (a new epoch, or deletions it forgot
before this computer saw them), the whole feed is read again. It goes into ``snapshot.sqlite3``
next to the profile's database, never into the mirror: the owner keeps working on the mirror,
offline included, until ``models.sync.swap`` makes the complete snapshot take its place in one
transaction. Pages written here do not take the profile's write lock, so her actions never wait
for them.

The snapshot's tables have the mirror's columns and primary keys and nothing else: a million
orders load without keeping eight secondary indexes up to date row by row. The file carries its
own cursor and epoch with each page, so a sync killed halfway goes on from the last page it
wrote. ``sync_state.snapshot_id`` in the profile names the snapshot being built; a file that
does not carry that id (or another layout) is left over and is deleted.
"""

from __future__ import annotations

import contextlib
import logging
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, cast

from sqlalchemy import (
    Column,
    Connection,
    Engine,
    Integer,
    MetaData,
    String,
    Table,
    Text,
    select,
    update,
)
from sqlalchemy.exc import DBAPIError

from models import wire
from models.migrate import newest_revision
from models.profile import make_engine
from models.sync.apply import TABLES, PageCounts, delete_rows, upsert_rows

log = logging.getLogger(__name__)

SNAPSHOT_NAME: Final = "snapshot.sqlite3"
# Raised when what the file holds changes; a file of another layout is started again.
SNAPSHOT_FORMAT: Final = 1

_metadata = MetaData()
SNAPSHOT_TABLES: Final[dict[str, Table]] = {
    entity: Table(
        table.name,
        _metadata,
        *(
            Column(c.name, c.type, primary_key=c.primary_key, autoincrement=False)
            for c in table.columns
        ),
    )
    for entity, table in TABLES.items()
}
snapshot_state = Table(
    "snapshot_state",
    _metadata,
    Column("id", String(64), primary_key=True),
    Column("layout", String(64), nullable=False),
    Column("reason", Text, nullable=False),
    Column("started_at", Integer, nullable=False),
    Column("cursor", String(wire.MAX_CURSOR_LENGTH), nullable=False),
    Column("epoch", String(64)),
    Column("rows", Integer, nullable=False),
)


def snapshot_path(folder: Path) -> Path:
    return folder / SNAPSHOT_NAME


def layout() -> str:
    """What a snapshot file must have been made for: this schema, this format."""
    return f"{newest_revision()}/{SNAPSHOT_FORMAT}"


@dataclass
class Snapshot:
    """An open snapshot file and where its pull stands."""

    path: Path
    engine: Engine
    id: str
    cursor: str
    epoch: str | None
    rows: int

    def apply_page(self, page: wire.PullPage) -> PageCounts:
        """Write a page and its cursor in one transaction of the snapshot file."""
        counts = PageCounts()
        upserts = cast(Mapping[str, list[dict[str, Any]]], page.upserts)
        with self.engine.begin() as conn:
            for entity, rows in upserts.items():
                if rows:
                    upsert_rows(conn, SNAPSHOT_TABLES[entity], rows)
                    counts.upserted[entity] = len(rows)
            for entity, keys in page.deletes.items():
                if keys:
                    table = SNAPSHOT_TABLES[entity]
                    delete_rows(conn, table, wire.ENTITY_KEYS[entity], keys)
                    counts.deleted[entity] = len(keys)
            self.rows += counts.total
            conn.execute(
                update(snapshot_state)
                .where(snapshot_state.c.id == self.id)
                .values(cursor=page.next_cursor, epoch=page.epoch, rows=self.rows)
            )
        self.cursor, self.epoch = page.next_cursor, page.epoch
        return counts

    def close(self) -> None:
        self.engine.dispose()


def new_snapshot_id() -> str:
    return uuid.uuid4().hex


def create(folder: Path, snapshot_id: str, reason: str, now: int | None = None) -> Snapshot:
    """A fresh, empty snapshot file; whatever file was there before is deleted first."""
    discard(folder)
    path = snapshot_path(folder)
    engine = make_engine(path)
    with engine.begin() as conn:
        _metadata.create_all(conn)
        conn.execute(
            snapshot_state.insert().values(
                id=snapshot_id,
                layout=layout(),
                reason=reason[:500],
                started_at=int(time.time()) if now is None else now,
                cursor=wire.START_CURSOR,
                epoch=None,
                rows=0,
            )
        )
    log.info("a fresh snapshot of the shop is built beside the mirror (%s)", reason)
    return Snapshot(path, engine, snapshot_id, wire.START_CURSOR, None, 0)


def resume(folder: Path, snapshot_id: str) -> Snapshot | None:
    """The snapshot file being built under ``snapshot_id``, or None when there is none to go on
    with (missing, unreadable, made for another snapshot or another layout)."""
    path = snapshot_path(folder)
    if not path.is_file():
        return None
    engine = make_engine(path)
    try:
        with engine.connect() as conn:
            state = _state(conn, snapshot_id)
    except DBAPIError as exc:
        log.warning("the snapshot file %s cannot be read (%s); starting again", path, exc)
        state = None
    if state is None:
        engine.dispose()
        return None
    if state.cursor != wire.START_CURSOR:
        log.info("going on with the snapshot of the shop from %s", state.cursor)
    return Snapshot(path, engine, snapshot_id, state.cursor, state.epoch, state.rows)


def _state(conn: Connection, snapshot_id: str) -> Any:
    state = conn.execute(select(snapshot_state)).first()
    if state is None or state.id != snapshot_id or state.layout != layout():
        return None
    for table in SNAPSHOT_TABLES.values():
        conn.execute(select(table).limit(0)).all()  # every table is there
    return state


def discard(folder: Path) -> None:
    """Delete the snapshot file, if any, with its journal files."""
    path = snapshot_path(folder)
    for suffix in ("-wal", "-shm", "-journal", ""):
        with contextlib.suppress(FileNotFoundError):
            Path(f"{path}{suffix}").unlink()
