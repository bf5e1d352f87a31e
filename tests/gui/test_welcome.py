"""The first run: a welcome with two ways in, sign-in errors in words, and the demo."""

from __future__ import annotations

import argparse
import http.server
import shutil
import socket
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui.app import run_app
from gui.main_window import MainWindow
from gui.sign_in import SignInForm
from gui.welcome import WelcomeDialog
from models.profile import Profile
from models.services.account import signed_in
from tests.gui.conftest import UNREACHABLE_PLATFORM, WhenShown
from tests.platform_process import PlatformProcess


@pytest.fixture
def new_profile(tmp_path: Path) -> Iterator[Profile]:
    profile = Profile.open(tmp_path / "new")
    yield profile
    profile.close()


@pytest.fixture
def welcome(qtbot: QtBot, new_profile: Profile) -> WelcomeDialog:
    dialog = WelcomeDialog(new_profile)
    qtbot.addWidget(dialog)
    dialog.show()
    return dialog


def fill_in(form: SignInForm, url: str, shop: str, password: str, user: str = "") -> None:
    form.platform_url.setText(url)
    form.shop_code.setText(shop)
    form.user.setText(user)
    form.password.setText(password)


def try_sign_in(qtbot: QtBot, dialog: WelcomeDialog) -> str:
    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not dialog.form.is_busy(), timeout=30_000)
    return dialog.form.problem.text()


@pytest.fixture
def silent_platform() -> Iterator[str]:
    """An address that accepts connections and never answers."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    accepted: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                accepted.append(server.accept()[0])
            except TimeoutError:
                continue

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for conn in accepted:
        conn.close()
    server.close()


class _NotAPlatform(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:
        self.send_response(404)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<html><body>Not Found</body></html>")

    def log_message(self, format: str, *args: object) -> None:
        pass


@pytest.fixture
def some_web_server() -> Iterator[str]:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _NotAPlatform)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()
    thread.join()


def test_the_welcome_offers_two_ways_in_and_the_form_keeps_what_was_typed(
    qtbot: QtBot, welcome: WelcomeDialog
) -> None:
    assert welcome.pages.currentWidget() is welcome.choice_page
    assert welcome.sign_in_choice.text() == "&Sign in to my shop"
    assert welcome.demo_choice.text() == "&Try the demo"

    welcome.sign_in_choice.click()
    assert welcome.on_sign_in_page()
    assert not welcome.sign_in_button.isEnabled()
    fill_in(welcome.form, "platform.example.com", "demo1", "secret")
    assert welcome.sign_in_button.isEnabled()
    # the user stays optional: empty means the shop's owner
    assert welcome.form.user.text() == ""

    QTest.keyClick(welcome, Qt.Key.Key_Escape)
    assert welcome.pages.currentWidget() is welcome.choice_page
    assert welcome.isVisible()
    welcome.sign_in_choice.click()
    assert welcome.form.platform_url.text() == "platform.example.com"
    assert welcome.form.password.text() == "secret"


def test_a_wrong_address_is_said_in_words(qtbot: QtBot, welcome: WelcomeDialog) -> None:
    welcome.show_sign_in()
    fill_in(welcome.form, "demo1", "demo1", "demo")

    problem = try_sign_in(qtbot, welcome)

    assert problem.startswith("demo1 is not a platform address.")
    assert "https://platform.example.com" in problem
    assert welcome.answer is None


def test_an_address_where_nothing_listens_is_said_in_words(
    qtbot: QtBot, welcome: WelcomeDialog, new_profile: Profile
) -> None:
    welcome.show_sign_in()
    fill_in(welcome.form, UNREACHABLE_PLATFORM, "demo1", "demo")

    problem = try_sign_in(qtbot, welcome)

    assert problem == (
        f"Cannot reach the platform at {UNREACHABLE_PLATFORM}. Check the address and the network."
    )
    assert signed_in(new_profile) is None


def test_a_platform_that_does_not_answer_is_said_in_words(
    qtbot: QtBot,
    welcome: WelcomeDialog,
    silent_platform: str,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(SignInForm, "timeout_seconds", 1.0)
    welcome.show_sign_in()
    fill_in(welcome.form, silent_platform, "demo1", "demo")

    problem = try_sign_in(qtbot, welcome)

    assert problem.startswith(f"The platform at {silent_platform} does not answer.")
    assert welcome.back_button.isEnabled()


def test_a_web_server_that_is_no_platform_is_said_in_words(
    qtbot: QtBot, welcome: WelcomeDialog, some_web_server: str
) -> None:
    welcome.show_sign_in()
    fill_in(welcome.form, some_web_server, "demo1", "demo")

    problem = try_sign_in(qtbot, welcome)

    assert problem == (
        f"Something answers at {some_web_server}, but it is not a Zhanggui platform. "
        "Check the address."
    )


def test_a_wrong_password_or_user_is_refused_then_the_owner_signs_in(
    qtbot: QtBot, welcome: WelcomeDialog, new_profile: Profile, platform: PlatformProcess
) -> None:
    welcome.show_sign_in()
    fill_in(welcome.form, platform.url, "demo1", "not-the-password")
    assert try_sign_in(qtbot, welcome).startswith(
        "The platform refused this shop code, user or password."
    )
    # a person the shop does not have; its owner leaves the user empty
    fill_in(welcome.form, platform.url, "demo1", "demo", user="nobody")
    assert try_sign_in(qtbot, welcome).startswith("The platform refused")
    assert signed_in(new_profile) is None

    fill_in(welcome.form, platform.url, "demo1", "demo")
    with qtbot.waitSignal(welcome.accepted, timeout=30_000):
        welcome.sign_in_button.click()

    shop = signed_in(new_profile)
    assert shop is not None
    assert shop.shop_code == "demo1"
    assert welcome.answer == shop


def test_trying_the_demo_opens_the_demo_shop_and_leaves_the_profile_as_it_was(
    tmp_path: Path,
    when_shown: WhenShown,
    seeded_platform_db: Path,
    monkeypatch: pytest.MonkeyPatch,
    qapp: QApplication,
) -> None:
    # The demo lives in the user's data folder; a seeded one there spares the test the seeding.
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    from gui.demo import demo_folder

    demo_folder().mkdir(parents=True)
    shutil.copy(seeded_platform_db, demo_folder() / "platform.sqlite3")
    seen: dict[str, object] = {}

    def look_then_close(window: MainWindow) -> None:
        seen["title"] = window.windowTitle()
        window.close()

    when_shown(WelcomeDialog, lambda dialog: dialog.demo_choice.click())
    when_shown(MainWindow, look_then_close)
    fresh = tmp_path / "fresh"
    name, organisation = qapp.applicationName(), qapp.organizationName()
    try:
        code = run_app(argparse.Namespace(demo=False, profile=fresh, lang="en"))
    finally:
        qapp.setApplicationName(name)
        qapp.setOrganizationName(organisation)

    assert code == 0
    # the owner's own profile is still waiting for her shop: the welcome comes again next time
    profile = Profile.open(fresh)
    assert signed_in(profile) is None
    profile.close()
    demo = Profile.open(demo_folder() / "profile")
    demo_shop = signed_in(demo)
    demo.close()
    assert demo_shop is not None
    assert demo_shop.shop_code == "demo1"
    assert seen["title"] == f"{demo_shop.shop_name} — Zhanggui"
