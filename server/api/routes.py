"""The endpoints: health, sign out, pull the feed, push mutations (signing in is in
server.api.signing, the shop's people in server.api.people_routes)."""

from __future__ import annotations

import logging
from typing import Annotated

from fastapi import APIRouter, Query, Request
from fastapi.responses import Response
from starlette.concurrency import run_in_threadpool

from models import wire
from server import push as pushing
from server import tokens, traffic
from server.api.errors import ERROR_RESPONSES, ApiError
from server.api.pulling import pull_page
from server.api.state import Caller, State, Token
from server.db.engine import read_begin, write_begin
from server.db.schema import read_epoch
from server.textcheck import unfit_text, unfit_value

log = logging.getLogger(__name__)

router = APIRouter(prefix="/v1")


@router.get("/health", response_model=wire.HealthResponse)
def health(state: State) -> wire.HealthResponse:
    """Answers without the protocol header, so any app can learn which protocol to speak."""
    with read_begin(state.engine) as conn:
        epoch = read_epoch(conn)
    return wire.HealthResponse(
        status="ok", protocol=wire.PROTOCOL_VERSION, epoch=epoch, public_url=state.public_url
    )


@router.post("/logout", response_model=wire.LogoutResponse, responses=ERROR_RESPONSES)
def logout(
    caller: Caller, token: Token, state: State, body: wire.LogoutRequest | None = None
) -> wire.LogoutResponse:
    """End this computer's sign-in, or with ``everywhere`` every sign-in of the shop (the
    owner's) or of the person (anyone else's)."""
    everywhere = body is not None and body.everywhere
    shop_id = caller.shop_id
    with write_begin(state.engine) as conn:
        if everywhere and caller.role == "owner":
            count = tokens.revoke_every_token(conn, shop_id)
        elif everywhere:
            count = tokens.revoke_person(conn, shop_id, caller.person_id)
        else:
            count = tokens.revoke_token(conn, token)
    log.info("shop %d signed out %s", shop_id, "everywhere" if everywhere else "one computer")
    return wire.LogoutResponse(signed_out=count)


@router.get(
    "/pull",
    response_model=wire.PullPage,
    responses={
        **ERROR_RESPONSES,
        410: {"model": wire.ErrorBody, "description": "Take a fresh snapshot"},
    },
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


@router.post("/push", response_model=wire.PushResponse, responses=ERROR_RESPONSES)
def push(body: wire.PushRequest, request: Request, caller: Caller, state: State) -> Response:
    """Apply mutations exactly once each, in order; each answers applied, duplicate or rejected.
    What the caller's role may not do is refused with a reason in words."""
    shop_id = caller.shop_id
    for mutation in body.mutations:
        problem = unfit_text(mutation.id) or unfit_value(mutation.created_at)
        if problem:
            raise ApiError(400, wire.ERR_BAD_REQUEST, f"A mutation id or time {problem}.")
    traffic.catch_up(state.engine, shop_id, state.clock())
    results = pushing.push(state.engine, shop_id, body.mutations, state.clock, caller)
    metrics = request.app.state.metrics
    for mutation, result in zip(body.mutations, results, strict=True):
        metrics.pushed(mutation.kind, result.status)
    # Serialized once here: the answers were built as the contract's models already.
    body_out = wire.PushResponse(results=results).model_dump_json()
    return Response(content=body_out, media_type="application/json")
