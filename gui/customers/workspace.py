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
from gui.workspace import Workspace
from models.profile import Profile
from models.services.customers import CustomerFilter, CustomerRow, CustomerSort
from models.services.shop_lists import ManagerChoice, manager_choices

log = logging.getLogger(__name__)

TRAFFIC_TAB = 1


class CustomersWorkspace(Workspace):
    icon_name = "customers"

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._loaded_once = False
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
        self.model.failed.connect(self._on_model_failed)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

    # --- what the main window asks --------------------------------------------------------

    def refresh(self) -> None:
        """Re-read after a sync or on first showing; the table keeps its filter and sort."""
        profile = self._profile
        tasks.run(lambda: manager_choices(profile), name="customers.managers").then(
            self._on_managers_loaded
        )
        if not self._loaded_once:
            self._loaded_once = True
            self.model.set_query(self.filters.current())
        else:
            self.model.refresh()
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
