"""Work off the GUI thread: a thread pool whose results come back by signal on the GUI thread.

    task = tasks.run(lambda: dashboard(profile), name="dashboard")
    task.then(self._on_dashboard_loaded, self._on_dashboard_failed)

    task = tasks.run_controlled(lambda control: sync(profile, options_for(control)))
    task.progress.connect(...)
    task.cancel()

Work runs in the pool and must not touch widgets; it may ask ``control.cancelled()`` and call
``control.report(value)``, which arrives as the task's ``progress`` signal. Every task stays in
``running()`` until its last signal has been delivered, so tests and the app's shutdown can wait
for all of them.

A task whose caller gave no failure handler still reaches the owner: its error is logged and
said in words by its ``owner`` widget (``show_problem``), else in the status bar of the owner's
window, else through the sink the main window set with ``set_failure_sink``.
"""

from __future__ import annotations

import itertools
import logging
import threading
import time
from collections.abc import Callable
from typing import Any, Generic, Protocol, TypeVar, runtime_checkable

from PySide6.QtCore import (
    QCoreApplication,
    QEventLoop,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    Signal,
)
from PySide6.QtWidgets import QMainWindow, QWidget
from shiboken6 import isValid

from gui import messages
from models.errors import ZhangguiError

log = logging.getLogger(__name__)

R = TypeVar("R")

MAX_THREADS = 4

FAILURE_MESSAGE_MS = 12_000

_pool: QThreadPool | None = None
_the_relay: _Relay | None = None
_live: dict[int, Task[Any]] = {}
_keys = itertools.count(1)
_failure_sink: Callable[[str], None] | None = None


@runtime_checkable
class ShowsProblems(Protocol):
    """A widget that says a background failure in its own place (a summary line, a pane)."""

    def show_problem(self, text: str) -> None: ...


class Control:
    """What running work may ask of its task: whether to stop, and how far it got."""

    def __init__(self) -> None:
        self._cancel = threading.Event()
        self._report: Callable[[object], None] = lambda _value: None
        self.worker_thread: int | None = None

    def _record_thread(self, ident: int) -> None:
        self.worker_thread = ident

    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def report(self, value: object) -> None:
        self._report(value)


class _Relay(QObject):
    """Carries every worker's outcome across threads; one for the whole app, on the GUI thread.

    A QObject made per task would be destroyed wherever its last reference went, sometimes in a
    pool thread: its destructor then takes Qt's connection lock and waits for the GIL, while the
    GUI thread holds the GIL and waits for that lock. One relay that lives as long as the app is
    never destroyed by a worker.
    """

    # (task key, outcome, the work itself): the work goes back too, so that whatever it holds
    # (often a widget's bound method) is released on the GUI thread, never in a pool thread.
    finished = Signal(int, object, object)
    failed = Signal(int, object, object)
    progress = Signal(int, object)


class _Runnable(QRunnable):
    def __init__(self, task: Task[Any], work: Callable[[Control], object]) -> None:
        super().__init__()
        self._key = task.key
        self._task_name = task.name
        self._record_thread = task.control._record_thread
        self._work: Callable[[Control], object] | None = work
        self._control = task.control

    def run(self) -> None:
        self._record_thread(threading.get_ident())
        relay = _relay()
        work, self._work = self._work, None
        assert work is not None, "a runnable runs once"
        try:
            result = work(self._control)
        except Exception as exc:
            if not isinstance(exc, ZhangguiError):
                log.exception("background task %r failed", self._task_name)
            relay.failed.emit(self._key, exc, work)
        else:
            relay.finished.emit(self._key, result, work)


class Task(QObject, Generic[R]):
    """One piece of work in the pool; its signals are emitted on the GUI thread."""

    finished = Signal(object)  # the work's result
    failed = Signal(object)  # the exception the work raised
    progress = Signal(object)  # whatever the work passed to control.report()
    done = Signal()  # after finished or failed

    def __init__(self, name: str, owner: QWidget | None = None) -> None:
        super().__init__()
        self.name = name
        self.key = next(_keys)
        self.owner = owner
        self._handled = False
        self.control = Control()
        key = self.key
        self.control._report = lambda value: _relay().progress.emit(key, value)

    @property
    def worker_thread(self) -> int | None:
        """The pool thread the work ran on, once it started."""
        return self.control.worker_thread

    def then(
        self,
        on_finished: Callable[[R], object],
        on_failed: Callable[[Exception], object] | None = None,
    ) -> Task[R]:
        """Connect the outcome; a bound method of a widget is dropped when the widget goes.

        Without ``on_failed`` a failure takes the default path (see the module's words).
        """
        self.finished.connect(on_finished)
        if on_failed is not None:
            self._handled = True
            self.failed.connect(on_failed)
        return self

    def cancel(self) -> None:
        self.control._cancel.set()

    def is_running(self) -> bool:
        return self.key in _live

    def __repr__(self) -> str:
        return f"<Task {self.name!r}>"

    def _start(self, work: Callable[[Control], object]) -> None:
        _relay()
        _live[self.key] = self
        pool().start(_Runnable(self, work))

    def _on_relay_finished(self, result: object) -> None:
        try:
            self.finished.emit(result)
        finally:
            self._end()

    def _on_relay_failed(self, error: object) -> None:
        try:
            self.failed.emit(error)
            if not self._handled and isinstance(error, Exception):
                _say_failure(self, error)
        finally:
            self._end()

    def _on_relay_progress(self, value: object) -> None:
        self.progress.emit(value)

    def _end(self) -> None:
        _live.pop(self.key, None)
        self.done.emit()


def _relay() -> _Relay:
    global _the_relay  # noqa: PLW0603 - one relay for the whole app, made on the GUI thread
    if _the_relay is None:
        _the_relay = _Relay()
        _the_relay.finished.connect(_on_finished, Qt.ConnectionType.QueuedConnection)
        _the_relay.failed.connect(_on_failed, Qt.ConnectionType.QueuedConnection)
        _the_relay.progress.connect(_on_progress, Qt.ConnectionType.QueuedConnection)
    return _the_relay


def _on_finished(key: int, result: object, _work: object) -> None:
    task = _live.get(key)
    if task is not None:
        task._on_relay_finished(result)


def _on_failed(key: int, error: object, _work: object) -> None:
    task = _live.get(key)
    if task is not None:
        task._on_relay_failed(error)


def _on_progress(key: int, value: object) -> None:
    task = _live.get(key)
    if task is not None:
        task._on_relay_progress(value)


def pool() -> QThreadPool:
    global _pool  # noqa: PLW0603 - one pool for the whole app, made when first needed
    if _pool is None:
        _pool = QThreadPool()
        _pool.setMaxThreadCount(MAX_THREADS)
    return _pool


def run(work: Callable[[], R], *, name: str = "", owner: QWidget | None = None) -> Task[R]:
    """Run ``work()`` in the pool; ``owner`` says a failure nobody handles."""
    return run_controlled(lambda _control: work(), name=name or _name_of(work), owner=owner)


def run_controlled(
    work: Callable[[Control], R], *, name: str = "", owner: QWidget | None = None
) -> Task[R]:
    """Run ``work(control)`` in the pool; the work may check for cancelling and report progress."""
    task: Task[R] = Task(name or _name_of(work), owner)
    task._start(work)
    return task


def set_failure_sink(sink: Callable[[str], None] | None) -> None:
    """Where a failure without a handler or an owner is said (the main window's status bar)."""
    global _failure_sink  # noqa: PLW0603 - one place for the whole app, set by its window
    _failure_sink = sink


def _say_failure(task: Task[Any], error: Exception) -> None:
    words = messages.describe(error)
    log.warning("background task %r failed, nobody handled it: %s", task.name, error)
    owner = task.owner
    if owner is not None and isValid(owner):
        if isinstance(owner, ShowsProblems):
            owner.show_problem(words)
            return
        window = owner.window()
        if isinstance(window, QMainWindow):
            window.statusBar().showMessage(words, FAILURE_MESSAGE_MS)
            return
    if _failure_sink is not None:
        _failure_sink(words)


def running() -> list[Task[Any]]:
    """Tasks whose outcome has not been delivered yet."""
    return sorted(_live.values(), key=lambda t: t.name)


def cancel_all() -> None:
    for task in list(_live.values()):
        task.cancel()


def wait_for_all(timeout: float = 30.0) -> bool:
    """Block until every task has ended and its outcome was delivered; False on timeout."""
    deadline = time.monotonic() + timeout
    while _live:
        left = deadline - time.monotonic()
        if left <= 0:
            return False
        pool().waitForDone(max(1, min(int(left * 1000), 100)))
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 50)
    return True


def _name_of(work: Callable[..., object]) -> str:
    return getattr(work, "__qualname__", None) or repr(work)
