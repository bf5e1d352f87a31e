"""The customer table: a count and pages of customers, fetched in the background."""

from __future__ import annotations

from functools import partial
from operator import attrgetter
from typing import Any, Final

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from gui.customers.labels import column_titles, day, store_text, via_label
from gui.formatting import count, money
from gui.paged_model import PagedTableModel, keyset_or_nearer_end
from models.profile import Profile
from models.services.customers import (
    CustomerFilter,
    CustomerRow,
    CustomerSort,
    Sort,
    count_customers,
    fetch_page,
)

PAGE: Final = 200
COLUMNS: Final = list(CustomerSort)
ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1
RIGHT: Final = {CustomerSort.ORDERS, CustomerSort.SPENT}
Index = QModelIndex | QPersistentModelIndex


class CustomersTableModel(PagedTableModel[CustomerRow, CustomerFilter, Sort]):
    task_name = "customers"
    page_size = PAGE

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        titles = column_titles()
        super().__init__(profile, CustomerFilter(), Sort(), [titles[c] for c in COLUMNS], parent)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self.item_at(index.row())
        column = COLUMNS[index.column()]
        if row is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "…"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and row.status == "left":
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_query(self._filter, Sort(COLUMNS[column], descending))

    @property
    def customer_filter(self) -> CustomerFilter:
        return self._filter

    @property
    def customer_sort(self) -> Sort:
        return self._sort

    def row_at(self, row: int) -> CustomerRow | None:
        return self.item_at(row)

    def _load_count(self, profile: Profile, f: CustomerFilter) -> int:
        return count_customers(profile, f)

    def _load_page(
        self,
        profile: Profile,
        f: CustomerFilter,
        sort: Sort,
        *,
        page: int,
        before: list[CustomerRow] | None,
        count: int,
    ) -> list[CustomerRow]:
        return keyset_or_nearer_end(
            partial(fetch_page, profile, f, sort),
            attrgetter("sort_key"),
            page=page,
            size=self.page_size,
            before=before,
            count=count,
        )

    def _id_of(self, row: CustomerRow) -> int:
        return row.id

    @staticmethod
    def _text(row: CustomerRow, column: CustomerSort) -> str:
        if column is CustomerSort.NAME:
            return f"{row.name} {row.phone}".strip()
        if column is CustomerSort.STORE:
            return store_text(row)
        if column is CustomerSort.VIA:
            return via_label(row.bound_via)
        if column is CustomerSort.SINCE:
            return day(row.bound_at)
        if column is CustomerSort.ORDERS:
            return count(row.paid_orders)
        return money(row.spent_cents)
