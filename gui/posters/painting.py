"""What every poster draws: text in the shop's Chinese font, the QR code, the picture."""

from __future__ import annotations

import math
from dataclasses import dataclass
from functools import cache

from PySide6.QtCore import QPointF, QRectF, Qt
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetricsF,
    QImage,
    QPainter,
    QPainterPath,
    QTextLayout,
)

from gui.fonts import CHINESE_FONTS
from models.services.posters import PosterSubject

ACCENT = QColor("#d7263d")  # the shop red of price tags
INK = QColor("#222222")
MUTED = QColor("#6b6b6b")
PANEL = QColor("#fbeef0")
QUIET_ZONE = 4  # modules of white around a QR code, as the standard asks


@dataclass(frozen=True)
class Drawn:
    """A subject with what drawing it needs, prepared once: the picture and the QR modules."""

    subject: PosterSubject
    pictures: tuple[QImage, ...]
    modules: tuple[tuple[bool, ...], ...]


@dataclass(frozen=True)
class Ink:
    font: QFont
    colour: QColor


@cache
def font_families() -> tuple[str, ...]:
    return (*CHINESE_FONTS, QFont().defaultFamily())


def poster_font(pixels: float, *, bold: bool = False) -> QFont:
    """The app's Simplified Chinese face, so that a PDF on another computer shows the same."""
    font = QFont()
    font.setFamilies(list(font_families()))
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


def draw_text(
    painter: QPainter,
    top_left: QPointF,
    width: float,
    text: str,
    ink: Ink,
    *,
    max_lines: int = 1,
    centred: bool = False,
) -> float:
    """``text`` wrapped to ``width`` in at most ``max_lines`` (the last one elided); returns the
    height drawn."""
    if not text or width <= 0:
        return 0.0
    font = ink.font
    metrics = QFontMetricsF(font, painter.device())
    painter.save()
    painter.setFont(font)
    lines = _wrapped(text, painter, width, max_lines, metrics)
    painter.setPen(ink.colour)
    y = top_left.y()
    for line in lines:
        x = top_left.x()
        if centred:
            x += (width - metrics.horizontalAdvance(line)) / 2
        painter.drawText(QPointF(x, y + metrics.ascent()), line)
        y += metrics.lineSpacing()
    painter.restore()
    return y - top_left.y()


def text_height(painter: QPainter, font: QFont, lines: int) -> float:
    return QFontMetricsF(font, painter.device()).lineSpacing() * lines


def _wrapped(
    text: str, painter: QPainter, width: float, max_lines: int, metrics: QFontMetricsF
) -> list[str]:
    text = " ".join(text.split())
    layout = QTextLayout(text, painter.font(), painter.device())
    lines: list[str] = []
    layout.beginLayout()
    while True:
        line = layout.createLine()
        if not line.isValid():
            break
        line.setLineWidth(width)
        if len(lines) == max_lines - 1:
            rest = text[line.textStart() :]
            lines.append(metrics.elidedText(rest, Qt.TextElideMode.ElideRight, width))
            break
        lines.append(text[line.textStart() : line.textStart() + line.textLength()].rstrip())
    layout.endLayout()
    return lines


def draw_qr(painter: QPainter, area: QRectF, modules: tuple[tuple[bool, ...], ...]) -> QRectF:
    """The code as large as fits in ``area``, centred, with its quiet zone; returns its square.

    On a picture each module is a whole number of pixels, so that scanners see sharp edges.
    """
    size = len(modules) + 2 * QUIET_ZONE
    unit = min(area.width(), area.height()) / size
    if isinstance(painter.device(), QImage):
        unit = max(1.0, math.floor(unit))
    side = unit * size
    left = round(area.center().x() - side / 2) if unit >= 1 else area.center().x() - side / 2
    top = round(area.center().y() - side / 2) if unit >= 1 else area.center().y() - side / 2
    square = QRectF(left, top, side, side)
    path = QPainterPath()
    path.setFillRule(Qt.FillRule.WindingFill)
    for r, row in enumerate(modules):
        c = 0
        while c < len(row):
            if not row[c]:
                c += 1
                continue
            run = c
            while run < len(row) and row[run]:
                run += 1
            x = left + (QUIET_ZONE + c) * unit
            y = top + (QUIET_ZONE + r) * unit
            path.addRect(QRectF(x, y, (run - c) * unit, unit))
            c = run
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, False)
    painter.fillRect(square, Qt.GlobalColor.white)
    painter.fillPath(path, Qt.GlobalColor.black)
    painter.restore()
    return square


def draw_pictures(
    painter: QPainter, area: QRectF, pictures: tuple[QImage, ...], initial: str
) -> None:
    """One picture fitted into ``area``, or up to four in a square of two by two; without any, a
    panel with ``initial``."""
    painter.save()
    painter.setRenderHint(QPainter.RenderHint.SmoothPixmapTransform, True)
    if len(pictures) == 1:
        _fit(painter, area, pictures[0])
    elif pictures:
        gap = area.width() * 0.02
        side = (area.width() - gap) / 2
        for n, picture in enumerate(pictures[:4]):
            row, column = divmod(n, 2)
            cell = QRectF(
                area.left() + column * (side + gap), area.top() + row * (side + gap), side, side
            )
            _fit(painter, cell, picture)
    else:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setPen(Qt.PenStyle.NoPen)
        painter.setBrush(PANEL)
        radius = area.width() * 0.04
        painter.drawRoundedRect(area, radius, radius)
        if initial:
            painter.setFont(poster_font(area.height() * 0.42, bold=True))
            painter.setPen(ACCENT)
            painter.drawText(area, Qt.AlignmentFlag.AlignCenter, initial[:1])
    painter.restore()


def _fit(painter: QPainter, area: QRectF, picture: QImage) -> None:
    scale = min(area.width() / picture.width(), area.height() / picture.height())
    w, h = picture.width() * scale, picture.height() * scale
    painter.drawImage(QRectF(area.center().x() - w / 2, area.center().y() - h / 2, w, h), picture)
