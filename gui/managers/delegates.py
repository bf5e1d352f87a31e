"""Painted cells of the managers table: a progress bar under its figures, and a sales sparkline."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFontMetrics, QPainter, QPalette, QPen, QPolygonF
from PySide6.QtWidgets import QStyle, QStyledItemDelegate, QStyleOptionViewItem, QWidget

from gui.managers.table_model import SHARE_ROLE, TREND_ROLE

PADDING: Final = 6
BAR_HEIGHT: Final = 5
Index = QModelIndex | QPersistentModelIndex


def _is_dark(palette: QPalette) -> bool:
    return palette.color(QPalette.ColorRole.Base).lightness() < 128


def _done_colour(palette: QPalette) -> QColor:
    return QColor("#81c784") if _is_dark(palette) else QColor("#2e7d32")


def _background(painter: QPainter, option: QStyleOptionViewItem, index: Index) -> bool:
    """Draw the cell's selection and focus, without its text; True when selected."""
    option.text = ""
    widget = option.widget
    style = widget.style() if widget is not None else None
    if style is not None:
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, option, painter, widget)
    return bool(option.state & QStyle.StateFlag.State_Selected)


class ProgressDelegate(QStyledItemDelegate):
    """The figures (¥3,200 / ¥5,000) above a thin bar filled to the share of the target."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        text = option.text
        share = index.data(SHARE_ROLE)
        painter.save()
        selected = _background(painter, option, index)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = QRectF(option.rect).adjusted(PADDING, 3, -PADDING, -4)
        metrics = QFontMetrics(option.font)
        text_rect = QRectF(rect.left(), rect.top(), rect.width(), rect.height() - BAR_HEIGHT - 2)
        painter.setFont(option.font)
        painter.setPen(text_colour)
        painter.drawText(
            text_rect,
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            metrics.elidedText(text, Qt.TextElideMode.ElideRight, int(rect.width())),
        )
        if isinstance(share, float):
            track = QRectF(rect.left(), rect.bottom() - BAR_HEIGHT, rect.width(), BAR_HEIGHT)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(Qt.PenStyle.NoPen)
            track_colour = QColor(text_colour)
            track_colour.setAlpha(45)
            painter.setBrush(track_colour)
            painter.drawRoundedRect(track, 2, 2)
            filled = QRectF(track)
            filled.setWidth(track.width() * max(0.0, min(share, 1.0)))
            if filled.width() > 0:
                colour = (
                    _done_colour(palette)
                    if share >= 1.0
                    else palette.color(QPalette.ColorRole.Highlight)
                )
                if selected:
                    colour = text_colour
                painter.setBrush(colour)
                painter.drawRoundedRect(filled, 2, 2)
        painter.restore()


class SparklineDelegate(QStyledItemDelegate):
    """Weekly sales as a small line, with the total at the right."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: Index) -> None:
        self.initStyleOption(option, index)
        total = option.text
        weeks = index.data(TREND_ROLE)
        painter.save()
        selected = _background(painter, option, index)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        rect = QRectF(option.rect).adjusted(PADDING, 5, -PADDING, -5)
        metrics = QFontMetrics(option.font)
        text_width = metrics.horizontalAdvance(total) + PADDING
        painter.setFont(option.font)
        painter.setPen(text_colour)
        painter.drawText(
            rect, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), total
        )
        line_rect = rect.adjusted(0, 0, -text_width, 0)
        if isinstance(weeks, list) and len(weeks) > 1 and line_rect.width() > 10:
            top = max(*weeks, 1)
            step = line_rect.width() / (len(weeks) - 1)
            points = [
                QPointF(
                    line_rect.left() + i * step,
                    line_rect.bottom() - line_rect.height() * (value / top),
                )
                for i, value in enumerate(weeks)
            ]
            colour = text_colour if selected else palette.color(QPalette.ColorRole.Highlight)
            painter.setRenderHint(QPainter.RenderHint.Antialiasing)
            painter.setPen(QPen(colour, 1.6))
            painter.drawPolyline(QPolygonF(points))
            painter.setBrush(colour)
            painter.setPen(Qt.PenStyle.NoPen)
            painter.drawEllipse(points[-1], 2.2, 2.2)
        painter.restore()
