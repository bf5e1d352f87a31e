"""The endpoints: sign in, health, pull the feed, push mutations."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Query
from fastapi.responses import Response

from models import wire
from server import pull as feed_pages
from server import push as pushing
from server import traffic
from server.api.errors import ApiError
from server.api.state import ShopId, State
from server.auth import check_login, issue_token
from server.db.engine import read_begin, write_begin
from server.db.schema import read_epoch
from server.db.shops import Shop
from server.textcheck import unfit_text, unfit_value

log = logging.getLogger(__name__)

router = APIRouter(prefix="/v1")
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": wire.ErrorBody} for status in (400, 401, 413, 426)
}
_BAD_LOGIN = "Wrong shop code or password."
_UNKNOWN_USER = "Wrong shop code, user or password."


@router.get("/health", response_model=wire.HealthResponse)
def health(state: State) -> wire.HealthResponse:
    """Answers without the protocol header, so any app can learn which protocol to speak."""
    with read_begin(state.engine) as conn:
        epoch = read_epoch(conn)
    return wire.HealthResponse(status="ok", protocol=wire.PROTOCOL_VERSION, epoch=epoch)


@router.post("/login", response_model=wire.LoginResponse, responses=_ERRORS)
def login(body: wire.LoginRequest, state: State) -> wire.LoginResponse:
    if unfit_text(body.shop_code) or unfit_text(body.password):
        raise ApiError(401, wire.ERR_BAD_LOGIN, _BAD_LOGIN)
    if body.user:
        # A shop has only its owner so far, who signs in without a user name.
        raise ApiError(401, wire.ERR_BAD_LOGIN, _UNKNOWN_USER)
    # The slow password check runs outside the write lock that issuing the token takes.
    with read_begin(state.engine) as conn:
        shop_id = check_login(conn, body.shop_code, body.password)
    if shop_id is None:
        raise ApiError(401, wire.ERR_BAD_LOGIN, _BAD_LOGIN)
    with write_begin(state.engine) as conn:
        token = issue_token(conn, shop_id, state.clock())
        shop = conn.execute(
            Shop.__table__.select().where(Shop.shop_id == shop_id, Shop.id == shop_id)
        ).one()
        epoch = read_epoch(conn)
    log.info("shop %s signed in", body.shop_code)
    return wire.LoginResponse(
        token=token, shop_id=shop_id, shop_code=shop.code, shop_name=shop.name, epoch=epoch
    )


@router.get(
    "/pull",
    response_model=wire.PullPage,
    responses={**_ERRORS, 410: {"model": wire.ErrorBody}},
)
def pull(
    shop_id: ShopId,
    state: State,
    cursor: Annotated[str, Query(max_length=60)] = wire.START_CURSOR,
    limit: Annotated[int, Query(ge=1)] = wire.MAX_PULL_LIMIT,
) -> Response:
    limit = min(limit, wire.MAX_PULL_LIMIT)
    traffic.catch_up(state.engine, shop_id, state.clock())
    try:
        with read_begin(state.engine) as conn:
            body = feed_pages.read_page(conn, shop_id, cursor, limit)
    except feed_pages.BadCursor as error:
        raise ApiError(400, wire.ERR_BAD_REQUEST, str(error)) from error
    except feed_pages.CursorExpired as error:
        message = f"{error} Take a fresh snapshot from {wire.START_CURSOR!r}."
        raise ApiError(410, wire.ERR_CURSOR_EXPIRED, message) from error
    return Response(content=body, media_type="application/json")


@router.post("/push", response_model=wire.PushResponse, responses=_ERRORS)
def push(body: wire.PushRequest, shop_id: ShopId, state: State) -> wire.PushResponse:
    for mutation in body.mutations:
        problem = unfit_text(mutation.id) or unfit_value(mutation.created_at)
        if problem:
            raise ApiError(400, wire.ERR_BAD_REQUEST, f"A mutation id or time {problem}.")
    traffic.catch_up(state.engine, shop_id, state.clock())
    results = pushing.push(state.engine, shop_id, body.mutations, state.clock)
    return wire.PushResponse(results=results)
