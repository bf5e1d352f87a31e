"""The store managers workspace as the owner uses it: sorts, filters, the detail, the keyboard."""

from __future__ import annotations

from collections.abc import Callable
from functools import cmp_to_key

import pytest
from PySide6.QtCore import QCollator, QCoreApplication, QEvent, QLocale, QModelIndex, Qt
from PySide6.QtGui import QHelpEvent, QTextDocumentFragment
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView, QApplication, QComboBox, QToolTip, QTreeWidget
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.formatting import money, short_day, short_stamp
from gui.managers.table_model import COLUMNS, ManagersTableModel
from gui.managers.workspace import ManagersWorkspace
from models.db import TaskProgress
from models.profile import Profile
from models.services.forecast import DAY
from models.services.managers import (
    ManagerFilter,
    ManagerLine,
    SortColumn,
    manager_lines,
    shown_lines,
)
from tests.models.managers_fixtures import (
    AT_RISK,
    DONE,
    EXPIRED,
    NAMES,
    NOW,
    ON_TRACK,
    PENDING_REQUEST,
    STALLED,
    managers_shop,
)

__all__ = ["managers_shop"]


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)


def shown_ids(ws: ManagersWorkspace) -> list[int]:
    return [line.id for line in ws.model.shown()]


def rows_of(tree: QTreeWidget) -> list[list[str]]:
    rows = []
    for r in range(tree.topLevelItemCount()):
        item = tree.topLevelItem(r)
        assert item is not None
        rows.append([item.text(c) for c in range(tree.columnCount())])
    return rows


def open_workspace(qtbot: QtBot, profile: Profile) -> ManagersWorkspace:
    ws = ManagersWorkspace(profile)
    ws.clock = lambda: NOW
    qtbot.addWidget(ws)
    ws.resize(1200, 700)
    with qtbot.waitSignal(ws.loaded, timeout=20_000):
        ws.show()
    settle(qtbot)
    return ws


@pytest.fixture
def workspace(qtbot: QtBot, managers_shop: Profile) -> ManagersWorkspace:
    return open_workspace(qtbot, managers_shop)


def choose(combo: QComboBox, data: object) -> None:
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def test_the_model_passes_the_model_tester(
    qtmodeltester: ModelTester, managers_shop: Profile
) -> None:
    model = ManagersTableModel()
    model.set_lines(manager_lines(managers_shop, NOW))
    model.set_filter(ManagerFilter(stage_position=1))
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    model.sort(COLUMNS.index(COLUMNS[-1]), Qt.SortOrder.DescendingOrder)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]


def test_every_sort_shows_the_manager_lines_in_that_order(
    workspace: ManagersWorkspace, managers_shop: Profile
) -> None:
    lines = manager_lines(managers_shop, NOW)
    assert len(lines) == 5
    by_name = cmp_to_key(QCollator(QLocale()).compare)
    for number, column in enumerate(COLUMNS):
        for order in (Qt.SortOrder.AscendingOrder, Qt.SortOrder.DescendingOrder):
            workspace.table.sortByColumn(number, order)
            descending = order == Qt.SortOrder.DescendingOrder
            shown = shown_lines(lines, ManagerFilter(), column, descending, name_key=by_name)
            expected = [line.id for line in shown]
            assert shown_ids(workspace) == expected, (column, order)
    # What the owner reads for a sort by forecast: the best news first.
    workspace.table.sortByColumn(COLUMNS.index(COLUMNS[6]), Qt.SortOrder.AscendingOrder)
    assert shown_ids(workspace) == [DONE, ON_TRACK, AT_RISK, STALLED, EXPIRED]


def test_every_filter_shows_exactly_the_matching_managers(
    qtbot: QtBot, workspace: ManagersWorkspace, managers_shop: Profile
) -> None:
    lines = manager_lines(managers_shop, NOW)
    bar = workspace.filters
    cases: list[tuple[Callable[[], None], Callable[[ManagerLine], bool]]] = [
        (lambda: choose(bar.stage, 1), lambda m: m.stage_position == 1),
        (lambda: choose(bar.stage, 3), lambda m: m.stage_position == 3),
        (lambda: choose(bar.outlook, "at_risk"), lambda m: m.outlook == "at_risk"),
        (lambda: choose(bar.outlook, "stalled"), lambda m: m.outlook == "stalled"),
        (lambda: choose(bar.progress, "at_least_80"), lambda m: m.progress >= 0.8),
        (lambda: choose(bar.progress, "below_50"), lambda m: m.progress < 0.5),
    ]
    for act, wanted in cases:
        bar.clear.click()
        act()
        assert set(shown_ids(workspace)) == {m.id for m in lines if wanted(m)}
    bar.clear.click()
    assert len(shown_ids(workspace)) == len(lines)
    # The search types Chinese as an input method would, then waits for the pause.
    bar.search.setText("李")
    qtbot.waitUntil(lambda: shown_ids(workspace) == [AT_RISK], timeout=5_000)
    assert "5 store managers" in workspace.summary.text()
    assert "1 shown" in workspace.summary.text()
    bar.search.setText("nobody")
    bar.search.returnPressed.emit()
    assert shown_ids(workspace) == []
    assert "none matches these filters" in workspace.summary.text()
    assert workspace.detail.heading.text() == "No store manager selected"


def test_the_counts_above_the_table_are_in_words(workspace: ManagersWorkspace) -> None:
    assert workspace.summary.text() == (
        "5 store managers · 1 on track · 1 at risk · 1 stalled · 1 past the deadline"
    )
    row = workspace.model.row_of(ON_TRACK)
    model = workspace.model
    assert model.index(row, 1).data() == "2 / 3 · 稳步成长"
    assert model.index(row, 2).data() == "¥1,500 / ¥3,000"
    assert model.index(row, 3).data() == "5 / 10"
    assert model.index(row, 4).data() == "20 days"
    assert model.index(row, 5).data() == "Not assessed yet"
    assert model.index(row, 6).data().startswith("On track · completes ")
    assert model.index(workspace.model.row_of(STALLED), 6).data() == "Stalled"
    assert model.index(workspace.model.row_of(EXPIRED), 4).data() == "Ended"
    colours = {
        model.index(model.row_of(i), 6).data(Qt.ItemDataRole.ForegroundRole).name()
        for i in (ON_TRACK, AT_RISK, STALLED)
    }
    assert len(colours) == 3  # green, amber, red


def test_selecting_a_manager_fills_the_detail(qtbot: QtBot, workspace: ManagersWorkspace) -> None:
    detail = workspace.detail
    workspace.table.selectRow(workspace.model.row_of(ON_TRACK))
    qtbot.waitUntil(lambda: detail.heading.text() == NAMES[ON_TRACK], timeout=10_000)
    settle(qtbot)
    stages = rows_of(detail.stages)
    assert [row[0] for row in stages] == ["1 · 新手起步", "2 · 稳步成长"]
    assert stages[0][2].startswith("Completed ")
    assert stages[0][3:] == ["¥1,200 / ¥1,000", "6 / 5", "Assessment passed"]
    assert stages[1][2] == "In progress"
    assert " → " in stages[1][1]
    customers = rows_of(detail.customers)
    assert [(c[0], c[1], c[3], c[4]) for c in customers] == [
        ("顾客乙", "138****0102", "1", "¥1,000.00"),
        ("顾客甲", "138****0101", "2", "¥500.00"),
        ("顾客丙", "138****0103", "0", "¥0.00"),
    ]
    assert detail.customers_box.title() == "3 customers of the sub-store"
    orders = rows_of(detail.orders)
    assert len(orders) == 5
    assert orders[0][1:4] == ["顾客乙", "¥1,000.00", "Shipped"]
    assert detail.release.isHidden()

    workspace.table.selectRow(workspace.model.row_of(DONE))
    qtbot.waitUntil(lambda: detail.heading.text() == NAMES[DONE], timeout=10_000)
    settle(qtbot)
    assert detail.release.isVisible()
    assert "release request" in detail.release_text.text()
    with qtbot.waitSignal(workspace.release_requested) as asked:
        detail.release_button.click()
    assert asked.args == [PENDING_REQUEST]


def test_the_arrows_move_through_managers_and_the_detail_follows(
    qtbot: QtBot, workspace: ManagersWorkspace
) -> None:
    table = workspace.table
    table.setFocus()
    assert table.currentIndex().row() == 0  # the first manager is chosen on loading
    first = workspace.model.line_at(0)
    assert first is not None
    qtbot.waitUntil(lambda: workspace.detail.heading.text() == first.name, timeout=10_000)
    QTest.keyClick(table, Qt.Key.Key_Down)
    second = workspace.model.line_at(1)
    assert second is not None
    assert workspace.current_line() == second
    qtbot.waitUntil(lambda: workspace.detail.heading.text() == second.name, timeout=10_000)
    QTest.keyClick(table, Qt.Key.Key_End, Qt.KeyboardModifier.ControlModifier)
    last = workspace.model.line_at(workspace.model.rowCount() - 1)
    assert last is not None
    qtbot.waitUntil(lambda: workspace.detail.heading.text() == last.name, timeout=10_000)
    # A sort keeps the chosen manager.
    table.sortByColumn(COLUMNS.index(COLUMNS[2]), Qt.SortOrder.DescendingOrder)
    assert workspace.current_line() == last
    QTest.keyClick(
        table,
        Qt.Key.Key_F,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert workspace.filters.search.hasFocus()
    settle(qtbot)


def test_a_refresh_keeps_filters_and_reads_again(
    qtbot: QtBot, workspace: ManagersWorkspace, managers_shop: Profile
) -> None:
    choose(workspace.filters.outlook, "at_risk")
    # The platform moved the stalled manager into a fresh stage, slow in sales.
    with managers_shop.write() as s:
        stalled = s.get(TaskProgress, 4)
        assert stalled is not None
        stalled.started_at = NOW - 3 * DAY
        stalled.deadline_at = NOW + 27 * DAY
        stalled.sales_cents = 5_000
    with qtbot.waitSignal(workspace.loaded, timeout=20_000):
        workspace.refresh()
    settle(qtbot)
    assert workspace.filters.outlook.currentData() == "at_risk"
    assert set(shown_ids(workspace)) == {AT_RISK, STALLED}


def test_in_chinese_the_workspace_speaks_chinese(
    qtbot: QtBot, qapp: QApplication, managers_shop: Profile
) -> None:
    i18n.install(qapp, "zh_CN")
    ws = open_workspace(qtbot, managers_shop)
    assert ws.title() == "店长"
    # Names in pinyin order: Chen, Li, Liu, Wang, Zhang.
    assert [line.name for line in ws.model.shown()] == ["陈静", "李娜", "刘洋", "王芳", "张伟"]
    headers = [ws.model.headerData(c, Qt.Orientation.Horizontal) for c in range(len(COLUMNS))]
    assert headers[0] == "店长"
    assert ws.summary.text().startswith("5 位店长")
    row = ws.model.row_of(ON_TRACK)
    assert ws.model.index(row, 4).data() == "20 天"
    assert ws.model.index(row, 6).data().startswith("进度正常")
    assert ws.filters.outlook.itemText(0) == "全部预测"
    ws.table.selectRow(row)
    qtbot.waitUntil(lambda: ws.detail.heading.text() == NAMES[ON_TRACK], timeout=10_000)
    settle(qtbot)
    assert ws.detail.stages_box.title() == "任务历程"
    assert ws.detail.customers_box.title() == "分店顾客 3 位"
    assert QCoreApplication.translate("managers", "Stalled") == "停滞"


def test_a_shop_without_managers_says_so(qtbot: QtBot, empty_profile: Profile) -> None:
    ws = ManagersWorkspace(empty_profile)
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.loaded, timeout=20_000):
        ws.show()
    settle(qtbot)
    assert ws.pages.currentWidget() is ws.empty
    assert ws.empty.isVisible()
    assert "No store managers yet" in ws.empty.text()
    assert ws.model.rowCount() == 0


def read(tip: str) -> str:
    """A tooltip as the owner reads it."""
    return QTextDocumentFragment.fromHtml(tip).toPlainText()


def _tooltip_shown(view: QAbstractItemView, index: QModelIndex) -> str:
    """What Qt shows when the pointer rests on a cell."""
    at = view.visualRect(index).center()
    event = QHelpEvent(QEvent.Type.ToolTip, at, view.viewport().mapToGlobal(at))
    QApplication.sendEvent(view.viewport(), event)
    assert QToolTip.isVisible()
    return read(QToolTip.text())


# The offscreen platform cannot raise the tooltip's window; real platforms do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_every_figure_says_what_it_counts(qtbot: QtBot, workspace: ManagersWorkspace) -> None:
    model, tip = workspace.model, Qt.ItemDataRole.ToolTipRole
    for column in range(model.columnCount()):
        assert model.headerData(column, Qt.Orientation.Horizontal, tip), column
        for row in range(model.rowCount()):
            assert model.index(row, column).data(tip), (row, column)
    assert "forecast" in workspace.summary.toolTip()
    row = model.row_of(ON_TRACK)
    line = model.line_at(row)
    assert line is not None
    sales = _tooltip_shown(workspace.table, model.index(row, COLUMNS.index(SortColumn.SALES)))
    assert sales.startswith("¥1,500.00 of the ¥3,000.00 target (50%)")
    assert f"from {short_stamp(line.started_at)}, when the stage began, until now" in sales
    trend = read(model.index(row, COLUMNS.index(SortColumn.TREND)).data(tip))
    assert f"in the 8 weeks since {short_day(line.trend_since)}" in trend
    assert f"Total {money(sum(line.trend))}" in trend
    assert f"since the stage began on {short_day(line.started_at)}" in trend

    detail = workspace.detail
    workspace.table.selectRow(row)
    qtbot.waitUntil(lambda: detail.heading.text() == NAMES[ON_TRACK], timeout=10_000)
    settle(qtbot)
    for box in (detail.stages_box, detail.customers_box, detail.orders_box):
        assert read(box.toolTip()), box.title()
    for tree in (detail.stages, detail.customers, detail.orders):
        assert tree.topLevelItemCount() > 0
        for column in range(tree.columnCount()):
            assert tree.headerItem().toolTip(column), (tree, column)
            for number in range(tree.topLevelItemCount()):
                item = tree.topLevelItem(number)
                assert item is not None
                assert item.toolTip(column), (tree, number, column)
    done = detail.stages.topLevelItem(0)
    assert done is not None
    assert "to its completion on" in read(done.toolTip(3))
    assert "to its completion on" in read(done.toolTip(4))
    assert "China" in read(detail.orders.topLevelItem(0).toolTip(4))  # type: ignore[union-attr]


def test_in_chinese_the_figures_explain_themselves_in_chinese(
    qtbot: QtBot, qapp: QApplication, managers_shop: Profile
) -> None:
    i18n.install(qapp, "zh_CN")
    ws = open_workspace(qtbot, managers_shop)
    model, tip = ws.model, Qt.ItemDataRole.ToolTipRole
    sales = COLUMNS.index(SortColumn.SALES)
    header = model.headerData(sales, Qt.Orientation.Horizontal, tip)
    assert "付款" in header
    cell = model.index(model.row_of(ON_TRACK), sales).data(tip)
    assert "目标" in cell
    assert "8" in model.index(0, COLUMNS.index(SortColumn.TREND)).data(tip)
    assert "周" in model.index(0, COLUMNS.index(SortColumn.TREND)).data(tip)
