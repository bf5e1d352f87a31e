"""Re-snapshot: forget the mirror and pull it again from the start, keeping every local action."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, String, cast, delete, select, update

from models import wire
from models.db import CLIENT_TABLES, MIRROR_TABLES, ConfirmedRow, OutboxEntry, SyncState, table_of
from models.search import clear_indexes
from models.sync import money_checks, rollups
from models.sync.outbox import requeue_journal

log = logging.getLogger(__name__)


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
    conn.execute(update(table_of(SyncState)).values(cursor=wire.START_CURSOR, epoch=None))
    log.warning("re-snapshot of the mirror (%s); %d actions queued again", reason, requeued)
