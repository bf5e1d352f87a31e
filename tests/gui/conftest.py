"""Fixtures of the desktop tests: settings in tmp_path, no task left behind, a real shop profile."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

import pytest
from PySide6.QtCore import QSettings, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton, QWidget

from gui import i18n, tasks
from gui.sync_controller import SyncController
from models.db import Order, OutboxEntry, ReleaseRequest, SyncState
from models.profile import Profile
from models.services.account import SignedIn, signed_in
from models.services.dashboard import local_day_start
from models.services.reviews import review_order
from models.sync.syncer import SyncOptions

W = TypeVar("W", bound=QWidget)

UNREACHABLE_PLATFORM = "http://127.0.0.1:9"
# The offscreen platform cannot pass a window's size limits on; real platforms do.
OFFSCREEN_NOISE = "This plugin does not support propagateSizeHints"
SHOP_NAME = "小美的衣橱"
DAY = 86_400


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.qt_log_ignore(OFFSCREEN_NOISE))


P = TypeVar("P")


def present(page: P | None) -> P:
    """A page of the window that the signed-in person's role has."""
    assert page is not None, "this person's window has no such page"
    return page


@pytest.fixture(autouse=True)
def settings_in_tmp(tmp_path: Path) -> Iterator[Path]:
    """QSettings of this test live in its own folder, never in the user's."""
    folder = tmp_path / "settings"
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(folder))
    yield folder
    QSettings.setDefaultFormat(QSettings.Format.NativeFormat)


@pytest.fixture(autouse=True)
def no_task_left_running(qapp: QApplication) -> Iterator[None]:
    """Fail a test that leaves background work running when it ends.

    Work that a timer started as the test ended (a pane's delayed load, a picture) may finish
    first: it must not run into the next test, and it does not; work still running after that
    is stuck or long, and fails the test.
    """
    yield
    if tasks.running():
        tasks.wait_for_all(10.0)
    left = tasks.running()
    if left:
        tasks.cancel_all()
        tasks.wait_for_all(30.0)
        pytest.fail(f"the test left background tasks running: {left}")


_answerers: list[QTimer] = []


def answer_quit_questions(choice: str = "quit_anyway") -> QTimer:
    """Answer every question the window asks before it quits (``choice`` is the button's
    object name), as the owner would click it."""
    timer = QTimer()
    timer.setInterval(20)

    def poll() -> None:
        for widget in QApplication.topLevelWidgets():
            if isinstance(widget, QMessageBox) and widget.objectName() == "quit_question":
                button = widget.findChild(QPushButton, choice)
                if widget.isVisible() and button is not None:
                    button.click()

    timer.timeout.connect(poll)
    timer.start()
    _answerers.append(timer)
    return timer


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Iterator[None]:
    """When the test's windows are closed after it, the owner quits anyway: local actions the
    test left waiting stay in its profile."""
    yield
    answer_quit_questions()


@pytest.fixture(autouse=True)
def quit_answerers_stopped(qapp: QApplication) -> Iterator[None]:
    yield
    while _answerers:
        _answerers.pop().stop()


@pytest.fixture(autouse=True)
def english_interface(qapp: QApplication) -> Iterator[None]:
    """English source strings unless a test installs a language; removed again afterwards."""
    i18n.install(qapp, "en")
    yield
    i18n.remove(qapp)


@dataclass(frozen=True)
class ShopFigures:
    """What the rows of ``shop_profile`` add up to."""

    today_orders: int = 3
    today_sales_cents: int = 12_345 + 100_000
    week_orders: int = 5
    week_sales_cents: int = 12_345 + 100_000 + 23_456 + 7_800
    pending_releases: int = 1
    waiting_to_sync: int = 1
    refused: int = 1


def add_order(
    profile: Profile, order_id: int, placed_at: int, status: str, amount_cents: int
) -> None:
    with profile.write() as s:
        s.add(
            Order(
                id=order_id,
                order_no=f"ZG{order_id:016d}",
                customer_id=1,
                store_manager_id=None,
                placed_at=placed_at,
                paid_at=placed_at + 60 if status != "cancelled" else None,
                status=status,
                amount_cents=amount_cents,
                commission_cents=amount_cents // 10,
                item_count=1,
                items_summary="真丝衬衫 x1",
                category="时尚女装",
            )
        )


def sign_in_locally(
    profile: Profile, *, platform_url: str = UNREACHABLE_PLATFORM, last_sync_at: int | None = None
) -> SignedIn:
    with profile.write() as s:
        s.add(
            SyncState(
                id=1,
                platform_url=platform_url,
                shop_id=7,
                shop_code="demo7",
                shop_name=SHOP_NAME,
                token="token-of-demo7",
                cursor="0:0",
                epoch=None,
                last_sync_at=last_sync_at,
                last_error="",
            )
        )
    shop = signed_in(profile)
    assert shop is not None
    return shop


@pytest.fixture
def now() -> dt.datetime:
    return dt.datetime.now().astimezone()


@pytest.fixture
def empty_profile(tmp_path: Path) -> Iterator[Profile]:
    """A profile signed in to a shop on an unreachable platform, with nothing synced yet."""
    profile = Profile.open(tmp_path / "empty")
    sign_in_locally(profile)
    yield profile
    profile.close()


@pytest.fixture
def shop_profile(tmp_path: Path, now: dt.datetime) -> Iterator[Profile]:
    """A real profile with orders of today and of the last week, a release request and actions.

    Last synced 2 minutes ago, against a platform address where nothing listens.
    """
    profile = Profile.open(tmp_path / "p")
    stamp = int(now.timestamp())
    sign_in_locally(profile, last_sync_at=stamp - 125)
    today = local_day_start(now)
    add_order(profile, 1, today + 1, "paid", 12_345)
    add_order(profile, 2, today + 2, "shipped", 100_000)
    add_order(profile, 3, today + 3, "cancelled", 5_000)
    add_order(profile, 4, today - 3 * DAY + 3_600, "completed", 23_456)
    add_order(profile, 5, today - 6 * DAY + 1, "paid", 7_800)
    add_order(profile, 6, today - 8 * DAY, "paid", 99_999)
    with profile.write() as s:
        s.add(
            ReleaseRequest(
                id=1,
                store_manager_id=3,
                created_at=stamp - DAY,
                status="pending",
                decided_at=None,
                decision_reason="",
                new_shop_code=None,
            )
        )
        s.add(
            ReleaseRequest(
                id=2,
                store_manager_id=4,
                created_at=stamp - 9 * DAY,
                status="approved",
                decided_at=stamp - 8 * DAY,
                decision_reason="",
                new_shop_code="demo9",
            )
        )
        s.add(
            OutboxEntry(
                id="refused-earlier",
                kind="order_review.set",
                entity="order_review",
                entity_key="4",
                payload="{}",
                created_at=stamp - 2 * DAY,
                status="rejected",
                attempts=1,
                answered_at=stamp - 2 * DAY,
                reject_code="order_closed",
                reject_reason="the order is closed",
            )
        )
    review_order(profile, "ZG0000000000000001", reviewed=True, note="周五前发货")
    yield profile
    profile.close()


@pytest.fixture
def figures() -> ShopFigures:
    return ShopFigures()


@pytest.fixture
def quick_controller(shop_profile: Profile) -> Iterator[SyncController]:
    """A sync controller that gives up on an unreachable platform at once."""
    controller = SyncController(shop_profile, options=SyncOptions(retries=0, timeout=5.0))
    yield controller
    controller.stop()


class WhenShown:
    """Act on a window once it is shown, for code that blocks in ``exec()``."""

    def __init__(self) -> None:
        self._timers: list[QTimer] = []

    def __call__(
        self,
        kind: type[W],
        action: Callable[[W], object],
        ready: Callable[[W], bool] = lambda _widget: True,
    ) -> None:
        timer = QTimer()
        timer.setInterval(20)

        def poll() -> None:
            for widget in QApplication.topLevelWidgets():
                if isinstance(widget, kind) and widget.isVisible() and ready(widget):
                    timer.stop()
                    action(widget)
                    return

        timer.timeout.connect(poll)
        timer.start()
        self._timers.append(timer)

    def stop(self) -> None:
        for timer in self._timers:
            timer.stop()


@pytest.fixture
def when_shown(qapp: QApplication) -> Iterator[WhenShown]:
    watcher = WhenShown()
    yield watcher
    watcher.stop()
