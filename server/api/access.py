"""One access log entry and one set of metrics per request, around everything else.

The entry names the route template, status, time and size, and the shop the token was for; it
leaves out the client's address, query and body, which may carry personal data.
"""

from __future__ import annotations

import logging
import time
from typing import Any

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from server.logs import ACCESS_LOGGER, FIELDS_ATTRIBUTE
from server.metrics import PlatformMetrics

log = logging.getLogger(__name__)
access = logging.getLogger(ACCESS_LOGGER)

UNROUTED = "unrouted"
_PATH_LIMIT = 200


class AccessLog:
    def __init__(self, app: ASGIApp, metrics: PlatformMetrics) -> None:
        self.app = app
        self.metrics = metrics

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        started = time.perf_counter()
        status = 500
        size = 0

        async def sending(message: Message) -> None:
            nonlocal status, size
            if message["type"] == "http.response.start":
                status = int(message["status"])
            elif message["type"] == "http.response.body":
                size += len(message.get("body", b""))
            await send(message)

        try:
            await self.app(scope, receive, sending)
        finally:
            seconds = time.perf_counter() - started
            route = getattr(scope.get("route"), "path", None) or UNROUTED
            method = str(scope.get("method", ""))
            self.metrics.observe(route, method, status, seconds)
            if access.isEnabledFor(logging.INFO):
                access.info(
                    "request",
                    extra={FIELDS_ATTRIBUTE: _fields(scope, route, status, seconds, size)},
                )


def _fields(scope: Scope, route: str, status: int, seconds: float, size: int) -> dict[str, Any]:
    state = scope.get("state") or {}
    return {
        "method": scope.get("method", ""),
        "path": str(scope.get("path", ""))[:_PATH_LIMIT],
        "route": route,
        "status": status,
        "ms": round(seconds * 1000, 2),
        "bytes": size,
        "shop_id": state.get("shop_id"),
    }
