"""Many desktops against one platform on loopback: a small HTTP/1.1 client on asyncio, one
kept connection per desktop, sending what the desktop's sync sends.

A Python HTTP library spends more time per request than the platform does; this client reads
only what it needs (status, length, the page's cursor and ``more``), so that two cores measure
the platform rather than the load. Every loop is bounded in count and in time.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import random
import re
import statistics
import time
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass, field
from typing import Any

from models import wire

_HEAD = re.compile(rb'"next_cursor":"([0-9:]+)","more":(true|false)')


@dataclass
class Outcome:
    """Latencies of the requests that were answered, and what went wrong with the others."""

    latencies: list[float] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    done: int = 0
    seconds: float = 0.0

    def figures(self, unit: str) -> dict[str, Any]:
        ordered = sorted(self.latencies) or [0.0]
        return {
            f"{unit}_per_s": round(self.done / self.seconds, 1) if self.seconds else 0.0,
            "requests": len(self.latencies),
            "p50_ms": round(statistics.median(ordered) * 1000, 1),
            "p99_ms": round(ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000, 1),
            "errors": len(self.errors),
            "first_errors": self.errors[:3],
            "seconds": round(self.seconds, 2),
        }


class Connection:
    """One desktop's kept connection to the platform."""

    def __init__(self, port: int, token: str) -> None:
        self.port = port
        self.token = token
        self._reader: asyncio.StreamReader | None = None
        self._writer: asyncio.StreamWriter | None = None

    async def _open(self) -> tuple[asyncio.StreamReader, asyncio.StreamWriter]:
        if self._reader is None or self._writer is None or self._writer.is_closing():
            self._reader, self._writer = await asyncio.open_connection(
                "127.0.0.1", self.port, limit=2**20
            )
        return self._reader, self._writer

    async def request(self, method: str, target: str, body: bytes = b"") -> tuple[int, bytes]:
        reader, writer = await self._open()
        head = (
            f"{method} {target} HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            f"{wire.PROTOCOL_HEADER}: {wire.PROTOCOL_VERSION}\r\n"
            f"Authorization: Bearer {self.token}\r\n"
        )
        if body:
            head += f"Content-Type: application/json\r\nContent-Length: {len(body)}\r\n"
        writer.write(head.encode() + b"\r\n" + body)
        try:
            status_line = await reader.readuntil(b"\r\n")
            length = 0
            close = False
            while (line := await reader.readuntil(b"\r\n")) != b"\r\n":
                name, _, value = line.partition(b":")
                lowered = name.strip().lower()
                if lowered == b"content-length":
                    length = int(value)
                elif lowered == b"connection" and value.strip().lower() == b"close":
                    close = True
            payload = await reader.readexactly(length)
        except (asyncio.IncompleteReadError, ConnectionError):
            await self.close()
            raise
        if close:
            await self.close()
        return int(status_line.split(b" ", 2)[1]), payload

    async def close(self) -> None:
        if self._writer is not None:
            self._writer.close()
            with contextlib.suppress(ConnectionError):
                await self._writer.wait_closed()
        self._reader = self._writer = None


def pull_target(cursor: str) -> str:
    return f"/v1/pull?cursor={cursor}&limit={wire.MAX_PULL_LIMIT}"


async def _timed(
    outcome: Outcome, call: Callable[[], Awaitable[tuple[int, bytes]]]
) -> bytes | None:
    started = time.perf_counter()
    try:
        status, payload = await call()
    except (OSError, asyncio.IncompleteReadError) as error:
        outcome.errors.append(type(error).__name__)
        return None
    outcome.latencies.append(time.perf_counter() - started)
    if status != 200:
        outcome.errors.append(f"{status} {payload[:120]!r}")
        return None
    return payload


async def idle_syncs(
    port: int, desks: Sequence[tuple[str, str]], rate: float, seconds: float, warm_up: float = 0
) -> Outcome:
    """Each desk (token, head cursor) syncs with nothing to do, every ``len/rate`` seconds
    from a random start, for ``seconds``; a desk never syncs twice at once. With ``warm_up``,
    each desk first opens its connection and syncs for that long, unmeasured."""
    connections = [Connection(port, token) for token, _ in desks]
    if warm_up:
        await _idle(connections, desks, rate, warm_up)
    outcome = await _idle(connections, desks, rate, seconds)
    await asyncio.gather(*(c.close() for c in connections))
    return outcome


async def _idle(
    connections: Sequence[Connection], desks: Sequence[tuple[str, str]], rate: float, seconds: float
) -> Outcome:
    outcome = Outcome()
    interval = len(desks) / rate
    started = time.perf_counter()
    deadline = started + seconds

    async def desk(n: int) -> None:
        connection, cursor = connections[n], desks[n][1]
        target = pull_target(cursor)
        due = started + random.Random(n).uniform(0, interval)
        while due < deadline:
            await asyncio.sleep(max(0.0, due - time.perf_counter()))
            payload = await _timed(outcome, lambda: connection.request("GET", target))
            if payload is not None:
                found = _HEAD.search(payload[:400])
                if found is None or found.group(1).decode() != cursor or found.group(2) != b"false":
                    outcome.errors.append("a sync with nothing to do found something")
                else:
                    outcome.done += 1
            due += interval

    await asyncio.gather(*(desk(n) for n in range(len(desks))))
    outcome.seconds = time.perf_counter() - started
    return outcome


async def first_pulls(port: int, tokens: Sequence[str], max_pages: int = 50) -> Outcome:
    """Every desk pulls its shop from the start at once, page by page, until caught up."""
    outcome = Outcome()
    connections = [Connection(port, token) for token in tokens]
    started = time.perf_counter()

    async def desk(connection: Connection) -> None:
        cursor = wire.START_CURSOR
        for _ in range(max_pages):
            target = pull_target(cursor)
            payload = await _timed(outcome, lambda: connection.request("GET", target))  # noqa: B023
            if payload is None:
                return
            found = _HEAD.search(payload[:400])
            if found is None:
                outcome.errors.append("a page without a cursor")
                return
            cursor = found.group(1).decode()
            if found.group(2) == b"false":
                outcome.done += 1
                return
        outcome.errors.append("more pages than a shop has")

    await asyncio.gather(*(desk(c) for c in connections))
    outcome.seconds = time.perf_counter() - started
    await asyncio.gather(*(c.close() for c in connections))
    return outcome


async def pushes(port: int, batches: Sequence[tuple[str, list[dict[str, Any]]]]) -> Outcome:
    """Every desk pushes its batch at once; ``done`` counts the actions applied."""
    outcome = Outcome()
    connections = [Connection(port, token) for token, _ in batches]
    started = time.perf_counter()

    async def desk(connection: Connection, mutations: list[dict[str, Any]]) -> None:
        body = json.dumps({"mutations": mutations}).encode()
        payload = await _timed(outcome, lambda: connection.request("POST", "/v1/push", body))
        if payload is None:
            return
        results = json.loads(payload)["results"]
        applied = [r for r in results if r["status"] == "applied"]
        outcome.done += len(applied)
        if len(applied) != len(mutations):
            outcome.errors.append(f"{len(mutations) - len(applied)} actions not applied")

    await asyncio.gather(*(desk(c, m) for c, (_, m) in zip(connections, batches, strict=True)))
    outcome.seconds = time.perf_counter() - started
    await asyncio.gather(*(c.close() for c in connections))
    return outcome


def run(coroutine: Awaitable[Outcome]) -> Outcome:
    async def main() -> Outcome:
        return await coroutine

    try:
        import uvloop

        return uvloop.run(main())
    except ImportError:  # pragma: no cover - Windows
        return asyncio.run(main())
