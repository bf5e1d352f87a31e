"""The customers workspace: every customer with the store that owns them, why, and since when;
and the traffic compensation for customers lost to releases."""

from __future__ import annotations

import logging

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.customers.detail_pane import CustomerDetailPane
from gui.customers.filter_bar import CustomerFilterBar
from gui.customers.table_model import COLUMNS, ROW_ROLE, CustomersTableModel
from gui.customers.traffic_panel import TrafficPanel
from gui.paged_model import Reloaded
from gui.table_place import Place, remember, restore_scroll, visible_rows
from gui.workspace import Workspace
from models.profile import Profile
from models.services.customers import CustomerFilter, CustomerRow, CustomerSort
from models.services.shop_lists import ManagerChoice, manager_choices

log = logging.getLogger(__name__)

TRAFFIC_TAB = 1


class CustomersWorkspace(Workspace):
    icon_name = "customers"
    shows = frozenset(
        {"customer", "customer_binding", "store_manager", "order", "traffic_allocation"}
    )

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._loaded_once = False
        self._place: Place | None = None
        self._traffic_stale = True
        self._create_widgets()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Customers")

    def _create_widgets(self) -> None:
        self.filters = CustomerFilterBar()
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.model = CustomersTableModel(self._profile, self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setSortingEnabled(True)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setSortIndicator(COLUMNS.index(CustomerSort.SINCE), Qt.SortOrder.DescendingOrder)
        header.setStretchLastSection(True)
        widths = {
            CustomerSort.NAME: 150,
            CustomerSort.STORE: 110,
            CustomerSort.VIA: 130,
            CustomerSort.SINCE: 86,
            CustomerSort.ORDERS: 76,
        }
        for column, width in widths.items():
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.detail = CustomerDetailPane(self._profile)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.table)
        splitter.addWidget(self.detail)
        splitter.setStretchFactor(0, 3)
        splitter.setStretchFactor(1, 2)
        splitter.setSizes([760, 340])
        self.splitter = splitter

        customers = QWidget()
        customers_layout = QVBoxLayout(customers)
        customers_layout.setContentsMargins(0, 8, 0, 0)
        customers_layout.addWidget(self.filters)
        customers_layout.addWidget(self.summary)
        customers_layout.addWidget(splitter, 1)
        self.traffic = TrafficPanel(self._profile)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(customers, self.tr("Customers"))
        self.tabs.addTab(self.traffic, self.tr("Traffic compensation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.tabs)

    def _connect_signals(self) -> None:
        self.filters.changed.connect(self._on_filters_changed)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.reloaded.connect(self._on_model_reloaded)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.failed.connect(self._on_model_failed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    # --- what the main window asks --------------------------------------------------------

    def refresh(self) -> None:
        """Read again; after the first time in place: the current customer, the selection, the
        scroll, the filter and the sort stay."""
        profile = self._profile
        tasks.run(lambda: manager_choices(profile), name="customers.managers", owner=self).then(
            self._on_managers_loaded
        )
        if not self._loaded_once:
            self._loaded_once = True
            self.model.set_query(self.filters.current())
        else:
            self._place = remember(self.table, self.model.id_at)
            self.model.reload(self._place.current_id, visible_rows(self.table))
            current = self.model.row_at(self.table.currentIndex().row())
            if current is not None:
                self.detail.show_customer(current.id)
        self._traffic_stale = True
        if self.tabs.currentIndex() == TRAFFIC_TAB:
            self._refresh_traffic()

    def show_traffic(self) -> None:
        self.tabs.setCurrentIndex(TRAFFIC_TAB)

    # --- slots ----------------------------------------------------------------------------

    def _on_filters_changed(self, f: CustomerFilter) -> None:
        self.model.set_query(f)

    def _on_model_loaded(self, rows: int) -> None:
        self._update_summary(rows)
        if rows:
            self.table.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        else:
            self.detail.show_customer(None)

    def _on_model_page_loaded(self, _page: int) -> None:
        # The owner went to a customer whose page was on its way: show them now it is here.
        row = self.table.currentIndex().row()
        current = self.model.row_at(row) if row >= 0 else None
        if current is not None and self.detail.customer_id() != current.id:
            self.detail.show_customer(current.id)

    def _on_model_reloaded(self, outcome: Reloaded) -> None:
        place, self._place = self._place, None
        if place is not None:
            restore_scroll(self.table, place, self.model.row_of)
        rows = self.model.rowCount()
        self._update_summary(rows)
        if rows and (outcome.row is None or not self.table.currentIndex().isValid()):
            self.table.selectionModel().setCurrentIndex(
                self.model.index(min(outcome.previous_row or 0, rows - 1), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        elif not rows:
            self.detail.show_customer(None)

    def _on_model_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = current.data(ROW_ROLE) if current.isValid() else None
        self.detail.show_customer(row.id if isinstance(row, CustomerRow) else None)

    def _on_managers_loaded(self, managers: list[ManagerChoice]) -> None:
        self.filters.set_managers(managers)

    def _on_tabs_current_changed(self, index: int) -> None:
        if index == TRAFFIC_TAB:
            self._refresh_traffic()

    # --- helpers --------------------------------------------------------------------------

    def _refresh_traffic(self) -> None:
        if self._traffic_stale:
            self._traffic_stale = False
            self.traffic.refresh()

    def _update_summary(self, rows: int) -> None:
        f = self.model.customer_filter
        if rows:
            self.summary.setText(self.tr("%Ln customer(s)", "", rows))
        elif f.text or f.store is not None or f.via:
            self.summary.setText(self.tr("No customer matches these filters."))
        else:
            self.summary.setText(
                self.tr(
                    "No customers yet: they appear here after their first order in your "
                    "store or a store manager's sub-store, once the shop has synced."
                )
            )
