"""The sale events beside the products: on now, coming up with a countdown, and ended.

Choosing an event shows its products; "All products" shows the whole catalogue. Countdowns tick
every second; when one runs out, the lists are read again, since the event changed phase.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QListView,
    QPushButton,
    QTabBar,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.catalogue.event_delegate import SaleEventDelegate
from gui.catalogue.event_model import SaleEventListModel
from gui.catalogue.labels import phase_label
from gui.formatting import count, fill
from models.profile import Profile
from models.services.catalogue_events import (
    EventPhase,
    SaleEventCard,
    event_counts,
    sale_events,
)

PHASES: Final = list(EventPhase)
TICK_MS: Final = 1_000
Clock = Callable[[], float]


@dataclass(frozen=True)
class EventsLoaded:
    phase: EventPhase
    events: list[SaleEventCard]
    counts: dict[EventPhase, int]
    now: int


class EventsPanel(QWidget):
    event_chosen = Signal(object)  # a SaleEventCard, or None for the whole catalogue
    loaded = Signal()

    def __init__(
        self, profile: Profile, clock: Clock = time.time, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._clock = clock
        self._category: str | None = None
        self._brand_id: int | None = None
        self._chosen: int | None = None
        # Only the running events that end before this moment (the dashboard's "ending today").
        self._ends_before: int | None = None
        self._generation = 0
        self._create_widgets()
        self._connect_signals()

    def _create_widgets(self) -> None:
        self.all_products = QPushButton(self.tr("All products"))
        self.all_products.setCheckable(True)
        self.all_products.setChecked(True)
        self.phases = QTabBar()
        self.phases.setExpanding(True)
        self.phases.setDrawBase(False)
        self.phases.setUsesScrollButtons(False)
        self.phases.setElideMode(Qt.TextElideMode.ElideRight)
        for phase in PHASES:
            self.phases.addTab(phase_label(phase))
        self.model = SaleEventListModel(self)
        self.list = QListView()
        self.list.setModel(self.model)
        self.list.setItemDelegate(SaleEventDelegate(self.list))
        self.list.setUniformItemSizes(True)
        self.list.setAlternatingRowColors(True)
        self.list.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.count_label = QLabel()
        self.count_label.setWordWrap(True)  # the panel is narrow; a long count wraps, not clips
        # Shown while only the events ending today are listed: the way back to all on now.
        self.show_every_event = QPushButton(self.tr("Show all"))
        self.show_every_event.setFlat(True)
        self.show_every_event.setToolTip(
            self.tr("Show every sale event on now, not only those ending today")
        )
        self.show_every_event.hide()
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()
        self._timer = QTimer(self)
        self._timer.setInterval(TICK_MS)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.all_products)
        layout.addWidget(self.phases)
        counted = QHBoxLayout()
        counted.setContentsMargins(0, 0, 0, 0)
        counted.addWidget(self.count_label, 1)
        counted.addWidget(self.show_every_event)
        layout.addLayout(counted)
        layout.addWidget(self.list, 1)
        layout.addWidget(self.empty)

    def _connect_signals(self) -> None:
        self.phases.currentChanged.connect(self._on_phases_current_changed)
        self.all_products.clicked.connect(self._on_all_products_clicked)
        self.show_every_event.clicked.connect(self._on_show_every_event_clicked)
        self.list.selectionModel().currentChanged.connect(self._on_list_current_changed)
        self._timer.timeout.connect(self._on_timer_timeout)

    # --- what the workspace asks ----------------------------------------------------------

    def load(self, category: str | None = None, brand_id: int | None = None) -> None:
        """Read the events of the chosen phase, of a category and brand when given."""
        self._category, self._brand_id = category, brand_id
        self._generation += 1
        generation = self._generation
        profile, phase, now = self._profile, self.phase(), int(self._clock())
        until = self._ends_before if phase is EventPhase.CURRENT else None

        def read() -> tuple[int, EventsLoaded]:
            found = sale_events(
                profile, phase, now=now, category=category, brand_id=brand_id, ends_before=until
            )
            counts = event_counts(
                profile, now=now, category=category, brand_id=brand_id, ends_before=until
            )
            return generation, EventsLoaded(phase, found, counts, now)

        tasks.run(read, name="catalogue.events").then(self._on_loaded, self._on_failed)

    def show_ending_before(self, until: int) -> None:
        """Only the events on now that end before ``until``; another phase shows them all."""
        self._ends_before = until
        current = PHASES.index(EventPhase.CURRENT)
        if self.phases.currentIndex() != current:
            self.phases.setCurrentIndex(current)  # loads
        else:
            self.load(self._category, self._brand_id)

    def ends_before(self) -> int | None:
        return self._ends_before

    def show_every_event_on_now(self) -> None:
        """Leave the "ending today" restriction: every event on now again."""
        self._ends_before = None
        self.show_every_event.hide()
        self.load(self._category, self._brand_id)

    def phase(self) -> EventPhase:
        return PHASES[max(self.phases.currentIndex(), 0)]

    def chosen_event(self) -> SaleEventCard | None:
        event = self.model.event_at(self.list.currentIndex().row())
        return event if event is not None and self._chosen == event.id else None

    def show_all_products(self) -> None:
        self._chosen = None
        self.all_products.setChecked(True)
        self.list.selectionModel().clearSelection()
        self.event_chosen.emit(None)

    # --- slots ----------------------------------------------------------------------------

    def _on_loaded(self, result: tuple[int, EventsLoaded]) -> None:
        generation, loaded = result
        if generation != self._generation:
            return
        for phase, n in loaded.counts.items():
            self.phases.setTabToolTip(
                PHASES.index(phase), fill(self.tr("%1 (%2)"), phase_label(phase), count(n))
            )
        self.count_label.setText(self._count_text(loaded.phase, loaded.counts[loaded.phase]))
        self.show_every_event.setVisible(
            loaded.phase is EventPhase.CURRENT and self._ends_before is not None
        )
        self.list.selectionModel().blockSignals(True)
        self.model.set_events(loaded.events, loaded.phase, loaded.now)
        row = self.model.row_of(self._chosen) if self._chosen is not None else None
        if row is not None:
            self.list.setCurrentIndex(self.model.index(row))
        self.list.selectionModel().blockSignals(False)
        self.empty.setText(self._empty_text(loaded.phase))
        self.empty.setVisible(not loaded.events)
        if loaded.phase is EventPhase.ENDED:
            self._timer.stop()
        else:
            self._timer.start()
        self.loaded.emit()

    def _on_failed(self, error: Exception) -> None:
        self.empty.setText(messages.describe(error))
        self.empty.show()

    def _on_phases_current_changed(self, _index: int) -> None:
        if self.phase() is not EventPhase.CURRENT:
            self._ends_before = None
        self.load(self._category, self._brand_id)

    def _on_all_products_clicked(self) -> None:
        self.show_all_products()

    def _on_show_every_event_clicked(self) -> None:
        self.show_every_event_on_now()

    def _on_list_current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        event = self.model.event_at(current.row()) if current.isValid() else None
        if event is None or event.id == self._chosen:
            return
        self._chosen = event.id
        self.all_products.setChecked(False)
        self.event_chosen.emit(event)

    def _on_timer_timeout(self) -> None:
        if not self.isVisible():
            return
        if self.model.tick(int(self._clock())):
            self.load(self._category, self._brand_id)

    def _count_text(self, phase: EventPhase, n: int) -> str:
        if phase is EventPhase.CURRENT and self._ends_before is not None:
            return self.tr("%Ln sale event(s) ending today", "", n)
        if phase is EventPhase.CURRENT:
            return self.tr("%Ln sale event(s) on now", "", n)
        if phase is EventPhase.UPCOMING:
            return self.tr("%Ln sale event(s) coming up", "", n)
        return self.tr("%Ln sale event(s) ended", "", n)

    def _empty_text(self, phase: EventPhase) -> str:
        if phase is EventPhase.CURRENT and self._ends_before is not None:
            return self.tr("No sale event on now ends today.")
        if phase is EventPhase.CURRENT:
            return self.tr("No sale event is on right now.")
        if phase is EventPhase.UPCOMING:
            return self.tr("No sale event has been announced yet.")
        return self.tr("No sale event has ended yet.")
