"""What every route needs: the database, the clock, and the shop behind a token."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Connection, Engine

from models import wire
from server import tokens
from server.api.errors import ApiError
from server.clock import Clock, system_clock
from server.db.engine import read_begin, write_begin

log = logging.getLogger(__name__)

_NOT_VALID = "This sign-in is not valid any more; please sign in again."
_EXPIRED = (
    f"This sign-in ended after {wire.TOKEN_IDLE_DAYS} days without use; please sign in again."
)


@dataclass
class PlatformState:
    engine: Engine
    # Tests replace the clock to fix time; everything that stamps a row asks it.
    clock: Clock = field(default=system_clock)
    # Where customers' phones reach the platform, announced to desktops for their QR codes;
    # "" when the platform's own address (the one desktops use) serves.
    public_url: str = ""


async def platform_state(request: Request) -> PlatformState:
    state = request.app.state.platform
    assert isinstance(state, PlatformState)
    return state


State = Annotated[PlatformState, Depends(platform_state)]


def bearer_token(authorization: str | None) -> str:
    """The token of an Authorization header; 401 when there is none."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, wire.ERR_AUTH, "Sign in first: this request carries no token.")
    return token


def shop_of_token(state: PlatformState, token: str) -> int:
    """The shop a valid token signs in to; 401 for a token unknown, revoked or expired."""
    return caller_of_token(state, token).shop_id


def caller_of_token(state: PlatformState, token: str) -> tokens.Caller:
    """The person a valid token belongs to; 401 for a token unknown, revoked or expired (a
    disabled person's tokens are gone)."""
    with read_begin(state.engine) as conn:
        return caller_of_token_on(conn, state, token)


def caller_of_token_on(conn: Connection, state: PlatformState, token: str) -> tokens.Caller:
    """``caller_of_token`` within a transaction the caller goes on using; the rare writes (an
    ended sign-in forgotten, an hourly note of use) take transactions of their own."""
    return settle(state, token, tokens.check_token(conn, token, state.clock()))


def settle(state: PlatformState, token: str, check: tokens.TokenCheck) -> tokens.Caller:
    """Who holds a checked token, or the 401 it gets; writes what an ended or used one needs."""
    if check.state is tokens.TokenState.UNKNOWN:
        raise ApiError(401, wire.ERR_AUTH, _NOT_VALID)
    if check.state is tokens.TokenState.EXPIRED:
        with write_begin(state.engine) as writer:
            tokens.revoke_token(writer, token)
        raise ApiError(401, wire.ERR_SESSION_EXPIRED, _EXPIRED)
    if check.stale_use:
        with write_begin(state.engine) as writer:
            tokens.touch_token(writer, token, state.clock())
    assert check.caller is not None  # a valid token names its person
    return check.caller


def signed_in_shop(
    request: Request, state: State, authorization: Annotated[str | None, Header()] = None
) -> int:
    """The caller's shop, from the bearer token alone; nothing in a body can name another."""
    shop_id = shop_of_token(state, bearer_token(authorization))
    # For the access log: which shop a request was for, never who the person is.
    request.state.shop_id = shop_id
    return shop_id


def signed_in_caller(
    request: Request, state: State, authorization: Annotated[str | None, Header()] = None
) -> tokens.Caller:
    """The person behind the bearer token: their shop, their role and, for a manager, her
    sub-store."""
    caller = caller_of_token(state, bearer_token(authorization))
    request.state.shop_id = caller.shop_id
    return caller


async def caller_token(authorization: Annotated[str | None, Header()] = None) -> str:
    return bearer_token(authorization)


ShopId = Annotated[int, Depends(signed_in_shop)]
Caller = Annotated[tokens.Caller, Depends(signed_in_caller)]
Token = Annotated[str, Depends(caller_token)]
