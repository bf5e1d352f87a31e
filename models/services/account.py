"""Signing a profile in to its shop on the platform."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models.db import SyncState
from models.errors import NotSignedIn, PlatformUnreachable, ProfileOtherShop, SignInEnded
from models.profile import Profile
from models.sync.transport import PlatformClient


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
    return SignedIn(answer.shop_id, answer.shop_code, answer.shop_name, platform_url)


def signed_in(profile: Profile) -> SignedIn | None:
    """The shop this computer is signed in to, or None (never signed in, or signed out)."""
    shop = last_shop(profile)
    if shop is None:
        return None
    with profile.read() as s:
        token = s.scalar(select(SyncState.token))
    return shop if token else None


def last_shop(profile: Profile) -> SignedIn | None:
    """The shop the profile belongs to, signed in or not: what a new sign-in starts from."""
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        if state is None:
            return None
        return SignedIn(state.shop_id, state.shop_code, state.shop_name, state.platform_url)


@dataclass(frozen=True)
class SignedOut:
    shop_code: str
    everywhere: bool
    # False when the platform could not be told: this computer is signed out all the same, and
    # the token it held ends by itself after TOKEN_IDLE_DAYS days unused.
    platform_told: bool
    # Sign-ins the platform ended (0 when this one had already ended there).
    ended: int


def logout(profile: Profile, *, everywhere: bool = False) -> SignedOut:
    """Sign this computer out of its shop, or with ``everywhere`` every computer of the shop.

    The shop's data stays on this computer; signing in again to the same shop carries on with
    it. When the platform cannot be reached, this computer forgets its token anyway, but
    ``everywhere`` fails and keeps the token, so that it can be asked again.
    """
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        if state is None or not state.token:
            raise NotSignedIn("this computer is not signed in to a shop")
        url, token, shop_code = state.platform_url, state.token, state.shop_code
    told, ended = True, 0
    try:
        with PlatformClient(url, token) as client:
            ended = client.logout(everywhere).signed_out
    except SignInEnded:
        if everywhere:
            raise
    except PlatformUnreachable:
        if everywhere:
            raise
        told = False
    with profile.write() as s:
        found = s.scalar(select(SyncState))
        if found is not None:
            found.token = ""
    return SignedOut(shop_code, everywhere, told, ended)
