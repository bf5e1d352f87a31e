"""The dashboard shows the shop's own figures, in the owner's language."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import QEvent
from PySide6.QtGui import QHelpEvent, QTextDocumentFragment
from PySide6.QtWidgets import QApplication, QLabel, QToolTip
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.dashboard import SHOP_FIGURES, DashboardWorkspace
from gui.formatting import money, stamp
from gui.main_window import MainWindow
from gui.sync_controller import SyncController
from models.profile import Profile
from models.services.account import login
from models.services.dashboard import local_day_start
from models.sync.syncer import SyncOptions
from tests.gui.conftest import ShopFigures, add_order
from tests.platform_process import PlatformProcess


def read(tip: str) -> str:
    """A tooltip as the owner reads it."""
    return QTextDocumentFragment.fromHtml(tip).toPlainText()


def shown_dashboard(qtbot: QtBot, profile: Profile) -> DashboardWorkspace:
    board = DashboardWorkspace(profile)
    qtbot.addWidget(board)
    with qtbot.waitSignal(board.figures_shown):
        board.show()
    qtbot.waitUntil(lambda: not board.is_loading())
    return board


def test_the_cards_show_exactly_the_figures_of_the_shops_rows(
    qtbot: QtBot, shop_profile: Profile, figures: ShopFigures
) -> None:
    board = shown_dashboard(qtbot, shop_profile)

    shown = {name: board.card(name).value_text() for name in board.card_names()}
    assert shown == {
        "today_orders": "3",
        "today_sales": "¥1,123.45",
        "week_orders": "5",
        "week_sales": "¥1,436.01",
        # The commission of today's paid and shipped orders, all in the owner's own store;
        # no statement settled anything yet.
        "today_commission": "¥112.34",
        "available_balance": "¥0.00",
        "available_this_week": "¥0.00",
        "pending_releases": "1",
        # Orders 1, 5 and 6 are paid and not shipped; order 3, placed today, was cancelled.
        "waiting_to_ship": "3",
        "refunded_today": "0",
        "cancelled_today": "1",
        # The shop has no managers and no sale events.
        "managers_at_risk": "0",
        "events_ending_today": "0",
        "waiting_to_sync": "1",
        "refused": "1",
        "last_sync": "2 minutes ago",
    }
    assert shown["today_orders"] == str(figures.today_orders)
    assert shown["today_sales"] == money(figures.today_sales_cents)
    assert shown["week_orders"] == str(figures.week_orders)
    assert shown["week_sales"] == money(figures.week_sales_cents)
    assert board.card("today_orders").title_text() == "Today's orders"
    assert board.card("last_sync").caption_text().startswith("today ")
    assert board.notice_text() == ""


def test_a_shop_without_orders_says_so_and_offers_a_sync(
    qtbot: QtBot, empty_profile: Profile
) -> None:
    board = shown_dashboard(qtbot, empty_profile)

    assert board.card("today_orders").value_text() == "0"
    assert board.card("today_sales").value_text() == "¥0.00"
    assert board.card("last_sync").value_text() == "Not yet"
    assert "none of your shop's data" in board.notice_text()
    with qtbot.waitSignal(board.sync_requested):
        board.notice_sync_button().click()


def test_a_refresh_shows_what_changed_since(
    qtbot: QtBot, shop_profile: Profile, now: dt.datetime
) -> None:
    board = shown_dashboard(qtbot, shop_profile)
    add_order(shop_profile, 7, local_day_start(now) + 4, "paid", 100)

    with qtbot.waitSignal(board.figures_shown):
        board.refresh()
    qtbot.waitUntil(lambda: not board.is_loading())

    assert board.card("today_orders").value_text() == "4"
    assert board.card("today_sales").value_text() == "¥1,124.45"


def test_in_chinese_the_labels_are_chinese(
    qtbot: QtBot, qapp: QApplication, shop_profile: Profile
) -> None:
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    board = shown_dashboard(qtbot, shop_profile)

    assert board.title() == "经营概况"
    assert board.card("today_orders").title_text() == "今日订单"
    assert board.card("today_sales").title_text() == "今日销售额"
    assert board.card("pending_releases").title_text() == "放手申请"
    assert board.card("waiting_to_sync").title_text() == "待同步"
    assert board.card("today_sales").value_text() == "¥1,123.45"
    assert board.card("last_sync").value_text() == "2 分钟前"
    assert board.card("last_sync").caption_text().startswith("今天 ")


# The offscreen platform cannot raise the tooltip's window; real platforms do.
@pytest.mark.qt_log_ignore("This plugin does not support raise")
def test_every_card_says_what_it_counts(
    qtbot: QtBot, shop_profile: Profile, now: dt.datetime
) -> None:
    board = shown_dashboard(qtbot, shop_profile)

    tips = {name: read(board.card(name).toolTip()) for name in board.card_names()}
    assert all(tips.values()), tips
    assert len(set(tips.values())) == len(tips), "each card says something of its own"
    midnight = local_day_start(now)
    assert f"since midnight ({stamp(midnight)})" in tips["today_orders"]
    assert "cancelled" in tips["today_orders"]
    assert "refunded are not counted" in tips["today_sales"]
    assert stamp(midnight - 6 * 86_400) in tips["week_orders"]
    assert board.figures is not None
    assert board.figures.sync.last_sync is not None
    assert stamp(board.figures.sync.last_sync) in tips["last_sync"]
    # What the pointer resting on a card's figure shows.
    card = board.card("today_sales")
    value = card.findChild(QLabel, "figure_card_value")
    assert value is not None
    at = value.rect().center()
    QApplication.sendEvent(value, QHelpEvent(QEvent.Type.ToolTip, at, value.mapToGlobal(at)))
    assert QToolTip.isVisible()
    assert read(QToolTip.text()) == tips["today_sales"]


def test_in_chinese_the_cards_explain_themselves_in_chinese(
    qtbot: QtBot, qapp: QApplication, shop_profile: Profile
) -> None:
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    board = shown_dashboard(qtbot, shop_profile)

    assert "已付款" in board.card("today_sales").toolTip()
    assert "午夜" in board.card("today_orders").toolTip()
    assert "同步" in board.card("last_sync").toolTip()


def test_the_very_first_sync_shows_what_is_arriving_not_zeros(
    qtbot: QtBot, platform: PlatformProcess, tmp_path: Path
) -> None:
    profile = Profile.open(tmp_path / "new-computer")
    shop = login(profile, platform.url, "demo1", "demo").shop()
    # Small pages, so that the sync reports its progress many times.
    controller = SyncController(profile, options=SyncOptions(page_limit=250))
    window = MainWindow(profile, shop, controller)
    qtbot.addWidget(window)
    board = window.dashboard
    assert board is not None
    with qtbot.waitSignal(board.figures_shown):
        window.show()
    assert board.notice_text().startswith("This computer has none of your shop's data yet.")
    seen: list[tuple[str, list[str]]] = []

    def look(_progress: object) -> None:
        seen.append((board.notice_text(), [board.card(n).value_text() for n in SHOP_FIGURES]))

    controller.progress.connect(look)
    with qtbot.waitSignal(controller.finished, timeout=60_000):
        controller.sync_now()
    qtbot.waitUntil(lambda: not tasks.running() and board.figures is not None, timeout=20_000)

    pulled = [text for text, _ in seen if text.startswith("Fetching your shop's data for the")]
    assert len(pulled) > 3
    assert any(" orders" in text and " customers" in text for text in pulled)
    assert pulled[-1].endswith("changes received so far.")
    assert all(values == ["…"] * len(values) for _, values in seen)
    assert board.figures is not None
    assert board.figures.sync.last_sync is not None
    assert board.card("last_sync").value_text() not in ("…", "Now")
    assert not board.notice_text().startswith("Fetching")
    controller.stop()
    profile.close()
