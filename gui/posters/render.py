"""Posters onto paper, PDF and PNG: the pages of a job, painted by its layout.

Painting a PDF or a picture works on any thread, so long batches run in the background; a
QPrinter is the GUI thread's.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPagedPaintDevice, QPageLayout, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from gui.posters.compose import paint_label, paint_poster
from gui.posters.layouts import LAYOUTS, MM_PER_INCH, PDF_RESOLUTION, Layout
from gui.posters.painting import Drawn
from models import wire
from models.errors import ZhangguiError
from models.images import PictureCache
from models.services.posters import PosterSubject, qr_modules

Progress = Callable[[int, int], None]  # pages done, pages in all
Cancelled = Callable[[], bool]


class PosterOutputError(ZhangguiError):
    """The file could not be written (a missing folder, no permission, a full disk)."""


class PosterCancelled(ZhangguiError):
    """The owner stopped the batch; no file was left behind."""


@dataclass(frozen=True)
class PosterJob:
    subjects: tuple[PosterSubject, ...]
    layout: wire.PosterLayout
    show_commission: bool = False
    pictures: Mapping[int, bytes | None] = field(default_factory=dict)

    @property
    def paper(self) -> Layout:
        return LAYOUTS[self.layout]

    def pages(self) -> int:
        return self.paper.pages(len(self.subjects))


def fetch_pictures(
    cache: PictureCache, subjects: Sequence[PosterSubject]
) -> dict[int, bytes | None]:
    """The subjects' product pictures: the stored copy or fetched; None draws a placeholder."""
    wanted = list(dict.fromkeys(i for s in subjects for i in s.picture_ids))
    return cache.pictures(wanted, size=480) if wanted else {}


class _Pages:
    """A job's subjects decoded once (pictures, QR modules) and painted page by page."""

    def __init__(self, job: PosterJob) -> None:
        self.job = job
        self._drawn: dict[int, Drawn] = {}
        self._pictures: dict[int, QImage | None] = {}

    def _of(self, index: int) -> Drawn:
        found = self._drawn.get(index)
        if found is None:
            subject = self.job.subjects[index]
            pictures = (self._picture(i) for i in subject.picture_ids)
            shown = tuple(p for p in pictures if p is not None)
            found = Drawn(subject, shown, qr_modules(subject.link))
            self._drawn[index] = found
        return found

    def _picture(self, product_id: int) -> QImage | None:
        if product_id not in self._pictures:
            data = self.job.pictures.get(product_id)
            image = QImage.fromData(data) if data else QImage()
            self._pictures[product_id] = None if image.isNull() else image
        return self._pictures[product_id]

    def paint(self, painter: QPainter, page: QRectF, index: int) -> None:
        paper = self.job.paper
        show = self.job.show_commission
        painter.fillRect(page, Qt.GlobalColor.white)
        first = index * paper.per_page
        chosen = range(first, min(first + paper.per_page, len(self.job.subjects)))
        if paper.per_page == 1:
            for i in chosen:
                paint_poster(painter, page, self._of(i), show)
            return
        dots = page.width() / paper.width_mm
        margin = paper.sheet_margin_mm * dots
        cell_w = (page.width() - 2 * margin) / paper.columns
        cell_h = (page.height() - 2 * margin) / paper.rows
        for n, i in enumerate(chosen):
            row, column = divmod(n, paper.columns)
            cell = QRectF(
                page.left() + margin + column * cell_w,
                page.top() + margin + row * cell_h,
                cell_w,
                cell_h,
            )
            paint_label(painter, cell, self._of(i), show)


def _paint_all(
    job: PosterJob,
    device: QPagedPaintDevice,
    page: QRectF,
    progress: Progress | None,
    cancelled: Cancelled | None,
) -> None:
    pages = _Pages(job)
    total = job.pages()
    painter = QPainter()
    if not painter.begin(device):
        raise PosterOutputError("the output could not be opened for drawing")
    try:
        painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
        painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
        for index in range(total):
            if cancelled is not None and cancelled():
                raise PosterCancelled("the batch was cancelled")
            if index and not device.newPage():
                raise PosterOutputError("the output refused another page")
            pages.paint(painter, page, index)
            if progress is not None:
                progress(index + 1, total)
    finally:
        painter.end()


def write_pdf(
    job: PosterJob,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """The job as one PDF, written whole or not at all; returns its page count."""
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    if not path.parent.is_dir():
        raise PosterOutputError(f"there is no folder {path.parent}")
    writer = QPdfWriter(str(partial))
    writer.setCreator("Zhanggui")
    writer.setTitle(job.subjects[0].title if job.subjects else "")
    writer.setResolution(PDF_RESOLUTION)
    writer.setPageLayout(
        QPageLayout(job.paper.page_size(), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    dots = PDF_RESOLUTION / MM_PER_INCH
    page = QRectF(0, 0, job.paper.width_mm * dots, job.paper.height_mm * dots)
    try:
        _paint_all(job, writer, page, progress, cancelled)
        del writer  # the file is complete only once the writer is gone
        os.replace(partial, path)
    except OSError as error:
        partial.unlink(missing_ok=True)
        raise PosterOutputError(f"cannot write {path}: {error.strerror}") from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
    if not path.exists() or path.stat().st_size == 0:
        raise PosterOutputError(f"cannot write {path}")
    return job.pages()


def page_image(job: PosterJob, index: int = 0, *, width: int | None = None) -> QImage:
    """One page as a picture, at the layout's PNG size or scaled to ``width`` pixels."""
    w, h = job.paper.png_pixels()
    if width is not None:
        w, h = width, round(h * width / w)
    image = QImage(w, h, QImage.Format.Format_RGB32)
    image.setDotsPerMeterX(round(w / job.paper.width_mm * 1000))
    image.setDotsPerMeterY(round(h / job.paper.height_mm * 1000))
    image.fill(Qt.GlobalColor.white)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing, True)
    painter.setRenderHint(QPainter.RenderHint.TextAntialiasing, True)
    _Pages(job).paint(painter, QRectF(0, 0, w, h), index)
    painter.end()
    return image


def png_paths(path: Path, pages: int) -> list[Path]:
    """One file for one page; ``name-1.png``, ``name-2.png`` … for more."""
    if pages == 1:
        return [path]
    return [path.with_name(f"{path.stem}-{n}{path.suffix}") for n in range(1, pages + 1)]


def write_png(
    job: PosterJob,
    path: Path,
    *,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Path]:
    """The job's pages as PNG pictures; returns the files written."""
    if not path.parent.is_dir():
        raise PosterOutputError(f"there is no folder {path.parent}")
    targets = png_paths(path, job.pages())
    written: list[Path] = []
    try:
        for index, target in enumerate(targets):
            if cancelled is not None and cancelled():
                raise PosterCancelled("the batch was cancelled")
            # The format follows the name: keep ".png" last.
            partial = target.with_name(f".{target.stem}.{uuid.uuid4().hex}.partial.png")
            if not page_image(job, index).save(str(partial)):
                partial.unlink(missing_ok=True)
                raise PosterOutputError(f"cannot write {target}")
            os.replace(partial, target)
            written.append(target)
            if progress is not None:
                progress(index + 1, len(targets))
    except OSError as error:
        raise PosterOutputError(f"cannot write {path}: {error.strerror}") from error
    except PosterCancelled:
        for done in written:
            done.unlink(missing_ok=True)
        raise
    return written


def print_job(job: PosterJob, printer: QPrinter) -> None:
    """Paint the job on a printer (or its preview); on the GUI thread only."""
    printer.setFullPage(True)
    printer.setPageLayout(
        QPageLayout(job.paper.page_size(), QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0))
    )
    page = printer.paperRect(QPrinter.Unit.DevicePixel)
    _paint_all(job, printer, QRectF(0, 0, page.width(), page.height()), None, None)
