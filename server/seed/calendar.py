"""Days and hours of the shops' trading, in China Standard Time, stored as UTC seconds.

The demo's history ends at one moment: the last second of the anchor day when that day is
over, else now. Nothing seeded happens later.
"""

from __future__ import annotations

import random
from bisect import bisect
from datetime import UTC, date, datetime, timedelta
from itertools import accumulate
from typing import Final

DAY = 86_400
CHINA_OFFSET: Final = 8 * 3600
# Orders come in the evening after work and at lunch, hardly at night.
_HOUR_WEIGHTS: Final = (
    2, 1, 1, 1, 1, 2, 4, 7, 9, 9, 10, 12, 14, 12, 10, 10, 10, 11, 13, 16, 19, 20, 17, 9,
)  # fmt: skip
HOUR_CUM: Final = list(accumulate(_HOUR_WEIGHTS))


def day_start(day: date) -> int:
    """The UTC second at which ``day`` begins in China."""
    midnight = datetime(day.year, day.month, day.day, tzinfo=UTC)
    return int(midnight.timestamp()) - CHINA_OFFSET


def china_day(moment: int) -> date:
    """The day in China at the UTC second ``moment``."""
    return datetime.fromtimestamp(moment + CHINA_OFFSET, tz=UTC).date()


class AnchorInFuture(ValueError):
    def __init__(self, anchor: date, today: date) -> None:
        super().__init__(f"the demo's day {anchor} is later than today in China ({today})")
        self.anchor = anchor
        self.today = today


def history_end(anchor: date, now: int) -> int:
    """The last second of the demo's history: the anchor day's last second once it is over,
    else ``now``; an anchor day still to come has no history yet and is refused."""
    start = day_start(anchor)
    if now < start:
        raise AnchorInFuture(anchor, china_day(now))
    return min(now, start + DAY - 1)


def _hours_reached(span: int) -> list[float]:
    """The hours' weights within a day's first ``span`` seconds (the hour still running
    weighs its share)."""
    return [
        weight * min(1.0, max(0.0, (span - hour * 3600) / 3600))
        for hour, weight in enumerate(_HOUR_WEIGHTS)
    ]


def day_share(span: int) -> float:
    """The share of a day's orders that come in its first ``span`` seconds."""
    return sum(_hours_reached(span)) / HOUR_CUM[-1]


def moments_cum(span: int) -> list[float]:
    """Cumulative weights of the hours within a day's first ``span`` seconds, for a bisect
    of ``random()``."""
    cum = list(accumulate(_hours_reached(span)))
    total = cum[-1] or 1.0
    return [c / total for c in cum]


def moment_in(rand: float, rand_2: float, span: int, cum: list[float]) -> int:
    """A second of the day's first ``span`` seconds, drawn by hour from ``cum``."""
    hour = min(bisect(cum, rand), 23)
    within = min(3600, span - hour * 3600)
    return hour * 3600 + int(rand_2 * max(1, within))


def seconds_into_day(rng: random.Random) -> int:
    hour = rng.choices(range(24), cum_weights=HOUR_CUM)[0]
    return hour * 3600 + rng.randrange(3600)


def day_weight(day: date, progress: float, rng: random.Random) -> float:
    """How busy a day is: growth over the years, weekends, and the big shopping festivals."""
    weight: float = 0.45 + 1.1 * progress**1.3
    weight *= (1.0, 1.0, 1.0, 1.0, 1.12, 1.35, 1.28)[day.weekday()]
    festival = {(11, 11): 2.6, (11, 10): 1.5, (11, 12): 1.3, (6, 18): 2.0, (6, 17): 1.3}
    weight *= festival.get((day.month, day.day), 1.0)
    return weight * rng.uniform(0.85, 1.15)


def spread(total: int, weights: list[float]) -> list[int]:
    """Split ``total`` into whole counts proportional to ``weights`` (largest remainders)."""
    scale = total / sum(weights)
    exact = [w * scale for w in weights]
    counts = [int(x) for x in exact]
    short = total - sum(counts)
    by_remainder = sorted(range(len(exact)), key=lambda i: counts[i] - exact[i])
    for i in by_remainder[:short]:
        counts[i] += 1
    return counts


def days_back(anchor: date, count: int) -> list[date]:
    """The ``count`` days ending with ``anchor``, oldest first."""
    return [anchor - timedelta(days=count - 1 - i) for i in range(count)]
