"""The products of the catalogue: a count and pages of rows, fetched in the background as the
owner scrolls, with each product's picture from the picture loader.

The grid (a list view on column 0) and the list (a table of every column) share this model. It
never holds the whole catalogue: it knows how many products the filter has, keeps the pages it
fetched, and asks for a missing page when a view paints one of its rows.

Python code asks ``card_at()`` and ``picture_of()`` rather than ``index.data()``: with PySide6
6.12, a ``QModelIndex.data()`` call from Python that finds no data releases a reference to None
it never took, and enough of them crash the interpreter.
"""

from __future__ import annotations

import logging
from typing import Any, Final

from PySide6.QtCore import QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from gui.catalogue.labels import column_titles, commission_rate, pick_sync_text, picked_mark
from gui.catalogue.pictures import PictureLoader
from gui.formatting import count, money
from gui.paged_model import PagedTableModel
from models.profile import Profile
from models.services.catalogue import (
    CatalogueFilter,
    ProductCard,
    ProductSort,
    Sort,
    count_products,
    fetch_products,
)

log = logging.getLogger(__name__)

PAGE: Final = 100
COLUMNS: Final = [
    ProductSort.TITLE,
    ProductSort.BRAND,
    ProductSort.CATEGORY,
    ProductSort.PRICE,
    ProductSort.SUPPLY,
    ProductSort.COMMISSION,
    ProductSort.SALES,
    ProductSort.STOCK,
    ProductSort.PICKED,
]
CARD_ROLE: Final = Qt.ItemDataRole.UserRole + 1
PICTURE_ROLE: Final = Qt.ItemDataRole.UserRole + 2  # the picture as a QPixmap, for the grid
RIGHT: Final = {
    ProductSort.PRICE,
    ProductSort.SUPPLY,
    ProductSort.COMMISSION,
    ProductSort.SALES,
    ProductSort.STOCK,
}
Index = QModelIndex | QPersistentModelIndex


class ProductTableModel(PagedTableModel[ProductCard, CatalogueFilter, Sort]):
    task_name = "catalogue"
    page_size = PAGE

    def __init__(
        self, profile: Profile, pictures: PictureLoader, parent: QObject | None = None
    ) -> None:
        titles = column_titles()
        super().__init__(profile, CatalogueFilter(), Sort(), [titles[c] for c in COLUMNS], parent)
        self._pictures = pictures
        pictures.arrived.connect(self._on_pictures_arrived)

    # --- what the views ask -------------------------------------------------------------

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < self._count:
            return None
        card = self.card_at(index.row())
        column = COLUMNS[index.column()]
        if card is None:
            if role == Qt.ItemDataRole.DisplayRole and index.column() == 0:
                return "…"
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(card, column)
        if role == CARD_ROLE:
            return card
        if role == PICTURE_ROLE:
            return self.picture_of(card)
        if role == Qt.ItemDataRole.DecorationRole and index.column() == 0:
            # An icon, drawn at the view's icon size (a pixmap would be drawn at its own).
            return QIcon(self.picture_of(card))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in RIGHT:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 0:
            return f"{card.title}\n{card.brand_name} · {card.category}"
        if role == Qt.ItemDataRole.ForegroundRole and card.stock == 0:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            wanted = Sort(COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
            # A view that merely shows its sort indicator asks again for the sort in force.
            if wanted != self._sort:
                self.set_query(self._filter, wanted)

    # --- what the workspace asks ----------------------------------------------------------

    @property
    def pictures(self) -> PictureLoader:
        return self._pictures

    @property
    def catalogue_filter(self) -> CatalogueFilter:
        return self._filter

    @property
    def product_sort(self) -> Sort:
        return self._sort

    def card_at(self, row: int) -> ProductCard | None:
        return self.item_at(row)

    def picture_of(self, card: ProductCard) -> QPixmap:
        """The product's picture, or the placeholder until it has come."""
        return self._pictures.pixmap(card.id) or self._pictures.placeholder()

    def placeholder(self) -> QPixmap:
        return self._pictures.placeholder()

    def replace_card(self, card: ProductCard) -> None:
        """Show a product the owner changed (picked or dropped) without fetching its page."""
        self.replace_item(card)

    # --- fetching ------------------------------------------------------------------------

    def _load_count(self, profile: Profile, f: CatalogueFilter) -> int:
        return count_products(profile, f)

    def _load_page(
        self,
        profile: Profile,
        f: CatalogueFilter,
        sort: Sort,
        *,
        page: int,
        before: list[ProductCard] | None,
        count: int,
    ) -> list[ProductCard]:
        return fetch_products(profile, f, sort, limit=PAGE, offset=page * PAGE)

    def _id_of(self, row: ProductCard) -> int:
        return row.id

    def _on_pictures_arrived(self, product_id: int) -> None:
        row = self.row_of(product_id)
        if row is not None and row < self._count:
            index = self.index(row, 0)
            self.dataChanged.emit(index, index, [Qt.ItemDataRole.DecorationRole, PICTURE_ROLE])

    @staticmethod
    def _text(card: ProductCard, column: ProductSort) -> str:
        if column is ProductSort.TITLE:
            return card.title
        if column is ProductSort.BRAND:
            return card.brand_name
        if column is ProductSort.CATEGORY:
            return card.category
        if column is ProductSort.PRICE:
            return money(card.retail_price_cents)
        if column is ProductSort.SUPPLY:
            return money(card.supply_price_cents)
        if column is ProductSort.COMMISSION:
            return f"{commission_rate(card.commission_rate_bp)} · {money(card.commission_cents)}"
        if column is ProductSort.SALES:
            return count(card.sales_count)
        if column is ProductSort.STOCK:
            return count(card.stock)
        if not card.picked:
            return pick_sync_text(card.pick_sync)
        sync = pick_sync_text(card.pick_sync)
        return f"✓ {picked_mark()}" + (f" · {sync}" if sync else "")
