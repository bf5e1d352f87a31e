"""Time limits on what a client sends: the request line and headers must arrive within
HEADER_TIMEOUT seconds of the first byte (or of the connection, for a silent one), and a body
within BODY_TIMEOUT seconds of its headers (checked in ``server.api.guards.BodyLimit``).

uvicorn waits for a half-sent request for as long as the client keeps the connection open, so a
few slow clients could hold every connection the platform has. The guard wraps uvicorn's own
HTTP protocol: a timer runs while a request's headers are incomplete and closes the connection
with 408 when it fires. Between requests uvicorn's keep-alive timeout applies as before.
"""

from __future__ import annotations

import asyncio
import logging
from typing import Any, Final

from uvicorn.protocols.http.auto import AutoHTTPProtocol

from models import wire

log = logging.getLogger(__name__)

HEADER_TIMEOUT: Final = 10.0
BODY_TIMEOUT: Final = 20.0
_BODY = wire.ErrorBody(
    code=wire.ERR_TIMEOUT, message="The request did not arrive in time."
).model_dump_json()
_REFUSAL: Final = (
    b"HTTP/1.1 408 Request Timeout\r\ncontent-type: application/json\r\n"
    + f"content-length: {len(_BODY)}\r\nconnection: close\r\n\r\n".encode()
    + _BODY.encode()
)


class HeaderTimeoutProtocol(AutoHTTPProtocol):  # type: ignore[misc,valid-type]
    """uvicorn's HTTP protocol with a limit on how long a request's headers may take."""

    header_timeout: float = HEADER_TIMEOUT

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._header_timer: asyncio.TimerHandle | None = None

    def connection_made(self, transport: asyncio.Transport) -> None:
        super().connection_made(transport)
        self._start_header_timer()

    def data_received(self, data: bytes) -> None:
        if self._waiting_for_headers():
            self._start_header_timer()
        super().data_received(data)
        if not self._waiting_for_headers():
            self._stop_header_timer()

    def connection_lost(self, exc: Exception | None) -> None:
        self._stop_header_timer()
        super().connection_lost(exc)

    def _waiting_for_headers(self) -> bool:
        cycle = self.cycle
        return cycle is None or bool(cycle.response_complete)

    def _start_header_timer(self) -> None:
        if self._header_timer is None:
            self._header_timer = self.loop.call_later(self.header_timeout, self._on_header_timeout)

    def _stop_header_timer(self) -> None:
        if self._header_timer is not None:
            self._header_timer.cancel()
            self._header_timer = None

    def _on_header_timeout(self) -> None:
        self._header_timer = None
        if self.transport.is_closing() or not self._waiting_for_headers():
            return
        log.info("closed a connection whose request did not arrive in %.0f s", self.header_timeout)
        self.transport.write(_REFUSAL)
        self.transport.close()


def header_timeout_protocol(seconds: float) -> type[asyncio.Protocol]:
    """The protocol class for uvicorn's ``http`` setting; importable by name at the default."""
    if seconds == HEADER_TIMEOUT:
        return HeaderTimeoutProtocol
    return type("HeaderTimeoutProtocol", (HeaderTimeoutProtocol,), {"header_timeout": seconds})
