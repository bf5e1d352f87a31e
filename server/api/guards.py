"""Checks made before a request reaches a route: the protocol it speaks and its size.

Both are plain ASGI middleware, so a refused request costs no body parsing and no thread.
"""

from __future__ import annotations

import asyncio
import logging
import string

from starlette.types import ASGIApp, Message, Receive, Scope, Send

from models import wire
from server.api.errors import ERR_TOO_LARGE, error_bytes
from server.timeouts import BODY_TIMEOUT

log = logging.getLogger(__name__)

MAX_BODY_BYTES = 8 * 1024 * 1024
# Health answers without the header, so a probe or an old app can still learn the protocol.
UNCHECKED_PATHS = frozenset({"/v1/health"})
_PRINTABLE = set(string.ascii_letters + string.digits + ".-_ ")
_HEADER = wire.PROTOCOL_HEADER.lower().encode()


async def _send_error(send: Send, status: int, code: str, message: str) -> None:
    body = error_bytes(code, message)
    await send(
        {
            "type": "http.response.start",
            "status": status,
            "headers": [
                (b"content-type", b"application/json"),
                (b"content-length", str(len(body)).encode()),
                *([(b"connection", b"close")] if status == 408 else []),
            ],
        }
    )
    await send({"type": "http.response.body", "body": body})


def upgrade_message(spoken: str | None) -> str:
    platform = wire.PROTOCOL_VERSION
    if spoken is None:
        return (
            "This app does not say which protocol it speaks; "
            f"the platform speaks {platform}. Please upgrade."
        )
    shown = "".join(c for c in spoken[:16] if c in _PRINTABLE) or "?"
    return f"This app speaks protocol {shown}; the platform speaks {platform}. Please upgrade."


class ProtocolGuard:
    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        path = scope.get("path", "")
        if scope["type"] != "http" or not path.startswith("/v1/") or path in UNCHECKED_PATHS:
            await self.app(scope, receive, send)
            return
        spoken = next((v for k, v in scope["headers"] if k == _HEADER), None)
        text = spoken.decode("latin-1").strip() if spoken is not None else None
        if text != str(wire.PROTOCOL_VERSION):
            await _send_error(send, 426, wire.ERR_UPGRADE, upgrade_message(text))
            return
        await self.app(scope, receive, send)


class BodyLimit:
    """Refuses bodies over the limit with 413, whether announced or streamed, and bodies that
    do not arrive within ``timeout`` seconds with 408."""

    def __init__(
        self, app: ASGIApp, limit: int = MAX_BODY_BYTES, timeout: float = BODY_TIMEOUT
    ) -> None:
        self.app = app
        self.limit = limit
        self.timeout = timeout

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        too_large = f"The request body is larger than {self.limit // (1024 * 1024)} MB."
        declared = None
        chunked = False
        for name, value in scope["headers"]:
            if name == b"content-length":
                declared = value
            elif name == b"transfer-encoding":
                chunked = True
        if declared is None and not chunked:
            # No body announced, so none follows (a GET, a HEAD): nothing to measure or wait for.
            await self.app(scope, receive, send)
            return
        if declared is not None:
            if not declared.isdigit():
                await _send_error(
                    send, 400, wire.ERR_BAD_REQUEST, "Content-Length is not a number."
                )
                return
            if int(declared) > self.limit:
                await _send_error(send, 413, ERR_TOO_LARGE, too_large)
                return
        # Buffer the body (it is small by now) so a streamed one is measured before use.
        chunks: list[bytes] = []
        size = 0
        deadline = asyncio.get_running_loop().time() + self.timeout
        while True:
            try:
                async with asyncio.timeout_at(deadline):
                    message = await receive()
            except TimeoutError:
                log.info("refused a request whose body did not arrive in %.0f s", self.timeout)
                await _send_error(
                    send, 408, wire.ERR_TIMEOUT, "The request did not arrive in time."
                )
                return
            if message["type"] != "http.request":
                break
            chunk = message.get("body", b"")
            size += len(chunk)
            if size > self.limit:
                await _send_error(send, 413, ERR_TOO_LARGE, too_large)
                return
            chunks.append(chunk)
            if not message.get("more_body", False):
                break
        body = b"".join(chunks)
        replayed = False

        async def replay() -> Message:
            nonlocal replayed
            if not replayed:
                replayed = True
                return {"type": "http.request", "body": body, "more_body": False}
            return await receive()

        await self.app(scope, replay, send)
