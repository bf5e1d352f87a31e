"""Weighted draws with bisect: much faster than random.choices in the seeding loops."""

from __future__ import annotations

import math
from collections.abc import Iterable
from itertools import accumulate


def open_ended(weights: Iterable[float]) -> list[float]:
    """Cumulative weights normalised to 1 whose last step reaches infinity, so a bisect of
    ``random()`` always lands inside the list, even after rounding."""
    cum = list(accumulate(weights))
    total = cum[-1]
    return [*(c / total for c in cum[:-1]), math.inf]
