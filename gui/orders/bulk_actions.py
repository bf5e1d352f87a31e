"""Marking many orders at once: the selection (Shift, Ctrl, or every order of the filter),
reviewed or flagged in one action, and the last such action undone while it waits to sync.

Every bulk action lives here, on one button and its menu, so that a role that may not review
hides them together. A selection of every row of the table means every order of its filter:
those are found in SQL by the filter, never by reading a million rows into the view.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QItemSelection, QObject, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QHBoxLayout, QLabel, QMenu, QTableView, QToolButton, QWidget

from gui import messages, tasks
from gui.formatting import count, fill
from gui.orders.table_model import OrdersTableModel
from models.errors import AlreadySent
from models.profile import Profile
from models.services.bulk_review import (
    BulkReviewed,
    ReviewsUndone,
    bulk_of,
    review_filtered,
    review_order_ids,
    undo_reviews,
)
from models.services.order_table import OrderFilter, Sort, fetch_page

log = logging.getLogger(__name__)

# A selected run longer than this is read in the background by position.
LOOKED_UP_ROWS = 5_000


@dataclass(frozen=True)
class Marking:
    """What the owner asked of the selection; None leaves that part of each review alone."""

    reviewed: bool | None = None
    flag: str | None = None


@dataclass(frozen=True)
class Chosen:
    """The orders a bulk action is for: every order of ``every_of``, else rows of the view:
    those loaded by id in ``ids`` (row -> id), the others as runs of rows to read by position."""

    every_of: OrderFilter | None
    ids: dict[int, int]
    missing: list[tuple[int, int]]
    sort: Sort

    def size(self, rows: int) -> int:
        if self.every_of is not None:
            return rows
        return len(self.ids) + sum(bottom - top + 1 for top, bottom in self.missing)


class BulkTriage(QObject):
    """The orders table's bulk actions, its status line and its undo."""

    # The Changes of a bulk action or its undo, after the table showed them.
    done = Signal(object)

    def __init__(self, profile: Profile, table: QTableView, model: OrdersTableModel) -> None:
        super().__init__(table)
        self._profile = profile
        self._table = table
        self._model = model
        self._last: BulkReviewed | None = None
        self._busy = False
        self.line = QWidget()
        self.words = QLabel()
        self.words.setObjectName("bulk_line")
        self.words.setWordWrap(True)
        self.undo_button = QToolButton()
        layout = QHBoxLayout(self.line)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.words, 1)
        layout.addWidget(self.undo_button)
        self.line.hide()
        self.button = QToolButton()
        self.button.setText(self.tr("Mark"))
        self.button.setToolTip(self.tr("Mark the selected orders (Space, Ctrl+1, Ctrl+2, Ctrl+0)"))
        self.button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self._create_actions()
        self._table.selectionModel().selectionChanged.connect(self._on_selection_changed)

    def _create_actions(self) -> None:
        def action(text: str, slot: Callable[[], None], keys: str = "") -> QAction:
            made = QAction(text, self._table)
            made.triggered.connect(slot)
            if keys:
                made.setShortcut(QKeySequence(keys))
                made.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            return made

        self.reviewed_action = action(
            self.tr("Mark selected as reviewed"), lambda: self.mark(Marking(reviewed=True))
        )
        self.unreviewed_action = action(
            self.tr("Mark selected as not reviewed"), lambda: self.mark(Marking(reviewed=False))
        )
        self.problem_action = action(
            self.tr("Flag selected as problem"), lambda: self.mark(Marking(flag="problem"))
        )
        self.follow_up_action = action(
            self.tr("Flag selected for follow-up"), lambda: self.mark(Marking(flag="follow_up"))
        )
        self.no_flag_action = action(
            self.tr("Clear the flag of selected"), lambda: self.mark(Marking(flag="none"))
        )
        self.select_all_action = action(
            self.tr("Select all orders in this filter"), self.select_all, "Ctrl+Shift+A"
        )
        self.undo_action = action(self.tr("Undo the last marking"), self.undo, "Ctrl+Z")
        self.undo_action.setEnabled(False)
        self.undo_action.changed.connect(self._on_undo_action_changed)
        self.undo_button.setDefaultAction(self.undo_action)
        self.undo_button.hide()
        self.undo_button.setText(self.tr("Undo"))
        # The workspace's widgets hear the shortcuts of these two wherever the focus is.
        self._table.addAction(self.select_all_action)
        self._table.addAction(self.undo_action)
        menu = QMenu(self.button)
        for made in (
            self.reviewed_action,
            self.unreviewed_action,
            self.problem_action,
            self.follow_up_action,
            self.no_flag_action,
        ):
            menu.addAction(made)
        menu.addSeparator()
        menu.addAction(self.select_all_action)
        menu.addAction(self.undo_action)
        self.button.setMenu(menu)

    def actions(self) -> list[QAction]:
        """Every bulk action, for hiding together."""
        return [
            self.reviewed_action,
            self.unreviewed_action,
            self.problem_action,
            self.follow_up_action,
            self.no_flag_action,
            self.select_all_action,
            self.undo_action,
        ]

    # --- the selection --------------------------------------------------------------------

    def selected_count(self) -> int:
        """Rows selected, counted from the selection's ranges without visiting its rows."""
        return sum(bottom - top + 1 for top, bottom in self._ranges())

    def _ranges(self) -> list[tuple[int, int]]:
        selection = self._table.selectionModel().selection()
        ranges = (selection.at(i) for i in range(selection.count()))
        return _merged({(r.top(), r.bottom()) for r in ranges})

    def has_many(self) -> bool:
        return self.selected_count() > 1

    def all_selected(self) -> bool:
        rows = self._model.rowCount()
        return rows > 1 and self.selected_count() == rows

    def select_all(self) -> None:
        self._table.selectAll()
        self._table.setFocus(Qt.FocusReason.ShortcutFocusReason)

    def chosen(self) -> Chosen:
        f, sort = self._model.order_filter, self._model.order_sort
        if self.all_selected():
            return Chosen(f, {}, [], sort)
        ids: dict[int, int] = {}
        missing: list[int] = []
        long_runs: list[tuple[int, int]] = []
        for top, bottom in self._ranges():
            if bottom - top + 1 > LOOKED_UP_ROWS:
                # Shift+End over a million rows: read in the background, not row by row here.
                long_runs.append((top, bottom))
                continue
            for row in range(top, bottom + 1):
                order_id = self._model.id_at(row)
                if order_id is None:
                    missing.append(row)
                else:
                    ids[row] = order_id
        return Chosen(None, ids, _merged({(r, r) for r in missing}) + long_runs, sort)

    # --- marking --------------------------------------------------------------------------

    def toggle_reviewed(self, current_reviewed: bool) -> None:
        """Space on a selection: the current order's state decides, as on one order."""
        self.mark(Marking(reviewed=not current_reviewed))

    def mark(self, marking: Marking) -> None:
        if self._busy:
            self._say(self.tr("The last marking is still being written."))
            return
        chosen = self.chosen()
        if chosen.size(self._model.rowCount()) == 0:
            self._say(self.tr("Select the orders to mark first."))
            return
        profile, f = self._profile, self._model.order_filter
        self._busy = True

        def write() -> BulkReviewed:
            if chosen.every_of is not None:
                return review_filtered(
                    profile, chosen.every_of, reviewed=marking.reviewed, flag=marking.flag
                )
            ids = [chosen.ids[row] for row in sorted(chosen.ids)]
            ids += _ids_at(profile, f, chosen.sort, chosen.missing)
            return bulk_of(
                review_order_ids(profile, ids, reviewed=marking.reviewed, flag=marking.flag)
            )

        tasks.run(write, name="orders.bulk_review").then(
            lambda done: self._on_marked(done, marking), self._on_failed
        )

    def undo(self) -> None:
        last = self._last
        if last is None or self._busy:
            return
        profile = self._profile
        self._busy = True
        tasks.run(lambda: undo_reviews(profile, last.mutation_ids), name="orders.bulk_undo").then(
            self._on_undone, self._on_failed
        )

    def forget_undo(self) -> None:
        self._last = None
        self.undo_action.setEnabled(False)

    # --- answers --------------------------------------------------------------------------

    def _on_marked(self, done: BulkReviewed, marking: Marking) -> None:
        self._busy = False
        self._last = done if done.orders else None
        self.undo_action.setEnabled(self._last is not None)
        self._say(self._marked_words(done.orders, marking))
        self.done.emit(done.changes)

    def _on_undone(self, undone: ReviewsUndone) -> None:
        self._busy = False
        self.forget_undo()
        self._say(self.tr("Undone: %Ln order(s) are back as they were.", "", undone.orders))
        self.done.emit(undone.changes)

    def _on_failed(self, error: Exception) -> None:
        self._busy = False
        if isinstance(error, AlreadySent):
            self.forget_undo()
            self._say(
                self.tr(
                    "This marking cannot be undone: %Ln order(s) were sent to the platform "
                    "already. Nothing was changed.",
                    "",
                    error.sent,
                )
            )
            return
        self._say(messages.describe(error))

    def _on_undo_action_changed(self) -> None:
        self.undo_button.setVisible(self.undo_action.isEnabled())

    def _on_selection_changed(self, _selected: QItemSelection, _deselected: QItemSelection) -> None:
        if self._last is not None:
            return
        n = self.selected_count()
        if n > 1:
            if self.all_selected():
                self._say(fill(self.tr("All %1 orders in this filter are selected."), count(n)))
            else:
                self._say(self.tr("%Ln order(s) selected.", "", n))
        else:
            self.line.hide()

    def _marked_words(self, n: int, marking: Marking) -> str:
        if marking.reviewed is True:
            return self.tr("Marked %Ln order(s) as reviewed.", "", n)
        if marking.reviewed is False:
            return self.tr("Marked %Ln order(s) as not reviewed.", "", n)
        if marking.flag == "problem":
            return self.tr("Flagged %Ln order(s) as problem.", "", n)
        if marking.flag == "follow_up":
            return self.tr("Flagged %Ln order(s) for follow-up.", "", n)
        return self.tr("Cleared the flag of %Ln order(s).", "", n)

    def _say(self, words: str) -> None:
        self.words.setText(words)
        self.line.show()


def _merged(ranges: set[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for top, bottom in sorted(ranges):
        if merged and top <= merged[-1][1] + 1:
            merged[-1] = (merged[-1][0], max(merged[-1][1], bottom))
        else:
            merged.append((top, bottom))
    return merged


def _ids_at(profile: Profile, f: OrderFilter, sort: Sort, runs: list[tuple[int, int]]) -> list[int]:
    """The ids at view positions whose pages were not loaded, a bounded page at a time."""
    ids: list[int] = []
    for top, bottom in runs:
        for start in range(top, bottom + 1, LOOKED_UP_ROWS):
            limit = min(LOOKED_UP_ROWS, bottom + 1 - start)
            ids += [line.id for line in fetch_page(profile, f, sort, limit=limit, offset=start)]
    return ids
