"""What the owner asked to see, and the work (off the GUI thread) that fetches it: the series,
the range's totals beside the period before and the year before, and the compared series."""

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
    auto_granularity,
    category_series,
    growth_series,
    sales_series,
    sales_span,
    store_series,
)
from models.services.sales_totals import (
    COMPARISONS,
    PRESETS,
    Comparison,
    Preset,
    RangeTotals,
    compared_span,
    months_back,
    preset_range,
    range_totals,
)

__all__ = [
    "CHART_KINDS",
    "COMPARISONS",
    "GRANULARITY_CHOICES",
    "PRESETS",
    "ChartData",
    "ChartKind",
    "ChartRequest",
    "Comparison",
    "Preset",
    "load_chart",
    "months_back",
    "range_of",
]

ChartKind = Literal["sales", "category", "store", "growth", "commission"]
CHART_KINDS: Final[tuple[ChartKind, ...]] = ("sales", "category", "store", "growth", "commission")
GranularityChoice = Literal["auto", "day", "week", "month"]
GRANULARITY_CHOICES: Final[tuple[GranularityChoice, ...]] = ("auto", "day", "week", "month")


@dataclass(frozen=True)
class ChartRequest:
    kind: ChartKind
    preset: Preset
    granularity: GranularityChoice
    today: dt.date
    # Only for the custom preset.
    first: dt.date | None = None
    last: dt.date | None = None
    comparison: Comparison = "none"


@dataclass(frozen=True)
class ChartData:
    request: ChartRequest
    first: dt.date
    last: dt.date
    series: SalesSeries | Breakdown | GrowthSeries | None  # None: the shop has no sales yet
    granularity: Granularity = "day"  # the bucket drawn: the owner's, or the range's own
    totals: RangeTotals | None = None
    # The sales of the compared range, bucket by bucket, for the sales and commission charts.
    compared: SalesSeries | None = None
    compared_span: DaySpan | None = None


def range_of(request: ChartRequest, span: DaySpan | None) -> tuple[dt.date, dt.date]:
    if request.preset == "custom" and request.first and request.last:
        return min(request.first, request.last), max(request.first, request.last)
    return preset_range(request.preset, request.today, span)


def load_chart(profile: Profile, request: ChartRequest) -> ChartData:
    span = sales_span(profile)
    first, last = range_of(request, span)
    granularity: Granularity = (
        auto_granularity(first, last) if request.granularity == "auto" else request.granularity
    )
    if span is None:
        return ChartData(request, first, last, None, granularity)
    today = request.today
    series: SalesSeries | Breakdown | GrowthSeries
    if request.kind in ("sales", "commission"):
        series = sales_series(profile, first, last, granularity, today=today)
    elif request.kind == "category":
        series = category_series(profile, first, last, granularity, today=today)
    elif request.kind == "store":
        series = store_series(profile, first, last, granularity, today=today)
    else:
        series = growth_series(profile, first, last, granularity, today=today)
    compared = None
    other = compared_span(request.comparison, first, last)
    if other is not None and request.kind in ("sales", "commission"):
        compared = sales_series(profile, other.first, other.last, granularity, average=False)
    totals = range_totals(profile, first, last)
    return ChartData(request, first, last, series, granularity, totals, compared, other)
