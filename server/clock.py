"""The platform's sense of time: whole UTC seconds, from a callable that tests can replace."""

from __future__ import annotations

import time
from collections.abc import Callable

Clock = Callable[[], int]


def system_clock() -> int:
    return int(time.time())
