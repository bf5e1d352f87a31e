"""The store managers workspace: where each manager stands on the promotion path, and why."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.formatting import tooltip
from gui.managers.delegates import ProgressDelegate, SparklineDelegate
from gui.managers.detail_pane import ManagerDetailPane
from gui.managers.filter_bar import ManagerFilterBar
from gui.managers.table_model import COLUMNS, ManagersTableModel
from gui.managers.tips import summary_tip
from gui.workspace import Workspace
from models.profile import Profile
from models.services.managers import ManagerFilter, ManagerLine, SortColumn, manager_lines

log = logging.getLogger(__name__)

ROW_HEIGHT = 34
# Least widths; a column is never narrower than its title in the interface language.
# Together they leave the last one room for its line and figure at 1366 pixels in English.
WIDTHS = {
    SortColumn.NAME: 80,
    SortColumn.STAGE: 112,
    SortColumn.SALES: 128,
    SortColumn.CUSTOMERS: 90,
    SortColumn.DAYS_LEFT: 70,
    SortColumn.ASSESSMENT: 128,
    SortColumn.FORECAST: 172,
    SortColumn.TREND: 150,
}


class ManagersWorkspace(Workspace):
    icon_name = "managers"
    shows = frozenset(
        {"store_manager", "task_progress", "task_stage", "order", "customer", "release_request"}
    )
    loaded = Signal(int)  # managers read, after a refresh
    release_requested = Signal(int)  # the pending release request the owner wants to decide

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        # The moment forecasts are made for; tests set a fixed one.
        self.clock: Callable[[], int] = lambda: int(time.time())
        self._read_at = self.clock()
        self._create_widgets()
        self._create_actions()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Store managers")

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.filters = ManagerFilterBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setToolTip(tooltip(summary_tip()))
        self.model = ManagersTableModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(ROW_HEIGHT)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSortIndicator(COLUMNS.index(SortColumn.NAME), Qt.SortOrder.AscendingOrder)
        header.setStretchLastSection(True)
        for column, width in WIDTHS.items():
            number = COLUMNS.index(column)
            self.table.setColumnWidth(number, max(width, header.sectionSizeHint(number)))
        self._progress_delegate = ProgressDelegate(self.table)
        self._sparkline_delegate = SparklineDelegate(self.table)
        for column in (SortColumn.SALES, SortColumn.CUSTOMERS):
            self.table.setItemDelegateForColumn(COLUMNS.index(column), self._progress_delegate)
        self.table.setItemDelegateForColumn(
            COLUMNS.index(SortColumn.TREND), self._sparkline_delegate
        )
        self.detail = ManagerDetailPane(self._profile, clock=self._now)

        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(self.detail)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([330, 260])
        self.empty = QLabel(
            self.tr(
                "No store managers yet.\n\nWhen people sell for you through a sub-store of your "
                "shop, they appear here with their stage, their progress and a forecast."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.splitter)
        self.pages.addWidget(self.empty)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.filters)
        layout.addWidget(self.summary)
        layout.addWidget(self.pages, 1)

    def _create_actions(self) -> None:
        # Ctrl+F belongs to the window's order search.
        self._search_shortcut = QShortcut(QKeySequence("Ctrl+Shift+F"), self)
        self._search_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect_signals(self) -> None:
        self.filters.changed.connect(self._on_filters_changed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.model.layoutChanged.connect(self._on_model_layout_changed)
        self.detail.release_requested.connect(self.release_requested)
        self._search_shortcut.activated.connect(self._on_search_shortcut_activated)

    # --- what the main window asks --------------------------------------------------------

    def refresh(self) -> None:
        """Read the managers again; filters, sort, selection and the open manager stay."""
        profile, now = self._profile, self.clock()
        self._read_at = now
        tasks.run(lambda: manager_lines(profile, now), name="managers.lines").then(
            self._on_lines_loaded, self._on_lines_failed
        )

    def _now(self) -> int:
        # Late bound: tests set a fixed clock after the workspace is built.
        return self.clock()

    def current_line(self) -> ManagerLine | None:
        index = self.table.currentIndex()
        return self.model.line_at(index.row()) if index.isValid() else None

    # --- slots ----------------------------------------------------------------------------

    def _on_lines_loaded(self, lines: list[ManagerLine]) -> None:
        shown = self.detail.detail
        scroll = self.table.verticalScrollBar().value()
        self.filters.set_stages((line.stage_position, line.stage_name) for line in lines)
        self.model.set_lines(lines, self._read_at)
        self.table.verticalScrollBar().setValue(scroll)
        line = self.current_line()
        if line is not None and shown is not None and shown.id == line.id:
            # The same manager, read again: her figures may have moved.
            self.detail.show_manager(line.id)
        self.pages.setCurrentWidget(self.splitter if lines else self.empty)
        self._update_summary()
        self.loaded.emit(len(lines))

    def _on_lines_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    def _on_filters_changed(self, f: ManagerFilter) -> None:
        self.model.set_filter(f)
        self._update_summary()

    def _on_model_layout_changed(self) -> None:
        # The current row follows its manager through a sort or filter; else the first row.
        if not self.table.currentIndex().isValid() and self.model.rowCount() > 0:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        elif self.model.rowCount() == 0:
            self.detail.show_manager(None)
        else:
            line = self.current_line()
            shown = self.detail.detail
            if line is not None and (shown is None or shown.id != line.id):
                self.detail.show_manager(line.id)

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        line = self.model.line_at(current.row()) if current.isValid() else None
        self.detail.show_manager(line.id if line is not None else None)

    def _on_search_shortcut_activated(self) -> None:
        self.filters.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.filters.search.selectAll()

    # --- helpers --------------------------------------------------------------------------

    def _update_summary(self) -> None:
        lines = self.model.all_lines()
        if not lines:
            self.summary.setText("")
            return
        parts = [self.tr("%Ln store manager(s)", "", len(lines))]
        outlooks = [line.outlook for line in lines]
        for outlook, phrase in (
            ("on_track", self.tr("%Ln on track", "", outlooks.count("on_track"))),
            ("at_risk", self.tr("%Ln at risk", "", outlooks.count("at_risk"))),
            ("stalled", self.tr("%Ln stalled", "", outlooks.count("stalled"))),
            ("expired", self.tr("%Ln past the deadline", "", outlooks.count("expired"))),
        ):
            if outlook in outlooks:
                parts.append(phrase)
        shown = self.model.rowCount()
        if shown == 0:
            parts.append(self.tr("none matches these filters"))
        elif shown < len(lines):
            parts.append(self.tr("%Ln shown", "", shown))
        self.summary.setText(" · ".join(parts))
