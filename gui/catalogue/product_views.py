"""The products as a grid of picture cards or as a list, one model and one selection for both."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QEvent, QObject, QSize, Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QListView,
    QStackedWidget,
    QTableView,
    QWidget,
)

from gui.catalogue.card_delegate import CARD_HEIGHT, CARD_WIDTH, SPACING, ProductCardDelegate
from gui.catalogue.product_model import COLUMNS, ProductTableModel
from models.services.catalogue import ProductSort

GRID, LIST = 0, 1
THUMBNAIL: Final = 28
COLUMN_WIDTHS: Final = {
    ProductSort.TITLE: 260,
    ProductSort.BRAND: 110,
    ProductSort.CATEGORY: 80,
    ProductSort.PRICE: 80,
    ProductSort.SUPPLY: 80,
    ProductSort.COMMISSION: 110,
    ProductSort.SALES: 60,
    ProductSort.STOCK: 60,
    ProductSort.PICKED: 110,
}


class ProductViews(QStackedWidget):
    def __init__(self, model: ProductTableModel, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.grid = QListView()
        self.grid.setViewMode(QListView.ViewMode.IconMode)
        self.grid.setMovement(QListView.Movement.Static)
        self.grid.setResizeMode(QListView.ResizeMode.Adjust)
        self.grid.setUniformItemSizes(True)
        self.grid.setSpacing(SPACING // 2)
        self.grid.setGridSize(QSize(CARD_WIDTH + SPACING, CARD_HEIGHT + SPACING))
        self.grid.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.grid.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.grid.verticalScrollBar().setSingleStep(24)
        self.grid.setItemDelegate(ProductCardDelegate(self.grid))
        self.grid.setModel(model)
        self.grid.viewport().installEventFilter(self)

        self.table = QTableView()
        self.table.setModel(model)
        self.table.setSelectionModel(self.grid.selectionModel())
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setAlternatingRowColors(True)
        self.table.setIconSize(QSize(THUMBNAIL, THUMBNAIL))
        self.table.setWordWrap(False)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(THUMBNAIL + 6)
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
        header.setStretchLastSection(False)
        # The indicator first, then sorting: the model is not asked to sort what it shows.
        header.setSortIndicator(COLUMNS.index(ProductSort.SALES), Qt.SortOrder.DescendingOrder)
        self.table.setSortingEnabled(True)
        for column, width in COLUMN_WIDTHS.items():
            self.table.setColumnWidth(COLUMNS.index(column), width)
        self.addWidget(self.grid)
        self.addWidget(self.table)

    def show_view(self, view: int) -> None:
        """GRID or LIST, with the current product in sight and the keyboard focus."""
        self.setCurrentIndex(view)
        shown = self.grid if view == GRID else self.table
        current = self.grid.selectionModel().currentIndex()
        if current.isValid():
            shown.scrollTo(current)
        shown.setFocus()

    def scroll_to_top(self) -> None:
        self.grid.scrollToTop()
        self.table.scrollToTop()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self.grid.viewport() and event.type() == QEvent.Type.Resize:
            self._spread_grid()
        return super().eventFilter(watched, event)

    def _spread_grid(self) -> None:
        """As many columns as fit, the room left shared out between them."""
        # The view keeps its spacing free on both sides of a row.
        width = self.grid.viewport().width() - 2 * self.grid.spacing() - 1
        cell = CARD_WIDTH + SPACING
        columns = max(1, width // cell)
        spread = QSize(max(cell, width // columns), CARD_HEIGHT + SPACING)
        if spread != self.grid.gridSize():
            self.grid.setGridSize(spread)
