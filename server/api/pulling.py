"""Serving pulls, and a fast lane for the platform's busiest request.

Every desktop syncs every minute or so, and nearly always finds nothing new: at a thousand
desktops that is the bulk of all traffic. Such a sync is answered from one statement (no
transaction around it on PostgreSQL), and FastAPI's routing and parameter handling, which cost
several times what the database does for it, are left out: the lane answers the well-formed
pulls itself with the same code as the route; anything it does not recognise at a glance (a
missing token, an odd parameter, a repeated one) goes on to the route, which answers as the
contract says.
"""

from __future__ import annotations

import asyncio
import logging
import re
from types import SimpleNamespace
from typing import Any, Final
from urllib.parse import unquote

from sqlalchemy import Connection, Row, bindparam, select
from starlette.types import ASGIApp, Receive, Scope, Send

from models import wire
from server import pull as feed_pages
from server import tokens, traffic
from server.api.errors import ApiError, error_response
from server.api.state import PlatformState, settle
from server.db.catalogue import CatalogueFeedState
from server.db.engine import read_begin, read_once
from server.db.platform import FeedPartition, Meta
from server.feed import CATALOGUE_STATE_ID

log = logging.getLogger(__name__)

PULL_PATH: Final = "/v1/pull"
_CURSOR: Final = re.compile(wire.CURSOR_PATTERN)
# The limit as a desktop writes it; any other spelling is left to the route to judge.
_LIMIT: Final = re.compile(r"[1-9][0-9]{0,15}")
_ROUTE: Final = SimpleNamespace(path=PULL_PATH)
_JSON_HEADERS: Final = [(b"content-type", b"application/json")]


def _shop_feed(column: Any) -> Any:
    return select(column).where(FeedPartition.shop_id == bindparam("shop_id")).scalar_subquery()


def _catalogue_feed(column: Any) -> Any:
    where = CatalogueFeedState.id == CATALOGUE_STATE_ID
    return select(column).where(where).scalar_subquery()


# Everything a sync with nothing to do needs, in one statement (bind shop_id, digest, now): the
# token's last use and person, whether deliveries are due, both feeds' reach, and the epoch.
_AT_A_GLANCE = select(
    tokens.LAST_USED.scalar_subquery().label("last_used_at"),
    tokens.PERSON.scalar_subquery().label("person_id"),
    tokens.USER.scalar_subquery().label("user_name"),
    tokens.ROLE.scalar_subquery().label("role"),
    tokens.STORE.scalar_subquery().label("store_manager_id"),
    traffic.DUE.label("due"),
    _catalogue_feed(CatalogueFeedState.last_seq).label("catalogue_last"),
    _catalogue_feed(CatalogueFeedState.horizon_seq).label("catalogue_horizon"),
    _shop_feed(FeedPartition.last_seq).label("shop_last"),
    _shop_feed(FeedPartition.horizon_seq).label("shop_horizon"),
    select(Meta.value).where(Meta.key == "epoch").scalar_subquery().label("epoch"),
)


def pull_page(state: PlatformState, token: str, cursor: str, limit: int) -> tuple[int, bytes]:
    """The caller's shop and the next page of its feed after ``cursor``.

    A desktop that is up to date is answered from one statement; one with something to fetch
    reads its page in a transaction of its own.
    """
    limit = min(limit, wire.MAX_PULL_LIMIT)
    named = tokens.shop_of(token)
    if named is None:
        settle(state, token, tokens.TokenCheck(tokens.TokenState.UNKNOWN))
    assert named is not None  # settle refused it
    shop_id, secret = named
    now = state.clock()
    with read_once(state.engine) as conn:
        glance = conn.execute(
            _AT_A_GLANCE, {"shop_id": shop_id, "digest": tokens.token_digest(secret), "now": now}
        ).one()
    found = None
    if glance.last_used_at is not None:
        found = tokens.Caller(
            shop_id, glance.person_id, glance.user_name, glance.role, glance.store_manager_id
        )
    caller = settle(state, token, tokens.judge(shop_id, glance.last_used_at, now, found))
    if glance.due:
        traffic.catch_up(state.engine, shop_id, now)
    elif glance.shop_last is not None and _up_to_date(glance, cursor):
        return shop_id, feed_pages.nothing_new(glance.epoch, cursor)
    viewer = feed_pages.Viewer(caller.role, caller.store_manager_id)
    with read_begin(state.engine) as conn:
        return shop_id, _page(conn, shop_id, cursor, limit, viewer)


def _up_to_date(glance: Row[Any], cursor: str) -> bool:
    catalogue_last = glance.catalogue_last or 0
    try:
        position = feed_pages.parse_position(cursor)
        feed_pages.check_reach(
            position.catalogue,
            position.catalogue_horizon,
            catalogue_last,
            glance.catalogue_horizon or 0,
        )
        feed_pages.check_reach(
            position.shop, position.shop_horizon, glance.shop_last, glance.shop_horizon
        )
    except (feed_pages.BadCursor, feed_pages.CursorExpired):
        return False  # said in words by the full read
    return position.catalogue == catalogue_last and position.shop == glance.shop_last


def _page(
    conn: Connection, shop_id: int, cursor: str, limit: int, viewer: feed_pages.Viewer
) -> bytes:
    try:
        return feed_pages.read_page(conn, shop_id, cursor, limit, viewer)
    except feed_pages.BadCursor as error:
        raise ApiError(400, wire.ERR_BAD_REQUEST, str(error)) from error
    except feed_pages.CursorExpired as error:
        message = f"{error} Take a fresh snapshot from {wire.START_CURSOR!r}."
        raise ApiError(410, wire.ERR_CURSOR_EXPIRED, message) from error


def _plain_pull(scope: Scope) -> tuple[str, str, int] | None:
    """(token, cursor, limit) of a pull in the form the desktop sends, else None."""
    if scope.get("method") != "GET" or scope.get("path") != PULL_PATH:
        return None
    token = ""
    for name, value in scope["headers"]:
        if name == b"authorization":
            if token:
                return None
            scheme, _, rest = value.decode("latin-1").partition(" ")
            token = rest.strip() if scheme.lower() == "bearer" else ""
            if not token:
                return None
    if not token:
        return None
    cursor, limit = wire.START_CURSOR, wire.MAX_PULL_LIMIT
    seen: set[str] = set()
    for part in scope.get("query_string", b"").decode("latin-1").split("&"):
        if not part:
            continue
        name, sep, value = part.partition("=")
        if not sep or name in seen or "%" in name or "+" in value:
            return None
        seen.add(name)
        value = unquote(value)
        if name == "cursor" and _CURSOR.fullmatch(value):
            cursor = value
        elif name == "limit" and _LIMIT.fullmatch(value) and int(value) <= wire.JSON_INT_MAX:
            limit = int(value)
        else:
            return None
    return token, cursor, limit


class PullLane:
    """ASGI middleware in front of the routes: well-formed pulls answered straight away."""

    def __init__(self, app: ASGIApp, state: PlatformState) -> None:
        self.app = app
        self.state = state

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        plain = _plain_pull(scope) if scope["type"] == "http" else None
        if plain is None:
            await self.app(scope, receive, send)
            return
        scope["route"] = _ROUTE
        loop = asyncio.get_running_loop()
        try:
            shop_id, body = await loop.run_in_executor(None, pull_page, self.state, *plain)
        except ApiError as error:
            await error_response(error.status, error.code, error.message, error.headers)(
                scope, receive, send
            )
            return
        scope.setdefault("state", {})["shop_id"] = shop_id
        await send(
            {
                "type": "http.response.start",
                "status": 200,
                "headers": [*_JSON_HEADERS, (b"content-length", str(len(body)).encode())],
            }
        )
        await send({"type": "http.response.body", "body": body})
