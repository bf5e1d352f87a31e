"""When will a store manager complete the current stage, at the pace so far?

Pure arithmetic on a stage's window and progress, so that it can be checked on fixed numbers
with a fixed clock.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from typing import Final, Literal

DAY: Final = 86_400
# No new sales or customers for this long, and the stage is not complete: stalled.
STALL_DAYS: Final = 14

Outlook = Literal["complete", "on_track", "at_risk", "stalled", "expired"]


@dataclass(frozen=True)
class StageProgress:
    started_at: int
    deadline_at: int
    sales_cents: int
    sales_target_cents: int
    customers: int
    customers_target: int
    last_sale_at: int | None  # the newest paid order in the sub-store since the stage began


@dataclass(frozen=True)
class Forecast:
    outlook: Outlook
    completes_at: int | None  # None when the pace never gets there (stalled, or no pace yet)
    days_left: int  # whole days to the deadline, 0 when past
    sales_share: float  # 0..1 of the sales target met
    customers_share: float  # 0..1 of the customers target met


def forecast(p: StageProgress, now: int) -> Forecast:
    sales_share = _share(p.sales_cents, p.sales_target_cents)
    customers_share = _share(p.customers, p.customers_target)
    days_left = max(0, math.ceil((p.deadline_at - now) / DAY))
    if sales_share >= 1 and customers_share >= 1:
        return Forecast("complete", now, days_left, 1.0, 1.0)
    if now >= p.deadline_at:
        return Forecast("expired", None, 0, sales_share, customers_share)
    elapsed_days = max((now - p.started_at) / DAY, 1.0)
    quiet_since = p.last_sale_at if p.last_sale_at is not None else p.started_at
    if now - quiet_since >= STALL_DAYS * DAY:
        return Forecast("stalled", None, days_left, sales_share, customers_share)
    needed = max(
        _days_needed(p.sales_cents, p.sales_target_cents, elapsed_days),
        _days_needed(p.customers, p.customers_target, elapsed_days),
    )
    if math.isinf(needed):
        # No pace on some target yet, but not quiet long enough to call it stalled.
        return Forecast("at_risk", None, days_left, sales_share, customers_share)
    completes_at = now + math.ceil(needed * DAY)
    outlook: Outlook = "on_track" if completes_at <= p.deadline_at else "at_risk"
    return Forecast(outlook, completes_at, days_left, sales_share, customers_share)


def _share(done: int, target: int) -> float:
    return 1.0 if target <= 0 else min(done / target, 1.0)


def _days_needed(done: int, target: int, elapsed_days: float) -> float:
    if done >= target:
        return 0.0
    pace = done / elapsed_days
    return math.inf if pace <= 0 else (target - done) / pace
