"""Shop sign-in: scrypt password hashes, and bearer tokens kept only as digests."""

from __future__ import annotations

import hashlib
import hmac
import logging
import secrets

from sqlalchemy import Connection, insert, select

from server.db.platform import ShopCredential, ShopToken

log = logging.getLogger(__name__)

# About 16 MiB and a few tens of milliseconds per check: slow for a guesser, quick for a login.
_SCRYPT_N, _SCRYPT_R, _SCRYPT_P = 2**14, 8, 1
_SCRYPT_MAXMEM = 64 * 1024 * 1024


def hash_password(password: str) -> str:
    salt = secrets.token_bytes(16)
    digest = _scrypt(password, salt, _SCRYPT_N, _SCRYPT_R, _SCRYPT_P)
    return f"scrypt${_SCRYPT_N}${_SCRYPT_R}${_SCRYPT_P}${salt.hex()}${digest.hex()}"


def verify_password(password: str, stored: str) -> bool:
    try:
        scheme, n, r, p, salt, digest = stored.split("$")
        if scheme != "scrypt":
            return False
        actual = _scrypt(password, bytes.fromhex(salt), int(n), int(r), int(p))
    except ValueError:
        log.warning("unreadable password hash; refusing the login")
        return False
    return hmac.compare_digest(actual, bytes.fromhex(digest))


def _scrypt(password: str, salt: bytes, n: int, r: int, p: int) -> bytes:
    return hashlib.scrypt(
        password.encode(), salt=salt, n=n, r=r, p=p, maxmem=_SCRYPT_MAXMEM, dklen=32
    )


# Checked against when the shop code is unknown, so both failures cost the same time.
_DECOY_HASH = hash_password(secrets.token_urlsafe(12))


def add_credentials(conn: Connection, shop_id: int, shop_code: str, password: str) -> None:
    conn.execute(
        insert(ShopCredential).values(
            shop_id=shop_id, shop_code=shop_code, password_hash=hash_password(password)
        )
    )


def check_login(conn: Connection, shop_code: str, password: str) -> int | None:
    """The shop id when the code and password match, else None (without saying which failed)."""
    found = conn.execute(
        select(ShopCredential.shop_id, ShopCredential.password_hash).where(
            ShopCredential.shop_code == shop_code
        )
    ).first()
    if found is None:
        verify_password(password, _DECOY_HASH)
        return None
    return found.shop_id if verify_password(password, found.password_hash) else None


def token_digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def issue_token(conn: Connection, shop_id: int, now: int) -> str:
    token = secrets.token_urlsafe(32)
    conn.execute(
        insert(ShopToken).values(token_sha256=token_digest(token), shop_id=shop_id, created_at=now)
    )
    return token


def shop_for_token(conn: Connection, token: str) -> int | None:
    return conn.execute(
        select(ShopToken.shop_id).where(ShopToken.token_sha256 == token_digest(token))
    ).scalar_one_or_none()
