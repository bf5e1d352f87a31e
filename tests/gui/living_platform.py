"""A platform that lives (its simulation places and moves orders) and the window of a shop
synced with it, for the tests of the owner's place and words."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.main_window import MainWindow
from gui.orders.table_model import ROW_ROLE
from gui.orders.workspace import OrdersWorkspace
from gui.sync_controller import SyncController
from models.profile import Profile
from models.services.account import login, signed_in
from models.services.order_table import OrderRow
from models.sync.syncer import SyncOptions
from tests.platform_process import PlatformProcess

# Platform time runs this many times faster than the wall: a sync a few seconds later brings
# new orders and orders that moved on (paid, shipped).
SPEED = "600"


@pytest.fixture
def living_platform(seeded_platform_db: Path, tmp_path: Path) -> Iterator[PlatformProcess]:
    folder = tmp_path / "living"
    folder.mkdir()
    db = folder / "platform.sqlite3"
    shutil.copy(seeded_platform_db, db)
    server = PlatformProcess(db)
    server.start("--simulate", "--speed", SPEED)
    yield server
    server.stop()


@pytest.fixture
def shop_folder(
    synced_profile_template: Path, living_platform: PlatformProcess, tmp_path: Path
) -> Path:
    """A profile of demo1 that pulled the seeded platform, signed in to the living one."""
    folder = tmp_path / "shop"
    shutil.copytree(synced_profile_template, folder)
    profile = Profile.open(folder)
    try:
        login(profile, living_platform.url, "demo1", "demo")
    finally:
        profile.close()
    return folder


def platform_orders(platform: PlatformProcess, shop_id: int) -> int:
    with sqlite3.connect(platform.db) as conn:
        return int(
            conn.execute('SELECT count(*) FROM "order" WHERE shop_id = ?', (shop_id,)).fetchone()[0]
        )


@dataclass
class Desk:
    """The window of the shop, its sync controller and its profile."""

    qtbot: QtBot
    profile: Profile
    window: MainWindow
    controller: SyncController

    @property
    def orders(self) -> OrdersWorkspace:
        orders = self.window.orders
        assert orders is not None  # the owner's window
        return orders

    def settle(self) -> None:
        self.qtbot.waitUntil(
            lambda: (
                not self.controller.is_running()
                and not tasks.running()
                and not self.orders.model.loading
            ),
            timeout=60_000,
        )

    def sync(self) -> None:
        """A background sync, as the interval timer starts it."""
        assert self.controller.sync_now()
        self.settle()

    def current(self) -> OrderRow:
        row = self.orders.table.currentIndex().data(ROW_ROLE)
        assert isinstance(row, OrderRow)
        return row

    def close(self) -> None:
        self.window.close()
        self.controller.stop()
        self.settle()
        self.profile.close()


def open_desk(qtbot: QtBot, folder: Path, **options: object) -> Desk:
    profile = Profile.open(folder)
    shop = signed_in(profile)
    assert shop is not None
    controller = SyncController(
        profile,
        options=SyncOptions(retries=0, timeout=10.0, **options),  # type: ignore[arg-type]
    )
    window = MainWindow(profile, shop, controller)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    window.show()
    desk = Desk(qtbot, profile, window, controller)
    with qtbot.waitSignal(desk.orders.model.loaded, timeout=30_000):
        window.show_workspace(desk.orders)
    desk.settle()
    return desk
