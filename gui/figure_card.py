"""A card with one figure: a small title, the figure in large type, and a line that explains it."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeyEvent, QMouseEvent, QPalette
from PySide6.QtWidgets import QFrame, QLabel, QSizePolicy, QVBoxLayout, QWidget

VALUE_SCALE = 2.0


class FigureCard(QFrame):
    # Clicked, or Enter or Space pressed on it, once it leads somewhere (``lead_somewhere``).
    activated = Signal()

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure_card")
        self.setProperty("figure", name)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._title = QLabel(title)
        self._title.setObjectName("figure_card_title")
        self._title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._value = QLabel("—")
        self._value.setObjectName("figure_card_value")
        font = self._value.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * VALUE_SCALE)
        else:
            font.setPixelSize(round(font.pixelSize() * VALUE_SCALE))
        font.setBold(True)
        self._value.setFont(font)
        self._caption = QLabel()
        self._caption.setObjectName("figure_card_caption")
        self._caption.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._caption.setWordWrap(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        layout.addWidget(self._title)
        layout.addWidget(self._value)
        layout.addWidget(self._caption)
        layout.addStretch(1)
        self.setAccessibleName(title)
        self._leads = False

    def lead_somewhere(self, where: str) -> None:
        """Make the card a way to the place its figure counts: ``where`` names that place."""
        self._leads = True
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setProperty("leads", True)
        self.setStatusTip(where)

    def leads(self) -> bool:
        return self._leads

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        inside = self.rect().contains(event.position().toPoint())
        if self._leads and event.button() == Qt.MouseButton.LeftButton and inside:
            self.activated.emit()
            event.accept()
            return
        super().mouseReleaseEvent(event)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        keys = (Qt.Key.Key_Return, Qt.Key.Key_Enter, Qt.Key.Key_Space)
        if self._leads and event.key() in keys:
            self.activated.emit()
            event.accept()
            return
        super().keyPressEvent(event)

    def set_figure(self, value: str, caption: str | None = None) -> None:
        self._value.setText(value)
        if caption is not None:
            self._caption.setText(caption)
        self.setAccessibleDescription(f"{value} {self._caption.text()}")

    def title_text(self) -> str:
        return self._title.text()

    def value_text(self) -> str:
        return self._value.text()

    def caption_text(self) -> str:
        return self._caption.text()
