"""Which kinds of alert the owner wants: each can be switched off."""

from __future__ import annotations

from collections.abc import Set

from PySide6.QtWidgets import QCheckBox, QDialog, QDialogButtonBox, QLabel, QVBoxLayout, QWidget

from gui.alerts.words import AlertWords
from models.services.alerts import ALERT_KINDS, AlertKind


class AlertSettingsDialog(QDialog):
    def __init__(self, off: Set[AlertKind], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Alerts"))
        words = AlertWords(self)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("Tell me about:")))
        self.boxes: dict[AlertKind, QCheckBox] = {}
        for kind in ALERT_KINDS:
            box = QCheckBox(words.kind(kind))
            box.setChecked(kind not in off)
            self.boxes[kind] = box
            layout.addWidget(box)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def kinds_off(self) -> frozenset[AlertKind]:
        return frozenset(kind for kind, box in self.boxes.items() if not box.isChecked())

    @classmethod
    def ask(cls, off: Set[AlertKind], parent: QWidget | None = None) -> frozenset[AlertKind] | None:
        """The kinds the owner wants off, or None when she cancelled."""
        dialog = cls(off, parent)
        try:
            return dialog.kinds_off() if dialog.exec() == QDialog.DialogCode.Accepted else None
        finally:
            dialog.deleteLater()
