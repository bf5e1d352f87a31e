"""The charts as a shop with forty store managers reads them: at most ten series with the rest
summed as "others", the legend beside the plot, buckets that follow the range, this month and
last month, the range's totals beside the period before and the year before, a compared line,
and the bucket still running marked. Everything plotted equals direct SQL over the orders."""

from __future__ import annotations

import datetime as dt
import random
import sqlite3
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from pytestqt.qtbot import QtBot

from gui.charts.breakdown_plots import BreakdownChart
from gui.charts.request import CHART_KINDS, COMPARISONS, GRANULARITY_CHOICES, PRESETS
from gui.charts.sales_plots import SalesChart
from gui.charts.workspace import ChartsWorkspace
from gui.formatting import money
from models import wire
from models.db import Order, StoreManager, table_of
from models.profile import Profile
from models.services import sales_charts as charts
from models.sync import rollups
from tests.gui.conftest import sign_in_locally
from tests.models.test_rollups import BUCKET_SQL, SALES, keyed

TODAY = dt.date(2026, 11, 25)  # a Wednesday
FIRST_DAY = dt.date(2025, 9, 1)
MANAGERS = 40
PAID_TIME = "coalesce(paid_at, placed_at)"


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[Profile]:
    """A shop of forty managers selling unevenly, every day from FIRST_DAY to TODAY."""
    profile = Profile.open(tmp_path / "forty")
    sign_in_locally(profile)
    rng = random.Random(40)
    managers = [
        {
            "id": i,
            "name": f"店长{i:02d}",
            "phone_masked": "139****0000",
            "city": "杭州",
            "joined_at": 0,
            "status": "active",
            "current_stage_position": 1,
            "released_at": None,
        }
        for i in range(1, MANAGERS + 1)
    ]
    weights = [None] * 30 + [rng.paretovariate(1.1) for _ in managers]
    choices = [None, *range(1, MANAGERS + 1)]
    orders: list[dict[str, Any]] = []
    day = FIRST_DAY
    while day <= TODAY:
        noon = int(dt.datetime.combine(day, dt.time(12)).timestamp())
        for n in range(rng.randint(3, 9)):
            store = rng.choices(choices, weights=[30.0, *[w or 1.0 for w in weights[30:]]])[0]
            amount = rng.randrange(1_000, 90_000)
            orders.append(
                {
                    "id": len(orders) + 1,
                    "order_no": f"ZG{day:%Y%m%d}{len(orders) + 1:09d}",
                    "customer_id": 1,
                    "store_manager_id": store,
                    "placed_at": noon + n * 60,
                    "paid_at": noon + n * 60 + 30,
                    "status": rng.choice(("paid", "shipped", "completed", "cancelled")),
                    "amount_cents": amount,
                    "commission_cents": amount // 7,
                    "item_count": 1,
                    "items_summary": "真丝衬衫 x1",
                    "category": rng.choice(wire.CATEGORIES),
                }
            )
        day += dt.timedelta(days=1)
    with profile.writer.begin() as conn:
        conn.execute(table_of(StoreManager).insert(), managers)
        conn.execute(table_of(Order).insert(), orders)
        rollups.rebuild(conn)
    yield profile
    profile.close()


@pytest.fixture
def workspace(qtbot: QtBot, shop: Profile) -> ChartsWorkspace:
    ws = ChartsWorkspace(shop, today=lambda: TODAY)
    qtbot.addWidget(ws)
    ws.resize(1366, 700)
    with qtbot.waitSignal(ws.loaded, timeout=20_000):
        ws.show()
    return ws


def choose(
    qtbot: QtBot,
    ws: ChartsWorkspace,
    kind: str,
    preset: str,
    granularity: str = "auto",
    *,
    comparison: str = "none",
) -> None:
    with qtbot.waitSignal(ws.loaded, timeout=20_000):
        ws.kinds.setCurrentIndex(CHART_KINDS.index(kind))
        ws.presets.setCurrentIndex(PRESETS.index(preset))
        ws.granularities.setCurrentIndex(GRANULARITY_CHOICES.index(granularity))
        ws.comparisons.setCurrentIndex(COMPARISONS.index(comparison))
        ws._load()
    assert ws.shown is not None


def sql(profile: Profile, query: str, *args: object) -> list[tuple[object, ...]]:
    offset = rollups.local_utc_offset()
    with sqlite3.connect(profile.db_path) as conn:
        return conn.execute(query.replace(":off", str(offset)), args).fetchall()


def seconds(day: dt.date) -> int:
    return int(dt.datetime.combine(day, dt.time()).timestamp())


def in_range(first: dt.date, last: dt.date) -> str:
    since, until = seconds(first), seconds(last + dt.timedelta(days=1))
    return f"status IN ({SALES}) AND {PAID_TIME} >= {since} AND {PAID_TIME} < {until}"


def test_forty_managers_read_as_at_most_ten_series_equal_to_sql(
    qtbot: QtBot, workspace: ChartsWorkspace, shop: Profile
) -> None:
    choose(qtbot, workspace, "store", "all", "month")
    chart = workspace.current_chart()
    assert isinstance(chart, BreakdownChart)
    assert workspace.shown is not None
    first, last = workspace.shown.first, workspace.shown.last
    drawn = [i for i, line in enumerate(chart.lines) if chart.plotted(i)[0]]
    assert len(drawn) == len(chart.series) == charts.STORE_SERIES
    legend = [label.text for _sample, label in chart.legend.items]
    assert len(legend) == 10
    assert legend[0] == "Own store"
    assert legend[-1] == f"{MANAGERS - 8} other stores"

    ranking = sql(
        shop,
        f'SELECT store_manager_id, sum(amount_cents) FROM "order" WHERE {in_range(first, last)} '
        "AND store_manager_id IS NOT NULL GROUP BY 1 ORDER BY 2 DESC, 1",
    )
    top = [int(str(k)) for k, _ in ranking[:8]]
    assert [s.key for s in chart.series] == ["own", *map(str, top), "others"]
    bucket = BUCKET_SQL["month"].format(t=PAID_TIME)
    expected: dict[str, dict[str, int]] = defaultdict(dict)
    for b, store, amount in sql(
        shop,
        f"SELECT {bucket}, CASE WHEN store_manager_id IS NULL THEN 'own' "
        f"WHEN store_manager_id IN ({','.join(map(str, top))}) THEN store_manager_id "
        f"ELSE 'others' END, sum(amount_cents) FROM \"order\" WHERE {in_range(first, last)} "
        "GROUP BY 1, 2",
    ):
        expected[str(store)][str(b)] = int(str(amount))
    offset = rollups.local_utc_offset()
    for index, one in enumerate(chart.series):
        _xs, ys = chart.plotted(index)
        assert (
            keyed(chart.times, [round(y * 100) for y in ys], offset, "month") == expected[one.key]
        )


def test_the_legend_stands_beside_the_plot(qtbot: QtBot, workspace: ChartsWorkspace) -> None:
    for kind in ("store", "sales", "category"):
        choose(qtbot, workspace, kind, "12_months")
        chart = workspace.current_chart()
        # As painted: the layout places its items on the next turn of the event loop.
        qtbot.waitUntil(lambda c=chart: c.legend.pos().x() > 0, timeout=5_000)  # type: ignore[misc]
        plot = chart.plots[0].vb.sceneBoundingRect()
        legend = chart.legend.sceneBoundingRect()
        assert legend.width() > 0
        assert not plot.intersects(legend), kind
        assert legend.left() >= plot.right()


@pytest.mark.parametrize(
    ("preset", "granularity", "buckets"),
    [
        ("30_days", "day", 30),
        ("90_days", "day", 90),
        ("this_month", "day", 25),
        ("last_month", "day", 31),
        ("12_months", "week", 52),  # the weeks of 2025-12-01 (a Monday) … 2026-11-23
        ("all", "month", 15),  # 2025-09 … 2026-11
    ],
)
def test_the_bucket_follows_the_range(
    qtbot: QtBot, workspace: ChartsWorkspace, preset: str, granularity: str, buckets: int
) -> None:
    choose(qtbot, workspace, "sales", preset)
    assert workspace.shown is not None
    assert workspace.shown.granularity == granularity
    assert len(workspace.current_chart().times) == buckets
    auto = workspace.granularities.itemText(GRANULARITY_CHOICES.index("auto"))
    words = {"day": "By day", "week": "By week", "month": "By month"}
    assert auto == f"By the range ({words[granularity]})"


def test_this_month_last_month_and_their_totals_equal_sql(
    qtbot: QtBot, workspace: ChartsWorkspace, shop: Profile
) -> None:
    spans = {
        "this_month": (dt.date(2026, 11, 1), TODAY),
        "last_month": (dt.date(2026, 10, 1), dt.date(2026, 10, 31)),
    }
    for preset, (first, last) in spans.items():
        choose(qtbot, workspace, "sales", preset)
        shown = workspace.shown
        assert shown is not None
        assert (shown.first, shown.last) == (first, last)
        totals = shown.totals
        assert totals is not None
        days = (last - first).days + 1
        before = (first - dt.timedelta(days=days), first - dt.timedelta(days=1))
        a_year = (first.replace(year=first.year - 1), last.replace(year=last.year - 1))
        for got, (since, until) in (
            (totals.current, (first, last)),
            (totals.previous, before),
            (totals.year_before, a_year),
        ):
            ((amount, orders, commission),) = sql(
                shop,
                "SELECT coalesce(sum(amount_cents), 0), count(*), "
                f'coalesce(sum(commission_cents), 0) FROM "order" WHERE {in_range(since, until)}',
            )
            assert (got.amount_cents, got.orders, got.commission_cents) == (
                amount,
                orders,
                commission,
            )
        assert (totals.previous_span.first, totals.previous_span.last) == before
        assert (totals.year_span.first, totals.year_span.last) == a_year
        text = workspace.totals.text()
        assert money(totals.current.amount_cents) in text
        assert money(totals.previous.amount_cents) in text
        change = (totals.current.amount_cents - totals.previous.amount_cents) / (
            totals.previous.amount_cents
        )
        assert f"{change:+.1%}" in text


def test_the_period_before_is_drawn_over_the_bars(
    qtbot: QtBot, workspace: ChartsWorkspace, shop: Profile
) -> None:
    choose(qtbot, workspace, "sales", "last_month", comparison="previous")
    chart = workspace.current_chart()
    assert isinstance(chart, SalesChart)
    xs, ys = chart.compared.line.getData()
    assert list(xs) == chart.middles()
    since, until = dt.date(2026, 8, 31), dt.date(2026, 9, 30)  # the 31 days before October
    bucket = BUCKET_SQL["day"].format(t=PAID_TIME)
    by_day = {
        str(b): int(str(amount))
        for b, amount in sql(
            shop,
            f'SELECT {bucket}, sum(amount_cents) FROM "order" WHERE {in_range(since, until)} '
            "GROUP BY 1",
        )
    }
    expected = [by_day.get((since + dt.timedelta(days=i)).isoformat(), 0) / 100 for i in range(31)]
    assert list(ys) == expected
    legend = [label.text for _sample, label in chart.legend.items]
    assert "Period before" in legend
    assert "Period before" in chart.hover_at(chart.times[3] + 3_600)
    header, rows = chart.table()
    assert header[-1] == "Period before (¥)"
    assert len(rows) == 31

    choose(qtbot, workspace, "sales", "last_month", comparison="none")
    assert "Period before" not in [label.text for _sample, label in chart.legend.items]


def test_the_bucket_still_running_is_marked(qtbot: QtBot, workspace: ChartsWorkspace) -> None:
    choose(qtbot, workspace, "sales", "this_month", "week")
    chart = workspace.current_chart()
    assert isinstance(chart, SalesChart)
    brushes = chart.amount_bars.opts["brushes"]
    assert [b.color().alpha() for b in brushes[:-1]] == [255] * (len(brushes) - 1)
    assert brushes[-1].color().alpha() < 255
    assert "(so far)" in chart.hover_at(chart.times[-1] + 3_600)
    assert "(so far)" not in chart.hover_at(chart.times[0] + 3_600)

    choose(qtbot, workspace, "store", "this_month", "week")
    lines = workspace.current_chart()
    assert isinstance(lines, BreakdownChart)
    solid, _ = lines.lines[0].getData()
    assert len(solid) == len(lines.times) - 1  # the solid line stops before the running week

    choose(qtbot, workspace, "sales", "last_month", "week")
    assert all(b.color().alpha() == 255 for b in chart.amount_bars.opts["brushes"])
