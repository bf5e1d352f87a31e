"""The charts workspace on a really synced shop: what is plotted is what the service counted."""

from __future__ import annotations

import csv
import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QDate
from PySide6.QtGui import QImage
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.charts.breakdown_plots import BreakdownChart, GrowthChart
from gui.charts.labels import bucket_key
from gui.charts.plots import bar_spans
from gui.charts.request import CHART_KINDS, GRANULARITY_CHOICES, PRESETS, ChartKind
from gui.charts.sales_plots import CommissionChart, SalesChart, cents_cell
from gui.charts.workspace import ChartsWorkspace
from gui.formatting import count, money
from models.profile import Profile
from models.services import sales_charts as charts
from models.services.sales_charts import Breakdown, GrowthSeries, SalesSeries


def last_sale_day(profile: Profile) -> dt.date:
    with sqlite3.connect(profile.db_path) as conn:
        latest = conn.execute('SELECT max(placed_at) FROM "order"').fetchone()[0]
    return dt.datetime.fromtimestamp(latest).date()


def open_workspace(qtbot: QtBot, profile: Profile, today: dt.date) -> ChartsWorkspace:
    ws = ChartsWorkspace(profile, today=lambda: today)
    qtbot.addWidget(ws)
    ws.resize(1200, 700)
    with qtbot.waitSignal(ws.loaded, timeout=20_000):
        ws.show()
    return ws


@pytest.fixture
def workspace(qtbot: QtBot, synced_profile: Profile) -> ChartsWorkspace:
    return open_workspace(qtbot, synced_profile, last_sale_day(synced_profile))


def choose(qtbot: QtBot, ws: ChartsWorkspace, kind: ChartKind, granularity: str) -> None:
    with qtbot.waitSignal(ws.loaded, timeout=20_000):
        ws.kinds.setCurrentIndex(CHART_KINDS.index(kind))
        ws.granularities.setCurrentIndex(GRANULARITY_CHOICES.index(granularity))
        ws.presets.setCurrentIndex(PRESETS.index("all"))
        ws._load()  # one more, in case none of the choices changed
    # Each choice started a load of its own: what is shown is the last one's.
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    assert ws.shown is not None
    assert ws.shown.request.kind == kind


def expected_x0(times: list[int], granularity: str) -> list[float]:
    return [t + s * 0.1 for t, s in zip(times, bar_spans(times, granularity), strict=True)]


def middles(times: list[int], granularity: str) -> list[float]:
    return [t + s / 2 for t, s in zip(times, bar_spans(times, granularity), strict=True)]


def yuan(cents: list[int]) -> list[float]:
    return [c / 100 for c in cents]


def check_plotted(ws: ChartsWorkspace, granularity: charts.Granularity) -> None:
    assert ws.shown is not None
    profile, first, last = ws._profile, ws.shown.first, ws.shown.last
    chart = ws.current_chart()
    if isinstance(chart, SalesChart):
        data = charts.sales_series(profile, first, last, granularity)
        assert list(chart.amount_bars.opts["height"]) == yuan(data.amount_cents)
        assert list(chart.amount_bars.opts["x0"]) == expected_x0(data.times, granularity)
        assert list(chart.order_bars.opts["height"]) == [float(n) for n in data.orders]
        xs, ys = chart.average_line.getData()
        if granularity == "day":
            assert list(xs) == [t + 43_200 for t in data.average_times]
            assert list(ys) == yuan(data.average_cents)
        else:
            assert xs is None or len(xs) == 0
    elif isinstance(chart, CommissionChart):
        data = charts.sales_series(profile, first, last, granularity)
        assert list(chart.bars.opts["height"]) == yuan(data.commission_cents)
    elif isinstance(chart, GrowthChart):
        growth = charts.growth_series(profile, first, last, granularity)
        for index, one in enumerate(growth.series):
            xs, ys = chart.plotted(index)
            assert xs == middles(growth.times, granularity)
            assert ys == [float(v) for v in one.values]
        shown = [m for m in chart.marks if m.isVisible()]
        assert [m.value() for m in shown] == [r.at for r in growth.releases]
        assert [m.label.format for m in shown] == [chart.release_text(r) for r in growth.releases]
    else:
        assert isinstance(chart, BreakdownChart)
        fetch = charts.category_series if ws.current_kind() == "category" else charts.store_series
        breakdown = fetch(profile, first, last, granularity)
        assert 1 < len(breakdown.series) <= 10
        for index, one in enumerate(breakdown.series):
            xs, ys = chart.plotted(index)
            assert xs == middles(breakdown.times, granularity)
            assert ys == yuan(one.values)
        legend = [label.text for _sample, label in chart.legend.items]
        assert legend == [chart.label_of(s) for s in breakdown.series]


def test_every_chart_plots_the_series_of_the_service(
    qtbot: QtBot, workspace: ChartsWorkspace
) -> None:
    for kind in CHART_KINDS:
        for granularity in charts.GRANULARITIES:
            choose(qtbot, workspace, kind, granularity)
            check_plotted(workspace, granularity)


def test_the_store_chart_names_the_own_store_and_each_manager(
    qtbot: QtBot, workspace: ChartsWorkspace
) -> None:
    choose(qtbot, workspace, "store", "month")
    chart = workspace.current_chart()
    assert isinstance(chart, BreakdownChart)
    legend = [label.text for _sample, label in chart.legend.items]
    assert legend[0] == "Own store"
    with sqlite3.connect(workspace._profile.db_path) as conn:
        names = {n for (n,) in conn.execute("SELECT name FROM store_manager")}
    assert set(legend[1:]) <= names | {"1 other store"} | {
        f"{n} other stores" for n in range(2, 99)
    }
    assert legend[1:]


def test_the_readout_shows_exact_money_under_the_pointer(
    qtbot: QtBot, workspace: ChartsWorkspace
) -> None:
    choose(qtbot, workspace, "sales", "day")
    assert workspace.shown is not None
    data = workspace.shown.series
    assert isinstance(data, SalesSeries)
    busiest = max(range(len(data.times)), key=lambda i: data.amount_cents[i])
    text = workspace.current_chart().hover_at(data.times[busiest] + 3600)
    assert money(data.amount_cents[busiest]) in text
    assert count(data.orders[busiest]) in text
    assert workspace.readout.text() == text
    assert workspace.current_chart().hover_at(data.times[0] - 10 * 86_400) == ""


def test_saved_csv_holds_the_plotted_figures(
    qtbot: QtBot, workspace: ChartsWorkspace, tmp_path: Path
) -> None:
    choose(qtbot, workspace, "category", "week")
    assert workspace.shown is not None
    data = workspace.shown.series
    assert isinstance(data, Breakdown)
    path = tmp_path / "by-category.csv"
    workspace.save_data(path)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert rows[0] == ["Date", *(s.key for s in data.series)]
    assert [r[0] for r in rows[1:]] == [bucket_key(t, "week") for t in data.times]
    for column, one in enumerate(data.series, start=1):
        assert [r[column] for r in rows[1:]] == [cents_cell(v) for v in one.values]


def test_saved_picture_is_a_png_of_the_chart(
    qtbot: QtBot, workspace: ChartsWorkspace, tmp_path: Path
) -> None:
    choose(qtbot, workspace, "growth", "month")
    path = tmp_path / "growth.png"
    workspace.save_picture(path)
    assert path.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    image = QImage(str(path))
    assert image.width() > 400
    assert image.height() > 200


def test_growth_marks_approved_releases(qtbot: QtBot, workspace: ChartsWorkspace) -> None:
    choose(qtbot, workspace, "growth", "week")
    assert workspace.shown is not None
    growth = workspace.shown.series
    assert isinstance(growth, GrowthSeries)
    assert [s.key for s in growth.series][:3] == ["own", "manager", "public_domain"]
    chart = workspace.current_chart()
    assert isinstance(chart, GrowthChart)
    header, _rows = chart.table()
    assert header[-1] == "Releases"


def test_custom_dates_pick_the_range(qtbot: QtBot, workspace: ChartsWorkspace) -> None:
    assert workspace.shown is not None
    last = workspace.shown.last
    first = last - dt.timedelta(days=13)
    with qtbot.waitSignal(workspace.loaded, timeout=20_000):
        workspace.first_day.setDate(QDate(first.year, first.month, first.day))
    assert workspace.presets.currentData() == "custom"
    assert (workspace.shown.first, workspace.shown.last) == (first, last)
    chart = workspace.current_chart()
    assert len(chart.times) == 14


def test_chinese_labels(qapp: QApplication, qtbot: QtBot, synced_profile: Profile) -> None:
    i18n.install(qapp, "zh_CN")
    ws = open_workspace(qtbot, synced_profile, last_sale_day(synced_profile))
    assert ws.title() == "销售图表"
    assert ws.kinds.tabText(0) == "销售额与订单"
    assert ws.presets.itemText(0) == "近 30 天"
    choose(qtbot, ws, "store", "month")
    chart = ws.current_chart()
    assert isinstance(chart, BreakdownChart)
    assert chart.legend.items[0][1].text == "自营店"
    header, _rows = chart.table()
    assert header[0] == "日期"
    choose(qtbot, ws, "sales", "day")
    assert "销售额" in ws.current_chart().hover_at(ws.current_chart().times[-1] + 1)


def test_a_shop_without_sales_says_so(qtbot: QtBot, empty_profile: Profile) -> None:
    ws = open_workspace(qtbot, empty_profile, dt.date(2026, 11, 24))
    assert ws.pages.currentWidget() is ws.empty
    assert "No sales yet" in ws.empty.text()
    assert not ws.save_png.isEnabled()
    assert not ws.save_csv.isEnabled()
