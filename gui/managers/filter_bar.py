"""The managers workspace's filters: stage, outlook, progress and a name search."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QWidget

from gui.filter_parts import clear_button, compact, search_field, typing_pause
from gui.formatting import fill
from gui.managers.labels import outlook_label, progress_band_labels
from models.services.managers import OUTLOOKS, ManagerFilter


class ManagerFilterBar(QWidget):
    changed = Signal(object)  # ManagerFilter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._quiet = False
        self._create_widgets()
        self._connect_signals()

    def _create_widgets(self) -> None:
        self.stage = QComboBox()
        self.stage.addItem(self.tr("All stages"), None)
        self.outlook = QComboBox()
        self.outlook.addItem(self.tr("Any forecast"), None)
        for outlook in OUTLOOKS:
            self.outlook.addItem(outlook_label(outlook), outlook)
        self.progress = QComboBox()
        self.progress.addItem(self.tr("Any progress"), None)
        for key, label in progress_band_labels().items():
            self.progress.addItem(label, key)
        compact(self.stage, self.outlook, self.progress)
        self.search = search_field(self.tr("Search name, city or phone (Ctrl+Shift+F)"), 160, 300)
        self.clear = clear_button()
        self._search_timer = typing_pause(self)

        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.stage)
        layout.addWidget(self.outlook)
        layout.addWidget(self.progress)
        layout.addWidget(self.clear)
        layout.addStretch(1)
        layout.addWidget(self.search, 1)

    def _connect_signals(self) -> None:
        for combo in (self.stage, self.outlook, self.progress):
            combo.currentIndexChanged.connect(self._emit)
        self.search.textChanged.connect(self._search_timer.start)
        self.search.returnPressed.connect(self._emit)
        self._search_timer.timeout.connect(self._emit)
        self.clear.clicked.connect(self._on_clear_clicked)

    def set_stages(self, stages: Iterable[tuple[int, str]]) -> None:
        """Offer the stages the shop's managers are in, keeping the current choice."""
        current = self.stage.currentData()
        self._quiet = True
        while self.stage.count() > 1:
            self.stage.removeItem(1)
        for position, name in sorted(set(stages)):
            self.stage.addItem(fill(self.tr("Stage %1 · %2"), position, name), position)
        self.stage.setCurrentIndex(max(self.stage.findData(current), 0))
        self._quiet = False

    def show_filter(self, f: ManagerFilter) -> None:
        """Set the widgets to ``f``, then say once that the filter changed."""
        self._quiet = True
        for combo, value in (
            (self.stage, f.stage_position),
            (self.outlook, f.outlook),
            (self.progress, f.progress),
        ):
            combo.setCurrentIndex(max(combo.findData(value), 0))
        self.search.setText(f.text)
        self._search_timer.stop()
        self._quiet = False
        self._emit()

    def current(self) -> ManagerFilter:
        return ManagerFilter(
            stage_position=self.stage.currentData(),
            outlook=self.outlook.currentData(),
            progress=self.progress.currentData(),
            text=self.search.text().strip(),
        )

    def _emit(self) -> None:
        if not self._quiet:
            self._search_timer.stop()
            self.changed.emit(self.current())

    def _on_clear_clicked(self) -> None:
        self._quiet = True
        for combo in (self.stage, self.outlook, self.progress):
            combo.setCurrentIndex(0)
        self.search.clear()
        self._quiet = False
        self._emit()
