"""Closing the app when the system asks (SIGTERM at log-out, Ctrl+C in a terminal).

Each open window closes as if the owner had closed it, so the main window saves its state and
stops the sync; then the event loop ends. Python runs a signal handler only between two of its
own instructions, so a timer wakes it while Qt waits for events.
"""

from __future__ import annotations

import logging
import signal
import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from types import FrameType
from typing import Final

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication

log = logging.getLogger(__name__)

WAKE_MS: Final = 250
SIGNALS: Final = (signal.SIGTERM, signal.SIGINT)

_asked = threading.Event()


def stop_asked() -> bool:
    """Whether the system asked the app to close since the handlers were installed."""
    return _asked.is_set()


@contextmanager
def closing_on_signals(app: QApplication) -> Iterator[None]:
    """While the block runs, SIGTERM and SIGINT close every window and end the event loop."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    _asked.clear()

    def handle(signum: int, _frame: FrameType | None) -> None:
        log.info("closing on signal %s", signal.Signals(signum).name)
        _asked.set()
        QTimer.singleShot(0, app, close_everything)

    previous: dict[signal.Signals, Callable[[int, FrameType | None], object] | int | None] = {}
    for number in SIGNALS:
        previous[number] = signal.signal(number, handle)
    waker = QTimer()
    waker.timeout.connect(lambda: None)
    waker.start(WAKE_MS)
    try:
        yield
    finally:
        waker.stop()
        for number, handler in previous.items():
            signal.signal(number, handler if handler is not None else signal.SIG_DFL)


def close_everything() -> None:
    for widget in QApplication.topLevelWidgets():
        if widget.isVisible():
            widget.close()
    QApplication.quit()
