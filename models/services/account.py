"""Signing a profile in to its shop on the platform."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models.changes import Changes
from models.db import SyncState
from models.errors import ProfileOtherShop
from models.profile import Profile
from models.sync.transport import PlatformClient


@dataclass(frozen=True)
class SignedIn:
    shop_id: int
    shop_code: str
    shop_name: str
    platform_url: str


@dataclass(frozen=True)
class LoggedIn(SignedIn):
    """A sign-in just written: the profile's shop and token changed."""

    changes: Changes

    def shop(self) -> SignedIn:
        """The shop signed in to, as ``signed_in`` reads it back."""
        return SignedIn(self.shop_id, self.shop_code, self.shop_name, self.platform_url)


def login(profile: Profile, platform_url: str, shop_code: str, password: str) -> LoggedIn:
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
    return LoggedIn(
        answer.shop_id,
        answer.shop_code,
        answer.shop_name,
        platform_url,
        Changes.of_entities("sync_state"),
    )


def signed_in(profile: Profile) -> SignedIn | None:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        if state is None:
            return None
        return SignedIn(state.shop_id, state.shop_code, state.shop_name, state.platform_url)
