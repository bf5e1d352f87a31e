"""Signing a profile in to its shop on the platform."""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass
from typing import Final

import httpx
from sqlalchemy import select

from models import wire
from models.changes import Changes
from models.db import SyncState
from models.errors import (
    NotSignedIn,
    PlatformAddressInvalid,
    PlatformError,
    PlatformUnreachable,
    ProfileOtherShop,
    SignInEnded,
)
from models.profile import Profile
from models.sync.transport import PlatformClient

log = logging.getLogger(__name__)

LOGIN_TIMEOUT_SECONDS: Final = 20.0
LOOPBACK_NAMES: Final = frozenset({"localhost"})


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


def platform_address(text: str) -> str:
    """The platform's address as typed, made whole: ``shop.example.com`` is ``https://…``.

    Raises PlatformAddressInvalid for anything that is not a web address.
    """
    address = text.strip()
    if not address:
        raise PlatformAddressInvalid(text, "it is empty")
    if any(c.isspace() for c in address):
        raise PlatformAddressInvalid(text, "it has spaces in it")
    typed_scheme = "://" in address
    if not typed_scheme:
        address = f"http://{address}"
    try:
        url = httpx.URL(address)
    except httpx.InvalidURL as error:
        raise PlatformAddressInvalid(text, str(error)) from error
    if not typed_scheme and not _is_local(url.host):
        # A platform on this computer or the local network speaks plain HTTP; any other, HTTPS.
        url = url.copy_with(scheme="https")
    if url.scheme not in ("http", "https"):
        raise PlatformAddressInvalid(text, f"{url.scheme}: is not a web address")
    # A lone word such as a shop code is no address; a named computer with a port may be one.
    lone_word = "." not in url.host and not _is_local(url.host) and url.port is None
    if not url.host or (lone_word and not typed_scheme):
        raise PlatformAddressInvalid(text, "it names no computer")
    if url.query or url.fragment:
        raise PlatformAddressInvalid(text, "it has a query or a fragment")
    return str(url).rstrip("/")


def _is_local(host: str) -> bool:
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        found = ipaddress.ip_address(host.strip("[]"))
    except ValueError:
        return False
    return found.is_loopback or found.is_private


def login(
    profile: Profile,
    platform_url: str,
    shop_code: str,
    password: str,
    user: str = "",
    *,
    timeout: float = LOGIN_TIMEOUT_SECONDS,
) -> LoggedIn:
    """Sign in and keep the token; a profile stays with the shop it first signed in to.

    ``user`` names a person of the shop; empty means the shop's owner.
    """
    url = platform_address(platform_url)
    with PlatformClient(url, timeout=timeout) as client:
        answer = client.login(shop_code.strip(), password, user.strip())
    with profile.write() as s:
        state = s.scalar(select(SyncState))
        if state is not None and state.shop_id != answer.shop_id:
            raise ProfileOtherShop(state.shop_code, answer.shop_code)
        if state is None:
            state = SyncState(id=1, cursor="0:0", epoch=None, last_error="")
            s.add(state)
        state.platform_url = url
        state.shop_id = answer.shop_id
        state.shop_code = answer.shop_code
        state.shop_name = answer.shop_name
        state.token = answer.token
        state.public_url = announced_public_url(answer.public_url)
    return LoggedIn(
        answer.shop_id,
        answer.shop_code,
        answer.shop_name,
        url,
        Changes.of_entities("sync_state"),
    )


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
