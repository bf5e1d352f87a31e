"""Timing a table as the owner sees it: from her action until the view has painted the rows it
leads to, not until a service call returns."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QEventLoop, QObject, QTimer
from PySide6.QtWidgets import QAbstractItemView


class PaintWatch(QObject):
    """Watches a view's viewport: the first paint after ``arm`` at which ``ready`` holds."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._ready: Callable[[], bool] = lambda: False
        self._armed = False
        self.painted_at: float | None = None
        view.viewport().installEventFilter(self)

    def arm(self, ready: Callable[[], bool]) -> None:
        self._ready, self._armed, self.painted_at = ready, True, None

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if self._armed and event.type() == QEvent.Type.Paint and self._ready():
            # The rows are there as this paint begins; it is stamped once it has drawn them.
            self._armed = False
            self._stamp_after_paint = True
        return False

    _stamp_after_paint = False

    def wait(self, timeout: float = 30.0) -> float:
        """Process events until the watched paint has happened; its moment (perf_counter)."""
        deadline = time.perf_counter() + timeout
        # Sleeping until the next event, as the app's own loop does, not spinning: a loop that
        # spins takes the interpreter from the workers fetching the rows. The timer only makes
        # sure the deadline is looked at.
        waker = QTimer()
        waker.start(50)
        while time.perf_counter() < deadline:
            QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.WaitForMoreEvents)
            if self._stamp_after_paint:
                waker.stop()
                self._stamp_after_paint = False
                self.painted_at = time.perf_counter()
                return self.painted_at
        waker.stop()
        raise TimeoutError("the view never painted the rows")


def painted(view: QAbstractItemView, act: Callable[[], object], ready: Callable[[], bool]) -> float:
    """Seconds from ``act`` to the paint that shows what ``ready`` checks."""
    watch = PaintWatch(view)
    watch.arm(ready)
    started = time.perf_counter()
    act()
    view.viewport().update()
    end = watch.wait()
    view.viewport().removeEventFilter(watch)
    watch.deleteLater()
    return end - started
