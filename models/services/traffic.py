"""Traffic compensation: customers lost to releases against public-domain customers allocated.

Per month of the owner's calendar: the customers who left with a released manager, the
public-domain customers who have arrived, and the same in sales. A lost customer's sales are
what they bought from the shop in the LOOKBACK_DAYS before leaving, counted in the month they
left; an allocated customer's sales are what they bought since arriving, counted in the month
they paid. Allocations still to come are not counted yet, only announced.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Final

from sqlalchemy import and_, func, select

from models import wire
from models.db import CustomerBinding, Order, TrafficAllocation
from models.profile import Profile

DAY: Final = 86_400
LOOKBACK_DAYS: Final = 90
COMPENSATION: Final = "release_compensation"


@dataclass(frozen=True)
class MonthFigures:
    year: int
    month: int
    starts_at: int  # the month's first moment in the owner's zone, as UTC seconds
    lost: int
    allocated: int
    sales_lost_cents: int
    sales_brought_cents: int

    @property
    def net(self) -> int:
        return self.allocated - self.lost

    @property
    def net_sales_cents(self) -> int:
        return self.sales_brought_cents - self.sales_lost_cents


@dataclass(frozen=True)
class TrafficCompensation:
    months: list[MonthFigures]  # oldest first, every month from the first figure to now
    lost: int
    allocated: int
    sales_lost_cents: int
    sales_brought_cents: int
    upcoming: int  # allocations whose arrival time is still ahead
    upcoming_until: int | None  # when the last of them arrives

    @property
    def net(self) -> int:
        return self.allocated - self.lost

    @property
    def net_sales_cents(self) -> int:
        return self.sales_brought_cents - self.sales_lost_cents


_Month = tuple[int, int]


def traffic_compensation(
    profile: Profile, now: dt.datetime, *, compensation_only: bool = False
) -> TrafficCompensation:
    """The gap month by month, in ``now``'s zone; ``compensation_only`` leaves out the
    public-domain customers the platform sent for growth rather than for a release."""
    stamp = int(now.timestamp())
    zone = now.tzinfo
    paid = Order.status.in_(wire.PAID_ORDER_STATUSES)
    allocations = select(TrafficAllocation.customer_id, TrafficAllocation.allocated_at)
    upcoming_query = select(func.count(), func.max(TrafficAllocation.allocated_at)).where(
        TrafficAllocation.allocated_at > stamp
    )
    if compensation_only:
        allocations = allocations.where(TrafficAllocation.reason == COMPENSATION)
        upcoming_query = upcoming_query.where(TrafficAllocation.reason == COMPENSATION)
    arrived = allocations.where(TrafficAllocation.allocated_at <= stamp).subquery()
    departures = select(CustomerBinding.id, CustomerBinding.customer_id, CustomerBinding.at).where(
        CustomerBinding.event == "release_out", CustomerBinding.at <= stamp
    )
    left = departures.subquery()
    lost_sales = (
        select(left.c.id, func.sum(Order.amount_cents))
        .join(Order, Order.customer_id == left.c.customer_id)
        .where(
            paid,
            Order.paid_at >= left.c.at - LOOKBACK_DAYS * DAY,
            Order.paid_at < left.c.at,
        )
        .group_by(left.c.id)
    )
    brought_sales = (
        select(Order.paid_at, Order.amount_cents)
        .join(arrived, arrived.c.customer_id == Order.customer_id)
        .where(paid, and_(Order.paid_at >= arrived.c.allocated_at, Order.paid_at <= stamp))
    )
    with profile.read() as s:
        leaving = s.execute(departures).all()
        lost_by_entry = {int(i): int(total or 0) for i, total in s.execute(lost_sales).all()}
        arrivals = s.execute(select(arrived.c.allocated_at)).scalars().all()
        brought = s.execute(brought_sales).all()
        upcoming, upcoming_until = s.execute(upcoming_query).one()

    def month_of(seconds: int) -> _Month:
        moment = dt.datetime.fromtimestamp(seconds, zone)
        return moment.year, moment.month

    lost: dict[_Month, int] = defaultdict(int)
    sales_lost: dict[_Month, int] = defaultdict(int)
    for entry_id, _customer, at in leaving:
        lost[month_of(at)] += 1
        sales_lost[month_of(at)] += lost_by_entry.get(int(entry_id), 0)
    allocated: dict[_Month, int] = defaultdict(int)
    for at in arrivals:
        allocated[month_of(at)] += 1
    sales_brought: dict[_Month, int] = defaultdict(int)
    for paid_at, amount in brought:
        if paid_at is not None:
            sales_brought[month_of(paid_at)] += amount
    seen = set(lost) | set(allocated) | set(sales_brought)
    months = (
        [
            MonthFigures(
                year=year,
                month=month,
                starts_at=int(dt.datetime(year, month, 1, tzinfo=zone).timestamp()),
                lost=lost.get((year, month), 0),
                allocated=allocated.get((year, month), 0),
                sales_lost_cents=sales_lost.get((year, month), 0),
                sales_brought_cents=sales_brought.get((year, month), 0),
            )
            for year, month in _months_between(min(seen), month_of(stamp))
        ]
        if seen
        else []
    )
    return TrafficCompensation(
        months=months,
        lost=sum(lost.values()),
        allocated=sum(allocated.values()),
        sales_lost_cents=sum(sales_lost.values()),
        sales_brought_cents=sum(sales_brought.values()),
        upcoming=int(upcoming or 0),
        upcoming_until=int(upcoming_until) if upcoming_until is not None else None,
    )


def _months_between(first: _Month, last: _Month) -> list[_Month]:
    months: list[_Month] = []
    year, month = first
    while (year, month) <= max(first, last):
        months.append((year, month))
        year, month = (year + 1, 1) if month == 12 else (year, month + 1)
    return months
