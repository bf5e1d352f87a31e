"""Starting a re-snapshot, keeping every local action.

A mirror that holds rows keeps them: the fresh snapshot is built beside it (``snapshot``) and
replaces it in one transaction when complete (``swap``). Only a mirror that holds nothing yet is
pulled into directly, the way a first pull is, since there is nothing to keep working on.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, String, cast, delete, select, update

from models import wire
from models.db import CLIENT_TABLES, MIRROR_TABLES, ConfirmedRow, OutboxEntry, SyncState, table_of
from models.search import clear_indexes
from models.sync import money_checks, rollups
from models.sync.outbox import requeue_journal

log = logging.getLogger(__name__)


def holds_nothing(conn: Connection) -> bool:
    """Whether the mirror has no row at all (a first pull has not brought anything yet)."""
    return all(
        conn.scalar(select(1).select_from(table).limit(1)) is None
        for table in MIRROR_TABLES.values()
    )


def begin_snapshot(conn: Connection, snapshot_id: str, reason: str) -> None:
    """Note that a fresh snapshot is built beside the mirror; the actions the platform may have
    lost are queued again, so that the snapshot has them."""
    requeued = requeue_journal(conn)
    conn.execute(update(table_of(SyncState)).values(snapshot_id=snapshot_id))
    log.warning("re-snapshot beside the mirror (%s); %d actions queued again", reason, requeued)


def reset_mirror(conn: Connection, reason: str) -> None:
    """Clear the mirror and rewind the cursor; pending and journal actions are queued again."""
    requeued = requeue_journal(conn)
    for table in MIRROR_TABLES.values():
        conn.execute(delete(table))
    outbox = table_of(OutboxEntry)
    for entity, table in CLIENT_TABLES.items():
        key = cast(table.c[wire.ENTITY_KEYS[entity]], String)
        pending = select(outbox.c.entity_key).where(
            outbox.c.entity == entity, outbox.c.status == "pending"
        )
        conn.execute(delete(table).where(key.not_in(pending)))
    conn.execute(delete(table_of(ConfirmedRow)))
    clear_indexes(conn)
    rollups.clear(conn)
    money_checks.mark_stale(conn)
    conn.execute(
        update(table_of(SyncState)).values(cursor=wire.START_CURSOR, epoch=None, snapshot_id="")
    )
    log.warning("re-snapshot of an empty mirror (%s); %d actions queued again", reason, requeued)
