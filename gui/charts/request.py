"""What the owner asked to see, and the work (off the GUI thread) that fetches it."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Final, Literal

from models.profile import Profile
from models.services.sales_charts import (
    Breakdown,
    DaySpan,
    Granularity,
    GrowthSeries,
    SalesSeries,
    category_series,
    growth_series,
    sales_series,
    sales_span,
    store_series,
)

ChartKind = Literal["sales", "category", "store", "growth", "commission"]
CHART_KINDS: Final[tuple[ChartKind, ...]] = ("sales", "category", "store", "growth", "commission")
Preset = Literal["30_days", "90_days", "12_months", "all", "custom"]
PRESETS: Final[tuple[Preset, ...]] = ("30_days", "90_days", "12_months", "all", "custom")


@dataclass(frozen=True)
class ChartRequest:
    kind: ChartKind
    preset: Preset
    granularity: Granularity
    today: dt.date
    # Only for the custom preset.
    first: dt.date | None = None
    last: dt.date | None = None


@dataclass(frozen=True)
class ChartData:
    request: ChartRequest
    first: dt.date
    last: dt.date
    series: SalesSeries | Breakdown | GrowthSeries | None  # None: the shop has no sales yet


def months_back(day: dt.date, months: int) -> dt.date:
    """The 1st of the month ``months`` before ``day``'s month."""
    index = day.year * 12 + day.month - 1 - months
    return dt.date(index // 12, index % 12 + 1, 1)


def range_of(request: ChartRequest, span: DaySpan | None) -> tuple[dt.date, dt.date]:
    today = request.today
    if request.preset == "custom" and request.first and request.last:
        return min(request.first, request.last), max(request.first, request.last)
    if request.preset == "90_days":
        return today - dt.timedelta(days=89), today
    if request.preset == "12_months":
        return months_back(today, 11), today
    if request.preset == "all" and span is not None:
        return span.first, max(span.last, today)
    return today - dt.timedelta(days=29), today


def load_chart(profile: Profile, request: ChartRequest) -> ChartData:
    span = sales_span(profile)
    first, last = range_of(request, span)
    if span is None:
        return ChartData(request, first, last, None)
    granularity = request.granularity
    series: SalesSeries | Breakdown | GrowthSeries
    if request.kind in ("sales", "commission"):
        series = sales_series(profile, first, last, granularity)
    elif request.kind == "category":
        series = category_series(profile, first, last, granularity)
    elif request.kind == "store":
        series = store_series(profile, first, last, granularity)
    else:
        series = growth_series(profile, first, last, granularity)
    return ChartData(request, first, last, series)
