"""The main window: the shop's name, workspaces, remembered geometry, and sync in words."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QSize
from PySide6.QtWidgets import QLabel
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.main_window import MainWindow
from gui.sync_controller import SyncController
from gui.workspace import LazyWorkspace, Workspace
from models.changes import Changes
from models.errors import PlatformUnreachable
from models.profile import Profile
from models.services.account import signed_in
from models.sync.lock import sync_lock
from models.sync.syncer import SyncOptions
from tests.gui.conftest import SHOP_NAME, answer_quit_questions


def open_window(qtbot: QtBot, profile: Profile, controller: SyncController) -> MainWindow:
    shop = signed_in(profile)
    assert shop is not None
    window = MainWindow(profile, shop, controller)
    qtbot.addWidget(window)
    assert window.dashboard is not None
    with qtbot.waitSignal(window.dashboard.figures_shown):
        window.show()
    return window


def settle(qtbot: QtBot, window: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: (
            not window.controller.is_running()
            and not (window.dashboard is not None and window.dashboard.is_loading())
            and not window.sync_status.is_loading()
            and not tasks.running()
        )
    )


@pytest.fixture
def window(qtbot: QtBot, shop_profile: Profile, quick_controller: SyncController) -> MainWindow:
    window = open_window(qtbot, shop_profile, quick_controller)
    settle(qtbot, window)
    return window


def test_the_title_names_the_shop(window: MainWindow) -> None:
    assert SHOP_NAME in window.windowTitle()
    assert window.windowTitle() == f"{SHOP_NAME} — Zhanggui"


def test_the_status_bar_says_when_the_shop_was_synced_and_what_waits(window: MainWindow) -> None:
    text = window.sync_status.text()
    assert text.startswith("Synced at ")
    assert "1 action waiting to sync" in text
    assert "1 action refused by the platform" in text


def test_sync_now_on_an_unreachable_platform_says_so_without_blocking_the_window(
    qtbot: QtBot, shop_profile: Profile
) -> None:
    gui_thread = threading.get_ident()
    backing_off = threading.Event()
    go_on = threading.Event()
    slept_on: list[int] = []

    def sleep(_seconds: float) -> None:
        # The sync waits here between attempts; the test decides when it goes on.
        slept_on.append(threading.get_ident())
        backing_off.set()
        go_on.wait(30)

    controller = SyncController(
        shop_profile, options=SyncOptions(retries=1, backoff=0.01, sleep=sleep)
    )
    window = open_window(qtbot, shop_profile, controller)
    settle(qtbot, window)

    with qtbot.waitSignal(controller.started):
        window.sync_action.trigger()
    qtbot.waitUntil(backing_off.is_set)
    # The sync is stuck in its worker, and the window still answers.
    assert controller.is_running()
    assert window.sync_status.text().startswith("Syncing…")
    assert window.cancel_sync_action.isEnabled()
    window.sync_action.trigger()
    assert window.statusBar().currentMessage() == "A sync is already running"

    with qtbot.waitSignal(controller.failed) as failed:
        go_on.set()
    settle(qtbot, window)

    assert isinstance(failed.args[0], PlatformUnreachable)
    assert slept_on
    assert all(thread != gui_thread for thread in slept_on)
    assert window.sync_status.text().startswith("Offline: cannot reach the platform (retrying)")
    assert not window.cancel_sync_action.isEnabled()
    controller.stop()


def test_a_sync_run_elsewhere_is_not_an_error(
    qtbot: QtBot, window: MainWindow, shop_profile: Profile
) -> None:
    with sync_lock(shop_profile.folder), qtbot.waitSignal(window.controller.failed):
        window.sync_action.trigger()
    settle(qtbot, window)

    assert window.sync_status.text().startswith("A sync is already running")


def test_cancel_stops_a_sync_that_waits_for_the_platform(
    qtbot: QtBot, shop_profile: Profile
) -> None:
    waiting = threading.Event()

    def sleep(seconds: float) -> None:
        waiting.set()
        threading.Event().wait(min(seconds, 0.05))

    controller = SyncController(shop_profile, options=SyncOptions(retries=100, sleep=sleep))
    window = open_window(qtbot, shop_profile, controller)
    window.sync_action.trigger()
    qtbot.waitUntil(waiting.is_set)

    with qtbot.waitSignal(controller.failed):
        window.cancel_sync_action.trigger()
    settle(qtbot, window)

    assert window.sync_status.text().startswith("Sync cancelled")


def test_the_window_remembers_its_size(
    qtbot: QtBot, shop_profile: Profile, quick_controller: SyncController
) -> None:
    first = open_window(qtbot, shop_profile, quick_controller)
    settle(qtbot, first)
    first.resize(QSize(760, 540))
    answer_quit_questions()  # an action waits to sync: the owner quits anyway
    first.close()
    assert not first.isVisible()

    second = open_window(qtbot, shop_profile, quick_controller)
    settle(qtbot, second)
    assert second.size() == QSize(760, 540)


class Notes(Workspace):
    icon_name = "sign-in"
    shows = frozenset({"saved_view"})

    def __init__(self) -> None:
        super().__init__()
        self.refreshed: list[Changes] = []
        QLabel("notes", self)

    def title(self) -> str:
        return "Notes"

    def refresh_changed(self, changes: Changes) -> None:
        self.refreshed.append(changes)


def test_a_workspace_is_added_in_one_line(qtbot: QtBot, window: MainWindow) -> None:
    before = [w.title() for w in window.workspaces()]
    notes = window.add_workspace(Notes())

    assert [w.title() for w in window.workspaces()] == [*before, "Notes"]
    assert before[:3] == ["Dashboard", "Orders", "Catalogue"]
    go_to_notes = window.go_to_actions()[len(before)]
    assert go_to_notes.text() == "Notes"
    go_to_notes.trigger()
    assert window.current_workspace() is notes
    assert len(notes.refreshed) == 1  # read when first shown
    window.refresh()
    settle(qtbot, window)
    assert len(notes.refreshed) == 2


def test_a_page_reads_only_what_touches_it_and_a_hidden_one_catches_up_when_shown(
    qtbot: QtBot, window: MainWindow
) -> None:
    notes = window.add_workspace(Notes())
    window.show_workspace(notes)
    settle(qtbot, window)
    notes.refreshed.clear()

    window.hand_on(Changes.of_rows("product", [1, 2]))
    assert notes.refreshed == []
    window.hand_on(Changes.of_rows("saved_view", [7]))
    assert [c.rows_of("saved_view") for c in notes.refreshed] == [frozenset({7})]

    assert window.dashboard is not None
    window.show_workspace(window.dashboard)
    settle(qtbot, window)
    window.hand_on(Changes.of_rows("saved_view", [8]))
    window.hand_on(Changes.of_rows("saved_view", [9]))
    assert len(notes.refreshed) == 1, "hidden: nothing is read"
    assert notes.is_stale()
    window.show_workspace(notes)
    assert len(notes.refreshed) == 2
    assert notes.refreshed[-1].rows_of("saved_view") == frozenset({8, 9})
    assert not notes.is_stale()


def test_chart_pages_are_built_when_first_opened(qtbot: QtBot, window: MainWindow) -> None:
    assert isinstance(window.charts, LazyWorkspace)
    assert not window.charts.is_built()
    assert window.charts.title() == "Sales charts"
    window.show_workspace_named("charts")
    settle(qtbot, window)
    assert window.charts.is_built()
    assert window.charts.inner().isVisible()
    window.refresh()  # reaches the page inside
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)


class Waiting(Workspace):
    def title(self) -> str:
        return "Waiting"

    def badge(self) -> int:
        return 2


def test_a_count_from_a_page_built_later_shows_in_the_navigation(
    qtbot: QtBot, window: MainWindow
) -> None:
    inner = Waiting()
    lazy = window.add_workspace(LazyWorkspace("sign-in", lambda: "Waiting", lambda: inner))
    window.show_workspace(lazy)
    settle(qtbot, window)
    inner.badge_changed.emit()
    assert window.go_to_actions()[-1].text() == "Waiting  (2)"
