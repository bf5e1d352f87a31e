"""The compacted change logs: each shop's feed and the catalogue's, numbering and purging.

``shop_id`` None means the catalogue, whose feed every shop reads; any other value is that
shop's own feed. A transaction may hold its changes back (``deferred``) and append them once
at its end: one numbering and one statement per feed, however many rows it wrote.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import NamedTuple

from sqlalchemy import ColumnElement, Connection, Table, delete, insert, select, update

from server import reach
from server.db.base import table_of
from server.db.catalogue import CatalogueFeed, CatalogueFeedState
from server.db.platform import Feed, FeedPartition
from server.db.upsert import insert_if_absent, upsert

log = logging.getLogger(__name__)

INT64_MAX = 2**63 - 1
# The catalogue's feed has one state row.
CATALOGUE_STATE_ID = 1
_DEFERRED = "zhanggui.deferred_feed"


class Change(NamedTuple):
    entity: str
    key: str
    # The wire row as JSON text, or None when the row was deleted.
    payload: str | None
    # The store managers who see the row now (server.reach), or None for a row no manager
    # ever sees.
    managers: frozenset[int] | None = None


@dataclass(frozen=True)
class _FeedTables:
    entries: Table
    state: Table
    # The columns that say whose feed a row belongs to: shop_id, or nothing for the catalogue.
    owner: dict[str, int]

    def state_is_mine(self) -> list[ColumnElement[bool]]:
        if not self.owner:
            return [self.state.c.id == CATALOGUE_STATE_ID]
        return [self.state.c[name] == value for name, value in self.owner.items()]

    def entries_are_mine(self) -> list[ColumnElement[bool]]:
        return [self.entries.c[name] == value for name, value in self.owner.items()]


def _tables(shop_id: int | None) -> _FeedTables:
    if shop_id is None:
        return _FeedTables(table_of(CatalogueFeed), table_of(CatalogueFeedState), {})
    return _FeedTables(table_of(Feed), table_of(FeedPartition), {"shop_id": shop_id})


def take_seqs(conn: Connection, shop_id: int | None, count: int) -> int:
    """Reserve ``count`` sequence numbers of a feed; returns the first one.

    The UPDATE locks the feed's state row until commit on PostgreSQL, so two writers of one
    shop take turns and their numbers become visible in the order they were handed out; a
    reader that has seen seq N can never later find a new entry below N.
    """
    feed = _tables(shop_id)
    stmt = (
        update(feed.state)
        .where(*feed.state_is_mine())
        .values(last_seq=feed.state.c.last_seq + count)
        .returning(feed.state.c.last_seq)
    )
    last = conn.execute(stmt).scalar_one_or_none()
    if last is None:
        whose = "the catalogue" if shop_id is None else f"shop {shop_id}"
        raise LookupError(f"the feed of {whose} does not exist")
    return int(last) - count + 1


def append(conn: Connection, shop_id: int | None, changes: Sequence[Change]) -> None:
    """Give each change the next number of its feed, replacing the row's older entry.

    Inside ``deferred`` the changes wait for the end of the transaction instead.
    """
    held: Deferred | None = conn.info.get(_DEFERRED)
    if held is not None:
        held.staged.extend((shop_id, change) for change in changes)
        return
    _write(conn, shop_id, changes)


def _write(conn: Connection, shop_id: int | None, changes: Sequence[Change]) -> None:
    latest = {(c.entity, c.key): c for c in changes}  # one statement may not touch a key twice
    if not latest:
        return
    first = take_seqs(conn, shop_id, len(latest))
    feed = _tables(shop_id)
    entries = [
        {
            **feed.owner,
            "entity": change.entity,
            "key": change.key,
            "seq": first + offset,
            "payload": change.payload,
        }
        for offset, change in enumerate(latest.values())
    ]
    upsert(conn, feed.entries, entries)
    if shop_id is not None:
        reach.write(
            conn,
            shop_id,
            [
                (change.entity, change.key, first + offset, change.managers)
                for offset, change in enumerate(latest.values())
                if change.managers is not None
            ],
        )


def staged_managers(
    conn: Connection, shop_id: int, entity: str, keys: Iterable[str]
) -> dict[str, frozenset[int]]:
    """Who sees each row by the changes this transaction holds back for its end, if any."""
    held: Deferred | None = conn.info.get(_DEFERRED)
    if held is None:
        return {}
    wanted = set(keys)
    found: dict[str, frozenset[int]] = {}
    for owner, change in held.staged:
        same_row = owner == shop_id and change.entity == entity and change.key in wanted
        if same_row and change.managers is not None:
            found[change.key] = change.managers
    return found


@dataclass
class Deferred:
    staged: list[tuple[int | None, Change]] = field(default_factory=list)

    @contextmanager
    def held(self) -> Iterator[None]:
        """Changes made inside are kept only if the block succeeds, as a savepoint's rows."""
        outer = self.staged
        self.staged = []
        try:
            yield
        except BaseException:
            self.staged = outer
            raise
        outer.extend(self.staged)
        self.staged = outer


@contextmanager
def deferred(conn: Connection) -> Iterator[Deferred]:
    """Hold every feed change made on ``conn`` and append them at the end of the block.

    Held changes are numbered at the very end, so a transaction holds its feeds' locks only
    for its last moment; nothing is appended when the block raises.
    """
    if _DEFERRED in conn.info:
        raise RuntimeError("feed changes are already held on this connection")
    held = Deferred()
    conn.info[_DEFERRED] = held
    try:
        yield held
    finally:
        del conn.info[_DEFERRED]
    by_feed: dict[int | None, list[Change]] = {}
    for shop_id, change in held.staged:
        by_feed.setdefault(shop_id, []).append(change)
    for shop_id, changes in by_feed.items():
        _write(conn, shop_id, changes)


def open_shop_feed(conn: Connection, shop_id: int) -> bool:
    """Start a shop's feed; False when a shop of that id exists already."""
    row = {"shop_id": shop_id, "last_seq": 0, "horizon_seq": 0}
    return insert_if_absent(conn, table_of(FeedPartition), row)


def open_catalogue_feed(conn: Connection) -> None:
    state = table_of(CatalogueFeedState)
    if conn.scalar(select(state.c.id).where(state.c.id == CATALOGUE_STATE_ID)) is None:
        conn.execute(insert(state).values(id=CATALOGUE_STATE_ID, last_seq=0, horizon_seq=0))


def position(conn: Connection, shop_id: int | None) -> tuple[int, int] | None:
    """(last_seq, horizon_seq) of a feed, or None when it does not exist."""
    feed = _tables(shop_id)
    found = conn.execute(
        select(feed.state.c.last_seq, feed.state.c.horizon_seq).where(*feed.state_is_mine())
    ).first()
    return None if found is None else (int(found.last_seq), int(found.horizon_seq))


def purge_tombstones(conn: Connection, shop_id: int | None, up_to_seq: int) -> int:
    """Forget deletions numbered up to ``up_to_seq``; returns how many were dropped.

    A client whose cursor is below the new horizon may have missed one of them, so its next
    pull is refused and it takes a fresh snapshot instead; a snapshot that starts after the
    purge is not (``server.pull``).
    """
    feed = _tables(shop_id)
    # Locking the feed's state row makes the purge wait for its writers, as they wait for
    # each other (``take_seqs``).
    found = conn.execute(
        select(feed.state.c.last_seq, feed.state.c.horizon_seq)
        .where(*feed.state_is_mine())
        .with_for_update()
    ).first()
    if found is None:
        raise LookupError(f"no feed for {shop_id}")
    last_seq, old_horizon = int(found.last_seq), int(found.horizon_seq)
    horizon = max(old_horizon, min(up_to_seq, last_seq))
    dropped = conn.execute(
        delete(feed.entries).where(
            *feed.entries_are_mine(),
            feed.entries.c.payload.is_(None),
            feed.entries.c.seq <= horizon,
        )
    ).rowcount
    conn.execute(update(feed.state).where(*feed.state_is_mine()).values(horizon_seq=horizon))
    if shop_id is not None:
        reach.purge(conn, shop_id, horizon)
    whose = "the catalogue" if shop_id is None else f"shop {shop_id}"
    log.info("purged %d tombstones of %s up to seq %d", dropped, whose, horizon)
    return int(dropped)
