"""The window of the first second: shown before anything is loaded, it says what the start is
doing while the rest of the app loads behind it.

It imports nothing of the shop's own (no database, no workspaces), so that it appears as soon as
Qt runs; the main window takes its place and its size once it is built.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, QSettings, Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QShowEvent
from PySide6.QtWidgets import QLabel, QProgressBar, QVBoxLayout, QWidget

log = logging.getLogger(__name__)

T = TypeVar("T")
# Where the main window keeps its geometry: the starting window opens where it will be.
SETTINGS_GEOMETRY = "main_window/geometry"
WIDTH, HEIGHT = 1280, 740
POLL_MS = 15


class StartingWindow(QWidget):
    """A window with the app's name, what the start is doing, and how far it got."""

    closed = Signal()  # the owner closed it: the start ends
    said = Signal(str)  # the words it shows now

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("starting")
        self.setWindowTitle(self.tr("Zhanggui"))
        self._closed_by_owner = False
        self._taken_over = False
        self._name = QLabel(self.tr("Zhanggui"))
        font = self._name.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * 2)
        font.setBold(True)
        self._name.setFont(font)
        self._name.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._words = QLabel(self.tr("Starting…"))
        self._words.setObjectName("starting_words")
        self._words.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self._words.setWordWrap(True)
        self._bar = QProgressBar()
        self._bar.setObjectName("starting_progress")
        self._bar.setRange(0, 0)
        self._bar.setTextVisible(False)
        self._bar.setFixedWidth(320)
        layout = QVBoxLayout(self)
        layout.addStretch(1)
        layout.addWidget(self._name)
        layout.addWidget(self._words)
        layout.addWidget(self._bar, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addStretch(2)
        geometry = QSettings().value(SETTINGS_GEOMETRY)
        if geometry is None or not self.restoreGeometry(geometry):
            self.resize(WIDTH, HEIGHT)
        # Words from the thread of ``wait_for``, shown at its next look.
        self._reported: str | None = None

    def say(self, words: str, done: int = 0, total: int = 0) -> None:
        """What the start does now; ``done`` of ``total`` when it can count, else busy."""
        self._words.setText(words)
        self.said.emit(words)
        self._bar.setRange(0, max(total, 0))
        if total:
            self._bar.setValue(min(done, total))

    def report(self, words: str) -> None:
        """``say`` from any thread: shown while ``wait_for`` runs."""
        self._reported = words

    def words(self) -> str:
        return self._words.text()

    def closed_by_owner(self) -> bool:
        return self._closed_by_owner

    def hand_over(self, window: QWidget) -> None:
        """The window that takes over appears where this one is, and this one goes."""
        if self.isVisible() and not window.isVisible():
            window.setGeometry(self.geometry())
            if self.isMaximized():
                window.setWindowState(Qt.WindowState.WindowMaximized)
        self._taken_over = True
        self.close()

    def dismiss(self) -> None:
        """The start is over (or gave up): the window goes without ending anything."""
        self._taken_over = True
        self.close()

    def wait_for(self, work: Callable[[], T]) -> T:
        """Run ``work`` in a thread while this window stays answered; its result or error.

        Closing the window does not stop the work (it may be writing a database): the caller
        asks ``closed_by_owner`` afterwards.
        """
        outcome: list[T] = []
        failure: list[BaseException] = []

        def run() -> None:
            try:
                outcome.append(work())
            except BaseException as exc:
                failure.append(exc)

        worker = threading.Thread(target=run, name="starting", daemon=True)
        worker.start()
        loop = QEventLoop()
        timer = QTimer()

        def look() -> None:
            words, self._reported = self._reported, None
            if words is not None:
                self.say(words)
            if not worker.is_alive():
                loop.quit()

        timer.timeout.connect(look)
        timer.start(POLL_MS)
        loop.exec()
        timer.stop()
        worker.join()
        if failure:
            raise failure[0]
        return outcome[0]

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        log.info("the starting window is shown")

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._taken_over:
            self._closed_by_owner = True
            self.closed.emit()
        super().closeEvent(event)
