"""The catalogue workspace: sale events on the left, products as a grid of pictures or a list in
the middle, the chosen product's SKUs on the right, and picking products for the shop."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable
from dataclasses import replace

from PySide6.QtCore import QItemSelectionModel, QModelIndex, Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QButtonGroup,
    QComboBox,
    QHBoxLayout,
    QLabel,
    QSplitter,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.catalogue.card_delegate import CARD_WIDTH
from gui.catalogue.detail_pane import PICTURE_SIDE, ProductDetailPane
from gui.catalogue.events_panel import EventsPanel
from gui.catalogue.filter_bar import CatalogueFilterBar
from gui.catalogue.labels import countdown, sort_labels
from gui.catalogue.pictures import PictureLoader
from gui.catalogue.product_model import COLUMNS, ProductTableModel
from gui.catalogue.product_views import GRID, LIST, ProductViews
from gui.catalogue.summary import describe_products
from gui.formatting import count, fill
from gui.paged_model import Reloaded
from gui.table_place import Place, remember, restore_scroll, visible_rows
from gui.workspace import Workspace
from models.changes import Changes
from models.images import PictureCache
from models.profile import Profile
from models.services.catalogue import (
    CatalogueFilter,
    PickState,
    ProductCard,
    Sort,
    pick_product,
    picked_count,
    product_cards,
)
from models.services.catalogue_events import BrandChoice, SaleEventCard, brand_choices

log = logging.getLogger(__name__)


class CatalogueWorkspace(Workspace):
    icon_name = "catalogue"
    shows = frozenset({"product", "sku", "sale_event", "brand", "product_pick"})
    picks_changed = Signal()  # a product was picked or dropped here (the outbox grew)
    posters_requested = Signal(list)  # product ids the owner wants posters of

    def __init__(
        self,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], float] = time.time,
        may_pick: bool = True,
        may_make_posters: bool = True,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._clock = clock
        # Picks are the shop's, posters of products too; a store manager only browses.
        self._may_pick = may_pick
        self._may_make_posters = may_make_posters
        self._event: SaleEventCard | None = None
        self._loaded_once = False
        self._place: Place | None = None
        self._create_widgets()
        self._create_actions()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Catalogue")

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.picture_cache = PictureCache.for_profile(self._profile)
        self.pictures = PictureLoader(self.picture_cache, CARD_WIDTH - 16, self)
        self.detail_pictures = PictureLoader(self.picture_cache, PICTURE_SIDE, self)
        self.events = EventsPanel(self._profile, self._clock)
        self.filters = CatalogueFilterBar()
        self.sort = QComboBox()
        labels = sort_labels()
        self.sort_choices = list(labels)  # (key, descending) of each menu entry, in order
        for choice in self.sort_choices:
            self.sort.addItem(labels[choice])
        self.sort.setPlaceholderText(self.tr("Sorted by a list column"))
        self.sort.setToolTip(self.tr("Sort the products"))
        self.grid_button = QToolButton()
        self.grid_button.setText(self.tr("Grid"))
        self.list_button = QToolButton()
        self.list_button.setText(self.tr("List"))
        self.view_buttons = QButtonGroup(self)
        for view, button in ((GRID, self.grid_button), (LIST, self.list_button)):
            button.setCheckable(True)
            self.view_buttons.addButton(button, view)
        self.grid_button.setChecked(True)
        self.my_picks = QToolButton()
        self.my_picks.setCheckable(True)
        self.my_picks.setText(self.tr("My picks"))
        self.my_picks.setToolTip(self.tr("Only the products picked for your shop"))
        self.make_posters = QToolButton()
        self.make_posters.setText(self.tr("Make posters…"))
        self.make_posters.setToolTip(self.tr("QR posters of the chosen product"))
        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.15)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)

        self.model = ProductTableModel(self._profile, self.pictures, self)
        self.views = ProductViews(self.model)
        self.grid, self.table = self.views.grid, self.views.table
        self.detail = ProductDetailPane(self._profile, self.detail_pictures, self._clock)
        self.detail.pick.setVisible(self._may_pick)

        top = QHBoxLayout()
        top.addWidget(self.filters.search, 1)
        top.addWidget(self.sort)
        top.addWidget(self.grid_button)
        top.addWidget(self.list_button)
        top.addWidget(self.my_picks)
        top.addWidget(self.make_posters)
        self.my_picks.setVisible(self._may_pick)
        self.make_posters.setVisible(self._may_make_posters)
        centre = QWidget()
        centre_layout = QVBoxLayout(centre)
        centre_layout.setContentsMargins(0, 0, 0, 0)
        centre_layout.addLayout(top)
        centre_layout.addWidget(self.filters)
        headline = QHBoxLayout()
        headline.addWidget(self.heading)
        headline.addWidget(self.summary, 1)
        centre_layout.addLayout(headline)
        centre_layout.addWidget(self.views, 1)
        left = QWidget()
        left_layout = QVBoxLayout(left)
        left_layout.setContentsMargins(0, 0, 0, 0)
        chooser = QHBoxLayout()
        chooser.addWidget(self.filters.category, 1)
        chooser.addWidget(self.filters.brand, 1)
        left_layout.addLayout(chooser)
        left_layout.addWidget(self.events, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(left)
        self.splitter.addWidget(centre)
        self.splitter.addWidget(self.detail)
        # Small floors, so that the window as a whole can still be made small; the panes start
        # at comfortable widths and share what room there is.
        for pane, floor in ((left, 150), (centre, 240), (self.detail, 150)):
            pane.setMinimumWidth(floor)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setStretchFactor(2, 0)
        self.splitter.setCollapsible(1, False)
        self.splitter.setSizes([220, 640, 280])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.splitter)

    def _create_actions(self) -> None:
        context = Qt.ShortcutContext.WidgetShortcut
        self._grid_pick_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self.grid)
        self._table_pick_shortcut = QShortcut(QKeySequence(Qt.Key.Key_Space), self.table)
        for shortcut in (self._grid_pick_shortcut, self._table_pick_shortcut):
            shortcut.setContext(context)

    def _connect_signals(self) -> None:
        self.events.event_chosen.connect(self._on_events_event_chosen)
        self.filters.changed.connect(self._on_filters_changed)
        self.filters.category_changed.connect(self._on_filters_category_changed)
        self.sort.activated.connect(self._on_sort_activated)
        self.table.horizontalHeader().sortIndicatorChanged.connect(
            self._on_header_sort_indicator_changed
        )
        self.view_buttons.idClicked.connect(self._on_view_buttons_id_clicked)
        self.my_picks.toggled.connect(self._on_my_picks_toggled)
        self.make_posters.clicked.connect(self._on_make_posters_clicked)
        self.model.loaded.connect(self._on_model_loaded)
        self.model.reloaded.connect(self._on_model_reloaded)
        self.model.page_loaded.connect(self._on_model_page_loaded)
        self.model.failed.connect(self._on_model_failed)
        self.grid.selectionModel().currentChanged.connect(self._on_selection_current_changed)
        self.detail.pick_requested.connect(self._on_detail_pick_requested)
        self._grid_pick_shortcut.activated.connect(self._on_pick_shortcut_activated)
        self._table_pick_shortcut.activated.connect(self._on_pick_shortcut_activated)

    # --- what the main window asks --------------------------------------------------------

    def refresh(self) -> None:
        """Read the catalogue again; after the first time in place, keeping the current product
        and what is on screen."""
        self.pictures.retry()
        self.detail_pictures.retry()
        self._load_brands()
        self.events.load(*self._event_filter())
        if self._loaded_once:
            view = self.views.currentWidget()
            assert isinstance(view, QAbstractItemView)
            self._place = remember(view, self.model.id_at)
            self.model.reload(self._place.current_id, visible_rows(view))
            product_id = self.detail.product_id()
            if product_id is not None:
                self.detail.show_product(product_id)
        else:
            self._loaded_once = True
            self.model.set_query(self.current_filter(), self._current_sort())
        self._count_picks()

    def refresh_changed(self, changes: Changes) -> None:
        self.refresh()

    def current_filter(self) -> CatalogueFilter:
        f = self.filters.current()
        if self.my_picks.isChecked():
            return replace(f, picked_only=True)
        if self._event is not None:
            return replace(f, sale_event_id=self._event.id)
        return f

    def current_card(self) -> ProductCard | None:
        current = self.grid.selectionModel().currentIndex()
        return self.model.card_at(current.row()) if current.isValid() else None

    def show_events_ending(self, until: int) -> None:
        """The sale events on now that end before ``until`` (a dashboard card's)."""
        self.events.show_ending_before(until)

    def show_view(self, view: int) -> None:
        """GRID or LIST; the current product stays current."""
        self.view_buttons.button(view).setChecked(True)
        self.views.show_view(view)

    # --- slots ----------------------------------------------------------------------------

    def _on_events_event_chosen(self, event: SaleEventCard | None) -> None:
        self._event = event
        if self.my_picks.isChecked():
            self.my_picks.blockSignals(True)
            self.my_picks.setChecked(False)
            self.my_picks.blockSignals(False)
        self._query()

    def _on_filters_changed(self, _f: CatalogueFilter) -> None:
        self._query()

    def _on_filters_category_changed(self, category: str | None) -> None:
        self._load_brands(category)
        self.events.load(*self._event_filter())

    def _on_sort_activated(self, index: int) -> None:
        if not 0 <= index < len(self.sort_choices):
            return
        key, descending = self.sort_choices[index]
        header = self.table.horizontalHeader()
        header.blockSignals(True)
        order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
        header.setSortIndicator(COLUMNS.index(key), order)
        header.blockSignals(False)
        self.model.set_query(self.current_filter(), Sort(key, descending))

    def _on_header_sort_indicator_changed(self, column: int, order: Qt.SortOrder) -> None:
        # The table already asked the model to sort; the menu only follows.
        wanted = (COLUMNS[column], order == Qt.SortOrder.DescendingOrder)
        found = self.sort_choices.index(wanted) if wanted in self.sort_choices else -1
        self.sort.setCurrentIndex(found)

    def _on_view_buttons_id_clicked(self, view: int) -> None:
        self.show_view(view)

    def _on_my_picks_toggled(self, checked: bool) -> None:
        self.events.all_products.setChecked(not checked and self._event is None)
        self._query()

    def _on_make_posters_clicked(self) -> None:
        card = self.current_card()
        if card is not None and self._may_make_posters:
            self.posters_requested.emit([card.id])

    def _on_model_loaded(self, rows: int) -> None:
        self._update_heading(rows)
        if rows:
            self.grid.selectionModel().setCurrentIndex(
                self.model.index(0, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.views.scroll_to_top()
        else:
            self.detail.show_product(None)

    def _on_model_page_loaded(self, _page: int) -> None:
        # The owner went to a product whose page was on its way: show it now it is here.
        card = self.current_card()
        if card is not None and self.detail.product_id() != card.id:
            self.detail.show_product(card.id)

    def _on_model_reloaded(self, outcome: Reloaded) -> None:
        place, self._place = self._place, None
        view = self.views.currentWidget()
        if place is not None and isinstance(view, QAbstractItemView):
            restore_scroll(view, place, self.model.row_of)
        self._update_heading(None)
        rows = self.model.rowCount()
        current = self.grid.selectionModel().currentIndex()
        if rows and (outcome.row is None or not current.isValid()):
            # The product left these filters: the one now in its place.
            row = min(outcome.previous_row or 0, rows - 1)
            self.grid.selectionModel().setCurrentIndex(
                self.model.index(row, 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
        elif not rows:
            self.detail.show_product(None)

    def _on_model_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    def _on_selection_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        card = self.model.card_at(current.row()) if current.isValid() else None
        self.detail.show_product(card.id if card is not None else None)

    def _on_detail_pick_requested(self, product_id: int, picked: bool) -> None:
        self._pick(product_id, picked)

    def _on_pick_shortcut_activated(self) -> None:
        card = self.current_card()
        if card is not None and self._may_pick:
            self._pick(card.id, not card.picked)

    def _on_picked(self, picked: tuple[PickState, list[ProductCard]]) -> None:
        state, cards = picked
        for card in cards:
            self.model.replace_card(card)
            if card.id == self.detail.product_id():
                self.detail.show_product(card.id)
        self._count_picks()
        self.picks_changed.emit()
        self.local_action_done.emit(state.changes)

    def _on_pick_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    def _on_brands_loaded(self, brands: list[BrandChoice]) -> None:
        self.filters.set_brands(brands)

    def _on_picks_counted(self, picks: int) -> None:
        self.my_picks.setText(fill(self.tr("My picks (%1)"), count(picks)))

    # --- helpers --------------------------------------------------------------------------

    def _query(self) -> None:
        self.model.set_query(self.current_filter(), self._current_sort())
        self._update_heading(None)

    def _current_sort(self) -> Sort:
        return self.model.product_sort

    def _event_filter(self) -> tuple[str | None, int | None]:
        f = self.filters.current()
        return f.category, f.brand_id

    def _load_brands(self, category: str | None = None) -> None:
        profile = self._profile
        wanted = category if category is not None else self.filters.current().category
        tasks.run(lambda: brand_choices(profile, wanted), name="catalogue.brands", owner=self).then(
            self._on_brands_loaded
        )

    def _count_picks(self) -> None:
        profile = self._profile
        tasks.run(lambda: picked_count(profile), name="catalogue.picks", owner=self).then(
            self._on_picks_counted
        )

    def show_problem(self, text: str) -> None:
        """A background read went wrong: said beside the heading."""
        self.summary.setText(text)

    def _pick(self, product_id: int, picked: bool) -> None:
        profile = self._profile

        def write() -> tuple[PickState, list[ProductCard]]:
            state = pick_product(profile, product_id, picked)
            return state, product_cards(profile, [product_id])

        tasks.run(write, name="catalogue.pick").then(self._on_picked, self._on_pick_failed)

    def _update_heading(self, rows: int | None) -> None:
        shown = self.model.rowCount() if rows is None else rows
        if self.my_picks.isChecked():
            self.heading.setText(self.tr("My picks"))
        elif self._event is not None:
            when = countdown(self._event.starts_at, self._event.ends_at, int(self._clock()))
            self.heading.setText(self._event.title)
            self.heading.setToolTip(f"{self._event.title} · {when}")
        else:
            self.heading.setText(self.tr("All products"))
        if self._event is None or self.my_picks.isChecked():
            self.heading.setToolTip("")
        self.summary.setText(
            describe_products(self.current_filter(), shown, self._event, int(self._clock()))
        )
