"""The pieces every filter bar is made of: compact choice boxes, a search field that waits for
the owner to stop typing, and a button that clears everything."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QCoreApplication, QObject, QSize, QTimer
from PySide6.QtWidgets import QComboBox, QLineEdit, QToolButton, QWidget

from gui.icons import icon

SEARCH_DELAY_MS: Final = 250
COMBO_PADDING: Final = 36  # the frame and the arrow of a choice box, beyond its text


def compact(*combos: QComboBox, letters: int = 7) -> None:
    """Boxes as wide as a few letters, not as their longest choice (a brand name can be long)."""
    for combo in combos:
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(letters)


class ChoiceBox(QComboBox):
    """A choice box as wide as its longest choice while there is room, as narrow as a few
    letters when the window is: "Any review state" reads whole at 1366 pixels in English, and
    a narrow window still fits."""

    def __init__(self, letters: int = 7, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        self.setMinimumContentsLength(letters)
        model = self.model()
        for signal in (model.rowsInserted, model.rowsRemoved, model.modelReset):
            signal.connect(self._on_choices_changed)

    def sizeHint(self) -> QSize:
        hint = super().sizeHint()
        # The advance, not the bounding box the box itself measures: that comes out short for
        # Chinese with full-width punctuation ("（当前筛选）" lost its last characters).
        metrics = self.fontMetrics()
        texts = (self.itemText(i) for i in range(self.count()))
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0)
        return QSize(max(hint.width(), widest + COMBO_PADDING), hint.height())

    def _on_choices_changed(self, *_args: object) -> None:
        self.updateGeometry()


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
