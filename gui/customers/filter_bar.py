"""The customer table's filters: which store, how they came, and a search by name or phone."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from gui.customers.labels import own_store, via_label
from gui.filter_parts import clear_button, compact, search_field, typing_pause
from models.services.customers import LEFT, OWN_STORE, VIAS, CustomerFilter
from models.services.shop_lists import ManagerChoice

FIXED_STORES = 3  # every store, the own store, and those who left


class CustomerFilterBar(QWidget):
    changed = Signal(object)  # CustomerFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._create_widgets()
        self._connect_signals()

    def _create_widgets(self) -> None:
        self.store = QComboBox()
        self.store.addItem(self.tr("All stores"), None)
        self.store.addItem(own_store(), OWN_STORE)
        self.store.addItem(self.tr("Left with a released manager"), LEFT)
        self.via = QComboBox()
        self.via.addItem(self.tr("Any way"), None)
        for via in VIAS:
            self.via.addItem(via_label(via), via)
        compact(self.store, self.via)
        self.search = search_field(self.tr("Search name, phone or city"), 120)
        self.clear = clear_button()
        self._search_timer = typing_pause(self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.store)
        layout.addWidget(self.via)
        layout.addWidget(self.search, 1)
        layout.addWidget(self.clear)

    def _connect_signals(self) -> None:
        self.store.currentIndexChanged.connect(self._emit)
        self.via.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._emit)
        self._search_timer.timeout.connect(self._emit)
        self.clear.clicked.connect(self._on_clear_clicked)

    def set_managers(self, managers: list[ManagerChoice]) -> None:
        current = self.store.currentData()
        self._quiet = True
        while self.store.count() > FIXED_STORES:
            self.store.removeItem(FIXED_STORES)
        for manager in managers:
            self.store.addItem(manager.name, manager.id)
        self.store.setCurrentIndex(max(self.store.findData(current), 0))
        self._quiet = False

    def current(self) -> CustomerFilter:
        return CustomerFilter(
            store=self.store.currentData(),
            via=self.via.currentData(),
            text=self.search.text().strip(),
        )

    def _emit(self) -> None:
        if not self._quiet:
            self._search_timer.stop()
            self.changed.emit(self.current())

    def _on_clear_clicked(self) -> None:
        self._quiet = True
        self.store.setCurrentIndex(0)
        self.via.setCurrentIndex(0)
        self.search.clear()
        self._search_timer.stop()
        self._quiet = False
        self._emit()
