"""The customers workspace as the owner uses it: the table, a customer's story, the traffic tab."""

from __future__ import annotations

import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.customers.table_model import COLUMNS, ROW_ROLE, CustomersTableModel
from gui.customers.traffic_months import MonthsModel
from gui.customers.workspace import CustomersWorkspace
from models.profile import Profile
from models.services.customers import (
    LEFT,
    CustomerFilter,
    CustomerRow,
    CustomerSort,
    Sort,
    fetch_page,
)
from models.services.traffic import TrafficCompensation
from tests.models.customer_fixtures import build_shop


class SmallPages(CustomersTableModel):
    page_size = 20


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)


@pytest.fixture
def hand_built(tmp_path: Path) -> Iterator[Profile]:
    profile = Profile.open(tmp_path / "hand-built")
    build_shop(profile, int(time.time()))
    yield profile
    profile.close()


def open_workspace(qtbot: QtBot, profile: Profile) -> CustomersWorkspace:
    ws = CustomersWorkspace(profile)
    qtbot.addWidget(ws)
    ws.resize(1200, 700)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    settle(qtbot)
    return ws


def select(qtbot: QtBot, ws: CustomersWorkspace, name: str) -> None:
    for position in range(ws.model.rowCount()):
        row = ws.model.row_at(position)
        if row is not None and row.name == name:
            with qtbot.waitSignal(ws.detail.shown, timeout=10_000):
                ws.table.selectionModel().setCurrentIndex(
                    ws.model.index(position, 0),
                    QItemSelectionModel.SelectionFlag.ClearAndSelect
                    | QItemSelectionModel.SelectionFlag.Rows,
                )
            settle(qtbot)
            return
    raise AssertionError(f"{name} is not in the table")


def timeline_texts(ws: CustomersWorkspace) -> list[str]:
    return [ws.detail.entries.item(i).text() for i in range(ws.detail.entries.count())]


def test_the_models_pass_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, synced_profile: Profile, hand_built: Profile
) -> None:
    model = CustomersTableModel(synced_profile)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(CustomerFilter(), Sort(CustomerSort.SPENT))
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    settle(qtbot)
    ws = open_workspace(qtbot, hand_built)
    with qtbot.waitSignal(ws.traffic.loaded, timeout=20_000):
        ws.show_traffic()
    qtmodeltester.check(ws.traffic.model)  # type: ignore[no-untyped-call]
    qtmodeltester.check(MonthsModel())  # type: ignore[no-untyped-call]


def test_the_table_shows_the_services_rows_page_by_page(
    qtbot: QtBot, synced_profile: Profile
) -> None:
    model = SmallPages(synced_profile)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(CustomerFilter(), Sort(CustomerSort.NAME, descending=False))
    rows: list[CustomerRow] = []
    for position in range(model.rowCount()):

        def arrived(p: int = position) -> bool:
            return model.row_at(p) is not None

        qtbot.waitUntil(arrived, timeout=10_000)
        row = model.data(model.index(position, 0), ROW_ROLE)
        assert isinstance(row, CustomerRow)
        rows.append(row)
    settle(qtbot)
    expected = fetch_page(
        synced_profile, CustomerFilter(), Sort(CustomerSort.NAME, False), limit=10_000
    )
    assert [r.id for r in rows] == [r.id for r in expected]
    first = model.index(0, COLUMNS.index(CustomerSort.NAME)).data()
    assert first.startswith(expected[0].name)


def test_a_customer_who_left_is_explained_in_words(qtbot: QtBot, hand_built: Profile) -> None:
    ws = open_workspace(qtbot, hand_built)
    ws.filters.store.setCurrentIndex(ws.filters.store.findData(LEFT))
    qtbot.waitUntil(lambda: ws.model.rowCount() == 2, timeout=10_000)
    settle(qtbot)
    store = ws.model.index(0, COLUMNS.index(CustomerSort.STORE)).data()
    assert store == "Left with 李娜"
    select(qtbot, ws, "王五")
    assert "Left the shop with store manager 李娜" in ws.detail.binding.text()
    texts = timeline_texts(ws)
    assert len(texts) == 2
    assert "Bound to your own store by their first paid order." in texts[0]
    assert "Left with 李娜 when you approved the release (request #5)" in texts[1]
    assert "First order" in ws.detail.first_order.text()


def test_allocated_and_unpaid_customers_read_right(qtbot: QtBot, hand_built: Profile) -> None:
    ws = open_workspace(qtbot, hand_built)
    assert ws.summary.text() == "9 customers"
    select(qtbot, ws, "钱七")
    assert timeline_texts(ws)[0].endswith(
        "Allocated to your own store from public-domain traffic after release #5."
    )
    assert "2 paid orders" in ws.detail.figures.text()
    select(qtbot, ws, "吴十")
    assert ws.detail.entries.isHidden()
    assert "has not paid an order" in ws.detail.no_entries.text()
    ws.filters.search.setText("杭州")
    ws.filters.search.returnPressed.emit()
    qtbot.waitUntil(lambda: ws.summary.text() == "2 customers", timeout=10_000)
    settle(qtbot)


def test_the_traffic_tab_shows_the_months(qtbot: QtBot, hand_built: Profile) -> None:
    ws = open_workspace(qtbot, hand_built)
    with qtbot.waitSignal(ws.traffic.loaded, timeout=20_000) as blocker:
        ws.show_traffic()
    figures = blocker.args[0]
    assert isinstance(figures, TrafficCompensation)
    model = ws.traffic.model
    assert model.rowCount() == len(figures.months) > 1
    newest = figures.months[-1]
    assert model.index(0, 0).data() == f"{newest.year}-{newest.month:02d}"
    lost_month = next(m for m in figures.months if m.lost)
    row = len(figures.months) - 1 - figures.months.index(lost_month)
    assert model.index(row, 1).data() == "2"
    assert model.index(row, 4).data() == "¥550.00"
    assert "2 lost, 2 allocated, net 0 customers" in ws.traffic.summary.text()
    assert "1 more customer is due to arrive" in ws.traffic.upcoming.text()
    lost, allocated = ws.traffic.chart.heights
    assert sum(lost) == -2
    assert sum(allocated) == 2
    ws.traffic.chart_kind.setCurrentIndex(1)
    lost, allocated = ws.traffic.chart.heights
    assert sum(lost) == -550.0
    with qtbot.waitSignal(ws.traffic.loaded, timeout=20_000) as blocker:
        ws.traffic.compensation_only.setChecked(True)
    assert "2 lost, 1 allocated, net -1 customers" in ws.traffic.summary.text()
    settle(qtbot)


def test_chinese_text(qtbot: QtBot, qapp: QApplication, hand_built: Profile) -> None:
    i18n.install(qapp, "zh_CN")
    ws = open_workspace(qtbot, hand_built)
    assert ws.title() == "顾客"
    assert ws.tabs.tabText(1) == "公域流量补偿"
    assert ws.summary.text() == "9 位顾客"
    select(qtbot, ws, "赵六")
    texts = timeline_texts(ws)
    assert "首笔付款订单在店长 李娜 的分店" in texts[0]
    assert "随店长 李娜 离开" in texts[1]
    with qtbot.waitSignal(ws.traffic.loaded, timeout=20_000):
        ws.show_traffic()
    assert ws.traffic.summary.text().startswith("合计：流失 2 位")
    assert ws.traffic.model.headerData(1, Qt.Orientation.Horizontal) == "流失顾客"
    settle(qtbot)


def test_an_empty_shop_says_so(qtbot: QtBot, empty_profile: Profile) -> None:
    ws = CustomersWorkspace(empty_profile)
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    assert ws.summary.text().startswith("No customers yet")
    assert not ws.detail.empty.isHidden()
    with qtbot.waitSignal(ws.traffic.loaded, timeout=20_000):
        ws.show_traffic()
    assert ws.traffic.stack.currentWidget() is ws.traffic.empty
    assert ws.traffic.empty.text().startswith("Nothing to compare yet")
    settle(qtbot)
