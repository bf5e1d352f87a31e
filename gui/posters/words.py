"""The words a poster prints, in the poster's own language rather than the interface's.

A shop in China prints Chinese posters for its customers even when its owner reads the desk in
English, so the poster's words are looked up in the chosen language's catalogue directly. The
sources are marked with ``QT_TRANSLATE_NOOP`` in the "posters" context where they are used, so
that the translation tools still find them.
"""

from __future__ import annotations

import logging
import threading
from functools import cache
from typing import Final

from PySide6.QtCore import QDateTime, QLocale, QTranslator

from gui.i18n import CHINESE, DOMAIN, ENGLISH
from gui.paths import TRANSLATIONS
from models.services import posters

log = logging.getLogger(__name__)

CONTEXT: Final = "posters"
POSTER_LANGUAGES: Final = posters.POSTER_LANGUAGES
_loading = threading.Lock()


class PosterWords:
    """Translations and the locale of one poster language; safe to read from any thread."""

    def __init__(self, language: str) -> None:
        self.language = language if language in POSTER_LANGUAGES else CHINESE
        self.locale = QLocale(CHINESE if self.language == CHINESE else "en_US")
        self._translator: QTranslator | None = None
        if self.language != ENGLISH:  # the sources are English
            translator = QTranslator()
            if translator.load(f"{DOMAIN}_{self.language}", TRANSLATIONS.as_posix()):
                self._translator = translator
            else:
                log.warning("no poster words for %s in %s", self.language, TRANSLATIONS)

    def __call__(self, marked: object) -> str:
        """The translation of a source marked with ``QT_TRANSLATE_NOOP("posters", …)``."""
        source = str(marked)
        if self._translator is None:
            return source
        return self._translator.translate(CONTEXT, source) or source

    def moment(self, seconds: int, pattern: object) -> str:
        """A moment in the computer's zone, by a pattern of this language."""
        return self.locale.toString(QDateTime.fromSecsSinceEpoch(seconds), self(pattern))


@cache
def _words(language: str) -> PosterWords:
    return PosterWords(language)


def poster_words(language: str) -> PosterWords:
    with _loading:
        return _words(language)


def language_name(language: str) -> str:
    """The language as its speakers write it: 简体中文, English."""
    if language == ENGLISH:
        return QLocale(QLocale.Language.English).nativeLanguageName().removeprefix("American ")
    return QLocale(language).nativeLanguageName()
