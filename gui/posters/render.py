"""Posters onto paper, PDF and PNG: the pages of a job, painted by its layout.

Painting a PDF or a picture works on any thread, so long batches run in the background; a
QPrinter is the GUI thread's.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QMarginsF, QRectF, Qt
from PySide6.QtGui import QImage, QPagedPaintDevice, QPageLayout, QPainter, QPdfWriter
from PySide6.QtPrintSupport import QPrinter

from gui.posters.job import PosterJob
from gui.posters.layouts import MM_PER_INCH, PDF_RESOLUTION
from gui.posters.pages import PagePainter
from models.errors import ZhangguiError
from models.images import DETAIL_SIZE, PictureCache, PictureSession
from models.services.posters import PosterSubject

__all__ = [
    "PosterCancelled",
    "PosterJob",
    "PosterOutputError",
    "fetch_pictures",
    "page_image",
    "print_job",
    "write_pdf",
    "write_png",
]

Progress = Callable[[int, int], None]  # pages done, pages in all
Cancelled = Callable[[], bool]


class PosterOutputError(ZhangguiError):
    """The file could not be written (a missing folder, no permission, a full disk)."""


class PosterCancelled(ZhangguiError):
    """The owner stopped the batch; no file was left behind."""


def fetch_pictures(
    cache: PictureCache, subjects: Sequence[PosterSubject], size: int = DETAIL_SIZE
) -> dict[int, bytes | None]:
    """The subjects' product pictures all at once (for a print, painted on the GUI thread): the
    stored copy or fetched; None draws a placeholder."""
    wanted = list(dict.fromkeys(i for s in subjects for i in s.picture_ids))
    if not wanted:
        return {}
    with cache.session(size) as session:
        return session.take(wanted)


def _paint_all(
    job: PosterJob,
    device: QPagedPaintDevice,
    page: QRectF,
    progress: Progress | None,
    cancelled: Cancelled | None,
    *,
    pictures: PictureSession | None = None,
) -> None:
    pages = PagePainter(job, pictures)
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
    pictures: PictureSession | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> int:
    """The job as one PDF, written whole or not at all; returns its page count. Pictures the
    job does not hold come from ``pictures``, page by page."""
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
        _paint_all(job, writer, page, progress, cancelled, pictures=pictures)
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


def page_image(
    job: PosterJob,
    index: int = 0,
    *,
    width: int | None = None,
    pictures: PictureSession | None = None,
) -> QImage:
    """One page as a picture, at the layout's PNG size or scaled to ``width`` pixels."""
    return _page_picture(job, PagePainter(job, pictures, ahead=0), index, width)


def _page_picture(
    job: PosterJob, pages: PagePainter, index: int, width: int | None = None
) -> QImage:
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
    pages.paint(painter, QRectF(0, 0, w, h), index)
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
    pictures: PictureSession | None = None,
    progress: Progress | None = None,
    cancelled: Cancelled | None = None,
) -> list[Path]:
    """The job's pages as PNG pictures; returns the files written."""
    if not path.parent.is_dir():
        raise PosterOutputError(f"there is no folder {path.parent}")
    targets = png_paths(path, job.pages())
    painter = PagePainter(job, pictures)
    written: list[Path] = []
    try:
        for index, target in enumerate(targets):
            if cancelled is not None and cancelled():
                raise PosterCancelled("the batch was cancelled")
            # The format follows the name: keep ".png" last.
            partial = target.with_name(f".{target.stem}.{uuid.uuid4().hex}.partial.png")
            if not _page_picture(job, painter, index).save(str(partial)):
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
