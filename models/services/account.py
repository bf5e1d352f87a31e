"""Signing a profile in to its shop on the platform."""

from __future__ import annotations

import logging
from dataclasses import dataclass

from sqlalchemy import select

from models import wire
from models.db import SyncState
from models.errors import PlatformError, ProfileOtherShop
from models.profile import Profile
from models.sync.transport import PlatformClient

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class SignedIn:
    shop_id: int
    shop_code: str
    shop_name: str
    platform_url: str


def login(profile: Profile, platform_url: str, shop_code: str, password: str) -> SignedIn:
    """Sign in and keep the token; a profile stays with the shop it first signed in to."""
    with PlatformClient(platform_url) as client:
        answer = client.login(shop_code, password)
    with profile.write() as s:
        state = s.scalar(select(SyncState))
        if state is not None and state.shop_id != answer.shop_id:
            raise ProfileOtherShop(state.shop_code, answer.shop_code)
        if state is None:
            state = SyncState(id=1, cursor="0:0", epoch=None, last_error="")
            s.add(state)
        state.platform_url = platform_url.rstrip("/")
        state.shop_id = answer.shop_id
        state.shop_code = answer.shop_code
        state.shop_name = answer.shop_name
        state.token = answer.token
        state.public_url = announced_public_url(answer.public_url)
    return SignedIn(answer.shop_id, answer.shop_code, answer.shop_name, platform_url)


def announced_public_url(text: str) -> str:
    """What the platform announced as its public address, or "" for none or a malformed one
    (its own address then serves, as before the announcement)."""
    if not text:
        return ""
    try:
        return wire.public_url(text)
    except ValueError:
        log.warning("the platform announced an unusable public address: %.80r", text)
        return ""


def learn_public_url(profile: Profile, client: PlatformClient) -> None:
    """Ask the platform's health answer for its public address once, for a profile that signed
    in before platforms announced it."""
    with profile.read() as s:
        known = s.scalar(select(SyncState.public_url))
    if known is not None:
        return
    try:
        announced = announced_public_url(client.health().public_url)
    except PlatformError as error:
        # The pull that follows meets the same trouble and reports it; ask again next time.
        log.info("the platform's public address is not known yet: %s", error)
        return
    with profile.write() as s:
        state = s.scalar(select(SyncState))
        if state is not None:
            state.public_url = announced


def signed_in(profile: Profile) -> SignedIn | None:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        if state is None:
            return None
        return SignedIn(state.shop_id, state.shop_code, state.shop_name, state.platform_url)
