"""Budget of DESIGN section 5 for the sales charts: any range over 1,000,000 orders ready to draw
in 100 ms, read from the rollups the sync keeps."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from gui.charts.breakdown_plots import BreakdownChart
from gui.charts.labels import store_label
from gui.charts.request import CHART_KINDS, ChartKind, ChartRequest, Preset, load_chart
from models.profile import Profile
from models.services.sales_charts import Breakdown, store_series


@pytest.fixture(scope="module")
def profile(million_profile: Path) -> Profile:
    return Profile.open(million_profile)


@pytest.fixture(scope="module")
def today(profile: Profile) -> dt.date:
    with sqlite3.connect(profile.db_path) as conn:
        latest = conn.execute('SELECT max(placed_at) FROM "order"').fetchone()[0]
    return dt.datetime.fromtimestamp(latest).date()


@pytest.mark.parametrize("preset", ["all", "12_months"])
@pytest.mark.parametrize("kind", CHART_KINDS)
def test_a_chart_by_day_is_ready_to_draw(
    profile: Profile, today: dt.date, benchmark: BenchmarkFixture, kind: ChartKind, preset: Preset
) -> None:
    """Budget: 100 ms from asking to the series in hand."""
    request = ChartRequest(kind=kind, preset=preset, granularity="day", today=today)
    data = benchmark(load_chart, profile, request)
    assert data.series is not None
    assert len(data.series.times) >= 330


def test_the_store_chart_drawn_over_all_time(
    qtbot: QtBot, profile: Profile, today: dt.date, benchmark: BenchmarkFixture
) -> None:
    """The widest chart (a line per store, every day) from the rollups to its plot items."""
    chart = BreakdownChart(store_label, in_money=True, axis_label="")
    qtbot.addWidget(chart)
    first = today - dt.timedelta(days=800)

    def draw() -> Breakdown:
        data = store_series(profile, first, today, "day")
        chart.show_series(data.times, data.series, "day")
        return data

    data = benchmark(draw)
    assert len(data.series) > 10
