"""Bearer tokens: each names its shop, ends after 30 days unused, and can be revoked.

A token is ``"<shop_id>.<secret>"``. The shop in front lets the platform route a request by
shop before any lookup; the secret is kept only as a SHA-256 digest, found within the shop's
own rows.
"""

from __future__ import annotations

import enum
import hashlib
import logging
import re
import secrets
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, bindparam, delete, insert, select, update

from models import wire
from server.db.platform import ShopToken

log = logging.getLogger(__name__)

DAY: Final = 86_400
IDLE_SECONDS: Final = wire.TOKEN_IDLE_DAYS * DAY
# Use is written down at most this often: a desktop syncing every minute writes once an hour.
TOUCH_SECONDS: Final = 3_600
_FORM: Final = re.compile(wire.TOKEN_PATTERN)


def token_digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def shop_of(token: str) -> tuple[int, str] | None:
    """The shop a token names and its secret, or None when it is not a token at all."""
    if not _FORM.fullmatch(token):
        return None
    shop, _, secret = token.partition(".")
    shop_id = int(shop)
    return (shop_id, secret) if shop_id <= wire.INT64_MAX else None


@dataclass(frozen=True)
class Caller:
    """Who sent a request: the person a token belongs to, and what their role lets them see."""

    shop_id: int
    person_id: int
    user: str
    role: str  # owner, assistant or manager
    store_manager_id: int | None = None


def issue_token(conn: Connection, shop_id: int, now: int, caller: Caller | None = None) -> str:
    """A new sign-in for ``caller`` (by default the shop's owner)."""
    if caller is None:
        from server.people import owner_caller

        caller = owner_caller(conn, shop_id)
    secret = secrets.token_urlsafe(32)
    conn.execute(
        insert(ShopToken).values(
            shop_id=shop_id,
            token_sha256=token_digest(secret),
            created_at=now,
            last_used_at=now,
            person_id=caller.person_id,
            user_name=caller.user,
            role=caller.role,
            store_manager_id=caller.store_manager_id,
        )
    )
    return f"{shop_id}.{secret}"


def forget_idle_tokens(conn: Connection, shop_id: int, now: int) -> int:
    """Drop the shop's sign-ins that ended by disuse, so a shop's tokens do not pile up."""
    result = conn.execute(
        delete(ShopToken).where(
            ShopToken.shop_id == shop_id, ShopToken.last_used_at < now - IDLE_SECONDS
        )
    )
    return int(result.rowcount)


class TokenState(enum.Enum):
    VALID = "valid"
    UNKNOWN = "unknown"  # never issued, or revoked
    EXPIRED = "expired"


@dataclass(frozen=True)
class TokenCheck:
    state: TokenState
    shop_id: int = 0
    # True when the last recorded use is old enough to be written down again.
    stale_use: bool = False
    # Whose token it is, when it is valid.
    caller: Caller | None = None


def _of_token(column: Any) -> Any:
    return select(column).where(
        ShopToken.shop_id == bindparam("shop_id"), ShopToken.token_sha256 == bindparam("digest")
    )


# Built once: every signed-in request asks them (bind ``shop_id`` and ``digest``).
LAST_USED = _of_token(ShopToken.last_used_at)
PERSON = _of_token(ShopToken.person_id)
USER = _of_token(ShopToken.user_name)
ROLE = _of_token(ShopToken.role)
STORE = _of_token(ShopToken.store_manager_id)
_FOUND = select(
    ShopToken.last_used_at,
    ShopToken.person_id,
    ShopToken.user_name,
    ShopToken.role,
    ShopToken.store_manager_id,
).where(ShopToken.shop_id == bindparam("shop_id"), ShopToken.token_sha256 == bindparam("digest"))


def check_token(conn: Connection, token: str, now: int) -> TokenCheck:
    named = shop_of(token)
    if named is None:
        return TokenCheck(TokenState.UNKNOWN)
    shop_id, secret = named
    found = conn.execute(_FOUND, {"shop_id": shop_id, "digest": token_digest(secret)}).first()
    if found is None:
        return TokenCheck(TokenState.UNKNOWN)
    caller = Caller(shop_id, found.person_id, found.user_name, found.role, found.store_manager_id)
    return judge(shop_id, found.last_used_at, now, caller)


def judge(
    shop_id: int, last_used: int | None, now: int, caller: Caller | None = None
) -> TokenCheck:
    """What a token found with ``last_used`` (None: not found) is worth at ``now``."""
    if last_used is None or caller is None:
        return TokenCheck(TokenState.UNKNOWN)
    if now - last_used > IDLE_SECONDS:
        return TokenCheck(TokenState.EXPIRED, shop_id)
    return TokenCheck(
        TokenState.VALID, shop_id, stale_use=now - last_used >= TOUCH_SECONDS, caller=caller
    )


def touch_token(conn: Connection, token: str, now: int) -> None:
    named = shop_of(token)
    if named is None:
        return
    shop_id, secret = named
    conn.execute(
        update(ShopToken)
        .where(ShopToken.shop_id == shop_id, ShopToken.token_sha256 == token_digest(secret))
        .values(last_used_at=now)
    )


def revoke_token(conn: Connection, token: str) -> int:
    named = shop_of(token)
    if named is None:
        return 0
    shop_id, secret = named
    result = conn.execute(
        delete(ShopToken).where(
            ShopToken.shop_id == shop_id, ShopToken.token_sha256 == token_digest(secret)
        )
    )
    return int(result.rowcount)


def revoke_person(conn: Connection, shop_id: int, person_id: int) -> int:
    """End every sign-in of one person of the shop, at once."""
    result = conn.execute(
        delete(ShopToken).where(ShopToken.shop_id == shop_id, ShopToken.person_id == person_id)
    )
    return int(result.rowcount)


def revoke_every_token(conn: Connection, shop_id: int) -> int:
    result = conn.execute(delete(ShopToken).where(ShopToken.shop_id == shop_id))
    log.info("shop %d: every sign-in revoked (%d)", shop_id, result.rowcount)
    return int(result.rowcount)
