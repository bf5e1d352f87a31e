"""The owner's place and words against a living platform: a background sync that brings new and
changed orders, a sync that fails, a change of row and a restart never move her off her order,
scroll her view or lose the note she is typing."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.orders.table_model import COLUMNS
from gui.table_place import visible_rows
from models.services.order_table import SortColumn
from tests.gui.conftest import answer_quit_questions
from tests.gui.living_platform import Desk, living_platform, open_desk, platform_orders, shop_folder
from tests.platform_process import PlatformProcess
from tests.platform_rows import advance_orders, shop_id_of

__all__ = ["living_platform", "shop_folder"]

HALF_A_NOTE = "顾客说周五前要，颜色"


def type_text(widget: object, text: str) -> None:
    """Chinese arrives from the input method as a commit string."""
    event = QInputMethodEvent()
    event.setCommitString(text)
    QApplication.sendEvent(widget, event)  # type: ignore[arg-type]


def go_to(desk: Desk, row: int) -> None:
    table = desk.orders.table
    index = desk.orders.model.index(row, 0)
    table.scrollTo(index)
    table.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    desk.qtbot.waitUntil(
        lambda: (
            desk.orders.detail.detail is not None
            and desk.orders.detail.detail.id == desk.current().id
        ),
        timeout=10_000,
    )
    desk.settle()


def what_she_sees(desk: Desk) -> tuple[int, str, int, int | None]:
    """Her order, her words, where her order is on screen, and the order at the top."""
    table = desk.orders.table
    current = table.currentIndex()
    top = visible_rows(table).start
    return (
        desk.current().id,
        desk.orders.detail.note.toPlainText(),
        table.visualRect(current).top(),
        desk.orders.model.id_at(top),
    )


def test_a_half_typed_note_survives_syncs_a_change_of_row_and_a_restart(
    qtbot: QtBot, living_platform: PlatformProcess, shop_folder: Path
) -> None:
    desk = open_desk(qtbot, shop_folder)
    shop_id = shop_id_of(desk.profile.db_path)
    orders = desk.orders
    before_rows = orders.model.rowCount()
    go_to(desk, 40)
    orders.detail.note.setFocus()
    type_text(orders.detail.note, HALF_A_NOTE)
    seen = what_she_sees(desk)
    assert seen[1] == HALF_A_NOTE
    assert seen[2] > 0, "her order is on screen, below the top"
    mine = seen[0]

    # The platform lives on: new orders arrive, hers and the ones around it move on.
    qtbot.waitUntil(
        lambda: platform_orders(living_platform, shop_id) > before_rows + 5, timeout=60_000
    )
    neighbours = [orders.model.id_at(row) for row in visible_rows(orders.table)]
    moved = advance_orders(living_platform.db, shop_id, [i for i in neighbours if i is not None])
    desk.sync()

    assert orders.model.rowCount() > before_rows, "the new orders are in the table"
    assert what_she_sees(desk) == seen
    assert orders.detail.note.hasFocus()
    assert orders.detail.detail is not None
    assert orders.detail.detail.status == moved[mine]
    changed = orders.detail.review.changed
    assert changed.isVisible()
    assert "changed on the platform while you were editing" in changed.text()
    assert "Status:" in changed.text()

    # The platform goes away: the sync fails, and nothing moves.
    living_platform.stop()
    desk.sync()
    assert desk.window.sync_status.text().startswith("Offline")
    assert what_she_sees(desk) == seen

    # Another order, then back: the draft was kept, and the table says so.
    here = orders.table.currentIndex().row()
    go_to(desk, here + 1)
    assert orders.detail.note.toPlainText() != HALF_A_NOTE
    review = orders.model.index(here, COLUMNS.index(SortColumn.REVIEW)).data()
    assert "unsaved draft" in review
    go_to(desk, here)
    assert desk.current().id == mine
    assert orders.detail.note.toPlainText() == HALF_A_NOTE
    assert orders.detail.review.draft_state.isVisible()

    # Quit and start again: the draft is there, and still tells what changed meanwhile.
    answer_quit_questions()
    desk.close()
    again = open_desk(qtbot, shop_folder)
    row = again.orders.model.row_of(mine)
    if row is None:
        again.orders.model.locate(mine)
        qtbot.waitUntil(lambda: again.orders.model.row_of(mine) is not None, timeout=10_000)
        row = again.orders.model.row_of(mine)
    assert row is not None
    go_to(again, row)
    assert again.orders.detail.note.toPlainText() == HALF_A_NOTE
    assert "Status:" in again.orders.detail.review.changed.text()

    # Saving the review clears the draft.
    with qtbot.waitSignal(again.orders.reviewed, timeout=10_000):
        again.orders.detail.save.click()
    again.settle()
    assert again.orders.detail.note.toPlainText() == HALF_A_NOTE
    assert not again.orders.detail.review.draft_state.isVisible()
    assert (
        "unsaved draft"
        not in again.orders.model.index(row, COLUMNS.index(SortColumn.REVIEW)).data()
    )
    answer_quit_questions()
    again.close()
