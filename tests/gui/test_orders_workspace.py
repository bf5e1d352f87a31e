"""The orders workspace as the owner uses it: filters, keyboard review, export."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtTest import QTest
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.orders.export_dialog import start_export
from gui.orders.summary import describe_filter
from gui.orders.table_model import COLUMNS, PAGE, ROW_ROLE, OrdersTableModel
from gui.orders.workspace import OrdersWorkspace
from models.profile import Profile
from models.services.account import login
from models.services.order_table import OrderFilter, OrderRow, Sort, SortColumn
from models.sync.syncer import sync
from tests.platform_process import PlatformProcess
from tests.sync.views import applied_mutations


def settle(qtbot: QtBot, ws: OrdersWorkspace | None = None) -> None:
    def quiet() -> bool:
        return not tasks.running() and (ws is None or not ws.detail.pictures.busy())

    qtbot.waitUntil(quiet, timeout=20_000)


def every_row(qtbot: QtBot, model: OrdersTableModel) -> list[OrderRow]:
    """Ask for every row as a scrolling view would, waiting for pages to arrive."""
    rows: list[OrderRow] = []
    for position in range(model.rowCount()):

        def arrived(p: int = position) -> bool:
            return model.row_at(p) is not None

        qtbot.waitUntil(arrived, timeout=10_000)
        row = model.row_at(position)
        assert row is not None
        rows.append(row)
    settle(qtbot)
    return rows


@pytest.fixture
def workspace(qtbot: QtBot, synced_profile: Profile) -> OrdersWorkspace:
    ws = OrdersWorkspace(synced_profile)
    qtbot.addWidget(ws)
    ws.resize(1200, 700)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    settle(qtbot, ws)
    return ws


def test_the_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, synced_profile: Profile
) -> None:
    model = OrdersTableModel(synced_profile)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(OrderFilter(status="completed"), Sort(SortColumn.AMOUNT))
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    settle(qtbot)


def test_the_table_shows_what_sql_says_for_a_filter_and_sort(
    qtbot: QtBot, synced_profile: Profile
) -> None:
    model = OrdersTableModel(synced_profile)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(
            OrderFilter(status="completed"), Sort(SortColumn.COMMISSION, descending=False)
        )
    shown = [r.id for r in every_row(qtbot, model)]
    with sqlite3.connect(synced_profile.db_path) as conn:
        expected = [
            i
            for (i,) in conn.execute(
                "SELECT id FROM \"order\" WHERE status = 'completed' ORDER BY commission_cents, id"
            )
        ]
    assert shown == expected
    assert model.rowCount() > 2 * PAGE


def test_the_whole_table_scrolls_from_both_ends_with_every_order_once(
    qtbot: QtBot, synced_profile: Profile
) -> None:
    model = OrdersTableModel(synced_profile)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(OrderFilter(), Sort(SortColumn.PLACED_AT))
    last = model.rowCount() - 1
    qtbot.waitUntil(lambda: model.row_at(last) is not None, timeout=10_000)
    ids = [r.id for r in every_row(qtbot, model)]
    assert len(ids) == len(set(ids)) == model.rowCount()
    placed = [r.placed_at for r in every_row(qtbot, model)]
    assert placed == sorted(placed, reverse=True)


def test_the_status_tabs_count_and_filter(qtbot: QtBot, workspace: OrdersWorkspace) -> None:
    with sqlite3.connect(workspace._profile.db_path) as conn:
        cancelled = conn.execute(
            "SELECT count(*) FROM \"order\" WHERE status = 'cancelled'"
        ).fetchone()[0]
    assert workspace.tabs.tabText(5).endswith(f"({cancelled:,})")
    with qtbot.waitSignal(workspace.model.loaded, timeout=20_000):
        workspace.tabs.setCurrentIndex(5)
    assert workspace.model.rowCount() == cancelled
    assert workspace.summary.text().startswith(f"{cancelled:,} orders · Cancelled")
    settle(qtbot, workspace)


def type_text(qtbot: QtBot, widget: object, text: str) -> None:
    event = QInputMethodEvent()
    event.setCommitString(text)
    from PySide6.QtWidgets import QApplication

    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def test_keyboard_review_reaches_the_platform_once(
    qtbot: QtBot,
    workspace: OrdersWorkspace,
    platform: PlatformProcess,
) -> None:
    profile = workspace._profile
    login(profile, platform.url, "demo1", "demo")
    table = workspace.table
    table.setFocus()
    first = table.model().index(0, 0).data(ROW_ROLE)
    assert isinstance(first, OrderRow)
    assert not first.reviewed

    QTest.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: workspace.model.row_at(0).reviewed, timeout=10_000)  # type: ignore[union-attr]
    QTest.keyClick(table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: workspace.model.row_at(0).flag == "follow_up", timeout=10_000)  # type: ignore[union-attr]
    settle(qtbot, workspace)
    review_cell = table.model().index(0, COLUMNS.index(SortColumn.REVIEW)).data()
    assert "Follow up" in review_cell
    assert "waiting to sync" in review_cell

    qtbot.waitUntil(lambda: workspace.detail.detail is not None, timeout=10_000)
    workspace.detail.note.setFocus()
    type_text(qtbot, workspace.detail.note, "顾客说周五前要 🚚")
    QTest.keyClick(workspace.detail.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: workspace.model.row_at(0).note == "顾客说周五前要 🚚", timeout=10_000)  # type: ignore[union-attr]
    settle(qtbot, workspace)

    report = sync(profile)
    assert report.applied == 3
    shop_id = int(
        sqlite3.connect(profile.db_path).execute("SELECT shop_id FROM sync_state").fetchone()[0]
    )
    assert list(applied_mutations(platform.db, shop_id).values()) == ["applied"] * 3
    with sqlite3.connect(platform.db) as conn:
        row = conn.execute(
            "SELECT reviewed, flag, note FROM order_review WHERE shop_id = ? AND order_id = ?",
            (shop_id, first.id),
        ).fetchone()
    assert tuple(row) == (1, "follow_up", "顾客说周五前要 🚚")
    with qtbot.waitSignal(workspace.model.reloaded, timeout=20_000):
        workspace.refresh()
    settle(qtbot, workspace)
    assert "waiting to sync" not in table.model().index(0, COLUMNS.index(SortColumn.REVIEW)).data()


def test_a_note_saved_in_the_pane_keeps_the_flag_just_set_in_the_table(
    qtbot: QtBot, workspace: OrdersWorkspace
) -> None:
    table = workspace.table
    table.setFocus()
    qtbot.waitUntil(lambda: workspace.detail.detail is not None, timeout=10_000)
    first = workspace.model.row_at(0)
    assert first is not None
    assert first.flag == "none"
    # The flag is written in the background; the pane beside still shows no flag when the
    # owner saves her note there at once.
    QTest.keyClick(table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    workspace.detail.note.setFocus()
    type_text(qtbot, workspace.detail.note, "周五前发货")
    assert workspace.detail.flag.currentData() == "none"
    QTest.keyClick(workspace.detail.note, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    settle(qtbot, workspace)
    with sqlite3.connect(workspace._profile.db_path) as conn:
        row = conn.execute(
            "SELECT flag, note FROM order_review WHERE order_id = ?", (first.id,)
        ).fetchone()
    assert tuple(row) == ("follow_up", "周五前发货")
    shown = workspace.model.row_at(0)
    assert shown is not None
    assert (shown.flag, shown.note) == ("follow_up", "周五前发货")


@pytest.mark.parametrize("kind", ["xlsx", "csv"])
def test_an_export_equals_what_the_view_shows(
    qtbot: QtBot, workspace: OrdersWorkspace, tmp_path: Path, kind: str
) -> None:
    with qtbot.waitSignal(workspace.model.loaded, timeout=20_000):
        workspace.tabs.setCurrentIndex(2)  # paid
    shown = every_row(qtbot, workspace.model)
    path = tmp_path / f"orders.{kind}"
    said: list[str] = []
    task = start_export(
        workspace,
        workspace._profile,
        path,
        workspace.model.order_filter,
        workspace.model.order_sort,
        report=said.append,
    )
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    settle(qtbot, workspace)
    assert said == [f"{len(shown):,} orders were written to {path}."]
    if kind == "xlsx":
        sheet = openpyxl.load_workbook(path).active
        assert sheet is not None
        lines = list(sheet.iter_rows(values_only=True))
        assert lines[0][:2] == ("Order no.", "Placed at")
        body = lines[1:]
        assert [r[0] for r in body] == [r.order_no for r in shown]
        for line, row in zip(body, shown, strict=True):
            assert isinstance(line[1], dt.datetime)
            assert line[1] == dt.datetime.fromtimestamp(row.placed_at)
            # A whole number of yuan reads back as an int: a number either way, never text.
            assert isinstance(line[4], int | float)
            assert round(line[4] * 100) == row.amount_cents
            assert line[6] == "Paid"
            assert line[7] == ("Yes" if row.reviewed else "No")
    else:
        raw = path.read_bytes()
        assert raw.startswith(b"\xef\xbb\xbf")
        lines = raw.decode("utf-8-sig").splitlines()
        assert len(lines) == len(shown) + 1
        assert lines[1].split(",")[0] == shown[0].order_no


def test_building_the_workspace_reads_nothing_until_it_is_shown(
    qtbot: QtBot, synced_profile: Profile
) -> None:
    ws = OrdersWorkspace(synced_profile)
    qtbot.addWidget(ws)
    assert tasks.running() == []
    assert ws.model.rowCount() == 0
    header = ws.table.horizontalHeader()
    assert header.sortIndicatorSection() == COLUMNS.index(SortColumn.PLACED_AT)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.refresh()
    assert ws.model.order_sort == Sort(SortColumn.PLACED_AT, descending=True)
    settle(qtbot, ws)


def test_the_first_page_shows_before_the_count_follows(
    qtbot: QtBot, synced_profile: Profile
) -> None:
    model = OrdersTableModel(synced_profile)
    seen: list[tuple[str, int]] = []
    model.modelReset.connect(lambda: seen.append(("page", model.rowCount())))
    model.rowsInserted.connect(lambda *_: seen.append(("count", model.rowCount())))
    with qtbot.waitSignal(model.loaded, timeout=20_000) as loaded:
        model.set_query(OrderFilter(), Sort())
    total = sqlite3.connect(synced_profile.db_path).execute('SELECT count(*) FROM "order"')
    assert loaded.args == [total.fetchone()[0]]
    assert seen == [("page", PAGE), ("count", loaded.args[0])]
    settle(qtbot)


@pytest.mark.parametrize("column", [SortColumn.STORE, SortColumn.REVIEW])
def test_sorting_by_store_or_review_shows_what_sql_says(
    qtbot: QtBot, qtmodeltester: ModelTester, workspace: OrdersWorkspace, column: SortColumn
) -> None:
    with qtbot.waitSignal(workspace.model.loaded, timeout=20_000):
        workspace.tabs.setCurrentIndex(2)  # paid
    with qtbot.waitSignal(workspace.model.loaded, timeout=20_000):
        workspace.table.sortByColumn(COLUMNS.index(column), Qt.SortOrder.AscendingOrder)
    shown = [r.id for r in every_row(qtbot, workspace.model)]
    key = (
        "coalesce(o.store_manager_id, 0)"
        if column is SortColumn.STORE
        else "coalesce(r.reviewed, 0), coalesce(r.flag, 'none')"
    )
    with sqlite3.connect(workspace._profile.db_path) as conn:
        expected = [
            i
            for (i,) in conn.execute(
                'SELECT o.id FROM "order" o LEFT JOIN order_review r ON r.order_id = o.id '
                f"WHERE o.status = 'paid' ORDER BY {key}, o.placed_at, o.id"
            )
        ]
    assert shown == expected
    qtmodeltester.check(workspace.model)  # type: ignore[no-untyped-call]
    settle(qtbot, workspace)


def test_the_summary_counts_one_order_in_the_singular() -> None:
    assert describe_filter(OrderFilter(), 1, {}) == "1 order"
    assert describe_filter(OrderFilter(status="paid"), 1_234, {}) == "1,234 orders · Paid"
