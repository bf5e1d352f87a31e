"""The orders workspace: status tabs, filters in words, the lazy table and the order's detail.

A sync or a local action reads the table again in place: the current order (by id), the
selection, the scroll, the sort, the filters and the detail pane with whatever the owner is
typing all stay. An order that no longer matches the filters is said to have gone.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QAction, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QMenu,
    QSplitter,
    QTabBar,
    QTableView,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.filter_parts import ChoiceBox
from gui.formatting import count, fill
from gui.orders.bulk_actions import BulkTriage, Marking
from gui.orders.detail_pane import OrderDetailPane
from gui.orders.export_dialog import ask_path, start_export
from gui.orders.filter_bar import FilterBar
from gui.orders.labels import status_label
from gui.orders.summary import describe_filter
from gui.orders.table_model import COLUMNS, ROW_ROLE, OrdersTableModel
from gui.paged_model import Reloaded
from gui.table_place import Place, remember, restore_scroll, visible_rows
from gui.workspace import Workspace
from models import wire
from models.changes import Changes, Key
from models.profile import Profile
from models.services.order_table import (
    OrderFilter,
    OrderRow,
    SortColumn,
    count_by_status,
    fetch_page,
)
from models.services.reviews import ReviewState, review_order
from models.services.saved_views import View, ViewSaved, save_view, saved_views
from models.services.shop_lists import ManagerChoice, manager_choices

log = logging.getLogger(__name__)

STATUSES = ("", *wire.ORDER_STATUSES)
# What moves an order into, out of or along the table; a review moves it only when the filter
# or the sort looks at reviews.
SHAPING = frozenset({"order", "order_item", "customer", "store_manager"})
REVIEWS = frozenset({"order_review", "order_review_draft"})


class OrdersWorkspace(Workspace):
    icon_name = "orders"
    shows = SHAPING | REVIEWS | {"saved_view"}
    reviewed = Signal()  # a review was written locally (the dashboard's counts changed)

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._store_names: dict[int, str] = {}
        self._status_counts: dict[str, int] = {}
        self._views: list[View] = []
        self._statuses_stale = True
        # The order the owner was on when the filters or the sort changed: shown again if the
        # new rows hold it.
        self._keep_id: int | None = None
        self._place: Place | None = None
        # An order asked for from elsewhere (an alert): shown once the cleared filters load.
        self._open_id: int | None = None
        self._create_widgets()
        self._create_actions()
        self._connect_signals()
        self._loaded_once = False

    def title(self) -> str:
        return self.tr("Orders")

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.tabs = QTabBar()
        self.tabs.setExpanding(False)
        for status in STATUSES:
            self.tabs.addTab(status_label(status) if status else self.tr("All"))
        self.filters = FilterBar()
        self.views = ChoiceBox(letters=5)
        self.views.setToolTip(self.tr("Saved views"))
        self.tabs.setUsesScrollButtons(True)
        self.save_view_button = QToolButton()
        self.save_view_button.setText(self.tr("Save view…"))
        self.export_button = QToolButton()
        self.export_button.setText(self.tr("Export"))
        self.export_button.setPopupMode(QToolButton.ToolButtonPopupMode.InstantPopup)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.place_notice = QLabel()
        self.place_notice.setObjectName("place_notice")
        self.place_notice.setWordWrap(True)
        self.place_notice.hide()

        self.model = OrdersTableModel(self._profile, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSortIndicator(COLUMNS.index(SortColumn.PLACED_AT), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        header.setStretchLastSection(True)
        # The status column fits the longest state in the interface's language.
        metrics = self.table.fontMetrics()
        statuses = max(metrics.horizontalAdvance(status_label(s)) for s in wire.ORDER_STATUSES)
        widths = {
            SortColumn.ORDER_NO: 155,
            SortColumn.PLACED_AT: 115,
            SortColumn.CUSTOMER: 135,
            SortColumn.STORE: 70,
            SortColumn.AMOUNT: 85,
            SortColumn.COMMISSION: 85,
            SortColumn.STATUS: max(60, statuses + 16),
            SortColumn.REVIEW: 90,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.detail = OrderDetailPane(self._profile)
        self.bulk = BulkTriage(self._profile, self.table, self.model)

        # The saved views sit with the filters they recall: beside the search and buttons, the
        # tabs were cut off at 1366 pixels.
        top = QHBoxLayout()
        top.addWidget(self.tabs, 1)
        top.addWidget(self.filters.search)
        top.addWidget(self.bulk.button)
        top.addWidget(self.save_view_button)
        top.addWidget(self.export_button)
        second = QHBoxLayout()
        second.addWidget(self.filters, 1)
        second.addWidget(self.views)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([1020, 250])
        self.splitter = splitter
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addWidget(self.summary)
        layout.addWidget(self.place_notice)
        layout.addWidget(self.bulk.line)
        layout.addWidget(splitter, 1)

    def _create_actions(self) -> None:
        menu = QMenu(self)
        self.export_xlsx_action = QAction(self.tr("Export view to Excel (.xlsx)…"), self)
        self.export_csv_action = QAction(self.tr("Export view to CSV…"), self)
        self.export_selected_action = QAction(self.tr("Export selected rows to Excel…"), self)
        for action in (
            self.export_xlsx_action,
            self.export_csv_action,
            self.export_selected_action,
        ):
            menu.addAction(action)
        self.export_button.setMenu(menu)
        context = Qt.ShortcutContext.WidgetWithChildrenShortcut
        self._toggle_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        self._problem_shortcut = QShortcut(QKeySequence("Ctrl+1"), self)
        self._follow_up_shortcut = QShortcut(QKeySequence("Ctrl+2"), self)
        self._no_flag_shortcut = QShortcut(QKeySequence("Ctrl+0"), self)
        for shortcut in (
            self._toggle_shortcut,
            self._problem_shortcut,
            self._follow_up_shortcut,
            self._no_flag_shortcut,
        ):
            shortcut.setContext(context)

    def _connect_signals(self) -> None:
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.filters.changed.connect(self._on_filters_changed)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.modelAboutToBeReset.connect(self._on_model_about_to_be_reset)
        self.model.reloaded.connect(self._on_model_reloaded)
        self.model.located.connect(self._on_model_located)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.failed.connect(self._on_model_failed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.detail.review_requested.connect(self._on_detail_review_requested)
        self.detail.draft_saved.connect(self._on_detail_draft_saved)
        self.bulk.done.connect(self._on_bulk_done)
        self.views.activated.connect(self._on_views_activated)
        self.save_view_button.clicked.connect(self._on_save_view_clicked)
        self.export_xlsx_action.triggered.connect(lambda: self._export("xlsx", False))
        self.export_csv_action.triggered.connect(lambda: self._export("csv", False))
        self.export_selected_action.triggered.connect(lambda: self._export("xlsx", True))
        self._toggle_shortcut.activated.connect(self._on_toggle_shortcut_activated)
        self._problem_shortcut.activated.connect(lambda: self._flag_current("problem"))
        self._follow_up_shortcut.activated.connect(lambda: self._flag_current("follow_up"))
        self._no_flag_shortcut.activated.connect(lambda: self._flag_current("none"))

    # --- what the main window asks --------------------------------------------------------

    def refresh(self) -> None:
        """Read everything again; after the first time in place, keeping the owner's place."""
        # The rows first: the pool's threads are few, and the owner looks at the rows.
        if not self._loaded_once:
            self._loaded_once = True
            self.model.set_query(self.current_filter())
            self._statuses_stale = True
        else:
            self._reload()
            self._reload_detail()
        self._load_managers()
        self.refresh_views()

    def refresh_changed(self, changes: Changes) -> None:
        if not self._loaded_once:
            self.refresh()
            return
        if changes.touches({"store_manager"}):
            self._load_managers()
        if changes.touches({"saved_view"}):
            self.refresh_views()
        f, sort = self.model.order_filter, self.model.order_sort
        by_review = f.review is not None or sort.column is SortColumn.REVIEW
        reviewed = _keys(changes, "order_review", "order_review_draft")
        moves = changes.touches(SHAPING) or (by_review and changes.touches({"order_review"}))
        if moves or reviewed is None:
            self._reload()
        elif reviewed:
            self._replace_rows(reviewed)
        if changes.touches({"order_review"}):
            self._statuses_stale = True
        current = self._current_row()
        if current is not None and (
            changes.touches({"order_item", "customer"})
            or any(changes.touches_row(entity, current.id) for entity in ("order", *REVIEWS))
        ):
            self._reload_detail()

    def keep_unsaved(self) -> None:
        self.detail.keep_unsaved()

    def show_money(self, money: str) -> None:
        """Only the orders whose money differs for ``money`` (a filter of the reconciliation),
        every other filter cleared."""
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        self.filters.show_filter(OrderFilter(money=money))

    def show_orders(self, f: OrderFilter) -> None:
        """Exactly the orders of ``f`` (a dashboard card's), every other filter cleared."""
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(STATUSES.index(f.status or ""))
        self.tabs.blockSignals(False)
        self.filters.show_filter(f.without_status())

    def search(self, text: str) -> None:
        """The window's global search lands here."""
        self.filters.search.setText(text)
        self.filters.search.returnPressed.emit()

    def show_order(self, order_id: int) -> None:
        """Put the owner on one order; every filter is cleared first unless none is set."""
        if self._loaded_once and self.current_filter() == OrderFilter():
            self.model.locate(order_id)
            return
        self._open_id = order_id
        if not self._loaded_once:
            return
        self.tabs.blockSignals(True)
        self.tabs.setCurrentIndex(0)
        self.tabs.blockSignals(False)
        self.filters.show_filter(OrderFilter())

    def current_filter(self) -> OrderFilter:
        status = STATUSES[max(self.tabs.currentIndex(), 0)]
        return replace(self.filters.current(), status=status or None)

    def selected_ids(self) -> list[int]:
        ids = []
        for index in self.table.selectionModel().selectedRows():
            row = index.data(ROW_ROLE)
            if isinstance(row, OrderRow):
                ids.append(row.id)
        return ids

    # --- slots ----------------------------------------------------------------------------

    def _on_tabs_current_changed(self, _index: int) -> None:
        self.place_notice.hide()
        self.model.set_query(self.current_filter())
        self._update_summary()

    def _on_filters_changed(self, _f: OrderFilter) -> None:
        self.place_notice.hide()
        self.model.set_query(self.current_filter())
        self._statuses_stale = True

    def _on_model_about_to_be_reset(self) -> None:
        current = self._current_row()
        if current is not None:
            self._keep_id = current.id

    def _on_model_loaded(self, rows: int) -> None:
        self._update_summary(rows)
        self._count_statuses_if_stale()
        keep, self._keep_id = self._keep_id, None
        if self._open_id is not None:
            keep, self._open_id = self._open_id, None
        if rows and keep is not None:
            self.model.locate(keep)
        elif rows:
            self._go_to_row(0)
        else:
            self.detail.show_order(None)

    def _on_model_located(self, order_id: int, row: int) -> None:
        if self.model.rowCount() == 0:
            return
        self._go_to_row(max(row, 0))
        if row >= 0:
            self.table.scrollTo(
                self.model.index(row, 0), QAbstractItemView.ScrollHint.PositionAtCenter
            )

    def _on_model_page_loaded(self, _page: int) -> None:
        # The owner jumped to a row whose page was still on its way: show it now it is here.
        current = self._current_row()
        if current is not None and self.detail.order_id() != current.id:
            self.detail.show_order(current.id)

    def _on_model_reloaded(self, outcome: Reloaded) -> None:
        place, self._place = self._place, None
        if place is not None:
            restore_scroll(self.table, place, self.model.row_of)
        rows = self.model.rowCount()
        self._update_summary(rows)
        self._count_statuses_if_stale()
        if outcome.keep_id is None:
            if rows and not self.table.currentIndex().isValid():
                self._go_to_row(0)
            return
        if outcome.row is not None:
            if self.table.currentIndex().row() != outcome.row:
                self._go_to_row(outcome.row, scroll=False)
            return
        gone = self.detail.order_no() or str(outcome.keep_id)
        self.place_notice.setText(
            fill(
                self.tr(
                    "Order %1 no longer matches these filters (it changed); "
                    "you are on the order that took its place."
                ),
                gone,
            )
        )
        self.place_notice.show()
        if rows:
            self._go_to_row(min(outcome.previous_row or 0, rows - 1), scroll=False)
        else:
            self.detail.show_order(None)

    def _on_model_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    def _on_table_current_row_changed(self, current: QModelIndex, previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        if previous.isValid() and self._place is None:
            # The owner moved on: what said where the last order went is said.
            self.place_notice.hide()
        if isinstance(row, OrderRow):
            self.detail.show_order(row.id)
        elif not current.isValid():
            self.detail.show_order(None)

    def _on_detail_draft_saved(self, changes: Changes) -> None:
        self.refresh_changed(changes)

    def _on_managers_loaded(self, managers: list[ManagerChoice]) -> None:
        self._store_names = {m.id: m.name for m in managers}
        self.filters.set_managers(managers)

    def _on_views_loaded(self, views: list[View]) -> None:
        self._views = views
        self.views.clear()
        self.views.addItem(self.tr("(current filters)"), None)
        for view in views:
            self.views.addItem(view.name, view.id)

    def _on_views_activated(self, index: int) -> None:
        view_id = self.views.itemData(index)
        for view in self._views:
            if view.id == view_id:
                self.tabs.blockSignals(True)
                self.tabs.setCurrentIndex(STATUSES.index(view.filter.status or ""))
                self.tabs.blockSignals(False)
                self.filters.show_filter(view.filter)

    def _on_save_view_clicked(self) -> None:
        name, ok = QInputDialog.getText(self, self.tr("Save view"), self.tr("Name of this view:"))
        if not ok or not name.strip():
            return
        profile, f = self._profile, self.current_filter()
        tasks.run(lambda: save_view(profile, name, f), name="orders.save_view").then(
            self._on_view_saved, self._on_action_failed
        )

    def _on_view_saved(self, saved: ViewSaved) -> None:
        self.refresh_changed(saved.changes)
        self.local_action_done.emit(saved.changes)

    def refresh_views(self) -> None:
        profile = self._profile
        tasks.run(lambda: saved_views(profile), name="orders.views", owner=self).then(
            self._on_views_loaded
        )

    def show_problem(self, text: str) -> None:
        """A background read went wrong: said above the table."""
        self.summary.setText(text)

    def _on_detail_review_requested(
        self, order_no: str, done: bool | None, flag: str | None, note: str | None
    ) -> None:
        self._review(order_no, reviewed=done, flag=flag, note=note)

    def _on_toggle_shortcut_activated(self) -> None:
        row = self._current_row()
        if self.bulk.has_many():
            self.bulk.toggle_reviewed(row.reviewed if row is not None else False)
        elif row is not None:
            self._review(row.order_no, reviewed=not row.reviewed)

    def _flag_current(self, flag: str) -> None:
        row = self._current_row()
        if self.bulk.has_many():
            self.bulk.mark(Marking(flag=flag))
        elif row is not None:
            self._review(row.order_no, flag=flag)

    def _on_bulk_done(self, changes: Changes) -> None:
        self.refresh_changed(changes)
        self.reviewed.emit()
        # The main window hands this on to the other pages and sends it soon.
        self.local_action_done.emit(changes)

    def _on_action_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    # --- helpers --------------------------------------------------------------------------

    def _current_row(self) -> OrderRow | None:
        row = self.table.currentIndex().data(ROW_ROLE)
        return row if isinstance(row, OrderRow) else None

    def _review(
        self,
        order_no: str,
        *,
        reviewed: bool | None = None,
        flag: str | None = None,
        note: str | None = None,
    ) -> None:
        profile, f, sort = self._profile, self.model.order_filter, self.model.order_sort

        def write() -> tuple[ReviewState, OrderRow | None]:
            state = review_order(profile, order_no, reviewed=reviewed, flag=flag, note=note)
            rows = fetch_page(profile, f, sort, limit=1, only_ids=[state.order_id])
            return state, rows[0] if rows else None

        tasks.run(write, name="orders.review").then(self._on_review_written, self._on_action_failed)

    def _on_review_written(self, written: tuple[ReviewState, OrderRow | None]) -> None:
        state, row = written
        if row is not None:
            self.model.replace_row(row)
        self.refresh_changed(state.changes)
        self.reviewed.emit()
        # The main window hands this on to the other pages and sends it soon.
        self.local_action_done.emit(state.changes)

    def _go_to_row(self, row: int, *, scroll: bool = True) -> None:
        index = self.model.index(row, 0)
        self.table.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )
        if scroll:
            self.table.scrollTo(index)

    def _reload(self) -> None:
        """Read the rows again in place; the current order, the selection and the scroll stay."""
        if self._place is None:
            self._place = remember(self.table, self.model.id_at)
        self._statuses_stale = True
        self.model.reload(self._place.current_id, visible_rows(self.table))

    def _reload_detail(self) -> None:
        current = self._current_row()
        if current is not None:
            self.detail.show_order(current.id)

    def _replace_rows(self, keys: frozenset[Key]) -> None:
        """Show rows again whose review changed, where they are, without reading the table."""
        profile, f, sort = self._profile, self.model.order_filter, self.model.order_sort
        ids = [int(k) for k in keys if self.model.row_of(int(k)) is not None]
        if not ids:
            return
        tasks.run(
            lambda: fetch_page(profile, f, sort, limit=len(ids), only_ids=ids),
            name="orders.rows",
            owner=self,
        ).then(self._on_rows_read)

    def _on_rows_read(self, rows: list[OrderRow]) -> None:
        for row in rows:
            self.model.replace_row(row)

    def _load_managers(self) -> None:
        profile = self._profile
        tasks.run(lambda: manager_choices(profile), name="orders.managers", owner=self).then(
            self._on_managers_loaded
        )

    def _count_statuses_if_stale(self) -> None:
        if self._statuses_stale:
            # Counted after the table's rows, so that they never wait for the tabs' numbers.
            self._statuses_stale = False
            self._count_statuses()

    def _count_statuses(self) -> None:
        profile, f = self._profile, self.current_filter()
        tasks.run(
            lambda: count_by_status(profile, f), name="orders.status_counts", owner=self
        ).then(self._on_status_counts)

    def _on_status_counts(self, counts: dict[str, int]) -> None:
        self._status_counts = counts
        total = sum(counts.values())
        for tab, status in enumerate(STATUSES):
            label = status_label(status) if status else self.tr("All")
            number = counts.get(status, 0) if status else total
            self.tabs.setTabText(tab, fill(self.tr("%1 (%2)"), label, count(number)))

    def _update_summary(self, rows: int | None = None) -> None:
        shown = self.model.rowCount() if rows is None else rows
        self.summary.setText(describe_filter(self.current_filter(), shown, self._store_names))

    def _export(self, kind: str, selected: bool) -> None:
        ids = self.selected_ids() if selected else None
        if selected and not ids:
            self.summary.setText(self.tr("Select the rows to export first."))
            return
        path = ask_path(self, kind, selected=selected)
        if path is not None:
            start_export(
                self,
                self._profile,
                path,
                self.model.order_filter,
                self.model.order_sort,
                only_ids=ids,
                report=self.summary.setText,
            )


def _keys(changes: Changes, *entities: str) -> frozenset[Key] | None:
    """The changed keys of ``entities`` together; None when any row of them may have changed."""
    found: set[Key] = set()
    for entity in entities:
        keys = changes.rows_of(entity)
        if keys is None:
            return None
        found |= keys
    return frozenset(found)
