"""Painting a job page by page: each page's pictures are asked for a few pages ahead, decoded
for that page only, and let go once no later page shows them, so that a batch of a thousand
labels holds a handful of pictures at a time rather than all of them."""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QRectF, Qt
from PySide6.QtGui import QImage, QPainter

from gui.posters.compose import paint_label, paint_poster
from gui.posters.job import PosterJob
from gui.posters.painting import Drawn
from gui.posters.words import PosterWords, poster_words
from models.images import PictureSession
from models.services.posters import qr_modules

# Pictures on their way while a page is drawn: enough to keep the fetchers busy, few enough
# that memory does not follow the size of the batch.
AHEAD_PICTURES: Final = 24


class PagePainter:
    def __init__(
        self, job: PosterJob, session: PictureSession | None = None, ahead: int = AHEAD_PICTURES
    ) -> None:
        self.job = job
        self._ahead = ahead
        self.words: PosterWords = poster_words(job.language)
        self._session = session
        self._last_use: dict[int, int] = {}
        for page in range(job.pages()):
            for product_id in job.picture_ids(page):
                self._last_use[product_id] = page
        self._asked_through = -1  # the last page whose pictures were asked for

    def paint(self, painter: QPainter, page: QRectF, index: int) -> None:
        job, paper, show = self.job, self.job.paper, self.job.show_commission
        pictures = self._pictures(index)
        painter.fillRect(page, Qt.GlobalColor.white)
        chosen = job.subjects_on(index)
        if paper.per_page == 1:
            for i in chosen:
                paint_poster(painter, page, self._drawn(i, pictures), show, self.words)
        else:
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
                paint_label(painter, cell, self._drawn(i, pictures), show, self.words)
        self._release(index)

    def _drawn(self, index: int, pictures: dict[int, QImage | None]) -> Drawn:
        subject = self.job.subjects[index]
        shown = tuple(p for p in (pictures.get(i) for i in subject.picture_ids) if p is not None)
        return Drawn(subject, shown, qr_modules(subject.link))

    def _pictures(self, index: int) -> dict[int, QImage | None]:
        wanted = self.job.picture_ids(index)
        found: dict[int, bytes | None] = {i: self.job.pictures.get(i) for i in wanted}
        if self._session is not None:
            self._ask_ahead(index)
            missing = [i for i in wanted if found[i] is None]
            found.update(self._session.take(missing))
        return {i: _decoded(data) for i, data in found.items()}

    def _ask_ahead(self, index: int) -> None:
        assert self._session is not None
        page = max(index, self._asked_through + 1)
        while page < self.job.pages() and (page <= index or self._session.held() < self._ahead):
            self._session.ask(i for i in self.job.picture_ids(page) if i not in self.job.pictures)
            self._asked_through = page
            page += 1

    def _release(self, index: int) -> None:
        if self._session is not None:
            done = [i for i in self.job.picture_ids(index) if self._last_use.get(i) == index]
            self._session.forget(done)


def _decoded(data: bytes | None) -> QImage | None:
    if not data:
        return None
    image = QImage.fromData(data)
    return None if image.isNull() else image
