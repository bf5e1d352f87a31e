"""The application factory."""

from __future__ import annotations

import inspect
import logging
import os
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any, Final

from fastapi import FastAPI

from models import wire
from server import logs
from server.api.access import AccessLog
from server.api.contract import describe_as_sent
from server.api.errors import install_error_handlers
from server.api.guards import BodyLimit, ProtocolGuard
from server.api.ops import router as ops_router
from server.api.people_routes import router as people_router
from server.api.pulling import PullLane
from server.api.routes import router
from server.api.signing import router as signing_router
from server.api.state import PlatformState, caller_token, signed_in_shop
from server.clock import Clock, system_clock
from server.db.engine import make_engine
from server.db.schema import create_schema
from server.images import image_routes
from server.metrics import PlatformMetrics
from server.share import router as share_router
from server.timeouts import BODY_TIMEOUT

log = logging.getLogger(__name__)

# What a worker process reads to build its app (see ``worker_app``).
DB_ENV: Final = "ZHANGGUI_PLATFORM_DB"
LOG_FORMAT_ENV: Final = "ZHANGGUI_PLATFORM_LOG"
BODY_TIMEOUT_ENV: Final = "ZHANGGUI_PLATFORM_BODY_TIMEOUT"
PUBLIC_URL_ENV: Final = "ZHANGGUI_PLATFORM_PUBLIC_URL"


def create_app(
    db_url: str,
    *,
    clock: Clock | None = None,
    body_timeout: float = BODY_TIMEOUT,
    create: bool = True,
    public_url: str = "",
) -> FastAPI:
    """The platform over the database at ``db_url`` (a URL or a SQLite file path).

    Missing tables are created unless ``create`` is False (a worker of several, whose parent
    made them). ``app.state.platform.clock`` may be swapped to fix time. ``public_url`` is
    announced to desktops as the address their posters' codes lead to.
    """
    announced = wire.public_url(public_url) if public_url else ""
    engine = make_engine(db_url)
    if create:
        create_schema(engine)
    state = PlatformState(engine=engine, clock=clock or system_clock, public_url=announced)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        **_without_telemetry(),
        title="Zhanggui platform",
        version=str(wire.PROTOCOL_VERSION),
        description=(
            f"Every /v1 request except /v1/health carries the header {wire.PROTOCOL_HEADER}: "
            f"{wire.PROTOCOL_VERSION}. Errors are ErrorBody objects. /health, /ready and "
            "/metrics serve operations."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.platform = state
    metrics = PlatformMetrics(engine)
    app.state.metrics = metrics
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(signing_router)
    app.include_router(people_router)
    app.include_router(share_router)
    app.include_router(ops_router)
    image_routes(app)
    describe_as_sent(app, frozenset({signed_in_shop, caller_token}))
    # Added last, run first: a wrong protocol is answered before the body is even read, and the
    # access log sees every answer, refusals included.
    app.add_middleware(PullLane, state=state)
    app.add_middleware(BodyLimit, timeout=body_timeout)
    app.add_middleware(ProtocolGuard)
    app.add_middleware(AccessLog, metrics=metrics)
    return app


def _without_telemetry() -> dict[str, Any]:
    """FastAPI's own OpenTelemetry hooks, where it has them, switched off: the platform keeps
    its metrics in Prometheus form (server.metrics), and asking for a tracer at every request
    costs more than a pull with nothing to do."""
    if "telemetry" not in inspect.signature(FastAPI.__init__).parameters:
        return {}
    return {
        "telemetry": {"tracing": False, "metrics": False, "logs": False, "operation_spans": False}
    }


def worker_app() -> FastAPI:
    """The app of one worker process of several, configured through the environment."""
    form = os.environ.get(LOG_FORMAT_ENV, "json")
    logs.configure("text" if form == "text" else "json")
    body_timeout = float(os.environ.get(BODY_TIMEOUT_ENV, BODY_TIMEOUT))
    return create_app(
        os.environ[DB_ENV],
        body_timeout=body_timeout,
        create=False,
        public_url=os.environ.get(PUBLIC_URL_ENV, ""),
    )
