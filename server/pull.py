"""Pages of the feed, answered as JSON built from the stored payload text.

A page may hold ten thousand rows; parsing each stored payload only to print it again would
cost more than the query, so the body is assembled from the stored text as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import orjson
from sqlalchemy import Connection

from models import wire
from server import feed
from server.db.schema import TEXT_KEY_ENTITIES, read_epoch

log = logging.getLogger(__name__)

INT64_MAX = 2**63 - 1
# (entity, key, seq, payload): the payload is None for a deleted row.
Entry = tuple[str, str, int, bytes | str | None]


class BadCursor(ValueError):
    pass


class CursorExpired(Exception):
    """The client's position cannot be continued from: it must take a fresh snapshot."""


def parse_position(cursor: str) -> wire.Cursor:
    try:
        found = wire.read_cursor(cursor)
    except ValueError as error:
        raise BadCursor(
            f"{cursor[:40]!r} is not a cursor; start from {wire.START_CURSOR!r}."
        ) from error
    if max(found) > INT64_MAX:
        raise BadCursor("That cursor points beyond any feed.")
    return found


def _check_position(
    conn: Connection, shop_id: int | None, position: int, seen_horizon: int
) -> tuple[int, int]:
    """The feed's (last sequence number, horizon), once ``position`` is known to be within reach."""
    found = feed.position(conn, shop_id)
    last_seq, horizon = found if found else (0, 0)
    check_reach(position, seen_horizon, last_seq, horizon)
    return last_seq, horizon


def check_reach(position: int, seen_horizon: int, last_seq: int, horizon: int) -> None:
    """Raise CursorExpired when a client at ``position`` must take a fresh snapshot.

    Deletions up to the horizon are forgotten. A position below it may have missed one, unless
    the horizon was already there when the position was served (``seen_horizon``): a snapshot
    that started after the purge never held the rows those deletions removed.
    """
    if max(position, seen_horizon) > last_seq:
        # The platform was restored from an older backup than the client has seen.
        raise CursorExpired("The platform has less history than this computer has seen.")
    if 0 < position < horizon and seen_horizon < horizon:
        raise CursorExpired("This computer was away longer than the platform keeps deletions.")


# The hot queries of every sync, run on the driver's own cursor: rows come back as plain tuples,
# and SQLite hands the payload over as bytes, undecoded, ready to be copied into the body.
_SHOP_PAGE_SQL = (
    "SELECT entity, key, seq, {payload} FROM feed"
    " WHERE shop_id = {mark} AND seq > {mark}{only} ORDER BY seq LIMIT {mark}"
)
_CATALOGUE_PAGE_SQL = (
    "SELECT entity, key, seq, {payload} FROM catalogue_feed"
    " WHERE seq > {mark} ORDER BY seq LIMIT {mark}"
)
# An assistant's feed is the owner's without the owner's own entities (a fixed list of words).
_STAFF_ONLY = " AND entity NOT IN ({})".format(
    ", ".join(f"'{entity}'" for entity in sorted(wire.OWNER_ONLY_ENTITIES))
)
# A manager's feed: her entries, each with the row as the shop's feed has it now (one entry per
# row and number, so the row's payload is the one numbered), or none when the row left her.
_MANAGER_PAGE_SQL = (
    "SELECT r.entity, r.key, r.seq, CASE WHEN r.gone THEN NULL ELSE {payload} END"
    " FROM manager_feed r LEFT JOIN feed f"
    " ON f.shop_id = r.shop_id AND f.entity = r.entity AND f.key = r.key"
    " WHERE r.shop_id = {mark} AND r.manager_id = {mark} AND r.seq > {mark}"
    " ORDER BY r.seq LIMIT {mark}"
)


@dataclass(frozen=True)
class Viewer:
    """Whose feed it is: the owner's (all of the shop), an assistant's, or a manager's."""

    role: str = "owner"
    store_manager_id: int | None = None


OWNER: Final = Viewer()


def _run(conn: Connection, sql: str, params: tuple[Any, ...]) -> Sequence[Entry]:
    cursor = conn.connection.cursor()
    try:
        # Whoever listens to the engine's statements (logging, tests) hears this one too.
        for listener in conn.dispatch.before_cursor_execute:
            listener(conn, cursor, sql, params, None, False)
        cursor.execute(sql, params)
        rows: Sequence[Entry] = cursor.fetchall()
        return rows
    finally:
        cursor.close()


def _entries(
    conn: Connection, shop_id: int | None, after: int, limit: int, viewer: Viewer = OWNER
) -> Sequence[Entry]:
    if limit <= 0:
        return []
    sqlite = conn.dialect.name == "sqlite"
    mark = "?" if sqlite else "%s"
    if shop_id is None:
        payload = "CAST(payload AS BLOB)" if sqlite else "payload"
        return _run(conn, _CATALOGUE_PAGE_SQL.format(payload=payload, mark=mark), (after, limit))
    if viewer.role == "manager":
        payload = "CAST(f.payload AS BLOB)" if sqlite else "f.payload"
        sql = _MANAGER_PAGE_SQL.format(payload=payload, mark=mark)
        manager = viewer.store_manager_id if viewer.store_manager_id is not None else -1
        return _run(conn, sql, (shop_id, manager, after, limit))
    only = _STAFF_ONLY if viewer.role == "assistant" else ""
    payload = "CAST(payload AS BLOB)" if sqlite else "payload"
    sql = _SHOP_PAGE_SQL.format(payload=payload, mark=mark, only=only)
    return _run(conn, sql, (shop_id, after, limit))


def read_page(
    conn: Connection, shop_id: int, cursor: str, limit: int, viewer: Viewer = OWNER
) -> bytes:
    """The next page of a shop's feed as ``viewer`` sees it: catalogue changes first, then the
    shop's own (for an assistant without the owner's own rows, for a manager only those within
    reach of her sub-store)."""
    position = parse_position(cursor)
    # The horizons are read before the entries: a purge in between makes the next cursor
    # carry the older horizon, which is refused then, never the other way round.
    catalogue_last, catalogue_horizon = _check_position(
        conn, None, position.catalogue, position.catalogue_horizon
    )
    shop_last, shop_horizon = _check_position(conn, shop_id, position.shop, position.shop_horizon)
    # A position at its feed's last number has nothing after it in this snapshot (numbers are
    # taken in the transaction that writes their entries): the usual sync asks no more.
    catalogue: Sequence[Entry] = []
    if position.catalogue < catalogue_last:
        catalogue = _entries(conn, None, position.catalogue, limit + 1)
    more = len(catalogue) > limit
    catalogue = catalogue[:limit]
    room = limit - len(catalogue)
    shop: Sequence[Entry] = []
    if not more and position.shop < shop_last:
        shop = _entries(conn, shop_id, position.shop, room + 1, viewer)
    shop_more = len(shop) > room
    shop = shop[:room]
    # Read to the end, a client stands at the feed's last number, whatever of it was theirs to
    # see: its next sync then finds nothing new at a glance.
    shop_next = shop[-1][2] if shop else position.shop
    if not more and not shop_more:
        shop_next = shop_last
    next_cursor = wire.format_cursor(
        catalogue[-1][2] if catalogue else position.catalogue,
        shop_next,
        catalogue_horizon,
        shop_horizon,
    )
    body = [*catalogue, *shop]
    return _page_body(read_epoch(conn), cursor, next_cursor, more or shop_more, body)


def nothing_new(epoch: str, cursor: str) -> bytes:
    """The page of a client that has everything already."""
    return _page_body(epoch, cursor, cursor, False, ())


def _page_body(
    epoch: str, cursor: str, next_cursor: str, more: bool, entries: Sequence[Entry]
) -> bytes:
    upserts: dict[str, list[bytes]] = {}
    deletes: dict[str, list[int | str]] = {}
    for entity, key, _seq, payload in entries:
        if payload is None:
            deleted = key if entity in TEXT_KEY_ENTITIES else int(key)
            deletes.setdefault(entity, []).append(deleted)
        else:
            as_bytes = payload if isinstance(payload, bytes) else payload.encode()
            upserts.setdefault(entity, []).append(as_bytes)
    parts = [
        b'{"epoch":',
        orjson.dumps(epoch),
        b',"cursor":',
        orjson.dumps(cursor),
        b',"next_cursor":',
        orjson.dumps(next_cursor),
        b',"more":',
        b"true" if more else b"false",
        b',"upserts":{',
        b",".join(b'"%s":[%s]' % (e.encode(), b",".join(rows)) for e, rows in upserts.items()),
        b'},"deletes":',
        orjson.dumps(deletes),
        b"}",
    ]
    return b"".join(parts)
