"""The orders workspace's filters: dates, store, category, review state and a search."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from PySide6.QtCore import QDate, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QWidget,
)

from gui.filter_parts import ChoiceBox, clear_button, search_field, typing_pause
from gui.formatting import local_time
from gui.orders.labels import date_preset_labels, money_filter_label, own_store, review_label
from models.services.order_table import (
    MONEY_FILTERS,
    OWN_STORE,
    REVIEW_FILTERS,
    OrderFilter,
    day_range,
)
from models.services.shop_lists import ManagerChoice, categories

SHRUNK_COMBO = 64


class FilterBar(QWidget):
    changed = Signal(object)  # OrderFilter, without its status (the tabs own that)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._create_widgets()
        self._connect_signals()

    def _create_widgets(self) -> None:
        self.dates = ChoiceBox(letters=9)
        for key, label in date_preset_labels().items():
            self.dates.addItem(label, key)
        today = QDate.currentDate()
        self.since = QDateEdit(today.addDays(-6))
        self.until = QDateEdit(today)
        for edit in (self.since, self.until):
            edit.setCalendarPopup(True)
            edit.setDisplayFormat("yyyy-MM-dd")
            edit.hide()
        self.store = ChoiceBox(letters=9)
        self.store.addItem(self.tr("All stores"), None)
        self.store.addItem(own_store(), OWN_STORE)
        self.category = ChoiceBox(letters=9)
        self.category.addItem(self.tr("All categories"), None)
        for name in categories():
            self.category.addItem(name, name)
        self.review = ChoiceBox(letters=9)
        self.review.addItem(self.tr("Any review state"), None)
        for state in REVIEW_FILTERS:
            self.review.addItem(review_label(state), state)
        self.money = ChoiceBox(letters=9)
        self.money.addItem(self.tr("Any money"), None)
        for money in MONEY_FILTERS:
            self.money.addItem(money_filter_label(money), money)
        self.money.setToolTip(self.tr("Orders whose commission the statements paid otherwise"))
        self.search = search_field(self.tr("Search order no., customer or product"), 100)
        for combo in (self.dates, self.store, self.category, self.review, self.money):
            # As wide as their words where there is room; narrower in a small window, not
            # wider than the screen.
            combo.setMinimumWidth(SHRUNK_COMBO)
        self.clear = clear_button()
        self._search_timer = typing_pause(self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.dates)
        layout.addWidget(self.since)
        layout.addWidget(self.until)
        layout.addWidget(self.store)
        layout.addWidget(self.category)
        layout.addWidget(self.review)
        layout.addWidget(self.money)
        layout.addWidget(self.clear)
        layout.addStretch(1)
        # The search box is laid out by the workspace, beside the status tabs.

    def _connect_signals(self) -> None:
        self.dates.currentIndexChanged.connect(self._on_dates_current_index_changed)
        self.since.dateChanged.connect(self._emit)
        self.until.dateChanged.connect(self._emit)
        self.store.currentIndexChanged.connect(self._emit)
        self.category.currentIndexChanged.connect(self._emit)
        self.review.currentIndexChanged.connect(self._emit)
        self.money.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._emit)
        self._search_timer.timeout.connect(self._emit)
        self.clear.clicked.connect(self._on_clear_clicked)

    def set_managers(self, managers: list[ManagerChoice]) -> None:
        current = self.store.currentData()
        self._quiet = True
        while self.store.count() > 2:
            self.store.removeItem(2)
        for manager in managers:
            self.store.addItem(manager.name, manager.id)
        index = self.store.findData(current)
        self.store.setCurrentIndex(max(index, 0))
        self._quiet = False

    def current(self) -> OrderFilter:
        since = until = None
        preset = self.dates.currentData()
        if preset == "custom":
            since = _seconds(self.since.date())
            until = _seconds(self.until.date().addDays(1))
        elif preset:
            since, until = day_range(preset, dt.datetime.now().astimezone())
        return OrderFilter(
            since=since,
            until=until,
            store=self.store.currentData(),
            category=self.category.currentData(),
            review=self.review.currentData(),
            text=self.search.text().strip(),
            money=self.money.currentData(),
        )

    def show_filter(self, f: OrderFilter) -> None:
        """Set the widgets to a saved view's filter (dates come back as a custom range)."""
        self._quiet = True
        if f.since is not None or f.until is not None:
            self.dates.setCurrentIndex(self.dates.findData("custom"))
            if f.since is not None:
                self.since.setDate(_date(f.since))
            if f.until is not None:
                self.until.setDate(_date(f.until - 1))
        else:
            self.dates.setCurrentIndex(0)
        for combo, value in (
            (self.store, f.store),
            (self.category, f.category),
            (self.review, f.review),
            (self.money, f.money),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.search.setText(f.text)
        self._search_timer.stop()
        self._quiet = False
        self._emit()

    def _emit(self) -> None:
        if not self._quiet:
            self._search_timer.stop()
            self.changed.emit(self.current())

    def _on_dates_current_index_changed(self, _index: int) -> None:
        custom = self.dates.currentData() == "custom"
        self.since.setVisible(custom)
        self.until.setVisible(custom)
        self._emit()

    def _on_clear_clicked(self) -> None:
        self.show_filter(replace(OrderFilter()))


def _seconds(day: QDate) -> int:
    return int(day.startOfDay().toSecsSinceEpoch())


def _date(seconds: int) -> QDate:
    moment = local_time(seconds)
    return QDate(moment.year, moment.month, moment.day)
