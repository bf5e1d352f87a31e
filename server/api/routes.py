"""The endpoints: sign in, health, pull the feed, push mutations."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from models import wire
from server import push as pushing
from server import throttle, tokens, traffic
from server.api.errors import ApiError
from server.api.pulling import pull_page
from server.api.state import ShopId, State, Token
from server.auth import check_password, find_credential, store_upgraded_hash
from server.db.engine import read_begin, write_begin
from server.db.schema import read_epoch
from server.db.shops import Shop
from server.textcheck import unfit_text, unfit_value

log = logging.getLogger(__name__)

router = APIRouter(prefix="/v1")
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": wire.ErrorBody} for status in (400, 401, 413, 426)
}
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


@router.get("/health", response_model=wire.HealthResponse)
def health(state: State) -> wire.HealthResponse:
    """Answers without the protocol header, so any app can learn which protocol to speak."""
    with read_begin(state.engine) as conn:
        epoch = read_epoch(conn)
    return wire.HealthResponse(status="ok", protocol=wire.PROTOCOL_VERSION, epoch=epoch)


@router.post(
    "/login",
    response_model=wire.LoginResponse,
    responses={**_ERRORS, 429: _THROTTLED},
)
def login(body: wire.LoginRequest, request: Request, state: State) -> wire.LoginResponse:
    """Sign in with a shop code and password. After ten failures of one code from one address
    within fifteen minutes, 429 with Retry-After until the window ends."""
    if unfit_text(body.shop_code) or unfit_text(body.password):
        raise ApiError(401, wire.ERR_BAD_LOGIN, _BAD_LOGIN)
    client = request.client.host if request.client else "unknown"
    now = state.clock()
    with write_begin(state.engine) as conn:
        attempt = throttle.count_attempt(conn, body.shop_code, client, now)
        credential = find_credential(conn, body.shop_code) if attempt.allowed else None
    if not attempt.allowed:
        raise ApiError(
            429,
            wire.ERR_THROTTLED,
            f"Too many failed sign-ins; try again in {attempt.retry_after} seconds.",
            headers={"Retry-After": str(attempt.retry_after)},
        )
    # The slow password check runs outside any transaction and holds no connection.
    verified = check_password(credential, body.password)
    if verified is None:
        raise ApiError(401, wire.ERR_BAD_LOGIN, _BAD_LOGIN)
    with write_begin(state.engine) as conn:
        throttle.forget_attempts(conn, body.shop_code, client)
        throttle.forget_old_windows(conn, now)
        store_upgraded_hash(conn, body.shop_code, verified)
        tokens.forget_idle_tokens(conn, verified.shop_id, now)
        token = tokens.issue_token(conn, verified.shop_id, now)
        shop = conn.execute(
            Shop.__table__.select().where(
                Shop.shop_id == verified.shop_id, Shop.id == verified.shop_id
            )
        ).one()
        epoch = read_epoch(conn)
    request.state.shop_id = verified.shop_id
    log.info("shop %d signed in", verified.shop_id)
    return wire.LoginResponse(
        token=token, shop_id=verified.shop_id, shop_code=shop.code, shop_name=shop.name, epoch=epoch
    )


@router.post("/logout", response_model=wire.LogoutResponse, responses=_ERRORS)
def logout(
    shop_id: ShopId, token: Token, state: State, body: wire.LogoutRequest | None = None
) -> wire.LogoutResponse:
    """End this computer's sign-in, or with ``everywhere`` every sign-in of the shop."""
    everywhere = body is not None and body.everywhere
    with write_begin(state.engine) as conn:
        if everywhere:
            count = tokens.revoke_every_token(conn, shop_id)
        else:
            count = tokens.revoke_token(conn, token)
    log.info("shop %d signed out %s", shop_id, "everywhere" if everywhere else "one computer")
    return wire.LogoutResponse(signed_out=count)


@router.get(
    "/pull",
    response_model=wire.PullPage,
    responses={**_ERRORS, 410: {"model": wire.ErrorBody, "description": "Take a fresh snapshot"}},
)
async def pull(
    request: Request,
    state: State,
    token: Token,
    cursor: Annotated[str, Query(pattern=wire.CURSOR_PATTERN)] = wire.START_CURSOR,
    limit: Annotated[int, Query(ge=1, le=wire.JSON_INT_MAX)] = wire.MAX_PULL_LIMIT,
) -> Response:
    """The next page of the shop's feed after ``cursor``; ``limit`` is capped at 10,000."""
    # Most pulls are answered by the lane in front (server.api.pulling) with this same code.
    shop_id, body = await run_in_threadpool(pull_page, state, token, cursor, limit)
    request.state.shop_id = shop_id
    return Response(content=body, media_type="application/json")


@router.post("/push", response_model=wire.PushResponse, responses=_ERRORS)
def push(body: wire.PushRequest, request: Request, shop_id: ShopId, state: State) -> Response:
    """Apply mutations exactly once each, in order; each answers applied, duplicate or rejected."""
    for mutation in body.mutations:
        problem = unfit_text(mutation.id) or unfit_value(mutation.created_at)
        if problem:
            raise ApiError(400, wire.ERR_BAD_REQUEST, f"A mutation id or time {problem}.")
    traffic.catch_up(state.engine, shop_id, state.clock())
    results = pushing.push(state.engine, shop_id, body.mutations, state.clock)
    metrics = request.app.state.metrics
    for mutation, result in zip(body.mutations, results, strict=True):
        metrics.pushed(mutation.kind, result.status)
    # Serialized once here: the answers were built as the contract's models already.
    body_out = wire.PushResponse(results=results).model_dump_json()
    return Response(content=body_out, media_type="application/json")
