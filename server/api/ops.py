"""Addresses for operations, outside the desktop protocol: alive, ready, and metrics."""

from __future__ import annotations

import logging
from typing import Literal

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from sqlalchemy.exc import SQLAlchemyError

from models import wire
from server.api.state import State
from server.db.engine import read_begin
from server.db.readiness import schema_problem
from server.metrics import CONTENT_TYPE, PlatformMetrics

log = logging.getLogger(__name__)

router = APIRouter(tags=["operations"])


class Alive(wire.Strict):
    status: Literal["alive"]


class Readiness(wire.Strict):
    status: Literal["ready", "not_ready"]
    problem: str = ""


@router.get("/health", response_model=Alive)
def alive() -> Alive:
    """The process answers; nothing else is checked (a liveness probe)."""
    return Alive(status="alive")


@router.get(
    "/ready",
    response_model=Readiness,
    responses={503: {"model": Readiness, "description": "The database cannot serve yet"}},
)
def ready(state: State) -> Response:
    """The database answers and its schema is the one this platform expects (a readiness probe)."""
    try:
        with read_begin(state.engine) as conn:
            problem = schema_problem(conn)
    except SQLAlchemyError as error:
        log.warning("not ready: the database does not answer (%s)", type(error).__name__)
        problem = "the database does not answer"
    if problem:
        body = Readiness(status="not_ready", problem=problem)
        return JSONResponse(body.model_dump(), status_code=503)
    return JSONResponse(Readiness(status="ready").model_dump())


@router.get(
    "/metrics",
    response_class=Response,
    responses={200: {"content": {CONTENT_TYPE: {}}, "description": "Prometheus text format"}},
)
def metrics(request: Request) -> Response:
    registry = request.app.state.metrics
    assert isinstance(registry, PlatformMetrics)
    return Response(registry.exposition(), media_type=CONTENT_TYPE)
