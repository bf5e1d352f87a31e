"""Background work: results arrive by signal on the GUI thread, and nothing is left running."""

from __future__ import annotations

import functools
import threading

from pytestqt.qtbot import QtBot

from gui import tasks
from models.errors import SyncBusy


def test_a_result_arrives_on_the_gui_thread(qtbot: QtBot) -> None:
    gui_thread = threading.get_ident()
    received: list[tuple[int, int]] = []
    task = tasks.run(lambda: 6 * 7, name="answer")
    task.then(lambda result: received.append((result, threading.get_ident())))

    with qtbot.waitSignal(task.done):
        pass

    assert received == [(42, gui_thread)]
    assert task.worker_thread is not None
    assert task.worker_thread != gui_thread
    assert tasks.running() == []


def test_a_failure_arrives_as_the_exception(qtbot: QtBot) -> None:
    def busy() -> None:
        raise SyncBusy("another sync of this profile is running")

    task = tasks.run(busy)
    with qtbot.waitSignal(task.failed) as failed:
        pass
    assert isinstance(failed.args[0], SyncBusy)
    qtbot.waitUntil(lambda: not task.is_running())


def test_progress_and_cancel(qtbot: QtBot) -> None:
    started = threading.Event()
    reports: list[object] = []

    def count_until_cancelled(control: tasks.Control) -> int:
        n = 0
        while not control.cancelled():
            n += 1
            control.report(n)
            started.set()
            threading.Event().wait(0.005)
        return n

    task = tasks.run_controlled(count_until_cancelled, name="counting")
    task.progress.connect(reports.append)
    qtbot.waitUntil(lambda: len(reports) >= 3)
    assert [t.name for t in tasks.running()] == ["counting"]

    with qtbot.waitSignal(task.finished) as finished:
        task.cancel()
    assert isinstance(finished.args[0], int)
    assert reports[:3] == [1, 2, 3]
    qtbot.waitUntil(lambda: tasks.running() == [])


def test_wait_for_all_delivers_every_outcome(qtbot: QtBot) -> None:
    results: list[int] = []
    for n in range(10):
        tasks.run(functools.partial(pow, n, 2)).then(results.append)
    assert tasks.wait_for_all(10.0)
    assert sorted(results) == [n * n for n in range(10)]
