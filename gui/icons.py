"""Icons from resources/icons, drawn in the palette's colours so they read in light and dark.

An icon's SVG draws with ``currentColor``; each time the icon is painted, that becomes the
palette's text colour of the moment (the highlighted text colour for a selected item), so a
switch between light and dark needs no reload.
"""

from __future__ import annotations

import functools

from PySide6.QtCore import QByteArray, QPoint, QRect, QRectF, QSize, Qt
from PySide6.QtGui import QGuiApplication, QIcon, QIconEngine, QPainter, QPalette, QPixmap
from PySide6.QtSvg import QSvgRenderer

from gui.paths import ICONS

APP_ICON = "zhanggui"


class _PaletteSvgEngine(QIconEngine):
    def __init__(self, source: bytes) -> None:
        super().__init__()
        self._source = source

    def paint(self, painter: QPainter, rect: QRect, mode: QIcon.Mode, state: QIcon.State) -> None:
        _renderer(self._source, _colour_for(mode)).render(painter, QRectF(rect))

    def pixmap(self, size: QSize, mode: QIcon.Mode, state: QIcon.State) -> QPixmap:
        return self.scaledPixmap(size, mode, state, 1.0)

    def scaledPixmap(
        self, size: QSize, mode: QIcon.Mode, state: QIcon.State, scale: float
    ) -> QPixmap:
        pixmap = QPixmap(size * scale)
        pixmap.fill(Qt.GlobalColor.transparent)
        painter = QPainter(pixmap)
        self.paint(painter, QRect(QPoint(0, 0), size * scale), mode, state)
        painter.end()
        pixmap.setDevicePixelRatio(scale)
        return pixmap

    def clone(self) -> QIconEngine:
        return _PaletteSvgEngine(self._source)


def _colour_for(mode: QIcon.Mode) -> str:
    palette = QGuiApplication.palette()
    if mode == QIcon.Mode.Disabled:
        return palette.color(QPalette.ColorGroup.Disabled, QPalette.ColorRole.WindowText).name()
    if mode == QIcon.Mode.Selected:
        return palette.color(QPalette.ColorRole.HighlightedText).name()
    return palette.color(QPalette.ColorRole.WindowText).name()


@functools.lru_cache(maxsize=64)
def _renderer(source: bytes, colour: str) -> QSvgRenderer:
    return QSvgRenderer(QByteArray(source.replace(b"currentColor", colour.encode())))


@functools.lru_cache(maxsize=32)
def _source(name: str) -> bytes:
    return (ICONS / f"{name}.svg").read_bytes()


def icon(name: str) -> QIcon:
    """The icon ``resources/icons/<name>.svg``."""
    return QIcon(_PaletteSvgEngine(_source(name)))


def app_icon() -> QIcon:
    return icon(APP_ICON)
