"""About Zhanggui: what runs here and where the shop's data lives, for the owner and for support."""

from __future__ import annotations

import platform
import sqlite3
import sys
from pathlib import Path

import PySide6
from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.icons import app_icon
from models.version import VERSION


class AboutDialog(QDialog):
    def __init__(
        self, profile_folder: Path, platform_url: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.facts: dict[str, str] = {
            self.tr("Version"): VERSION + (self.tr(" (packaged)") if _packaged() else ""),
            self.tr("Qt"): f"{qVersion()} (PySide6 {PySide6.__version__})",
            self.tr("Python"): platform.python_version(),
            self.tr("SQLite"): sqlite3.sqlite_version,
            self.tr("Profile folder"): str(profile_folder),
            self.tr("Platform address"): platform_url or self.tr("not signed in"),
        }
        self._create_widgets()
        self._connect_signals()

    @classmethod
    def show_for(
        cls, profile_folder: Path, platform_url: str, parent: QWidget | None = None
    ) -> None:
        dialog = cls(profile_folder, platform_url, parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def _create_widgets(self) -> None:
        self.setObjectName("about")
        self.setWindowTitle(self.tr("About Zhanggui"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(520)
        symbol = QLabel()
        symbol.setPixmap(app_icon().pixmap(QSize(64, 64)))
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(self.tr("Zhanggui 掌柜"))
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        summary = QLabel(
            self.tr(
                "The shop owner's desktop workbench: your shop's orders, store managers, "
                "customers and posters on this computer, working offline and syncing with the "
                "platform."
            )
        )
        summary.setWordWrap(True)
        form = QFormLayout()
        form.setSpacing(8)
        self.values: dict[str, QLabel] = {}
        for name, value in self.facts.items():
            label = QLabel(value)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            label.setWordWrap(True)
            form.addRow(name, label)
            self.values[name] = label
        self.copy_button = QPushButton(self.tr("&Copy"))
        self.copy_button.setToolTip(
            self.tr("Copy these lines, for example to send them to support")
        )
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self._buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        text = QVBoxLayout()
        text.setSpacing(10)
        text.addWidget(heading)
        text.addWidget(summary)
        text.addLayout(form)
        top = QHBoxLayout()
        top.setSpacing(18)
        top.addWidget(symbol)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(22, 20, 22, 16)
        layout.addLayout(top)
        layout.addWidget(self._buttons)

    def _connect_signals(self) -> None:
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self._buttons.rejected.connect(self.reject)

    def text(self) -> str:
        return "\n".join(f"{name}: {value}" for name, value in self.facts.items())

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.text())


def _packaged() -> bool:
    return bool(getattr(sys, "frozen", False))
