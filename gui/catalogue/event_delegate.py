"""A sale event in the list: its title, its brand and size, and its countdown, one line each."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, QSize, Qt
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPalette
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gui.catalogue.card_delegate import accent
from gui.catalogue.event_model import SaleEventListModel

PADDING: Final = 6
LINES: Final = 3
Index = QModelIndex | QPersistentModelIndex


class SaleEventDelegate(QStyledItemDelegate):
    """Paints the three lines the model gives as its display text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def sizeHint(self, option: QStyleOptionViewItem, index: Index) -> QSize:
        height = QFontMetrics(option.font).lineSpacing() * LINES + 2 * PADDING + 2
        return QSize(200, height)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        option.text = ""
        model = index.model()
        if not isinstance(model, SaleEventListModel):
            return
        text = model.text_at(index.row())
        style = option.widget.style() if option.widget is not None else None
        painter.save()
        if style is not None:
            style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, option.widget)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        plain = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        quiet = plain if selected else palette.color(QPalette.ColorRole.PlaceholderText)
        rect = option.rect.adjusted(PADDING + 2, PADDING, -PADDING, -PADDING)
        metrics = QFontMetrics(option.font)
        line_height = metrics.lineSpacing()
        lines = [*text.split("\n"), "", "", ""][:LINES]
        bold = QFont(option.font)
        bold.setBold(True)
        urgent = model.urgent_at(index.row())
        for number, (line, font, colour) in enumerate(
            (
                (lines[0], bold, plain),
                (lines[1], option.font, quiet),
                (lines[2], option.font, accent(palette) if urgent and not selected else quiet),
            )
        ):
            painter.setFont(font)
            painter.setPen(colour)
            line_rect = QRect(
                rect.left(), rect.top() + number * line_height, rect.width(), line_height
            )
            elided = QFontMetrics(font).elidedText(line, Qt.TextElideMode.ElideRight, rect.width())
            painter.drawText(
                line_rect, int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter), elided
            )
        painter.restore()
