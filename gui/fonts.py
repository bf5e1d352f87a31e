"""The interface font: a Simplified Chinese face first, the system's own after it.

Windows and macOS always have one (Microsoft YaHei, PingFang SC); a Linux desktop may have none,
so the packaged app carries Noto Sans CJK in ``resources/fonts`` and registers it only when the
system has no Chinese face of its own.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final

from PySide6.QtGui import QFont, QFontDatabase, QFontInfo, QRawFont
from PySide6.QtWidgets import QApplication

from gui.paths import FONTS

log = logging.getLogger(__name__)

# Simplified Chinese first: left to itself, fontconfig may draw Han characters in a Japanese face.
CHINESE_FONTS: Final = (
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
FONT_FILES: Final = ("*.ttf", "*.otf", "*.ttc")
SAMPLE: Final = "掌柜"


@dataclass(frozen=True)
class InterfaceFont:
    family: str  # the face Chinese text is drawn in
    shipped: bool  # True when it came with the app rather than the system
    draws_chinese: bool


def apply_interface_font(app: QApplication) -> InterfaceFont:
    """Set the application's font; says which face draws Chinese and where it came from."""
    system = set(QFontDatabase.families())
    shipped: set[str] = set()
    if not system.intersection(CHINESE_FONTS):
        shipped = register_shipped_fonts()
    font = app.font()
    font.setFamilies([*CHINESE_FONTS, font.family()])
    app.setFont(font)
    chosen = _probe(font)
    log.info(
        "Chinese text drawn with %s (%s)%s",
        chosen.family,
        "shipped with the app" if chosen.family in shipped else "the system's",
        "" if chosen.draws_chinese else ", which has no Chinese characters",
    )
    return InterfaceFont(chosen.family, chosen.family in shipped, chosen.draws_chinese)


def register_shipped_fonts() -> set[str]:
    """Register every font file in resources/fonts; the families they brought."""
    families: set[str] = set()
    if not FONTS.is_dir():
        return families
    for pattern in FONT_FILES:
        for path in sorted(FONTS.glob(pattern)):
            font_id = QFontDatabase.addApplicationFont(str(path))
            if font_id < 0:
                log.warning("the font file %s could not be loaded", path.name)
                continue
            families.update(QFontDatabase.applicationFontFamilies(font_id))
    return families


def _probe(font: QFont) -> InterfaceFont:
    family = QFontInfo(font).family()
    raw = QRawFont.fromFont(font)
    draws = raw.isValid() and all(raw.supportsCharacter(c) for c in SAMPLE)
    return InterfaceFont(family, False, draws)
