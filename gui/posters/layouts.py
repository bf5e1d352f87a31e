"""The poster layouts: their paper, their picture size, and how many subjects share a page."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final

from PySide6.QtCore import QCoreApplication, QSizeF
from PySide6.QtGui import QPageSize

from models import wire

PDF_RESOLUTION: Final = 300  # dots per inch of the PDF's device; text and QR stay vector anyway
PNG_RESOLUTION: Final = 150  # a printed PNG of A4 at 150 dpi is sharp enough and stays small
MM_PER_INCH: Final = 25.4


@dataclass(frozen=True)
class Layout:
    key: wire.PosterLayout
    width_mm: float
    height_mm: float
    columns: int = 1
    rows: int = 1
    sheet_margin_mm: float = 0.0  # labels: room the printer cannot reach
    png_size: tuple[int, int] | None = None  # a fixed picture size; else from PNG_RESOLUTION

    @property
    def per_page(self) -> int:
        return self.columns * self.rows

    def pages(self, subjects: int) -> int:
        return max(1, -(-subjects // self.per_page))

    def page_size(self) -> QPageSize:
        return QPageSize(QSizeF(self.width_mm, self.height_mm), QPageSize.Unit.Millimeter)

    def png_pixels(self) -> tuple[int, int]:
        if self.png_size is not None:
            return self.png_size
        dots = PNG_RESOLUTION / MM_PER_INCH
        return round(self.width_mm * dots), round(self.height_mm * dots)

    def name(self) -> str:
        names = {
            "a4": QCoreApplication.translate("posters", "A4 poster"),
            "a5": QCoreApplication.translate("posters", "A5 table tent"),
            "share": QCoreApplication.translate("posters", "Share image 1080×1920"),
            "labels": QCoreApplication.translate("posters", "Label sheet (A4, 8 per page)"),
        }
        return names[self.key]


LAYOUTS: Final[dict[wire.PosterLayout, Layout]] = {
    "a4": Layout("a4", 210, 297),
    "a5": Layout("a5", 148, 210),
    # A phone screen's picture; as PDF, a page of the same shape.
    "share": Layout("share", 90, 160, png_size=(1080, 1920)),
    "labels": Layout("labels", 210, 297, columns=2, rows=4, sheet_margin_mm=6),
}
