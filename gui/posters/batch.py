"""The products of a batch: found by words or taken from "my picks", each ticked or not."""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.formatting import fill, money
from models.profile import Profile
from models.services.catalogue import (
    CatalogueFilter,
    ProductCard,
    Sort,
    fetch_products,
    product_cards,
)

MAX_BATCH = 200


class ProductBatch(QWidget):
    changed = Signal()  # the ticked products changed

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find products by name or brand"))
        self.search.setClearButtonEnabled(True)
        self.my_picks = QPushButton(self.tr("My picks"))
        self.my_picks.setToolTip(self.tr("Put the products picked for your shop in the list"))
        self.list = QListWidget()
        self.list.setObjectName("poster_products")
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.my_picks)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.summary)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self.my_picks.clicked.connect(self._on_my_picks_clicked)
        self.list.itemChanged.connect(self._on_list_item_changed)
        self._update_summary()

    def chosen_ids(self) -> list[int]:
        """The ticked products, in the list's order."""
        ids: list[int] = []
        for row in range(self.list.count()):
            item = self.list.item(row)
            if item.checkState() == Qt.CheckState.Checked:
                ids.append(int(item.data(Qt.ItemDataRole.UserRole)))
        return ids

    def load_ids(self, product_ids: Sequence[int]) -> tasks.Task[list[ProductCard]]:
        profile, wanted = self._profile, list(product_ids)[:MAX_BATCH]
        task = tasks.run(lambda: product_cards(profile, wanted), name="posters.products")
        return task.then(self._on_cards_loaded, self._on_cards_failed)

    def search_for(self, words: str) -> tasks.Task[list[ProductCard]]:
        return self._load(CatalogueFilter(text=words))

    def load_picks(self) -> tasks.Task[list[ProductCard]]:
        return self._load(CatalogueFilter(picked_only=True))

    def _load(self, wanted: CatalogueFilter) -> tasks.Task[list[ProductCard]]:
        profile = self._profile
        task = tasks.run(
            lambda: fetch_products(profile, wanted, Sort(), limit=MAX_BATCH),
            name="posters.products",
        )
        return task.then(self._on_cards_loaded, self._on_cards_failed)

    def _on_search_return_pressed(self) -> None:
        self.search_for(self.search.text())

    def _on_my_picks_clicked(self) -> None:
        self.load_picks()

    def _on_cards_loaded(self, cards: list[ProductCard]) -> None:
        self.list.blockSignals(True)
        self.list.clear()
        for card in cards:
            item = QListWidgetItem(
                fill(self.tr("%1 · %2"), card.title, money(card.retail_price_cents))
            )
            item.setData(Qt.ItemDataRole.UserRole, card.id)
            item.setToolTip(card.title)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked)
            self.list.addItem(item)
        self.list.blockSignals(False)
        self._update_summary()
        self.changed.emit()

    def _on_cards_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    def _on_list_item_changed(self, _item: QListWidgetItem) -> None:
        self._update_summary()
        self.changed.emit()

    def _update_summary(self) -> None:
        if not self.list.count():
            self.summary.setText(self.tr("Find products, or take your picks, to make posters."))
            return
        chosen = len(self.chosen_ids())
        self.summary.setText(self.tr("%n product(s) ticked", "", chosen))
