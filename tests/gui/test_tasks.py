"""Background work: results arrive by signal on the GUI thread, and nothing is left running."""

from __future__ import annotations

import functools
import logging
import threading

import pytest
from PySide6.QtWidgets import QLabel, QMainWindow
from pytestqt.qtbot import QtBot

from gui import tasks
from models.errors import InvalidInput, SyncBusy


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


def test_a_task_nobody_handles_reaches_the_status_bar_in_words(
    qtbot: QtBot, caplog: pytest.LogCaptureFixture
) -> None:
    window = QMainWindow()
    page = QLabel("a page", window)
    window.setCentralWidget(page)
    qtbot.addWidget(window)
    window.show()

    def too_long() -> None:
        raise InvalidInput("note", "too_long", value=2_345, limit=2_000)

    with caplog.at_level(logging.WARNING, logger="gui.tasks"):
        task = tasks.run(too_long, name="orders.save", owner=page).then(lambda _result: None)
        with qtbot.waitSignal(task.done):
            pass
    said = window.statusBar().currentMessage()
    assert said == "The note is too long: 2,345 characters, at most 2,000 fit. Nothing was saved."
    assert "orders.save" in caplog.text


def test_a_page_that_can_say_it_says_it_itself(qtbot: QtBot) -> None:
    class Page(QLabel):
        def show_problem(self, text: str) -> None:
            self.setText(text)

    page = Page()
    qtbot.addWidget(page)
    task = tasks.run(lambda: int("x"), owner=page).then(lambda _result: None)
    with qtbot.waitSignal(task.done):
        pass
    assert page.text().startswith("An unexpected error occurred: invalid literal")


def lookup_missing() -> int:
    prices: dict[str, int] = {}
    return prices["missing"]


def test_without_an_owner_the_window_s_sink_says_it(qtbot: QtBot) -> None:
    said: list[str] = []
    tasks.set_failure_sink(said.append)
    try:
        task = tasks.run(lookup_missing)
        with qtbot.waitSignal(task.done):
            pass
    finally:
        tasks.set_failure_sink(None)
    assert said == ["An unexpected error occurred: 'missing'"]


def test_a_handled_failure_takes_no_default_path(qtbot: QtBot) -> None:
    said: list[str] = []
    handled: list[Exception] = []
    tasks.set_failure_sink(said.append)
    try:
        task = tasks.run(lookup_missing).then(lambda _result: None, handled.append)
        with qtbot.waitSignal(task.done):
            pass
    finally:
        tasks.set_failure_sink(None)
    assert said == []
    assert len(handled) == 1
