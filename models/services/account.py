"""Signing a profile in to its shop on the platform, as one of the shop's people."""

from __future__ import annotations

import ipaddress
import logging
from dataclasses import dataclass, field
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
    ZhangguiError,
)
from models.profile import Profile
from models.sync.handover import aside_path, clear_profile, set_aside, take_back
from models.sync.lock import sync_lock
from models.sync.transport import PlatformClient

log = logging.getLogger(__name__)

LOGIN_TIMEOUT_SECONDS: Final = 20.0
LOOPBACK_NAMES: Final = frozenset({"localhost"})
# Sending the previous person's actions before someone else signs in: one quick try.
HANDOVER_RETRIES: Final = 1
HANDOVER_TIMEOUT_SECONDS: Final = 15.0


@dataclass(frozen=True)
class SignedIn:
    shop_id: int
    shop_code: str
    shop_name: str
    platform_url: str
    user: str = wire.OWNER_USER
    role: str = "owner"  # owner, assistant or manager
    display_name: str = ""
    store_manager_id: int | None = None  # the sub-store a manager sees
    # Actions of this person kept aside earlier and queued again by this sign-in.
    taken_back: int = 0
    # Actions of the person signed in before that could not be sent and were kept aside.
    set_aside: int = 0


@dataclass(frozen=True)
class LoggedIn(SignedIn):
    """A sign-in just written: the profile's shop and token changed (and with another person,
    everything on this computer)."""

    changes: Changes = field(default_factory=Changes)

    def shop(self) -> SignedIn:
        """The shop signed in to, as ``signed_in`` reads it back."""
        return SignedIn(
            self.shop_id,
            self.shop_code,
            self.shop_name,
            self.platform_url,
            self.user,
            self.role,
            self.display_name,
            self.store_manager_id,
        )


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

    ``user`` names a person of the shop; empty means the shop's owner. Signing in as someone
    else starts a fresh mirror: what the previous person left waiting is sent first or kept
    aside, never sent as the new person.
    """
    url = platform_address(platform_url)
    with PlatformClient(url, timeout=timeout) as client:
        answer = client.login(shop_code.strip(), password, user.strip())
    return _keep(profile, url, answer)


def signup(
    profile: Profile, platform_url: str, shop_code: str, user: str, *, code: str, password: str
) -> LoggedIn:
    """A new person's first sign-in with the owner's one-time code and a password of their own."""
    url = platform_address(platform_url)
    request = wire.SignupRequest(
        shop_code=shop_code.strip(), user=user.strip(), signup_code=code.strip(), password=password
    )
    with PlatformClient(url, timeout=LOGIN_TIMEOUT_SECONDS) as client:
        answer = client.signup(request)
    return _keep(profile, url, answer)


def _keep(profile: Profile, url: str, answer: wire.LoginResponse) -> LoggedIn:
    with sync_lock(profile.folder):
        with profile.read() as s:
            state = s.scalar(select(SyncState))
            if state is not None and state.shop_id != answer.shop_id:
                raise ProfileOtherShop(state.shop_code, answer.shop_code)
            before = None if state is None else (state.user, state.role)
            old_url, old_token = (state.platform_url, state.token) if state else ("", "")
        switching = before is not None and before != (answer.user, answer.role)
        kept_aside = 0
        if switching:
            assert before is not None
            kept_aside = _hand_over(profile, answer.shop_id, before[0], old_url, old_token)
        with profile.writer.begin() as conn:
            taken = take_back(conn, profile.folder, answer.shop_id, answer.user)
        aside_path(profile.folder, answer.shop_id, answer.user).unlink(missing_ok=True)
        with profile.write() as s:
            state = s.scalar(select(SyncState))
            if state is None:
                state = SyncState(id=1, cursor=wire.START_CURSOR, epoch=None, last_error="")
                s.add(state)
            state.platform_url = url
            state.shop_id = answer.shop_id
            state.shop_code = answer.shop_code
            state.shop_name = answer.shop_name
            state.token = answer.token
            state.user = answer.user
            state.role = answer.role
            state.person_id = answer.person_id
            state.display_name = answer.display_name
            state.store_manager_id = answer.store_manager_id
            state.public_url = announced_public_url(answer.public_url)
    if switching:
        log.info("signed in as %s (%s) in place of %s", answer.user, answer.role, before)
    return LoggedIn(
        answer.shop_id,
        answer.shop_code,
        answer.shop_name,
        url,
        answer.user,
        answer.role,
        answer.display_name,
        answer.store_manager_id,
        taken_back=taken,
        set_aside=kept_aside,
        changes=Changes.everything() if switching else Changes.of_entities("sync_state"),
    )


def _hand_over(profile: Profile, shop_id: int, user: str, url: str, token: str) -> int:
    """Send what the previous person left waiting with their own sign-in, keep the rest aside,
    and empty the profile; returns how many actions wait aside."""
    if token:
        try:
            # The syncer learns the platform's address from here: imported when needed.
            from models.sync.syncer import SyncOptions, push_pending

            options = SyncOptions(
                retries=HANDOVER_RETRIES, backoff=0.2, timeout=HANDOVER_TIMEOUT_SECONDS
            )
            with PlatformClient(url, token, options.timeout) as client:
                push_pending(profile, client, options)
        except ZhangguiError as error:
            log.info("could not send the actions of %s before the change: %s", user, error)
    with profile.writer.begin() as conn:
        waiting = set_aside(conn, profile.folder, shop_id, user)
        clear_profile(conn)
    return waiting


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
        return SignedIn(
            state.shop_id,
            state.shop_code,
            state.shop_name,
            state.platform_url,
            state.user,
            state.role,
            state.display_name,
            state.store_manager_id,
        )


@dataclass(frozen=True)
class SignedOut:
    shop_code: str
    everywhere: bool
    # False when the platform could not be told: this computer is signed out all the same, and
    # the token it held ends by itself after TOKEN_IDLE_DAYS days unused.
    platform_told: bool
    # Sign-ins the platform ended (0 when this one had already ended there).
    ended: int
    # Whose: with ``everywhere`` the owner ends every sign-in of the shop, anyone else their own.
    role: str = "owner"


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
        role = state.role
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
    return SignedOut(shop_code, everywhere, told, ended, role)
