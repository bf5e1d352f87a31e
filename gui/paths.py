"""Where the plain resource files live: beside the package, with no resource compiler."""

from __future__ import annotations

from pathlib import Path
from typing import Final

RESOURCES: Final = Path(__file__).resolve().parent.parent / "resources"
ICONS: Final = RESOURCES / "icons"
STYLES: Final = RESOURCES / "styles"
TRANSLATIONS: Final = RESOURCES / "translations"
FONTS: Final = RESOURCES / "fonts"
