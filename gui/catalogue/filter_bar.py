"""The catalogue's filters: category, brand, a price range, a least commission rate, in stock,
and a search that waits for the owner to stop typing."""

from __future__ import annotations

from typing import Final, TypeVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSpinBox,
    QToolButton,
    QWidget,
)

from gui.catalogue.labels import at_least_commission, commission_rate
from gui.filter_parts import compact, search_field, typing_pause
from models import wire
from models.services.catalogue import CatalogueFilter
from models.services.catalogue_events import BrandChoice

T = TypeVar("T")
COMMISSION_STEPS_BP: Final = (1_000, 1_500, 2_000, 2_500)
MAX_PRICE_YUAN: Final = 100_000


class CatalogueFilterBar(QWidget):
    changed = Signal(object)  # CatalogueFilter, without the event and "my picks"
    category_changed = Signal(object)  # the category, or None for every category

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._create_widgets()
        self._connect_signals()

    def _create_widgets(self) -> None:
        # What each entry stands for is kept here, not as item data: PySide6 6.12 answers an
        # item's missing data with a None it does not own (see gui/catalogue/product_model.py).
        self._categories: list[str | None] = [None, *wire.CATEGORIES]
        self._brands: list[int | None] = [None]
        self._commissions: list[int | None] = [None, *COMMISSION_STEPS_BP]
        self.category = QComboBox()
        self.category.addItem(self.tr("All categories"))
        self.category.addItems(list(wire.CATEGORIES))
        self.brand = QComboBox()
        self.brand.addItem(self.tr("All brands"))
        self.brand.setMaxVisibleItems(20)
        compact(self.category, self.brand, letters=5)
        self.min_price = self._price_box(self.tr("Min"), self.tr("Lowest retail price"))
        self.max_price = self._price_box(self.tr("Max"), self.tr("Highest retail price"))
        self.commission = QComboBox()
        self.commission.addItem(self.tr("Any commission"))
        for bp in COMMISSION_STEPS_BP:
            self.commission.addItem(at_least_commission(commission_rate(bp)))
        self.in_stock = QCheckBox(self.tr("In stock"))
        self.clear = QToolButton()
        self.clear.setText(self.tr("Clear"))
        self.clear.setToolTip(self.tr("Clear the filters"))
        self.search = search_field(self.tr("Search products or brands"), 120)
        self._search_timer = typing_pause(self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(QLabel(self.tr("Price")))
        layout.addWidget(self.min_price)
        layout.addWidget(QLabel("–"))
        layout.addWidget(self.max_price)
        layout.addWidget(self.commission)
        layout.addWidget(self.in_stock)
        layout.addWidget(self.clear)
        layout.addStretch(1)
        # The search box, the category and the brand are laid out by the workspace: the search
        # in its top row, category and brand above the sale events, which they filter too.

    def _price_box(self, unset: str, tip: str) -> QSpinBox:
        box = QSpinBox()
        box.setRange(0, MAX_PRICE_YUAN)
        box.setSingleStep(10)
        box.setPrefix("¥")
        box.setSpecialValueText(unset)
        box.setToolTip(tip)
        box.setAccelerated(True)
        box.setKeyboardTracking(False)
        return box

    def _connect_signals(self) -> None:
        self.category.currentIndexChanged.connect(self._on_category_current_index_changed)
        self.brand.currentIndexChanged.connect(self._emit)
        self.min_price.valueChanged.connect(self._emit)
        self.max_price.valueChanged.connect(self._emit)
        self.commission.currentIndexChanged.connect(self._emit)
        self.in_stock.toggled.connect(self._emit)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._emit)
        self._search_timer.timeout.connect(self._emit)
        self.clear.clicked.connect(self._on_clear_clicked)

    # --- what the workspace asks ----------------------------------------------------------

    def set_brands(self, brands: list[BrandChoice]) -> None:
        """Offer these brands, keeping the chosen one when it is among them."""
        current = self.brand_id()
        self._quiet = True
        while self.brand.count() > 1:
            self.brand.removeItem(1)
        self._brands = [None, *(brand.id for brand in brands)]
        self.brand.addItems([brand.name for brand in brands])
        index = self._brands.index(current) if current in self._brands else 0
        self.brand.setCurrentIndex(index)
        self._quiet = False
        if current is not None and index == 0:
            self._emit()

    def category_name(self) -> str | None:
        return _chosen(self._categories, self.category.currentIndex())

    def brand_id(self) -> int | None:
        return _chosen(self._brands, self.brand.currentIndex())

    def offered_brands(self) -> list[int]:
        return [brand for brand in self._brands if brand is not None]

    def choose_category(self, category: str | None) -> None:
        self.category.setCurrentIndex(self._categories.index(category))

    def current(self) -> CatalogueFilter:
        low, high = self.min_price.value(), self.max_price.value()
        if low and high and low > high:
            low, high = high, low
        return CatalogueFilter(
            category=self.category_name(),
            brand_id=self.brand_id(),
            min_price_cents=low * 100 if low else None,
            max_price_cents=high * 100 if high else None,
            min_commission_bp=_chosen(self._commissions, self.commission.currentIndex()),
            in_stock=self.in_stock.isChecked(),
            text=self.search.text().strip(),
        )

    def is_clear(self) -> bool:
        return self.current() == CatalogueFilter()

    # --- slots ----------------------------------------------------------------------------

    def _emit(self) -> None:
        if not self._quiet:
            self._search_timer.stop()
            self.changed.emit(self.current())

    def _on_category_current_index_changed(self, _index: int) -> None:
        self.category_changed.emit(self.category_name())
        self._emit()

    def _on_clear_clicked(self) -> None:
        self._quiet = True
        for combo in (self.category, self.brand, self.commission):
            combo.setCurrentIndex(0)
        self.min_price.setValue(0)
        self.max_price.setValue(0)
        self.in_stock.setChecked(False)
        self.search.clear()
        self._search_timer.stop()
        self._quiet = False
        self.category_changed.emit(None)
        self._emit()


def _chosen(values: list[T | None], index: int) -> T | None:
    return values[index] if 0 <= index < len(values) else None
