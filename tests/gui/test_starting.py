"""A window shows at once on every start, and says what the start does until the main window
takes its place."""

from __future__ import annotations

import argparse
import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QRect
from PySide6.QtWidgets import QApplication

from gui.app import run_app
from gui.demo import DEMO_ORDERS, DemoPlatform, demo_folder
from gui.main_window import MainWindow
from gui.starting import StartingWindow
from models.profile import Profile
from models.services.account import signed_in
from tests.gui.conftest import WhenShown, answer_quit_questions, present


def test_the_starting_window_shows_first_and_the_main_window_takes_its_place(
    shop_profile: Profile, when_shown: WhenShown
) -> None:
    seen: dict[str, object] = {}
    folder = shop_profile.folder
    shop_profile.close()

    def look_at_starting(window: StartingWindow) -> None:
        seen.setdefault("starting_at", time.monotonic())
        seen.setdefault("starting_geometry", window.geometry())
        seen.setdefault("words", window.words())

    def look_then_close(window: MainWindow) -> None:
        seen["main_at"] = time.monotonic()
        seen["main_geometry"] = window.geometry()
        seen["starting_still_shown"] = any(
            isinstance(w, StartingWindow) and w.isVisible() for w in QApplication.topLevelWidgets()
        )
        window.close()

    when_shown(StartingWindow, look_at_starting)
    when_shown(MainWindow, look_then_close, ready=lambda w: not present(w.dashboard).is_loading())
    answer_quit_questions()
    assert run_app(argparse.Namespace(demo=False, profile=folder, lang="en")) == 0

    assert "starting_at" in seen, "the starting window was never shown"
    assert seen["words"] in ("Starting…", "Opening your shop…")
    starting_at, main_at = seen["starting_at"], seen["main_at"]
    assert isinstance(starting_at, float)
    assert isinstance(main_at, float)
    assert starting_at < main_at
    starting, main = seen["starting_geometry"], seen["main_geometry"]
    assert isinstance(starting, QRect)
    assert isinstance(main, QRect)
    # Where the starting window was (on a small screen the main window then fills it).
    assert main.topLeft() == starting.topLeft()
    assert seen["starting_still_shown"] is False


def test_the_demo_starts_behind_the_starting_window(
    tmp_path: Path,
    when_shown: WhenShown,
    seeded_platform_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: QApplication,
) -> None:
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    demo_folder().mkdir(parents=True)
    shutil.copy(seeded_platform_db, demo_folder() / "platform.sqlite3")
    words: list[str] = []

    def listen(window: StartingWindow) -> None:
        # Every word the window shows, while the platform starts in its thread.
        window.said.connect(words.append)

    def close(window: MainWindow) -> None:
        window.close()

    when_shown(StartingWindow, listen)
    when_shown(MainWindow, close)
    name, organisation = qapp.applicationName(), qapp.organizationName()
    try:
        code = run_app(argparse.Namespace(demo=True, profile=None, lang="en"))
    finally:
        qapp.setApplicationName(name)
        qapp.setOrganizationName(organisation)

    assert code == 0
    assert "Starting the demo platform…" in words
    assert "Signing in to the demo shop…" in words
    assert "Opening your shop…" in words


def test_a_first_demo_start_seeds_one_shop_and_says_so(tmp_path: Path) -> None:
    heard: list[str] = []
    started = time.monotonic()
    demo = DemoPlatform.start(tmp_path / "demo", report=heard.append)
    try:
        seconds = time.monotonic() - started
        profile = Profile.open(demo.profile_folder)
        shop = signed_in(profile)
        profile.close()
    finally:
        demo.stop()
    assert heard == [
        "Starting the demo platform…",
        "Preparing the demo shop: two years of orders, a few seconds…",
        "Signing in to the demo shop…",
    ]
    assert shop is not None
    assert shop.shop_code == "demo1"
    assert shop.platform_url == demo.url
    print(f"\nfirst demo platform with {DEMO_ORDERS:,} orders ready in {seconds:.1f} s")
