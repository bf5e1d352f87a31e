"""The pieces every filter bar is made of: compact choice boxes, a search field that waits for
the owner to stop typing, and a button that clears everything."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolButton

from gui.icons import icon

SEARCH_DELAY_MS: Final = 250


def compact(*combos: QComboBox, letters: int = 7) -> None:
    """Boxes as wide as a few letters, not as their longest choice (a brand name can be long)."""
    for combo in combos:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(letters)


def search_field(
    placeholder: str, minimum_width: int, maximum_width: int | None = None
) -> QLineEdit:
    search = QLineEdit()
    search.setPlaceholderText(placeholder)
    search.setClearButtonEnabled(True)
    search.setMinimumWidth(minimum_width)
    if maximum_width is not None:
        search.setMaximumWidth(maximum_width)
    return search


def typing_pause(parent: QObject) -> QTimer:
    """Fires once the owner has stopped typing a moment, so a search runs once, not per key."""
    timer = QTimer(parent)
    timer.setSingleShot(True)
    timer.setInterval(SEARCH_DELAY_MS)
    return timer


def clear_button() -> QToolButton:
    clear = QToolButton()
    clear.setIcon(icon("cancel"))
    words = QCoreApplication.translate("filters", "Clear filters")
    clear.setToolTip(words)
    clear.setAccessibleName(words)
    return clear
