"""Product pictures for the catalogue's views: from memory at once, else loaded in the background.

A view paints only what is on screen, so the pictures asked for are the ones the owner sees. They
queue newest first, are fetched and decoded a few at a time in the task pool (never on the GUI
thread), and arrive by signal; until then, and when a picture cannot be had, the view shows a
drawn placeholder. Memory holds the few hundred most recently shown pictures.
"""

from __future__ import annotations

import logging
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QElapsedTimer, QObject, QRectF, QSize, Qt, QTimer, Signal
from PySide6.QtGui import (
    QGuiApplication,
    QIcon,
    QImage,
    QPainter,
    QPainterPath,
    QPalette,
    QPixmap,
)

from gui import tasks
from gui.icons import icon
from models.images import DETAIL_SIZE, GRID_SIZE, PictureCache

log = logging.getLogger(__name__)

BATCH: Final = 6
MAX_BATCHES: Final = 2
MAX_WANTED: Final = 120
MAX_KEPT: Final = 300
RETRY_AFTER_SECONDS: Final = 60.0
SETTLE_MS: Final = 80


@dataclass(frozen=True)
class Decoded:
    """A batch's outcome: pictures ready to show, and the ids the platform had none for."""

    images: dict[int, QImage]
    missing: list[int]


class PictureLoader(QObject):
    arrived = Signal(int)  # a product whose picture is now in memory

    def __init__(self, cache: PictureCache, side: int, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._cache = cache
        self._side = side
        self._ratio = _device_ratio()
        self._fetch_size = DETAIL_SIZE if side * self._ratio > GRID_SIZE else GRID_SIZE
        self._pixmaps: OrderedDict[int, QPixmap] = OrderedDict()
        self._wanted: OrderedDict[int, None] = OrderedDict()
        self._loading: set[int] = set()
        self._failed: dict[int, float] = {}
        self._batches: list[tasks.Task[Decoded]] = []
        self._placeholders: dict[tuple[int, str], QPixmap] = {}
        # Pictures are fetched once the view has been still a moment: pictures of rows flying
        # past are never fetched, and the workers stay out of the GUI thread's way (and off the
        # interpreter's lock) while it paints a fast scroll.
        self._settle = QTimer(self)
        self._settle.setSingleShot(True)
        self._settle.timeout.connect(self._pump)
        self._since_wish = QElapsedTimer()
        self._since_wish.start()

    @property
    def side(self) -> int:
        return self._side

    def pixmap(self, product_id: int) -> QPixmap | None:
        """The picture when it is in memory; otherwise None, and it is on its way."""
        found = self._pixmaps.get(product_id)
        if found is not None:
            self._pixmaps.move_to_end(product_id)
            return found
        failed_at = self._failed.get(product_id)
        if failed_at is not None and time.monotonic() - failed_at < RETRY_AFTER_SECONDS:
            return None
        if product_id in self._wanted:
            self._wanted.move_to_end(product_id)  # asked again: the view has not moved
        elif product_id not in self._loading:
            self._wanted[product_id] = None
            while len(self._wanted) > MAX_WANTED:
                self._wanted.popitem(last=False)
            self._soon()
        return None

    def placeholder(self) -> QPixmap:
        """A drawn stand-in in the palette's colours, for light and dark alike."""
        palette = QGuiApplication.palette()
        key = (self._side, palette.color(QPalette.ColorRole.Base).name())
        found = self._placeholders.get(key)
        if found is None:
            found = self._placeholders[key] = _draw_placeholder(self._side, self._ratio)
        return found

    def retry(self) -> None:
        """Ask again for pictures that could not be had (after a sync or a new sign-in)."""
        self._failed.clear()
        self._cache.forget_source()

    def cancel(self) -> None:
        """Forget what was asked for; batches under way stop after their current picture."""
        self._wanted.clear()
        self._settle.stop()
        for task in self._batches:
            task.cancel()

    def busy(self) -> bool:
        """Whether pictures are on their way or about to be asked for."""
        return bool(self._batches or self._wanted or self._settle.isActive())

    # --- loading -------------------------------------------------------------------------

    def _soon(self) -> None:
        self._since_wish.restart()
        self._settle.start(SETTLE_MS)

    def _pump(self) -> None:
        while self._wanted and len(self._batches) < MAX_BATCHES:
            batch: list[int] = []
            while self._wanted and len(batch) < BATCH:
                batch.append(self._wanted.popitem(last=True)[0])
            self._loading.update(batch)
            self._start(batch)

    def _start(self, batch: list[int]) -> None:
        cache, size, side, ratio = self._cache, self._fetch_size, self._side, self._ratio

        def load(control: tasks.Control) -> Decoded:
            found = cache.pictures(batch, size, cancelled=control.cancelled)
            images: dict[int, QImage] = {}
            missing: list[int] = []
            for product_id, data in found.items():
                image = _decoded(data, side, ratio) if data else None
                if image is None:
                    missing.append(product_id)
                else:
                    images[product_id] = image
            return Decoded(images, missing)

        task = tasks.run_controlled(load, name="catalogue.pictures")
        self._batches.append(task)
        task.then(self._on_batch_finished, self._on_batch_failed)
        task.done.connect(lambda: self._on_batch_done(task, batch))

    def _on_batch_finished(self, decoded: Decoded) -> None:
        now = time.monotonic()
        for product_id in decoded.missing:
            self._failed[product_id] = now
        for product_id, image in decoded.images.items():
            self._pixmaps[product_id] = QPixmap.fromImage(image)
            self._pixmaps.move_to_end(product_id)
            self.arrived.emit(product_id)
        while len(self._pixmaps) > MAX_KEPT:
            self._pixmaps.popitem(last=False)

    def _on_batch_failed(self, error: Exception) -> None:
        log.warning("pictures could not be loaded: %s", error)

    def _on_batch_done(self, task: tasks.Task[Decoded], batch: list[int]) -> None:
        self._loading.difference_update(batch)
        if task in self._batches:
            self._batches.remove(task)
        still = self._since_wish.elapsed()
        if still >= SETTLE_MS:
            self._pump()
        elif self._wanted:
            self._settle.start(SETTLE_MS - still)


def _device_ratio() -> float:
    screen = QGuiApplication.primaryScreen()
    return float(screen.devicePixelRatio()) if screen is not None else 1.0


def _decoded(data: bytes, side: int, ratio: float) -> QImage | None:
    """Decode and scale in the worker, so the GUI thread only wraps the result."""
    image = QImage.fromData(data)
    if image.isNull():
        return None
    pixels = round(side * ratio)
    scaled = image.scaled(
        QSize(pixels, pixels),
        Qt.AspectRatioMode.KeepAspectRatio,
        Qt.TransformationMode.SmoothTransformation,
    )
    # Rounded here, once, rather than clipped on every paint.
    rounded = QImage(scaled.size(), QImage.Format.Format_ARGB32_Premultiplied)
    rounded.fill(Qt.GlobalColor.transparent)
    painter = QPainter(rounded)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QPainterPath()
    radius = pixels / 16
    frame.addRoundedRect(QRectF(0, 0, scaled.width(), scaled.height()), radius, radius)
    painter.setClipPath(frame)
    painter.drawImage(0, 0, scaled)
    painter.end()
    rounded.setDevicePixelRatio(ratio)
    return rounded


def _draw_placeholder(side: int, ratio: float) -> QPixmap:
    palette = QGuiApplication.palette()
    pixmap = QPixmap(QSize(round(side * ratio), round(side * ratio)))
    pixmap.setDevicePixelRatio(ratio)
    pixmap.fill(Qt.GlobalColor.transparent)
    painter = QPainter(pixmap)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    frame = QPainterPath()
    frame.addRoundedRect(QRectF(0, 0, side, side), side / 16, side / 16)
    painter.fillPath(frame, palette.color(QPalette.ColorRole.AlternateBase))
    mark = round(side * 0.36)
    offset = (side - mark) // 2
    icon("catalogue").paint(
        painter, offset, offset, mark, mark, Qt.AlignmentFlag.AlignCenter, QIcon.Mode.Disabled
    )
    painter.end()
    return pixmap
