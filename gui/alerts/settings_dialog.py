"""Which kinds of alert the owner wants: each can be switched off, kept in the settings."""

from __future__ import annotations

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gui.alerts.centre import kind_enabled, set_kind_enabled
from gui.alerts.words import AlertWords
from models.services.alerts import ALERT_KINDS, AlertKind


class AlertSettingsDialog(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Alerts"))
        words = AlertWords(self)
        layout = QVBoxLayout(self)
        intro = QLabel(self.tr("Tell me about:"))
        layout.addWidget(intro)
        self.boxes: dict[AlertKind, QCheckBox] = {}
        for kind in ALERT_KINDS:
            box = QCheckBox(words.kind(kind))
            box.setChecked(kind_enabled(kind))
            self.boxes[kind] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def accept(self) -> None:
        for kind, box in self.boxes.items():
            set_kind_enabled(kind, box.isChecked())
        super().accept()
