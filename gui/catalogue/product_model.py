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
from PySide6.QtGui import QIcon, QPalette, QPixmap
from PySide6.QtWidgets import QApplication

from gui import tasks
from gui.catalogue.labels import column_titles, commission_rate, pick_sync_text, picked_mark
from gui.catalogue.pictures import PictureLoader
from gui.formatting import count, money
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


@dataclass(frozen=True)
class Loaded:
    generation: int
    count: int
    first: list[ProductCard]


class ProductTableModel(QAbstractTableModel):
    loaded = Signal(int)  # the row count, once a new filter or sort has its first page
    page_loaded = Signal(int)  # the page number
    failed = Signal(object)

    def __init__(
        self, profile: Profile, pictures: PictureLoader, parent: QObject | None = None
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._pictures = pictures
        self._filter = CatalogueFilter()
        self._sort = Sort()
        self._count = 0
        self._pages: dict[int, list[ProductCard]] = {}
        self._rows_of: dict[int, int] = {}
        self._asked: set[int] = set()
        self._generation = 0
        self._titles = column_titles()
        self.loading = False
        pictures.arrived.connect(self._on_pictures_arrived)

    # --- what the views ask -------------------------------------------------------------

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
        page, offset = divmod(row, PAGE)
        cards = self._pages.get(page)
        if cards is None:
            self._ask(page)
            return None
        return cards[offset] if offset < len(cards) else None

    def picture_of(self, card: ProductCard) -> QPixmap:
        """The product's picture, or the placeholder until it has come."""
        return self._pictures.pixmap(card.id) or self._pictures.placeholder()

    def placeholder(self) -> QPixmap:
        return self._pictures.placeholder()

    def row_of(self, product_id: int) -> int | None:
        return self._rows_of.get(product_id)

    def set_query(self, f: CatalogueFilter, sort: Sort | None = None) -> None:
        """Show the products of ``f``: counted and first page fetched in the background."""
        self._filter = f
        self._sort = sort or self._sort
        self._generation += 1
        generation = self._generation
        self.loading = True
        profile, sort_now = self._profile, self._sort

        def load() -> Loaded:
            total = count_products(profile, f)
            first = fetch_products(profile, f, sort_now, limit=PAGE) if total else []
            return Loaded(generation, total, first)

        tasks.run(load, name="catalogue.products").then(self._on_load_finished, self._on_failed)

    def refresh(self) -> None:
        self.set_query(self._filter, self._sort)

    def replace_card(self, card: ProductCard) -> None:
        """Show a product the owner changed (picked or dropped) without fetching its page."""
        row = self.row_of(card.id)
        if row is None:
            return
        page, offset = divmod(row, PAGE)
        self._pages[page][offset] = card
        self.dataChanged.emit(self.index(row, 0), self.index(row, len(COLUMNS) - 1))

    # --- fetching ------------------------------------------------------------------------

    def _ask(self, page: int) -> None:
        if page in self._asked or self.loading:
            return
        self._asked.add(page)
        generation, f, sort, profile = self._generation, self._filter, self._sort, self._profile

        def fetch() -> tuple[int, int, list[ProductCard]]:
            return (
                generation,
                page,
                fetch_products(profile, f, sort, limit=PAGE, offset=page * PAGE),
            )

        tasks.run(fetch, name="catalogue.page").then(self._on_page_finished, self._on_failed)

    def _on_load_finished(self, loaded: Loaded) -> None:
        if loaded.generation != self._generation:
            return
        self.beginResetModel()
        self._count = loaded.count
        self._pages = {}
        self._rows_of = {}
        if loaded.first:
            self._keep(0, loaded.first)
        self._asked = {0}
        self.loading = False
        self.endResetModel()
        self.loaded.emit(loaded.count)

    def _on_page_finished(self, result: tuple[int, int, list[ProductCard]]) -> None:
        generation, page, cards = result
        if generation != self._generation:
            return
        self._keep(page, cards)
        first = page * PAGE
        last = min(first + PAGE, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(COLUMNS) - 1))
        self.page_loaded.emit(page)

    def _keep(self, page: int, cards: list[ProductCard]) -> None:
        self._pages[page] = cards
        for offset, card in enumerate(cards):
            self._rows_of[card.id] = page * PAGE + offset

    def _on_failed(self, error: Exception) -> None:
        self.loading = False
        log.warning("the catalogue could not be read: %s", error)
        self.failed.emit(error)

    def _on_pictures_arrived(self, product_id: int) -> None:
        row = self._rows_of.get(product_id)
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
