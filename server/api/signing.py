"""Signing in as one of the shop's people, and a new person's first sign-in with a code.

The owner signs in with the shop code and the shop's password (no user name); everyone else
adds the user name the owner gave them. Failed sign-ins are throttled per shop code and user
from one address: someone guessing an assistant's password does not lock the owner out.
"""

from __future__ import annotations

import logging
from typing import Any

from fastapi import APIRouter, Request

from models import wire
from server import people, throttle, tokens
from server.api.errors import ERROR_RESPONSES, ApiError
from server.api.state import PlatformState, State
from server.auth import (
    Credential,
    Verified,
    check_password,
    find_credential,
    hash_password,
    store_upgraded_hash,
)
from server.db.engine import write_begin
from server.db.schema import read_epoch
from server.db.shops import Shop
from server.textcheck import unfit_text

log = logging.getLogger(__name__)

router = APIRouter(prefix="/v1")

_THROTTLED: dict[str, Any] = {
    "model": wire.ErrorBody,
    "description": "Too many failed sign-ins",
    "headers": {
        "Retry-After": {
            "description": "Seconds until sign-in is let through again",
            "schema": {"type": "integer", "minimum": 1},
        }
    },
}
_BAD_LOGIN = "Wrong shop code or password."
_UNKNOWN_USER = "Wrong shop code, user or password."
_NOT_SIGNED_UP = (
    "This person has not signed up yet: the first sign-in takes the one-time code the shop's "
    "owner gave them, and a password of their own."
)
_DISABLED = "The shop's owner has disabled this sign-in."
_BAD_CODE = (
    "This sign-up code does not work (mistyped, used already or expired); ask the shop's owner "
    "for a new one."
)


def _throttle_key(shop_code: str, user: str) -> str:
    return shop_code if not user else f"{shop_code}/{user}"[:64]


def _is_owner(user: str) -> bool:
    return user in ("", wire.OWNER_USER)


def _client(request: Request) -> str:
    return request.client.host if request.client else "unknown"


def _count(state: PlatformState, key: str, client: str, now: int) -> None:
    with write_begin(state.engine) as conn:
        attempt = throttle.count_attempt(conn, key, client, now)
    if not attempt.allowed:
        raise ApiError(
            429,
            wire.ERR_THROTTLED,
            f"Too many failed sign-ins; try again in {attempt.retry_after} seconds.",
            headers={"Retry-After": str(attempt.retry_after)},
        )


@router.post(
    "/login", response_model=wire.LoginResponse, responses={**ERROR_RESPONSES, 429: _THROTTLED}
)
def login(body: wire.LoginRequest, request: Request, state: State) -> wire.LoginResponse:
    """Sign in with a shop code, a user (empty for the owner) and a password. After ten
    failures of one code and user from one address within fifteen minutes, 429 with
    Retry-After until the window ends."""
    user = body.user.strip()
    if unfit_text(body.shop_code) or unfit_text(body.password) or unfit_text(user):
        raise ApiError(401, wire.ERR_BAD_LOGIN, _BAD_LOGIN)
    client, now = _client(request), state.clock()
    key = _throttle_key(body.shop_code, "" if _is_owner(user) else user)
    _count(state, key, client, now)
    with write_begin(state.engine) as conn:
        credential = find_credential(conn, body.shop_code)
        found = None
        if credential is not None and not _is_owner(user):
            found = people.find(conn, credential.shop_id, user)
    if _is_owner(user):
        proof = credential
    else:
        proof = None if found is None else Credential(found.row["shop_id"], found.password_hash)
    # The slow password check runs outside any transaction and holds no connection.
    verified = check_password(proof, body.password)
    if verified is None:
        if found is not None and found.row["status"] == "invited":
            raise ApiError(401, wire.ERR_BAD_LOGIN, _NOT_SIGNED_UP)
        raise ApiError(401, wire.ERR_BAD_LOGIN, _BAD_LOGIN if _is_owner(user) else _UNKNOWN_USER)
    if found is not None and found.row["status"] == "disabled":
        raise ApiError(401, wire.ERR_BAD_LOGIN, _DISABLED)
    with write_begin(state.engine) as conn:
        throttle.forget_attempts(conn, key, client)
        throttle.forget_old_windows(conn, now)
        if found is None:
            store_upgraded_hash(conn, body.shop_code, verified)
            caller = people.owner_caller(conn, verified.shop_id)
        else:
            if verified.upgraded_hash is not None:
                people.store_password(
                    conn, verified.shop_id, found.caller.person_id, verified.upgraded_hash
                )
            caller = found.caller
        answer = _signed_in(state, conn, verified, caller, now)
    request.state.shop_id = verified.shop_id
    log.info("shop %d: %s signed in", verified.shop_id, caller.role)
    return answer


@router.post(
    "/signup", response_model=wire.LoginResponse, responses={**ERROR_RESPONSES, 429: _THROTTLED}
)
def signup(body: wire.SignupRequest, request: Request, state: State) -> wire.LoginResponse:
    """A new person's first sign-in: the owner's one-time code, and the password they choose,
    which signs them in from then on."""
    user = body.user.strip()
    texts = (body.shop_code, user, body.signup_code, body.password)
    if any(unfit_text(t) for t in texts) or _is_owner(user):
        raise ApiError(401, wire.ERR_SIGNUP, _BAD_CODE)
    client, now = _client(request), state.clock()
    key = _throttle_key(body.shop_code, user)
    _count(state, key, client, now)
    with write_begin(state.engine) as conn:
        credential = find_credential(conn, body.shop_code)
        found = people.find(conn, credential.shop_id, user) if credential is not None else None
    if found is None or not people.code_fits(found, body.signup_code, now):
        raise ApiError(401, wire.ERR_SIGNUP, _BAD_CODE)
    if found.row["status"] == "disabled":
        raise ApiError(401, wire.ERR_BAD_LOGIN, _DISABLED)
    password_hash = hash_password(body.password)
    shop_id = int(found.row["shop_id"])
    with write_begin(state.engine) as conn:
        # Looked at again under the write lock: a code works once, however many try at once.
        again = people.find(conn, shop_id, user)
        if again is None or not people.code_fits(again, body.signup_code, now):
            raise ApiError(401, wire.ERR_SIGNUP, _BAD_CODE)
        throttle.forget_attempts(conn, key, client)
        people.sign_up(conn, shop_id, again, password_hash, now)
        answer = _signed_in(state, conn, Verified(shop_id, None), again.caller, now)
    request.state.shop_id = shop_id
    log.info("shop %d: %s signed up", shop_id, again.caller.role)
    return answer


def _signed_in(
    state: PlatformState, conn: Any, verified: Verified, caller: tokens.Caller, now: int
) -> wire.LoginResponse:
    shop_id = verified.shop_id
    tokens.forget_idle_tokens(conn, shop_id, now)
    token = tokens.issue_token(conn, shop_id, now, caller)
    people.signed_in(conn, shop_id, caller.person_id, now)
    shop = conn.execute(
        Shop.__table__.select().where(Shop.shop_id == shop_id, Shop.id == shop_id)
    ).one()
    display = shop.owner_name if caller.role == "owner" else ""
    if caller.role != "owner":
        person = people.find(conn, shop_id, caller.user)
        display = str(person.row["display_name"]) if person is not None else caller.user
    return wire.LoginResponse(
        token=token,
        shop_id=shop_id,
        shop_code=shop.code,
        shop_name=shop.name,
        epoch=read_epoch(conn),
        user=caller.user,
        role=caller.role,
        person_id=caller.person_id,
        display_name=display,
        store_manager_id=caller.store_manager_id,
        public_url=state.public_url,
    )
