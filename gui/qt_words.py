"""Qt's own words that the qtbase catalogue shipped with this Qt leaves in English.

Qt reworded a few labels of its dialogs ("&Look in:" in the file dialog, "Page &Set:" in the
print dialog …) after its Chinese catalogue was last brought up to date, so a Chinese desk shows
them in English. Our catalogue holds their Chinese under the context "qt" (the marks below let the
translation tools find them); a small translator answers Qt's own contexts from it. It answers
nothing else, so whatever qtbase does translate stays qtbase's.
"""

from __future__ import annotations

from typing import Final

from PySide6.QtCore import QT_TRANSLATE_NOOP, QObject, QTranslator

CONTEXT: Final = "qt"
# (Qt's context, Qt's source) for each word qtbase leaves untranslated.
GAPS: Final[frozenset[tuple[str, str]]] = frozenset(
    {
        ("QFileDialog", str(QT_TRANSLATE_NOOP("qt", "&Look in:"))),
        ("QFileDialog", str(QT_TRANSLATE_NOOP("qt", "Files of &type:"))),
        ("QAbstractFileIconProvider", str(QT_TRANSLATE_NOOP("qt", "Folder"))),
        ("QPrintSettingsOutput", str(QT_TRANSLATE_NOOP("qt", "Page &Set:"))),
        ("QPageSetupWidget", str(QT_TRANSLATE_NOOP("qt", "Page &order:"))),
        ("QPageSetupWidget", str(QT_TRANSLATE_NOOP("qt", "Pages &per sheet:"))),
    }
)
_CONTEXTS: Final = frozenset(context for context, _source in GAPS)


class QtGaps(QTranslator):
    """Answers Qt's untranslated words from our catalogue; None (no answer) for all else."""

    def __init__(self, ours: QTranslator, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ours = ours

    def translate(
        self,
        context: str,
        source: str,
        disambiguation: str | None = None,
        n: int = -1,
    ) -> str | None:
        # Asked for every string the app shows: the common case leaves at once.
        if context not in _CONTEXTS or (context, source) not in GAPS:
            return None  # a null string: Qt asks the next translator
        return self._ours.translate(CONTEXT, source) or None

    def isEmpty(self) -> bool:
        return False
