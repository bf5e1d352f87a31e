"""Budget of DESIGN section 5 for the sales charts: any range over 1,000,000 orders ready to draw
in 100 ms, read from the rollups the sync keeps: the series, the range's totals beside the period
before and the year before, and the compared series. The raw anchor is the same sums in raw
sqlite3 over the rollup tables (one GROUP BY for the series, three sums for the totals)."""

from __future__ import annotations

import datetime as dt
import sqlite3
import statistics
import time
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from gui.charts.breakdown_plots import BreakdownChart
from gui.charts.labels import store_label
from gui.charts.request import (
    CHART_KINDS,
    ChartData,
    ChartKind,
    ChartRequest,
    Preset,
    load_chart,
)
from models.profile import Profile
from models.services.sales_charts import STORE_SERIES, Breakdown, day_number, store_series


@pytest.fixture(scope="module")
def profile(million_profile: Path) -> Profile:
    return Profile.open(million_profile)


@pytest.fixture(scope="module")
def today(profile: Profile) -> dt.date:
    with sqlite3.connect(profile.db_path) as conn:
        latest = conn.execute('SELECT max(placed_at) FROM "order"').fetchone()[0]
    return dt.datetime.fromtimestamp(latest).date()


def raw_anchor(profile: Profile, table: str, first: dt.date, last: dt.date) -> float:
    """Seconds for the same sums in raw sqlite3: the series by day, and three range totals."""
    start, end = day_number(first), day_number(last)
    days = end - start + 1
    with sqlite3.connect(profile.db_path) as conn:
        started = time.perf_counter()
        conn.execute(
            f"SELECT day, sum(amount_cents), sum(orders), sum(commission_cents) FROM {table} "
            "WHERE day BETWEEN ? AND ? GROUP BY day",
            (start, end),
        ).fetchall()
        for a, b in ((start, end), (start - days, start - 1), (start - 365, end - 365)):
            conn.execute(
                "SELECT sum(amount_cents), sum(orders), sum(commission_cents) "
                "FROM category_sales_day WHERE day BETWEEN ? AND ?",
                (a, b),
            ).fetchone()
        return time.perf_counter() - started


@pytest.mark.parametrize("preset", ["all", "12_months", "this_month", "last_month"])
@pytest.mark.parametrize("kind", CHART_KINDS)
def test_a_chart_is_ready_to_draw(
    profile: Profile, today: dt.date, benchmark: BenchmarkFixture, kind: ChartKind, preset: Preset
) -> None:
    """Budget: 100 ms from asking to the series, totals and comparison in hand."""
    request = ChartRequest(
        kind=kind, preset=preset, granularity="auto", today=today, comparison="previous"
    )
    seconds: list[float] = []

    def load() -> ChartData:
        started = time.perf_counter()
        data = load_chart(profile, request)
        seconds.append(time.perf_counter() - started)
        return data

    data = benchmark(load)
    assert data.series is not None
    assert data.totals is not None
    table = "store_sales_day" if kind == "store" else "category_sales_day"
    anchor = statistics.median(raw_anchor(profile, table, data.first, data.last) for _ in range(5))
    median = statistics.median(seconds)
    benchmark.extra_info.update({"raw_anchor_s": anchor, "granularity": data.granularity})
    print(
        f"\n{kind} {preset} ({data.granularity}): median {median * 1000:.1f} ms, "
        f"worst {max(seconds) * 1000:.1f} ms; raw sqlite3 {anchor * 1000:.1f} ms; "
        f"ratio {median / anchor:.1f}"
    )
    assert max(seconds) <= 0.100


def test_a_chart_by_day_over_all_time(
    profile: Profile, today: dt.date, benchmark: BenchmarkFixture
) -> None:
    """The longest series the owner can ask for: two years by day, with its comparison."""
    request = ChartRequest(
        kind="sales", preset="all", granularity="day", today=today, comparison="year_before"
    )
    seconds: list[float] = []

    def load() -> ChartData:
        started = time.perf_counter()
        data = load_chart(profile, request)
        seconds.append(time.perf_counter() - started)
        return data

    data = benchmark(load)
    assert data.series is not None
    assert len(data.series.times) >= 700
    print(f"\nsales by day over all time, with a year before: worst {max(seconds) * 1000:.1f} ms")
    assert max(seconds) <= 0.100


def test_the_store_chart_drawn_over_all_time(
    qtbot: QtBot, profile: Profile, today: dt.date, benchmark: BenchmarkFixture
) -> None:
    """The widest chart (every store, every day) from the rollups to its plot items."""
    chart = BreakdownChart(store_label, in_money=True, axis_label="")
    qtbot.addWidget(chart)
    first = today - dt.timedelta(days=800)

    def draw() -> Breakdown:
        data = store_series(profile, first, today, "day", today=today)
        chart.show_series(data.times, data.series, "day", data.unfinished)
        return data

    data = benchmark(draw)
    assert len(data.series) == STORE_SERIES
    assert data.series[-1].members > 0
