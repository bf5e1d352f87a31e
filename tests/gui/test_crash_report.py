"""An error nobody caught: a report next to the log, a dialog in words, and the app goes on."""

from __future__ import annotations

import argparse
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QApplication, QPushButton
from pytestqt.qtbot import QtBot

from gui.app import run_app
from gui.crash_report import CrashDialog, CrashHandler
from gui.main_window import MainWindow
from models.crash_reports import crash_reports
from models.log_file import log_folder, start_log_file, stop_log_file
from models.profile import Profile
from tests.gui.conftest import WhenShown, answer_quit_questions

pytestmark = pytest.mark.qt_no_exception_capture

PHONE = "13987654321"


class OpenedUrls(QObject):
    """Stands in for the file manager, which a test cannot look at."""

    def __init__(self) -> None:
        super().__init__()
        self.urls: list[QUrl] = []

    @Slot(QUrl)
    def open(self, url: QUrl) -> None:
        self.urls.append(url)


@pytest.fixture
def opened() -> Iterator[OpenedUrls]:
    handler = OpenedUrls()
    # PySide6 takes the slot's name as str, though its stubs say bytes.
    QDesktopServices.setUrlHandler("file", handler, "open")  # type: ignore[arg-type]
    yield handler
    QDesktopServices.unsetUrlHandler("file")


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    start_log_file(tmp_path / "profile")
    yield log_folder(tmp_path / "profile")
    stop_log_file(tmp_path / "profile")


@pytest.fixture
def crash(logs: Path) -> Iterator[CrashHandler]:
    handler = CrashHandler(logs)
    handler.install()
    yield handler
    handler.uninstall()


class Sheet(QPushButton):
    """A widget whose slot has a bug."""

    def __init__(self) -> None:
        super().__init__("review")
        self.clicks = 0
        self.clicked.connect(self._on_clicked)

    def _on_clicked(self) -> None:
        self.clicks += 1
        customer = {"phone": PHONE}
        raise KeyError(f"no note for {customer['phone']}")


def test_an_error_in_a_slot_writes_a_report_shows_the_dialog_and_the_app_goes_on(
    qtbot: QtBot, crash: CrashHandler, logs: Path, opened: OpenedUrls, when_shown: WhenShown
) -> None:
    sheet = Sheet()
    qtbot.addWidget(sheet)
    sheet.show()
    seen: dict[str, str] = {}

    def read_copy_open_and_go_on(dialog: CrashDialog) -> None:
        seen["title"] = dialog.windowTitle()
        seen["words"] = dialog.what_now.text()
        seen["where"] = dialog.where.text()
        dialog.copy_button.click()
        dialog.open_folder_button.click()
        dialog.close_button.click()

    when_shown(CrashDialog, read_copy_open_and_go_on)
    sheet.click()

    reports = crash_reports(logs)
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "KeyError" in text
    assert "in _on_clicked" in text
    assert "qt: " in text
    assert PHONE not in text
    assert seen["title"] == "Zhanggui ran into a problem"
    assert seen["words"].startswith("Your shop's data is safe")
    assert str(reports[0]) in seen["where"]
    assert QGuiApplication.clipboard().text() == text
    assert [url.toLocalFile() for url in opened.urls] == [str(logs)]
    # the app keeps running: the widget answers the next click
    assert sheet.isVisible()
    when_shown(CrashDialog, lambda dialog: dialog.close_button.click())
    sheet.click()
    assert sheet.clicks == 2


def test_the_same_problem_again_is_logged_but_not_shown_twice(
    qtbot: QtBot, crash: CrashHandler, logs: Path, when_shown: WhenShown
) -> None:
    shown: list[str] = []

    def count_and_close(dialog: CrashDialog) -> None:
        shown.append(dialog.where.text())
        dialog.close_button.click()

    when_shown(CrashDialog, count_and_close)
    sheet = Sheet()
    qtbot.addWidget(sheet)
    sheet.click()
    qtbot.waitUntil(lambda: len(shown) == 1)
    sheet.click()
    sheet.click()

    assert len(shown) == 1
    assert len(crash_reports(logs)) == 1
    assert (logs / "zhanggui.log").read_text(encoding="utf-8").count("the same problem again") == 2


def test_an_error_in_a_thread_is_reported_on_the_window(
    qtbot: QtBot, crash: CrashHandler, logs: Path, when_shown: WhenShown
) -> None:
    seen: list[str] = []

    def look(dialog: CrashDialog) -> None:
        seen.append(dialog.details.toPlainText())
        dialog.close_button.click()

    when_shown(CrashDialog, look)

    def fail() -> None:
        raise ValueError("a picture could not be decoded")

    worker = threading.Thread(target=fail, name="pictures")
    worker.start()
    worker.join()

    qtbot.waitUntil(lambda: bool(seen))
    assert "where: thread pictures" in seen[0]
    assert "ValueError: a picture could not be decoded" in seen[0]
    assert len(crash_reports(logs)) == 1


def test_a_crash_asked_for_in_the_running_app_is_reported_and_the_window_stays(
    shop_profile: Profile, when_shown: WhenShown, qapp: QApplication
) -> None:
    still_shown: list[bool] = []
    reports: list[int] = []

    def close_dialog_then_the_window(dialog: CrashDialog) -> None:
        # No assert in here: an error raised in the app's event loop would be the app's crash.
        windows = [w for w in qapp.topLevelWidgets() if isinstance(w, MainWindow) and w.isVisible()]
        reports.append(len(crash_reports(log_folder(shop_profile.folder))))
        dialog.close_button.click()
        still_shown.extend(w.isVisible() for w in windows)
        for window in windows:
            window.close()

    when_shown(CrashDialog, close_dialog_then_the_window)
    answer_quit_questions()  # the profile has actions waiting to sync: the owner quits anyway
    name, organisation = qapp.applicationName(), qapp.organizationName()
    font, sheet = qapp.font(), qapp.styleSheet()
    try:
        code = run_app(
            argparse.Namespace(demo=False, profile=shop_profile.folder, lang="en", debug_crash=True)
        )
    finally:
        qapp.setApplicationName(name)
        qapp.setOrganizationName(organisation)
        qapp.setFont(font)
        qapp.setStyleSheet(sheet)

    assert code == 0
    assert reports == [1]
    assert still_shown == [True]
    text = crash_reports(log_folder(shop_profile.folder))[0].read_text(encoding="utf-8")
    assert "RuntimeError: an error raised on purpose with --debug-crash" in text
    assert "the main window is shown" in text
