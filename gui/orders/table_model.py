"""The order table: a count and pages of rows, fetched in the background as the owner scrolls.

The model never holds all orders. It knows how many rows the filter has, keeps the pages it has
fetched, and asks for a missing page when the view paints one of its rows: right after a cached
page by its last sort key, or from the nearer end of the table by offset.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from gui import tasks
from gui.formatting import local_time, money
from gui.orders.labels import column_titles, own_store, review_text, status_label
from models.profile import Profile
from models.services.order_table import (
    OrderFilter,
    OrderRow,
    Sort,
    SortColumn,
    count_orders,
    fetch_page,
)

log = logging.getLogger(__name__)

PAGE: Final = 200
COLUMNS: Final = list(SortColumn)
ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1
RIGHT: Final = {SortColumn.AMOUNT, SortColumn.COMMISSION}
Index = QModelIndex | QPersistentModelIndex


@dataclass(frozen=True)
class Loaded:
    generation: int
    count: int
    first: list[OrderRow]


class OrdersTableModel(QAbstractTableModel):
    loaded = Signal(int)  # the row count, once a new filter or sort has its first page
    page_loaded = Signal(int)  # the page number
    failed = Signal(object)

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._filter = OrderFilter()
        self._sort = Sort()
        self._count = 0
        self._pages: dict[int, list[OrderRow]] = {}
        self._asked: set[int] = set()
        self._generation = 0
        self._titles = column_titles()
        self.loading = False

    # --- what the view asks ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(COLUMNS):
            return self._titles[COLUMNS[section]]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        row = self.row_at(index.row())
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
        if role == Qt.ItemDataRole.ToolTipRole and column is SortColumn.REVIEW and row.note:
            return row.note
        if role == Qt.ItemDataRole.ForegroundRole and row.status in ("cancelled", "refunded"):
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        if role == Qt.ItemDataRole.FontRole and column is SortColumn.REVIEW and row.review_sync:
            font = QFont()
            font.setItalic(True)
            return font
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            descending = order == Qt.SortOrder.DescendingOrder
            self.set_query(self._filter, Sort(COLUMNS[column], descending))

    # --- what the workspace asks ----------------------------------------------------------

    @property
    def order_filter(self) -> OrderFilter:
        return self._filter

    @property
    def order_sort(self) -> Sort:
        return self._sort

    def row_at(self, row: int) -> OrderRow | None:
        page, offset = divmod(row, PAGE)
        rows = self._pages.get(page)
        if rows is None:
            self._ask(page)
            return None
        return rows[offset] if offset < len(rows) else None

    def row_of(self, order_id: int) -> int | None:
        for page, rows in self._pages.items():
            for offset, row in enumerate(rows):
                if row.id == order_id:
                    return page * PAGE + offset
        return None

    def set_query(self, f: OrderFilter, sort: Sort | None = None) -> None:
        """Show the rows of ``f``: counted and first page fetched in the background."""
        self._filter = f
        self._sort = sort or self._sort
        self._generation += 1
        generation = self._generation
        self.loading = True
        profile, sort_now = self._profile, self._sort

        def load() -> Loaded:
            total = count_orders(profile, f)
            first = fetch_page(profile, f, sort_now, limit=PAGE) if total else []
            return Loaded(generation, total, first)

        tasks.run(load, name="orders.load").then(self._on_load_finished, self._on_failed)

    def refresh(self) -> None:
        self.set_query(self._filter, self._sort)

    def replace_row(self, row: OrderRow) -> None:
        """Show a row changed by the owner (a review) without fetching its page again."""
        position = self.row_of(row.id)
        if position is None:
            return
        page, offset = divmod(position, PAGE)
        self._pages[page][offset] = row
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(COLUMNS) - 1))

    # --- fetching ------------------------------------------------------------------------

    def _ask(self, page: int) -> None:
        if page in self._asked or self.loading:
            return
        self._asked.add(page)
        generation, f, sort, count = self._generation, self._filter, self._sort, self._count
        before = self._pages.get(page - 1)
        start = page * PAGE
        profile = self._profile

        def fetch() -> tuple[int, int, list[OrderRow]]:
            if before is not None and len(before) == PAGE:
                rows = fetch_page(profile, f, sort, limit=PAGE, after=before[-1].sort_key)
            elif start <= count // 2:
                rows = fetch_page(profile, f, sort, limit=PAGE, offset=start)
            else:
                size = min(PAGE, count - start)
                rows = fetch_page(
                    profile, f, sort, limit=size, offset=count - start - size, from_end=True
                )
            return generation, page, rows

        tasks.run(fetch, name="orders.page").then(self._on_page_finished, self._on_failed)

    def _on_load_finished(self, loaded: Loaded) -> None:
        if loaded.generation != self._generation:
            return
        self.beginResetModel()
        self._count = loaded.count
        self._pages = {0: loaded.first} if loaded.first else {}
        self._asked = {0}
        self.loading = False
        self.endResetModel()
        self.loaded.emit(loaded.count)

    def _on_page_finished(self, result: tuple[int, int, list[OrderRow]]) -> None:
        generation, page, rows = result
        if generation != self._generation:
            return
        self._pages[page] = rows
        first = page * PAGE
        last = min(first + PAGE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)

    def _on_failed(self, error: Exception) -> None:
        self.loading = False
        log.warning("orders could not be read: %s", error)
        self.failed.emit(error)

    @staticmethod
    def _text(row: OrderRow, column: SortColumn) -> str:
        if column is SortColumn.ORDER_NO:
            return row.order_no
        if column is SortColumn.PLACED_AT:
            return local_time(row.placed_at).strftime("%Y-%m-%d %H:%M")
        if column is SortColumn.CUSTOMER:
            return f"{row.customer_name} {row.customer_phone}".strip()
        if column is SortColumn.STORE:
            return row.store_name or own_store()
        if column is SortColumn.ITEMS:
            return row.items_summary
        if column is SortColumn.AMOUNT:
            return money(row.amount_cents)
        if column is SortColumn.COMMISSION:
            return money(row.commission_cents)
        if column is SortColumn.STATUS:
            return status_label(row.status)
        return review_text(row)
