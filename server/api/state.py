"""What every route needs: the database, the clock, and the shop behind a token."""

from __future__ import annotations

import logging
from dataclasses import dataclass, field
from typing import Annotated

from fastapi import Depends, Header, Request
from sqlalchemy import Engine

from models import wire
from server.api.errors import ApiError
from server.auth import shop_for_token
from server.clock import Clock, system_clock
from server.db.engine import read_begin

log = logging.getLogger(__name__)


@dataclass
class PlatformState:
    engine: Engine
    # Tests replace the clock to fix time; everything that stamps a row asks it.
    clock: Clock = field(default=system_clock)
    # Where customers' phones reach the platform, announced to desktops for their QR codes;
    # "" when the platform's own address (the one desktops use) serves.
    public_url: str = ""


def platform_state(request: Request) -> PlatformState:
    state = request.app.state.platform
    assert isinstance(state, PlatformState)
    return state


State = Annotated[PlatformState, Depends(platform_state)]


def signed_in_shop(state: State, authorization: Annotated[str | None, Header()] = None) -> int:
    """The caller's shop, from the bearer token alone; nothing in a body can name another."""
    scheme, _, token = (authorization or "").partition(" ")
    token = token.strip()
    if scheme.lower() != "bearer" or not token:
        raise ApiError(401, wire.ERR_AUTH, "Sign in first: this request carries no token.")
    if len(token) > 200 or not token.isascii():
        raise ApiError(401, wire.ERR_AUTH, "This sign-in is not valid; please sign in again.")
    with read_begin(state.engine) as conn:
        shop_id = shop_for_token(conn, token)
    if shop_id is None:
        raise ApiError(401, wire.ERR_AUTH, "This sign-in is not valid; please sign in again.")
    return shop_id


ShopId = Annotated[int, Depends(signed_in_shop)]
