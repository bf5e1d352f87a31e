"""The order table: a count and pages of rows, fetched in the background as the owner scrolls.

The model never holds all orders. It knows how many rows the filter has, keeps the pages it has
fetched, and asks for a missing page when the view paints one of its rows: right after a cached
page by its last sort key, or from the nearer end of the table by offset.
"""

from __future__ import annotations

from functools import partial
from operator import attrgetter
from typing import Any, Final

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont, QPalette
from PySide6.QtWidgets import QApplication

from gui.formatting import money, stamp
from gui.orders.labels import column_titles, own_store, review_text, review_tip, status_label
from gui.paged_model import PagedTableModel, keyset_or_nearer_end
from models.profile import Profile
from models.services.order_table import (
    OrderFilter,
    OrderRow,
    Sort,
    SortColumn,
    count_orders,
    fetch_page,
    position_of,
)

PAGE: Final = 100
COLUMNS: Final = list(SortColumn)
ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1
RIGHT: Final = {SortColumn.AMOUNT, SortColumn.COMMISSION}
SERVED_ROLES: Final = frozenset(
    int(role)
    for role in (
        Qt.ItemDataRole.DisplayRole,
        ROW_ROLE,
        Qt.ItemDataRole.TextAlignmentRole,
        Qt.ItemDataRole.ToolTipRole,
        Qt.ItemDataRole.ForegroundRole,
        Qt.ItemDataRole.FontRole,
    )
)
Index = QModelIndex | QPersistentModelIndex


class OrdersTableModel(PagedTableModel[OrderRow, OrderFilter, Sort]):
    task_name = "orders"
    page_size = PAGE

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        titles = column_titles()
        super().__init__(profile, OrderFilter(), Sort(), [titles[c] for c in COLUMNS], parent)

    # --- what the view asks ---------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        # A view asks every cell for a dozen roles on each paint; most are answered at once.
        if role not in SERVED_ROLES or not index.isValid() or not 0 <= index.row() < self._count:
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
        if role == Qt.ItemDataRole.ToolTipRole and column is SortColumn.REVIEW:
            return review_tip(row)
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
            if not self.started:
                # The header says its sort while the view is built: remember it for the first
                # query rather than reading a million orders before the workspace is shown.
                self._sort = Sort(COLUMNS[column], descending)
                return
            self.set_query(self._filter, Sort(COLUMNS[column], descending))

    # --- what the workspace asks ----------------------------------------------------------

    @property
    def order_filter(self) -> OrderFilter:
        return self._filter

    @property
    def order_sort(self) -> Sort:
        return self._sort

    def row_at(self, row: int) -> OrderRow | None:
        return self.item_at(row)

    def replace_row(self, row: OrderRow) -> None:
        """Show a row changed by the owner (a review) without fetching its page again."""
        self.replace_item(row)

    # --- fetching ------------------------------------------------------------------------

    def _load_count(self, profile: Profile, f: OrderFilter) -> int:
        return count_orders(profile, f)

    def _load_page(
        self,
        profile: Profile,
        f: OrderFilter,
        sort: Sort,
        *,
        page: int,
        before: list[OrderRow] | None,
        count: int,
    ) -> list[OrderRow]:
        return keyset_or_nearer_end(
            partial(fetch_page, profile, f, sort),
            attrgetter("sort_key"),
            page=page,
            size=PAGE,
            before=before,
            count=count,
        )

    def _id_of(self, row: OrderRow) -> int:
        return row.id

    def _position_of(
        self, profile: Profile, f: OrderFilter, sort: Sort, item_id: int, count: int
    ) -> int | None:
        return position_of(profile, f, sort, item_id)

    @staticmethod
    def _text(row: OrderRow, column: SortColumn) -> str:
        if column is SortColumn.ORDER_NO:
            return row.order_no
        if column is SortColumn.PLACED_AT:
            return stamp(row.placed_at)
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
