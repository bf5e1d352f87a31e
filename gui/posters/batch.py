"""The products of a batch: found as the owner types, or taken from "my picks"; she ticks the
ones to print. Nothing is ticked for her: a search of 连衣裙 is a list to choose from, not 72
pages. Ticks stay while she searches for more."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QSignalBlocker, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.formatting import count, fill, money
from models.profile import Profile
from models.services.catalogue import (
    CatalogueFilter,
    ProductCard,
    Sort,
    count_products,
    fetch_products,
    product_cards,
)

MAX_SHOWN: Final = 200  # hits listed at once; more words narrow a longer list
MAX_BATCH: Final = 1_000  # products ticked for one batch
SEARCH_DELAY_MS: Final = 250


@dataclass(frozen=True)
class Found:
    """One search's answer: the products listed, how many matched, and what was asked."""

    cards: list[ProductCard]
    matched: int
    words: str
    tick: bool  # taken from the catalogue's choice: ticked as they come


class ProductBatch(QWidget):
    changed = Signal()  # the ticked products changed
    listed = Signal()  # a search or a list of picks arrived

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._ticked: dict[int, str] = {}  # id -> title, in the order ticked
        self._generation = 0
        self.found: Found | None = None
        self.search = QLineEdit()
        self.search.setPlaceholderText(self.tr("Find products by name or brand"))
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(self.tr("Several words find products that have all of them"))
        self.my_picks = QPushButton(self.tr("My picks"))
        self.my_picks.setToolTip(self.tr("List the products picked for your shop"))
        self.tick_all = QPushButton(self.tr("Tick all"))
        self.tick_all.setToolTip(self.tr("Tick every product listed"))
        self.tick_none = QPushButton(self.tr("Tick none"))
        self.tick_none.setToolTip(self.tr("Untick every product of the batch"))
        self.list = QListWidget()
        self.list.setObjectName("poster_products")
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        self.empty = QLabel()
        self.empty.setObjectName("poster_products_empty")
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.results = QStackedWidget()
        self.results.addWidget(self.list)
        self.results.addWidget(self.empty)
        self.found_label = QLabel()
        self.found_label.setWordWrap(True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(SEARCH_DELAY_MS)

        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.my_picks)
        ticks = QHBoxLayout()
        ticks.addWidget(self.found_label, 1)
        ticks.addWidget(self.tick_all)
        ticks.addWidget(self.tick_none)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(row)
        layout.addLayout(ticks)
        layout.addWidget(self.results, 1)
        layout.addWidget(self.summary)
        self._connect_signals()
        self._show_found()

    def _connect_signals(self) -> None:
        self.search.textEdited.connect(self._on_search_text_edited)
        self.search.returnPressed.connect(self._on_search_return_pressed)
        self._search_timer.timeout.connect(self._on_search_timer_timeout)
        self.my_picks.clicked.connect(self._on_my_picks_clicked)
        self.tick_all.clicked.connect(self._on_tick_all_clicked)
        self.tick_none.clicked.connect(self._on_tick_none_clicked)
        self.list.itemChanged.connect(self._on_list_item_changed)

    # --- what the studio asks ---------------------------------------------------------------

    def chosen_ids(self) -> list[int]:
        """The ticked products, in the order they were ticked."""
        return list(self._ticked)

    def load_ids(self, product_ids: Sequence[int]) -> tasks.Task[Found]:
        """The catalogue's chosen products, listed and ticked in the order given."""
        self._search_timer.stop()
        self._ticked.clear()
        profile, wanted = self._profile, list(dict.fromkeys(product_ids))[:MAX_BATCH]

        def load() -> Found:
            cards = product_cards(profile, wanted)
            return Found(cards, len(cards), "", tick=True)

        return self._run(load)

    def search_for(self, words: str) -> tasks.Task[Found]:
        self._search_timer.stop()
        wanted = CatalogueFilter(text=words.strip())
        if not wanted.text:
            return self._run(lambda: Found([], 0, "", tick=False))
        return self._find(wanted, words.strip())

    def load_picks(self) -> tasks.Task[Found]:
        self._search_timer.stop()
        return self._find(CatalogueFilter(picked_only=True), "")

    def searching(self) -> bool:
        """Whether a search is waiting for the owner to stop typing."""
        return self._search_timer.isActive()

    # --- slots ----------------------------------------------------------------------------

    def _on_search_text_edited(self, _text: str) -> None:
        self._search_timer.start()

    def _on_search_return_pressed(self) -> None:
        self.search_for(self.search.text())

    def _on_search_timer_timeout(self) -> None:
        self.search_for(self.search.text())

    def _on_my_picks_clicked(self) -> None:
        self.load_picks()

    def _on_tick_all_clicked(self) -> None:
        self._tick_listed(Qt.CheckState.Checked)

    def _on_tick_none_clicked(self) -> None:
        self._ticked.clear()
        self._tick_listed(Qt.CheckState.Unchecked)

    def _on_list_item_changed(self, item: QListWidgetItem) -> None:
        product_id = int(item.data(Qt.ItemDataRole.UserRole))
        if item.checkState() == Qt.CheckState.Checked:
            if product_id not in self._ticked and len(self._ticked) >= MAX_BATCH:
                with QSignalBlocker(self.list):
                    item.setCheckState(Qt.CheckState.Unchecked)
                self.summary.setText(
                    fill(self.tr("A batch holds at most %1 products."), count(MAX_BATCH))
                )
                return
            self._ticked.setdefault(product_id, item.toolTip())
        else:
            self._ticked.pop(product_id, None)
        self._update_summary()
        self.changed.emit()

    def _on_found(self, generation: int, found: Found) -> None:
        if generation != self._generation:
            return  # the owner typed on: a newer search is on its way
        self.found = found
        if found.tick:
            for card in found.cards:
                self._ticked.setdefault(card.id, card.title)
        with QSignalBlocker(self.list):
            self.list.clear()
            for card in found.cards:
                # The price first: a long title is cut at the list's edge, never the price.
                item = QListWidgetItem(
                    fill(self.tr("%1 · %2"), money(card.retail_price_cents), card.title)
                )
                item.setData(Qt.ItemDataRole.UserRole, card.id)
                item.setToolTip(card.title)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                ticked = card.id in self._ticked
                item.setCheckState(Qt.CheckState.Checked if ticked else Qt.CheckState.Unchecked)
                self.list.addItem(item)
        self._show_found()
        self.listed.emit()
        if found.tick:
            self.changed.emit()

    def _on_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    # --- helpers --------------------------------------------------------------------------

    def _find(self, wanted: CatalogueFilter, words: str) -> tasks.Task[Found]:
        profile = self._profile

        def find() -> Found:
            cards = fetch_products(profile, wanted, Sort(), limit=MAX_SHOWN)
            matched = len(cards) if len(cards) < MAX_SHOWN else count_products(profile, wanted)
            return Found(cards, matched, words, tick=False)

        return self._run(find)

    def _run(self, work: Callable[[], Found]) -> tasks.Task[Found]:
        self._generation += 1
        generation = self._generation
        task = tasks.run(work, name="posters.products")
        return task.then(lambda found: self._on_found(generation, found), self._on_failed)

    def _tick_listed(self, state: Qt.CheckState) -> None:
        with QSignalBlocker(self.list):
            for row in range(self.list.count()):
                item = self.list.item(row)
                product_id = int(item.data(Qt.ItemDataRole.UserRole))
                if state == Qt.CheckState.Checked:
                    if len(self._ticked) >= MAX_BATCH:
                        break
                    self._ticked.setdefault(product_id, item.toolTip())
                item.setCheckState(
                    Qt.CheckState.Checked if product_id in self._ticked else Qt.CheckState.Unchecked
                )
        self._update_summary()
        self.changed.emit()

    def _show_found(self) -> None:
        found = self.found
        listed = bool(found and found.cards)
        self.results.setCurrentWidget(self.list if listed else self.empty)
        self.tick_all.setEnabled(listed)
        if found is None or (not found.cards and not found.words and not found.tick):
            self.empty.setText(self.tr("Find products, or list your picks, to make posters."))
            self.found_label.clear()
        elif not found.cards:
            self.empty.setText(
                fill(self.tr("No products match “%1”."), found.words)
                if found.words
                else self.tr("You have not picked any products yet.")
            )
            self.found_label.clear()
        elif found.matched > len(found.cards):
            self.found_label.setText(
                fill(
                    self.tr("The first %1 of %2 matches; more words narrow the list."),
                    count(len(found.cards)),
                    count(found.matched),
                )
            )
        else:
            self.found_label.setText(self.tr("%Ln product(s) found", "", found.matched))
        self._update_summary()

    def _update_summary(self) -> None:
        self.tick_none.setEnabled(bool(self._ticked))
        if not self._ticked:
            self.summary.setText(self.tr("Tick the products to make posters of."))
            return
        self.summary.setText(self.tr("%Ln product(s) ticked", "", len(self._ticked)))
