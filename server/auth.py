"""Shop sign-in: scrypt password hashes, found by shop code, upgraded when their cost is old."""

from __future__ import annotations

import functools
import hashlib
import hmac
import logging
import secrets
import threading
from dataclasses import dataclass

from sqlalchemy import Connection, insert, select, update

from server.db.platform import ShopCredential

log = logging.getLogger(__name__)

# 128 MiB and about 0.4 s per check on a laptop core: slow for a guesser, bearable for a login.
SCRYPT_N, SCRYPT_R, SCRYPT_P = 2**17, 8, 1
_SCRYPT_MAXMEM = 256 * 1024 * 1024
# Each check holds 128 MiB: a crowd of sign-ins queues here instead of exhausting memory.
_HASHING = threading.BoundedSemaphore(4)


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, SCRYPT_N, SCRYPT_R, SCRYPT_P)
    return f"scrypt${SCRYPT_N}${SCRYPT_R}${SCRYPT_P}${salt.hex()}${digest.hex()}"


@functools.cache
def shared_demo_hash(password: str) -> str:
    """One hash for the many demo shops a seed creates, which all share a public password."""
    return hash_password(password)


def verify_password(password: str, stored: str) -> bool:
    if stored == NO_PASSWORD:
        return False
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _scrypt(password, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        log.warning("unreadable password hash; refusing the login")
        return False
    return hmac.compare_digest(actual, bytes.fromhex(digest))


def is_outdated(stored: str) -> bool:
    """True when a hash was made at a lower cost than passwords get today."""
    parts = stored.split("$")
    if len(parts) != 6 or parts[0] != "scrypt":
        return True
    try:
        return (int(parts[1]), int(parts[2]), int(parts[3])) < (SCRYPT_N, SCRYPT_R, SCRYPT_P)
    except ValueError:
        return True


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    if n > SCRYPT_N * 2 or r > 32 or p > 16:
        raise ValueError("a password hash costs more than this platform computes")
    with _HASHING:
        return hashlib.scrypt(
            password.encode(), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=32
        )


@functools.cache
def _decoy_hash() -> str:
    # Checked against when the shop code is unknown, so both failures cost the same time.
    return hash_password(secrets.token_urlsafe(12))


# Stored for a shop whose owner has not chosen a password yet: no password matches it.
NO_PASSWORD = "none$"


def add_credentials(conn: Connection, shop_id: int, shop_code: str, password: str | None) -> None:
    """Credentials for a new shop; with ``password`` None nobody can sign in to it yet (and
    nothing is hashed inside the caller's transaction)."""
    stored = NO_PASSWORD if password is None else hash_password(password)
    conn.execute(
        insert(ShopCredential).values(shop_code=shop_code, shop_id=shop_id, password_hash=stored)
    )


@dataclass(frozen=True)
class Verified:
    shop_id: int
    # A hash at today's cost for the same password when the stored one is older, else None.
    upgraded_hash: str | None


@dataclass(frozen=True)
class Credential:
    shop_id: int
    password_hash: str


def find_credential(conn: Connection, shop_code: str) -> Credential | None:
    found = conn.execute(
        select(ShopCredential.shop_id, ShopCredential.password_hash).where(
            ShopCredential.shop_code == shop_code
        )
    ).first()
    return None if found is None else Credential(found.shop_id, found.password_hash)


def check_password(credential: Credential | None, password: str) -> Verified | None:
    """The shop when the password matches, else None (without saying whether the code was known).

    Runs outside any transaction: it takes a good part of a second.
    """
    if credential is None:
        verify_password(password, _decoy_hash())
        return None
    if not verify_password(password, credential.password_hash):
        return None
    upgraded = hash_password(password) if is_outdated(credential.password_hash) else None
    return Verified(credential.shop_id, upgraded)


def store_upgraded_hash(conn: Connection, shop_code: str, verified: Verified) -> None:
    if verified.upgraded_hash is None:
        return
    conn.execute(
        update(ShopCredential)
        .where(ShopCredential.shop_code == shop_code, ShopCredential.shop_id == verified.shop_id)
        .values(password_hash=verified.upgraded_hash)
    )
    log.info("shop %d: password hash upgraded to scrypt N=%d", verified.shop_id, SCRYPT_N)
