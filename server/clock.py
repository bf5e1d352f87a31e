"""The platform's sense of time: whole UTC seconds, from a callable that tests can replace."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], int]


def system_clock() -> int:
    return int(time.time())


def accelerated(speed: float, start: int | None = None) -> Clock:
    """A clock that runs ``speed`` times faster than the wall, from ``start`` (default: now)."""
    origin = time.monotonic()
    base = system_clock() if start is None else start

    def now() -> int:
        return base + int((time.monotonic() - origin) * speed)

    return now
