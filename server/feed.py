"""The compacted change log: numbering changes per partition, and purging old tombstones."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import NamedTuple

from sqlalchemy import Connection, Engine, delete, select, update

from server.db.base import table_of
from server.db.engine import write_begin
from server.db.platform import Feed, FeedPartition
from server.db.upsert import upsert

log = logging.getLogger(__name__)

INT64_MAX = 2**63 - 1


class Change(NamedTuple):
    entity: str
    key: str
    # The wire row as JSON text, or None when the row was deleted.
    payload: str | None


def take_seqs(conn: Connection, partition_id: int, count: int) -> int:
    """Reserve ``count`` sequence numbers of a partition; returns the first one.

    The UPDATE locks the partition's row until commit on PostgreSQL, so two writers of one shop
    take turns and their numbers become visible in the order they were handed out; a reader
    that has seen seq N can never later find a new entry below N.
    """
    stmt = (
        update(FeedPartition)
        .where(FeedPartition.partition_id == partition_id)
        .values(last_seq=FeedPartition.last_seq + count)
        .returning(FeedPartition.last_seq)
    )
    last = conn.execute(stmt).scalar_one_or_none()
    if last is None:
        raise LookupError(f"feed partition {partition_id} does not exist")
    return int(last) - count + 1


def append(conn: Connection, partition_id: int, changes: Sequence[Change]) -> None:
    """Give each change the next number of its partition, replacing the row's older entry."""
    latest = {(c.entity, c.key): c for c in changes}  # one statement may not touch a key twice
    if not latest:
        return
    first = take_seqs(conn, partition_id, len(latest))
    entries = [
        {
            "partition_id": partition_id,
            "entity": change.entity,
            "key": change.key,
            "seq": first + offset,
            "payload": change.payload,
        }
        for offset, change in enumerate(latest.values())
    ]
    upsert(conn, table_of(Feed), entries)


def open_partition(conn: Connection, partition_id: int) -> None:
    conn.execute(
        table_of(FeedPartition)
        .insert()
        .values(partition_id=partition_id, last_seq=0, horizon_seq=0)
    )


def purge_tombstones(conn: Connection, partition_id: int, up_to_seq: int) -> int:
    """Forget deletions numbered up to ``up_to_seq``; returns how many were dropped.

    A client whose cursor is below the new horizon may have missed one of them, so its next
    pull is refused and it takes a fresh snapshot instead; a snapshot that starts after the
    purge is not (``server.pull``).
    """
    # Locking the partition's row makes the purge wait for its writers, as they wait for
    # each other (``take_seqs``).
    last_seq, old_horizon = conn.execute(
        select(FeedPartition.last_seq, FeedPartition.horizon_seq)
        .where(FeedPartition.partition_id == partition_id)
        .with_for_update()
    ).one()
    horizon = max(old_horizon, min(up_to_seq, last_seq))
    dropped = conn.execute(
        delete(Feed).where(
            Feed.partition_id == partition_id, Feed.payload.is_(None), Feed.seq <= horizon
        )
    ).rowcount
    conn.execute(
        update(FeedPartition)
        .where(FeedPartition.partition_id == partition_id)
        .values(horizon_seq=horizon)
    )
    log.info("purged %d tombstones of partition %d up to seq %d", dropped, partition_id, horizon)
    return int(dropped)


def purge_all_tombstones(engine: Engine) -> tuple[int, int]:
    """Forget every deletion the feed holds, partition by partition, one transaction each.

    Returns how many deletions were forgotten and in how many partitions.
    """
    with engine.connect() as conn:
        partitions = list(conn.scalars(select(FeedPartition.partition_id)))
    dropped = 0
    for partition_id in partitions:
        with write_begin(engine) as conn:
            dropped += purge_tombstones(conn, partition_id, INT64_MAX)
    log.info("forgot %d deletions in %d feed partitions", dropped, len(partitions))
    return dropped, len(partitions)
