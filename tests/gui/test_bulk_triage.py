"""Marking many orders at once in the orders workspace: Shift and Ctrl selections, every order of
the filter, the shortcuts, the status line, undo, and the owner's place across it all."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelection, QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.orders.table_model import PAGE
from gui.orders.workspace import OrdersWorkspace
from models.profile import Profile
from models.services.account import login
from models.services.drafts import review_draft, save_review_draft
from models.sync.syncer import sync
from tests.gui.living_platform import living_platform, open_desk, shop_folder
from tests.platform_process import PlatformProcess
from tests.sync.views import applied_mutations

__all__ = ["living_platform", "shop_folder"]


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running(), timeout=30_000)


@pytest.fixture
def workspace(qtbot: QtBot, synced_profile: Profile) -> OrdersWorkspace:
    ws = OrdersWorkspace(synced_profile)
    qtbot.addWidget(ws)
    ws.resize(1300, 700)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    settle(qtbot)
    return ws


def select_rows(ws: OrdersWorkspace, first: int, last: int) -> None:
    """As a click on ``first`` and a Shift+click on ``last`` would."""
    model, selection = ws.model, ws.table.selectionModel()
    selection.setCurrentIndex(
        model.index(first, 0),
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    rows = QItemSelection(model.index(first, 0), model.index(last, model.columnCount() - 1))
    selection.select(rows, QItemSelectionModel.SelectionFlag.Select)


def reviews(profile: Profile) -> dict[int, tuple[int, str, str]]:
    with sqlite3.connect(profile.db_path) as conn:
        return {
            r[0]: (r[1], r[2], r[3])
            for r in conn.execute("SELECT order_id, reviewed, flag, note FROM order_review")
        }


def shop_of(profile: Profile) -> int:
    with sqlite3.connect(profile.db_path) as conn:
        return int(conn.execute("SELECT shop_id FROM sync_state").fetchone()[0])


def test_a_bulk_review_of_1000_orders_reaches_the_platform_once_each(
    qtbot: QtBot, workspace: OrdersWorkspace, platform: PlatformProcess
) -> None:
    profile = workspace._profile
    login(profile, platform.url, "demo1", "demo")
    assert workspace.model.rowCount() >= 1000
    select_rows(workspace, 0, 999)
    workspace.table.setFocus()
    # The owner's place: the order she is on (the 311th), and the scroll.
    workspace.table.scrollTo(
        workspace.model.index(300, 0), QAbstractItemView.ScrollHint.PositionAtTop
    )
    qtbot.waitUntil(lambda: workspace.model.id_at(310) is not None, timeout=10_000)
    workspace.table.selectionModel().setCurrentIndex(
        workspace.model.index(310, 0), QItemSelectionModel.SelectionFlag.NoUpdate
    )
    current = workspace.model.id_at(310)
    scroll = workspace.table.verticalScrollBar().value()
    assert scroll > 0
    assert workspace.bulk.words.text() == "1,000 orders selected."

    QTest.keyClick(workspace.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Marked" in workspace.bulk.words.text(), timeout=20_000)
    settle(qtbot)
    assert workspace.bulk.words.text() == "Marked 1,000 orders as reviewed."
    assert len(reviews(profile)) == 1000
    assert workspace.bulk.selected_count() == 1000
    assert workspace.model.id_at(workspace.table.currentIndex().row()) == current
    assert workspace.table.verticalScrollBar().value() == scroll
    qtbot.waitUntil(lambda: all(workspace.model.row_at(r).reviewed for r in range(50)))  # type: ignore[union-attr]

    report = sync(profile)
    assert report.applied == 1000
    mutations = applied_mutations(platform.db, shop_of(profile))
    assert list(mutations.values()) == ["applied"] * 1000
    with sqlite3.connect(platform.db) as conn:
        (reviewed,) = conn.execute(
            "SELECT count(*) FROM order_review WHERE shop_id = ? AND reviewed", (shop_of(profile),)
        ).fetchone()
    assert reviewed == 1000
    assert sync(profile).applied == 0, "nothing is sent twice"
    # The sync's changes, handed to the page as the main window does: her place stays.
    workspace.refresh_changed(report.changes)
    settle(qtbot)
    assert workspace.model.id_at(workspace.table.currentIndex().row()) == current
    assert workspace.bulk.selected_count() == 1000
    assert workspace.table.verticalScrollBar().value() == scroll


def test_undo_before_the_sync_sends_nothing(
    qtbot: QtBot, workspace: OrdersWorkspace, platform: PlatformProcess
) -> None:
    profile = workspace._profile
    login(profile, platform.url, "demo1", "demo")
    select_rows(workspace, 0, 9)
    before = reviews(profile)
    workspace.table.setFocus()
    QTest.keyClick(workspace.table, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Flagged 10" in workspace.bulk.words.text(), timeout=20_000)
    settle(qtbot)
    assert {flag for _r, flag, _n in reviews(profile).values()} == {"problem"}
    assert workspace.bulk.undo_action.isEnabled()

    QTest.keyClick(workspace.table, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Undone" in workspace.bulk.words.text(), timeout=20_000)
    settle(qtbot)
    assert workspace.bulk.words.text() == "Undone: 10 orders are back as they were."
    assert reviews(profile) == before
    qtbot.waitUntil(lambda: workspace.model.row_at(0).flag == "none")  # type: ignore[union-attr]
    report = sync(profile)
    assert report.applied == 0
    assert applied_mutations(platform.db, shop_of(profile)) == {}


def test_undo_once_sent_says_so_and_changes_nothing(
    qtbot: QtBot, workspace: OrdersWorkspace, platform: PlatformProcess
) -> None:
    profile = workspace._profile
    login(profile, platform.url, "demo1", "demo")
    select_rows(workspace, 2, 6)
    workspace.bulk.reviewed_action.trigger()
    qtbot.waitUntil(lambda: "Marked 5" in workspace.bulk.words.text(), timeout=20_000)
    settle(qtbot)
    assert sync(profile).applied == 5
    after = reviews(profile)
    workspace.bulk.undo_action.trigger()
    qtbot.waitUntil(lambda: "cannot be undone" in workspace.bulk.words.text(), timeout=20_000)
    settle(qtbot)
    assert "5 orders were sent to the platform already" in workspace.bulk.words.text()
    assert reviews(profile) == after
    assert not workspace.bulk.undo_action.isEnabled()


def test_every_order_of_the_filter_is_marked_without_loading_its_rows(
    qtbot: QtBot, workspace: OrdersWorkspace
) -> None:
    profile = workspace._profile
    with qtbot.waitSignal(workspace.model.loaded, timeout=20_000):
        workspace.tabs.setCurrentIndex(0)
        workspace.filters.search.setText("")
        workspace.tabs.setCurrentIndex(4)  # completed
    settle(qtbot)
    rows = workspace.model.rowCount()
    assert rows > PAGE
    assert workspace.model.row_at(rows - 1) is None, "the last page was never read"
    workspace.table.setFocus()
    QTest.keyClick(
        workspace.table,
        Qt.Key.Key_A,
        Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier,
    )
    assert workspace.bulk.all_selected()
    assert workspace.bulk.words.text() == f"All {rows:,} orders in this filter are selected."
    QTest.keyClick(workspace.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    qtbot.waitUntil(lambda: "Flagged" in workspace.bulk.words.text(), timeout=20_000)
    settle(qtbot)
    assert workspace.bulk.words.text() == f"Flagged {rows:,} orders for follow-up."
    with sqlite3.connect(profile.db_path) as conn:
        flagged = conn.execute(
            'SELECT count(*) FROM order_review r JOIN "order" o ON o.id = r.order_id'
            " WHERE r.flag = 'follow_up' AND o.status = 'completed'"
        ).fetchone()[0]
        others = conn.execute(
            'SELECT count(*) FROM order_review r JOIN "order" o ON o.id = r.order_id'
            " WHERE o.status != 'completed'"
        ).fetchone()[0]
    assert flagged == rows
    assert others == 0
    assert workspace.bulk.all_selected(), "the selection stays on every order"


def test_shift_and_the_arrow_keys_select_and_space_marks_them(
    qtbot: QtBot, workspace: OrdersWorkspace
) -> None:
    table = workspace.table
    table.setFocus()
    first = workspace.model.id_at(0)
    for _ in range(4):
        QTest.keyClick(table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    assert workspace.bulk.selected_count() == 5
    QTest.keyClick(table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: "Marked 5" in workspace.bulk.words.text(), timeout=20_000)
    settle(qtbot)
    marked = reviews(workspace._profile)
    assert len(marked) == 5
    assert first in marked
    assert workspace.table.currentIndex().row() == 4, "she stays on the row she moved to"


def test_a_long_run_of_unread_rows_is_marked_by_position(
    qtbot: QtBot, workspace: OrdersWorkspace, monkeypatch: pytest.MonkeyPatch
) -> None:
    from gui.orders import bulk_actions

    # A run longer than this is read in the background: here a short one stands for a long one.
    monkeypatch.setattr(bulk_actions, "LOOKED_UP_ROWS", 7)
    rows = workspace.model.rowCount()
    select_rows(workspace, 3, rows - 2)
    assert workspace.model.row_at(rows - 2) is None, "those pages were never read"
    workspace.bulk.problem_action.trigger()
    qtbot.waitUntil(lambda: "Flagged" in workspace.bulk.words.text(), timeout=30_000)
    settle(qtbot)
    with sqlite3.connect(workspace._profile.db_path) as conn:
        ordered = [
            i for (i,) in conn.execute('SELECT id FROM "order" ORDER BY placed_at DESC, id DESC')
        ]
    assert len(ordered) == rows
    assert set(reviews(workspace._profile)) == set(ordered[3 : rows - 1])


def test_ctrl_clicks_mark_only_the_rows_clicked_and_drafts_lose_only_the_marked_field(
    qtbot: QtBot, workspace: OrdersWorkspace
) -> None:
    profile = workspace._profile
    ids = [workspace.model.id_at(r) for r in (1, 4, 7)]
    assert None not in ids
    drafted = ids[1]
    assert drafted is not None
    save_review_draft(profile, drafted, reviewed=False, flag="problem", note="还没写完的话")
    table = workspace.table
    for row in (1, 4, 7):
        rect = table.visualRect(workspace.model.index(row, 1))
        QTest.mouseClick(
            table.viewport(),
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.ControlModifier,
            rect.center(),
        )
    # The row the window started on stays selected beside the three clicked.
    table.selectionModel().select(
        workspace.model.index(0, 0),
        QItemSelectionModel.SelectionFlag.Deselect | QItemSelectionModel.SelectionFlag.Rows,
    )
    assert workspace.bulk.selected_count() == 3
    workspace.bulk.follow_up_action.trigger()
    qtbot.waitUntil(lambda: "Flagged 3" in workspace.bulk.words.text(), timeout=20_000)
    settle(qtbot)
    assert set(reviews(profile)) == set(ids)
    draft = review_draft(profile, drafted)
    assert draft is not None
    assert draft.flag is None, "the marked field is saved, so its draft is gone"
    assert draft.note == "还没写完的话", "what she typed and did not save stays"


def test_in_the_window_the_marking_is_sent_soon_and_her_place_survives_the_sync(
    qtbot: QtBot, shop_folder: Path, living_platform: PlatformProcess
) -> None:
    desk = open_desk(qtbot, shop_folder)
    try:
        ws = desk.orders
        select_rows(ws, 5, 30)
        ws.table.selectionModel().setCurrentIndex(
            ws.model.index(10, 0), QItemSelectionModel.SelectionFlag.NoUpdate
        )
        current = ws.model.id_at(10)
        chosen = {ws.model.id_at(row) for row in range(5, 31)}
        ws.table.setFocus()
        QTest.keyClick(ws.table, Qt.Key.Key_Space)
        qtbot.waitUntil(lambda: "Marked 26" in ws.bulk.words.text(), timeout=20_000)
        # The window pushes a local action soon; the platform's simulation adds orders meanwhile.
        qtbot.waitUntil(
            lambda: len(applied_mutations(living_platform.db, shop_of(desk.profile))) == 26,
            timeout=30_000,
        )
        desk.settle()
        desk.sync()
        assert desk.current().id == current
        selected = {ws.model.id_at(i.row()) for i in ws.table.selectionModel().selectedRows()}
        assert selected == chosen
        marked = [ws.model.row_at(i.row()) for i in ws.table.selectionModel().selectedRows()]
        assert all(row is not None and row.reviewed for row in marked)
    finally:
        desk.close()
