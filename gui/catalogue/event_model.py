"""The sale events of one phase, held whole (at most a thousand), with their countdowns."""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import QAbstractListModel, QModelIndex, QObject, QPersistentModelIndex, Qt

from gui.catalogue.labels import countdown
from gui.formatting import fill, stamp
from models.services.catalogue_events import EventPhase, SaleEventCard

EVENT_ROLE: Final = Qt.ItemDataRole.UserRole + 1
URGENT_ROLE: Final = Qt.ItemDataRole.UserRole + 2  # True when the countdown has under a day
URGENT_SECONDS: Final = 86_400
HOUR: Final = 3_600
Index = QModelIndex | QPersistentModelIndex


class SaleEventListModel(QAbstractListModel):
    """A short list of events (at most a thousand), held whole."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._events: list[SaleEventCard] = []
        self._phase = EventPhase.CURRENT
        self._now = 0
        self._next_change = 0

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._events)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._events):
            return None
        event = self._events[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(event)
        if role == Qt.ItemDataRole.ToolTipRole:
            return fill(
                self.tr("%1\n%2 to %3"),
                event.title,
                stamp(event.starts_at),
                stamp(event.ends_at),
            )
        if role == EVENT_ROLE:
            return event
        if role == URGENT_ROLE:
            return self._urgent(event)
        return None

    # Python asks these rather than index.data(): see gui/catalogue/product_model.py.

    def event_at(self, row: int) -> SaleEventCard | None:
        return self._events[row] if 0 <= row < len(self._events) else None

    def text_at(self, row: int) -> str:
        event = self.event_at(row)
        return "" if event is None else self._text(event)

    def urgent_at(self, row: int) -> bool:
        event = self.event_at(row)
        return event is not None and self._urgent(event)

    def _text(self, event: SaleEventCard) -> str:
        products = self.tr("%Ln product(s)", "", event.product_count)
        when = countdown(event.starts_at, event.ends_at, self._now)
        return f"{event.title}\n{event.brand_name} · {products}\n{when}"

    def _urgent(self, event: SaleEventCard) -> bool:
        left = (event.starts_at if self._now < event.starts_at else event.ends_at) - self._now
        return 0 < left < URGENT_SECONDS

    @property
    def events(self) -> list[SaleEventCard]:
        return list(self._events)

    def set_events(self, events: list[SaleEventCard], phase: EventPhase, now: int) -> None:
        self.beginResetModel()
        self._events = list(events)
        self._phase = phase
        self._now = now
        self._next_change = now + self._seconds_to_next_change()
        self.endResetModel()

    def tick(self, now: int) -> bool:
        """Count down to ``now``; True when an event has changed phase since it was read.

        The rows are repainted only when a countdown shows something new: every second in its
        last hour, else when its minutes change.
        """
        if now < self._next_change and now >= self._now:
            return False
        self._now = now
        self._next_change = now + self._seconds_to_next_change()
        if self._events:
            self.dataChanged.emit(
                self.index(0), self.index(len(self._events) - 1), [Qt.ItemDataRole.DisplayRole]
            )
        return any(e.phase(now) is not self._phase for e in self._events)

    def _seconds_to_next_change(self) -> int:
        lefts = [
            (e.starts_at if self._now < e.starts_at else e.ends_at) - self._now
            for e in self._events
        ]
        lefts = [left for left in lefts if left > 0]
        if not lefts or min(lefts) <= HOUR:
            return 1
        return min(left % 60 + 1 for left in lefts)  # when the shown minutes change

    def row_of(self, event_id: int) -> int | None:
        for row, event in enumerate(self._events):
            if event.id == event_id:
                return row
        return None
