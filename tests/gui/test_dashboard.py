"""The dashboard shows the shop's own figures, in the owner's language."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import i18n
from gui.dashboard import DashboardWorkspace
from gui.formatting import money
from models.profile import Profile
from models.services.dashboard import local_day_start
from tests.gui.conftest import ShopFigures, add_order


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
