"""The interface language: our translations and Qt's own, chosen once at start."""

from __future__ import annotations

import logging

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from gui.paths import TRANSLATIONS
from gui.qt_words import QtGaps

log = logging.getLogger(__name__)

CHINESE = "zh_CN"
ENGLISH = "en"
DOMAIN = "zhanggui"

_installed: list[QTranslator] = []


def choose_language(requested: str | None, system: str | None = None) -> str:
    """zh_CN for any Chinese (asked for, else the system's), English otherwise."""
    name = requested or system or QLocale.system().name()
    return CHINESE if name.lower().replace("-", "_").startswith("zh") else ENGLISH


def install(app: QCoreApplication, requested: str | None = None) -> str:
    """Install the translators for the chosen language; returns the language."""
    remove(app)
    language = choose_language(requested)
    QLocale.setDefault(QLocale(CHINESE if language == CHINESE else "en_US"))
    # English source strings need only their plural forms, which zhanggui_en.qm holds.
    ours = _load(app, DOMAIN, language, TRANSLATIONS.as_posix())
    if language == CHINESE:
        # Qt's own dialogs (file, print, progress, message boxes) from the catalogue that
        # ships with PySide6, and the few words it lacks from ours.
        qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
        _load(app, "qtbase", language, qt_folder)
        if ours is not None:
            gaps = QtGaps(ours, app)
            app.installTranslator(gaps)
            _installed.append(gaps)
    return language


def remove(app: QCoreApplication) -> None:
    while _installed:
        app.removeTranslator(_installed.pop())
    QLocale.setDefault(QLocale.system())


def _load(app: QCoreApplication, domain: str, language: str, folder: str) -> QTranslator | None:
    translator = QTranslator(app)
    if translator.load(f"{domain}_{language}", folder):
        app.installTranslator(translator)
        _installed.append(translator)
        return translator
    log.info("no %s translation for %s in %s", domain, language, folder)
    return None
