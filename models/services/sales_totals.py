"""A range's totals beside the same length just before it and the same dates a year before,
summed in SQL from the daily rollups; and which range a chart preset means.

"This month" runs from the 1st to today; the period before it is as many days ending the day
before the 1st, so that a month so far is compared with the days just before, not a whole month.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from sqlalchemy import case, func, select

from models.db import CategorySalesDay
from models.profile import Profile
from models.services.sales_charts import DaySpan, day_number, ready_offset

Preset = Literal["30_days", "90_days", "this_month", "last_month", "12_months", "all", "custom"]
PRESETS: Final[tuple[Preset, ...]] = (
    "30_days",
    "90_days",
    "this_month",
    "last_month",
    "12_months",
    "all",
    "custom",
)
Comparison = Literal["none", "previous", "year_before"]
COMPARISONS: Final[tuple[Comparison, ...]] = ("none", "previous", "year_before")


@dataclass(frozen=True)
class Totals:
    amount_cents: int
    orders: int
    commission_cents: int


@dataclass(frozen=True)
class RangeTotals:
    first: dt.date
    last: dt.date
    current: Totals
    previous: Totals  # the same number of days just before
    previous_span: DaySpan
    year_before: Totals  # the same dates a year earlier
    year_span: DaySpan


def months_back(day: dt.date, months: int) -> dt.date:
    """The 1st of the month ``months`` before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def preset_range(preset: Preset, today: dt.date, span: DaySpan | None) -> tuple[dt.date, dt.date]:
    """The first and last day a preset means (custom ranges are the owner's own)."""
    if preset == "90_days":
        return today - dt.timedelta(days=89), today
    if preset == "this_month":
        return today.replace(day=1), today
    if preset == "last_month":
        first = months_back(today, 1)
        return first, today.replace(day=1) - dt.timedelta(days=1)
    if preset == "12_months":
        return months_back(today, 11), today
    if preset == "all" and span is not None:
        return span.first, max(span.last, today)
    return today - dt.timedelta(days=29), today


def previous_period(first: dt.date, last: dt.date) -> DaySpan:
    """As many days as the range, ending the day before it starts."""
    days = (last - first).days + 1
    return DaySpan(first - dt.timedelta(days=days), first - dt.timedelta(days=1))


def year_before(first: dt.date, last: dt.date) -> DaySpan:
    """The same dates a year earlier (29 February becomes the 28th)."""
    return DaySpan(_a_year_before(first), _a_year_before(last))


def compared_span(comparison: Comparison, first: dt.date, last: dt.date) -> DaySpan | None:
    if comparison == "previous":
        return previous_period(first, last)
    if comparison == "year_before":
        return year_before(first, last)
    return None


def range_totals(profile: Profile, first: dt.date, last: dt.date) -> RangeTotals:
    previous, earlier = previous_period(first, last), year_before(first, last)
    spans = (DaySpan(first, last), previous, earlier)
    ready_offset(profile)
    day = CategorySalesDay.day
    # One pass over the days of all three spans, each sum kept to its own span's days.
    sums = []
    for span in spans:
        inside = day.between(day_number(span.first), day_number(span.last))
        sums += [
            func.coalesce(func.sum(case((inside, column), else_=0)), 0)
            for column in (
                CategorySalesDay.amount_cents,
                CategorySalesDay.orders,
                CategorySalesDay.commission_cents,
            )
        ]
    lowest = min(day_number(span.first) for span in spans)
    highest = max(day_number(span.last) for span in spans)
    with profile.read() as s:
        found = [int(v) for v in s.execute(select(*sums).where(day.between(lowest, highest))).one()]
    current, before, a_year = (Totals(*found[i : i + 3]) for i in (0, 3, 6))
    return RangeTotals(first, last, current, before, previous, a_year, earlier)


def change(now: int, before: int) -> float | None:
    """The relative change from ``before`` to ``now`` (0.25 for a quarter more); None when
    there was nothing before to compare with."""
    if before == 0:
        return None
    return (now - before) / before


def _a_year_before(day: dt.date) -> dt.date:
    try:
        return day.replace(year=day.year - 1)
    except ValueError:  # 29 February
        return day.replace(year=day.year - 1, day=28)
