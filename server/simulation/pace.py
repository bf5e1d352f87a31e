"""The simulation's knobs, in platform time (which runs ``speed`` times faster than the wall)."""

from __future__ import annotations

from dataclasses import dataclass

HOUR = 3_600
DAY = 86_400


@dataclass(frozen=True)
class Pace:
    # New orders per shop per hour: 180 is three a minute, busy enough to watch.
    orders_per_hour: float = 180.0
    # Of the new orders: placed by someone new to the shop, rather than by a known customer.
    new_customer_share: float = 0.15
    # A newcomer arrives through a manager's sub-store rather than the owner's own store.
    sub_store_share: float = 0.6
    # A known customer buys in another manager's sub-store for once.
    stray_share: float = 0.05
    # Pending orders are paid or cancelled after about this long.
    settle_after: int = 15 * 60
    cancel_share: float = 0.12
    ship_after: int = DAY
    complete_after: int = 4 * DAY
    # The platform's assessment of a manager's final stage takes about this long.
    assessment_after: int = HOUR // 2
    # A withdrawal is paid out (or refused) after about this long.
    payout_after: int = HOUR // 2
    payout_refused_share: float = 0.1
    # Completed orders refunded per shop and day: within the after-sales window (nothing is
    # paid), and late, after a statement paid them (the next one claws the money back).
    refunds_per_day: float = 3.0
    late_refunds_per_day: float = 1.0
    # At most this much platform time is simulated by one tick (a sleeping laptop wakes up).
    longest_step: int = DAY
