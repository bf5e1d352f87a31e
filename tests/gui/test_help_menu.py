"""Help: the log folder, restoring a backup (Cancel first), and what runs here."""

from __future__ import annotations

import datetime as dt
import platform
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QObject, QUrl, Slot, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import QMenu, QMessageBox
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from gui import tasks
from gui.about import AboutDialog
from gui.backup_restore import DailyBackup, RestoreBackupDialog
from gui.main_window import MainWindow
from gui.sync_controller import SyncController
from models.backups import list_backups, take_daily_backup
from models.db import Order, OrderReview, OutboxEntry
from models.profile import Profile
from models.services.account import signed_in
from models.services.reviews import review_order
from models.version import VERSION
from tests.gui.conftest import UNREACHABLE_PLATFORM, WhenShown, add_order

DAY = dt.date(2026, 11, 20)


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
def window(
    qtbot: QtBot, shop_profile: Profile, quick_controller: SyncController
) -> Iterator[MainWindow]:
    shop = signed_in(shop_profile)
    assert shop is not None
    window = MainWindow(shop_profile, shop, quick_controller)
    qtbot.addWidget(window)
    window.show()
    yield window
    qtbot.waitUntil(lambda: not tasks.running(), timeout=30_000)


def help_texts(window: MainWindow) -> list[str]:
    menu = window.menuBar().actions()[-1].menu()
    assert isinstance(menu, QMenu)
    return [a.text() for a in menu.actions() if not a.isSeparator()]


def test_the_help_menu_offers_the_log_folder_a_restore_and_about(window: MainWindow) -> None:
    assert help_texts(window) == ["Open the &log folder", "&Restore a backup…", "&About Zhanggui"]


def test_open_the_log_folder_shows_the_profiles_logs(
    window: MainWindow, shop_profile: Profile, opened: OpenedUrls
) -> None:
    window.open_log_folder_action.trigger()
    assert [url.toLocalFile() for url in opened.urls] == [str(shop_profile.folder / "logs")]


def test_about_says_what_runs_here_and_where_the_shop_lives(
    qtbot: QtBot, shop_profile: Profile
) -> None:
    dialog = AboutDialog(shop_profile.folder, UNREACHABLE_PLATFORM)
    qtbot.addWidget(dialog)
    shown = {name: label.text() for name, label in dialog.values.items()}
    assert shown["Version"] == VERSION
    assert shown["Qt"].startswith(qVersion())
    assert shown["Python"] == platform.python_version()
    assert shown["SQLite"] == sqlite3.sqlite_version
    assert shown["Profile folder"] == str(shop_profile.folder)
    assert shown["Platform address"] == UNREACHABLE_PLATFORM
    dialog.copy_button.click()
    assert f"Profile folder: {shop_profile.folder}" in QGuiApplication.clipboard().text()


def test_the_daily_backup_runs_in_the_background_once_a_day(
    qtbot: QtBot, shop_profile: Profile
) -> None:
    daily = DailyBackup(shop_profile)
    with qtbot.waitSignal(daily.taken, timeout=30_000) as taken:
        assert daily.check_now() is not None
    assert taken.args is not None
    assert taken.args[0].day == dt.date.today()
    task = daily.check_now()
    assert task is not None
    with qtbot.waitSignal(task.done, timeout=30_000):
        pass
    assert len(list_backups(shop_profile.folder)) == 1


def order_count(profile: Profile) -> int:
    with profile.read() as s:
        return int(s.scalar(select(func.count()).select_from(Order)) or 0)


def test_restoring_a_backup_asks_with_cancel_first_and_keeps_the_owners_actions(
    window: MainWindow, shop_profile: Profile, when_shown: WhenShown, now: dt.datetime
) -> None:
    assert take_daily_backup(shop_profile.folder, DAY) is not None
    before = order_count(shop_profile)
    # after the copy: an order arrives in the mirror, and the owner reviews another one
    add_order(shop_profile, 7, int(now.timestamp()), "paid", 55_500)
    review_order(shop_profile, "ZG0000000000000002", reviewed=True, note="备份之后")
    seen: dict[str, object] = {}

    def choose(dialog: RestoreBackupDialog) -> None:
        seen["backups"] = dialog.backup_list.count()
        seen["dialog default"] = dialog.restore_button.isDefault()
        dialog.restore_button.click()

    def confirm(box: QMessageBox) -> None:
        seen["default"] = box.defaultButton().text()
        seen["escape is the default"] = box.escapeButton() is box.defaultButton()
        restore = [b for b in box.buttons() if box.buttonRole(b) == box.ButtonRole.DestructiveRole]
        restore[0].click()

    def done(box: QMessageBox) -> None:
        seen["done"] = box.text()
        box.accept()

    when_shown(RestoreBackupDialog, choose)
    when_shown(QMessageBox, confirm, ready=lambda b: b.objectName() == "restore_confirmation")
    when_shown(QMessageBox, done, ready=lambda b: "is back" in b.text())
    window.restore_backup_action.trigger()

    assert seen["backups"] == 1
    assert seen["dialog default"] is False
    assert seen["default"] == "Cancel"
    assert seen["escape is the default"] is True
    assert "2 actions waiting to sync will be sent now." in str(seen["done"])
    assert order_count(shop_profile) == before
    with shop_profile.read() as s:
        review = s.get(OrderReview, 2)
        waiting = s.scalar(
            select(func.count()).select_from(OutboxEntry).where(OutboxEntry.status == "pending")
        )
    assert review is not None
    assert review.note == "备份之后"
    assert waiting == 2
    assert window.isVisible()


def test_cancelling_the_confirmation_changes_nothing(
    window: MainWindow, shop_profile: Profile, when_shown: WhenShown, now: dt.datetime
) -> None:
    assert take_daily_backup(shop_profile.folder, DAY) is not None
    add_order(shop_profile, 7, int(now.timestamp()), "paid", 55_500)
    before = order_count(shop_profile)

    answered: list[bool] = []

    def cancel(box: QMessageBox) -> None:
        answered.append(True)
        box.escapeButton().click()

    when_shown(RestoreBackupDialog, lambda dialog: dialog.restore_button.click())
    when_shown(QMessageBox, cancel, ready=lambda b: b.objectName() == "restore_confirmation")
    # Back in the list once the question is answered (whether or not the window manager made
    # it the active window again): the owner closes it.
    when_shown(RestoreBackupDialog, lambda dialog: dialog.reject(), ready=lambda _d: bool(answered))
    window.restore_backup_action.trigger()

    assert answered == [True]
    assert order_count(shop_profile) == before
    assert not list(Path(shop_profile.folder).glob("zhanggui.before-restore-*"))


def test_with_no_backup_yet_the_owner_is_told_when_one_comes(
    window: MainWindow, when_shown: WhenShown
) -> None:
    said: list[str] = []

    def read(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    when_shown(QMessageBox, read)
    window.restore_backup_action.trigger()
    assert said == [
        "There is no backup yet. Zhanggui makes one each day it is open, the first a few "
        "minutes after it starts."
    ]
