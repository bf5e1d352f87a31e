"""Local actions leave promptly: a review reaches the platform within seconds, not at the next
interval; quitting with actions waiting says how many and can send them first."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gui.main_window import MainWindow
from gui.orders.table_model import ROW_ROLE
from gui.sync_controller import PUSH_DELAY_MS
from models.profile import Profile
from models.services.account import login
from models.services.order_table import OrderRow
from tests.gui.conftest import WhenShown
from tests.gui.living_platform import Desk, open_desk
from tests.platform_process import PlatformProcess
from tests.platform_rows import shop_id_of
from tests.sync.views import applied_mutations

# A push starts after the pause that gathers a burst of actions; on loopback it is answered at
# once. The interval timer would wait two minutes.
PROMPTLY_MS = PUSH_DELAY_MS + 6_000


@pytest.fixture
def shop(synced_profile_template: Path, platform: PlatformProcess, tmp_path: Path) -> Path:
    folder = tmp_path / "shop"
    shutil.copytree(synced_profile_template, folder)
    profile = Profile.open(folder)
    try:
        login(profile, platform.url, "demo1", "demo")
    finally:
        profile.close()
    return folder


def review_the_first_order(desk: Desk) -> OrderRow:
    table = desk.orders.table
    table.setFocus()
    first = table.model().index(0, 0).data(ROW_ROLE)
    assert isinstance(first, OrderRow)
    QTest.keyClick(table, Qt.Key.Key_Space)
    return first


def test_a_review_reaches_the_platform_within_seconds(
    qtbot: QtBot, shop: Path, platform: PlatformProcess
) -> None:
    desk = open_desk(qtbot, shop)
    assert desk.controller.interval_minutes() == 2.0
    shop_id = shop_id_of(desk.profile.db_path)
    before = set(applied_mutations(platform.db, shop_id))
    started = time.monotonic()
    review_the_first_order(desk)
    qtbot.waitUntil(
        lambda: len(set(applied_mutations(platform.db, shop_id)) - before) == 1,
        timeout=PROMPTLY_MS,
    )
    assert time.monotonic() - started < PROMPTLY_MS / 1000
    desk.settle()
    assert "1 action waiting" not in desk.window.sync_status.text()
    desk.close()


def answer(when_shown: WhenShown, choice: str, seen: list[str]) -> None:
    def click(box: QMessageBox) -> None:
        seen.append(box.text())
        button = box.findChild(QPushButton, choice)
        assert button is not None
        button.click()

    when_shown(QMessageBox, click, ready=lambda box: box.objectName() == "quit_question")


def test_quitting_with_actions_waiting_asks_and_can_send_them_first(
    qtbot: QtBot, shop: Path, platform: PlatformProcess, when_shown: WhenShown
) -> None:
    desk = open_desk(qtbot, shop)
    shop_id = shop_id_of(desk.profile.db_path)
    platform.stop()
    review_the_first_order(desk)
    desk.qtbot.waitUntil(desk.controller.is_running, timeout=PROMPTLY_MS)
    desk.settle()
    assert "1 action waiting to sync" in desk.window.sync_status.text()

    seen: list[str] = []
    answer(when_shown, "stay", seen)
    desk.window.close()
    assert seen == ["1 action you took on this computer has not reached the platform yet."]
    assert desk.window.isVisible()

    platform.start()
    answer(when_shown, "sync_then_quit", seen)
    desk.window.close()
    qtbot.waitUntil(lambda: not desk.window.isVisible(), timeout=30_000)
    assert list(applied_mutations(platform.db, shop_id).values()) == ["applied"]
    assert isinstance(desk.window, MainWindow)
    desk.close()
