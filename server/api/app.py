"""The application factory."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from fastapi import FastAPI

from models import wire
from server.api.errors import install_error_handlers
from server.api.guards import BodyLimit, ProtocolGuard
from server.api.routes import router
from server.api.state import PlatformState
from server.clock import Clock, system_clock
from server.db.engine import make_engine
from server.db.schema import create_schema
from server.images import image_routes
from server.share import router as share_router

log = logging.getLogger(__name__)


def create_app(db_url: str, *, clock: Clock | None = None, public_url: str = "") -> FastAPI:
    """The platform over the database at ``db_url`` (a URL or a SQLite file path).

    Missing tables are created. ``app.state.platform.clock`` may be swapped to fix time.
    ``public_url`` is announced to desktops as the address their posters' codes lead to.
    """
    announced = wire.public_url(public_url) if public_url else ""
    engine = make_engine(db_url)
    create_schema(engine)
    state = PlatformState(engine=engine, clock=clock or system_clock, public_url=announced)

    @asynccontextmanager
    async def lifespan(_app: FastAPI) -> AsyncIterator[None]:
        yield
        engine.dispose()

    app = FastAPI(
        title="Zhanggui platform",
        version=str(wire.PROTOCOL_VERSION),
        description=(
            f"Every /v1 request except /v1/health carries the header {wire.PROTOCOL_HEADER}: "
            f"{wire.PROTOCOL_VERSION}. Errors are ErrorBody objects."
        ),
        docs_url=None,
        redoc_url=None,
        lifespan=lifespan,
    )
    app.state.platform = state
    install_error_handlers(app)
    app.include_router(router)
    app.include_router(share_router)
    image_routes(app)
    _document_errors_as_sent(app)
    # Added last, run first: a wrong protocol is answered before the body is even read.
    app.add_middleware(BodyLimit)
    app.add_middleware(ProtocolGuard)
    return app


def _document_errors_as_sent(app: FastAPI) -> None:
    """FastAPI documents a 422 for every route with input; this platform answers 400 instead."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            schema = build()
            for path in schema.get("paths", {}).values():
                for operation in path.values():
                    operation.get("responses", {}).pop("422", None)
            schema.get("components", {}).get("schemas", {}).pop("HTTPValidationError", None)
            schema.get("components", {}).get("schemas", {}).pop("ValidationError", None)
            app.openapi_schema = schema
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]
