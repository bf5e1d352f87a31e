"""Pages of the feed, answered as JSON built from the stored payload text.

A page may hold ten thousand rows; parsing each stored payload only to print it again would
cost more than the query, so the body is assembled from the stored text as it is.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence

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


def parse_position(cursor: str) -> tuple[int, int]:
    try:
        if not cursor.isascii():  # int() would read other scripts' digits too
            raise ValueError(cursor)
        catalogue, shop = wire.parse_cursor(cursor)
    except ValueError as error:
        raise BadCursor(
            f"{cursor[:40]!r} is not a cursor; start from {wire.START_CURSOR!r}."
        ) from error
    if catalogue > INT64_MAX or shop > INT64_MAX:
        raise BadCursor("That cursor points beyond any feed.")
    return catalogue, shop


def _check_position(conn: Connection, shop_id: int | None, position: int) -> int:
    """The feed's last sequence number, once ``position`` is known to be within reach."""
    found = feed.position(conn, shop_id)
    last_seq, horizon = found if found else (0, 0)
    return check_reach(position, last_seq, horizon)


def check_reach(position: int, last_seq: int, horizon: int) -> int:
    """``last_seq``, unless a client at ``position`` must take a fresh snapshot (CursorExpired)."""
    if position > last_seq:
        # The platform was restored from an older backup than the client has seen.
        raise CursorExpired("The platform has less history than this computer has seen.")
    if 0 < position < horizon:
        raise CursorExpired("This computer was away longer than the platform keeps deletions.")
    return int(last_seq)


# The hot queries of every sync, run on the driver's own cursor: rows come back as plain tuples,
# and SQLite hands the payload over as bytes, undecoded, ready to be copied into the body.
_SHOP_PAGE_SQL = (
    "SELECT entity, key, seq, {payload} FROM feed"
    " WHERE shop_id = {mark} AND seq > {mark} ORDER BY seq LIMIT {mark}"
)
_CATALOGUE_PAGE_SQL = (
    "SELECT entity, key, seq, {payload} FROM catalogue_feed"
    " WHERE seq > {mark} ORDER BY seq LIMIT {mark}"
)


def _entries(conn: Connection, shop_id: int | None, after: int, limit: int) -> Sequence[Entry]:
    if limit <= 0:
        return []
    template = _CATALOGUE_PAGE_SQL if shop_id is None else _SHOP_PAGE_SQL
    if conn.dialect.name == "sqlite":
        sql = template.format(payload="CAST(payload AS BLOB)", mark="?")
    else:
        sql = template.format(payload="payload", mark="%s")
    params = (after, limit) if shop_id is None else (shop_id, after, limit)
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


def read_page(conn: Connection, shop_id: int, cursor: str, limit: int) -> bytes:
    """The next page for a shop: catalogue changes first, then the shop's own."""
    catalogue_pos, shop_pos = parse_position(cursor)
    catalogue_last = _check_position(conn, None, catalogue_pos)
    shop_last = _check_position(conn, shop_id, shop_pos)
    # A position at its feed's last number has nothing after it in this snapshot (numbers are
    # taken in the transaction that writes their entries): the usual sync asks no more.
    catalogue: Sequence[Entry] = []
    if catalogue_pos < catalogue_last:
        catalogue = _entries(conn, None, catalogue_pos, limit + 1)
    more = len(catalogue) > limit
    catalogue = catalogue[:limit]
    room = limit - len(catalogue)
    shop = [] if more or shop_pos >= shop_last else _entries(conn, shop_id, shop_pos, room + 1)
    more = more or len(shop) > room
    shop = shop[:room]
    next_cursor = wire.format_cursor(
        catalogue[-1][2] if catalogue else catalogue_pos, shop[-1][2] if shop else shop_pos
    )
    return _page_body(read_epoch(conn), cursor, next_cursor, more, [*catalogue, *shop])


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
