"""Every card of the dashboard opens the place it counts, filtered to show the card's number."""

from __future__ import annotations

import datetime as dt
import time
from collections.abc import Iterator

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot
from sqlalchemy import text

from gui import tasks
from gui.dashboard_cards import CARDS, visible_cards
from gui.main_window import MainWindow
from gui.sync_controller import SyncController
from models.profile import Profile
from models.services.account import signed_in
from models.services.dashboard import DAY, local_day_start
from models.sync.syncer import SyncOptions
from tests.gui.conftest import present


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running(), timeout=30_000)
    qtbot.wait(20)
    qtbot.waitUntil(lambda: not tasks.running(), timeout=30_000)


BUSY_DAY = 60
STATUSES = ("paid", "shipped", "completed", "refunded", "cancelled", "paid")


def a_busy_day(profile: Profile) -> None:
    """The seeded history ends a week before today: its newest orders, with their items, are
    placed again today (new ids, the statuses of a day's work), and a sale event on now ends an
    hour before midnight."""
    now = int(time.time())
    midnight = local_day_start(dt.datetime.now().astimezone())
    since_midnight = max(now - midnight, BUSY_DAY)
    cases = " ".join(f"WHEN {i} THEN '{s}'" for i, s in enumerate(STATUSES))
    with profile.write() as s:
        top = int(s.execute(text('SELECT max(id) FROM "order"')).scalar() or 0)
        s.execute(
            text(
                f"""
                INSERT INTO "order" (id, order_no, customer_id, store_manager_id, placed_at,
                    paid_at, status, amount_cents, commission_cents, item_count, items_summary,
                    category, completed_at)
                SELECT id + :top, 'ZGT' || (id + :top), customer_id, store_manager_id,
                    :midnight + (rank * :step), :midnight + (rank * :step) + 60,
                    CASE rank % {len(STATUSES)} {cases} END,
                    amount_cents, commission_cents, item_count, items_summary, category, NULL
                FROM (SELECT *, row_number() OVER (ORDER BY placed_at DESC) - 1 AS rank
                      FROM "order") WHERE rank < :n
                """
            ),
            {"top": top, "midnight": midnight, "step": since_midnight // BUSY_DAY, "n": BUSY_DAY},
        )
        s.execute(
            text(
                """
                INSERT INTO order_item (id, order_id, product_id, sku_id, title, category,
                    quantity, unit_price_cents, commission_cents)
                SELECT i.id + 1000000, i.order_id + :top, i.product_id, i.sku_id, i.title,
                    i.category, i.quantity, i.unit_price_cents, i.commission_cents
                FROM order_item i JOIN "order" o ON o.id = i.order_id + :top
                """
            ),
            {"top": top},
        )
        if midnight + DAY - 3_600 > now:
            s.execute(
                text(
                    "UPDATE sale_event SET starts_at = :now - 3600, ends_at = :ends "
                    "WHERE id = (SELECT min(id) FROM sale_event)"
                ),
                {"now": now, "ends": midnight + DAY - 3_600},
            )


@pytest.fixture
def window(qtbot: QtBot, synced_profile: Profile) -> Iterator[MainWindow]:
    a_busy_day(synced_profile)
    shop = signed_in(synced_profile)
    assert shop is not None
    controller = SyncController(synced_profile, options=SyncOptions(retries=0, timeout=2.0))
    window = MainWindow(synced_profile, shop, controller)
    qtbot.addWidget(window)
    window.resize(1366, 768)
    with qtbot.waitSignal(present(window.dashboard).figures_shown, timeout=30_000):
        window.show()
    settle(qtbot)
    yield window
    settle(qtbot)
    controller.stop()


def sql(profile: Profile, query: str, **values: object) -> int:
    with profile.read() as s:
        return int(s.execute(text(query), values).scalar() or 0)


def click(qtbot: QtBot, window: MainWindow, name: str) -> None:
    window.show_workspace(present(window.dashboard))
    settle(qtbot)
    card = present(window.dashboard).card(name)
    assert card.leads()
    card.setFocus()
    QTest.keyClick(card, Qt.Key.Key_Return)
    settle(qtbot)


def orders_shown(qtbot: QtBot, window: MainWindow) -> int:
    assert window.current_workspace() is window.orders
    settle(qtbot)
    return present(window.orders).model.rowCount()


def test_every_card_that_counts_orders_opens_them(
    qtbot: QtBot, window: MainWindow, synced_profile: Profile
) -> None:
    board = present(window.dashboard)
    figures = board.figures
    assert figures is not None
    assert figures.todo is not None
    today = figures.day_start
    day = {"since": today, "until": today + DAY}
    direct = {
        "today_orders": sql(
            synced_profile,
            'SELECT count(*) FROM "order" WHERE placed_at >= :since AND placed_at < :until',
            **day,
        ),
        "week_orders": sql(
            synced_profile,
            'SELECT count(*) FROM "order" WHERE placed_at >= :since AND placed_at < :until',
            since=today - 6 * DAY,
            until=today + DAY,
        ),
        "waiting_to_ship": sql(
            synced_profile, "SELECT count(*) FROM \"order\" WHERE status='paid'"
        ),
        "refunded_today": sql(
            synced_profile,
            "SELECT count(*) FROM \"order\" WHERE status='refunded' "
            "AND placed_at >= :since AND placed_at < :until",
            **day,
        ),
        "cancelled_today": sql(
            synced_profile,
            "SELECT count(*) FROM \"order\" WHERE status='cancelled' "
            "AND placed_at >= :since AND placed_at < :until",
            **day,
        ),
    }
    assert direct["week_orders"] >= direct["today_orders"] == BUSY_DAY
    assert direct["waiting_to_ship"] > 0
    for name, number in direct.items():
        assert board.card(name).value_text() == f"{number:,}", name
        click(qtbot, window, name)
        assert orders_shown(qtbot, window) == number, name
    # The sales cards open the same orders as the order cards beside them.
    click(qtbot, window, "today_sales")
    assert orders_shown(qtbot, window) == direct["today_orders"]
    paid_sum = sql(
        synced_profile,
        'SELECT coalesce(sum(amount_cents), 0) FROM "order" WHERE placed_at >= :since '
        "AND placed_at < :until AND status IN ('paid', 'shipped', 'completed')",
        **day,
    )
    assert figures.today.sales_cents == paid_sum


def test_the_day_s_best_sub_stores_open_their_orders(
    qtbot: QtBot, window: MainWindow, synced_profile: Profile
) -> None:
    board = present(window.dashboard)
    figures = board.figures
    assert figures is not None
    assert figures.top_stores
    lines = board.ranked("top_stores").line_texts()
    assert len(lines) == len(figures.top_stores)
    best = figures.top_stores[0]
    today = figures.day_start
    number = sql(
        synced_profile,
        'SELECT count(*) FROM "order" WHERE coalesce(store_manager_id, 0) = :store '
        "AND placed_at >= :since AND placed_at < :until",
        store=best.store,
        since=today,
        until=today + DAY,
    )
    assert lines[0][1] == f"{number:,}"
    board.ranked("top_stores").activate_line(0)
    assert orders_shown(qtbot, window) == number
    assert board.ranked("top_products").line_texts(), "today's paid orders sold products"


def test_release_requests_open_the_queue_with_as_many_waiting(
    qtbot: QtBot, window: MainWindow
) -> None:
    click(qtbot, window, "pending_releases")
    assert window.current_workspace() is window.releases
    qtbot.waitUntil(lambda: not present(window.releases).is_loading())
    shown = present(window.dashboard).card("pending_releases").value_text()
    assert shown == f"{present(window.releases).badge():,}"
    waiting = [q for q in present(window.releases).queue_model.rows if q.needs_owner]
    assert len(waiting) == present(window.releases).badge()


def test_managers_at_risk_open_the_managers_at_risk(
    qtbot: QtBot, window: MainWindow, synced_profile: Profile
) -> None:
    click(qtbot, window, "managers_at_risk")
    assert window.current_workspace() is window.managers
    settle(qtbot)
    managers = window.managers
    shown = [managers.model.line_at(r) for r in range(managers.model.rowCount())]
    assert all(line is not None and line.outlook == "at_risk" for line in shown)
    assert present(window.dashboard).card("managers_at_risk").value_text() == f"{len(shown):,}"
    assert managers.filters.current().outlook == "at_risk"


def test_sale_events_ending_today_open_them_in_the_catalogue(
    qtbot: QtBot, window: MainWindow, synced_profile: Profile
) -> None:
    click(qtbot, window, "events_ending_today")
    assert window.current_workspace() is window.catalogue
    settle(qtbot)
    figures = present(window.dashboard).figures
    assert figures is not None
    now, midnight = int(time.time()), figures.day_start + DAY
    number = sql(
        synced_profile,
        "SELECT count(*) FROM sale_event WHERE starts_at <= :now AND ends_at > :now "
        "AND ends_at < :midnight",
        now=now,
        midnight=midnight,
    )
    events = window.catalogue.events
    assert events.model.rowCount() == number
    assert present(window.dashboard).card("events_ending_today").value_text() == f"{number:,}"
    assert events.count_label.text() == (
        f"{number:,} sale event ending today"
        if number == 1
        else f"{number:,} sale events ending today"
    )
    assert all(
        (e := events.model.event_at(r)) is not None and e.ends_at < midnight
        for r in range(events.model.rowCount())
    )
    # The way back to every event on now is beside the count.
    assert events.show_every_event.isVisibleTo(events)
    QTest.mouseClick(events.show_every_event, Qt.MouseButton.LeftButton)
    settle(qtbot)
    on_now = sql(
        synced_profile,
        "SELECT count(*) FROM sale_event WHERE starts_at <= :now AND ends_at > :now",
        now=int(time.time()),
    )
    assert events.model.rowCount() == on_now
    assert not events.show_every_event.isVisibleTo(events)
    assert "ending today" not in events.count_label.text()


def test_the_available_balance_opens_the_earnings_that_show_it(
    qtbot: QtBot, window: MainWindow
) -> None:
    click(qtbot, window, "available_balance")
    assert window.current_workspace() is window.earnings
    qtbot.waitUntil(lambda: not present(window.earnings).is_loading(), timeout=30_000)
    settle(qtbot)
    assert present(window.earnings).balance.figure("available") == (
        present(window.dashboard).card("available_balance").value_text()
    )


def test_a_role_that_may_not_see_earnings_gets_no_card_leading_there() -> None:
    shown = visible_cards(lambda place: place not in ("earnings", "releases"))
    assert {c.place for c in shown} == {c.place for c in CARDS} - {"earnings", "releases"}
    assert [c.name for c in shown if c.place is None] == ["waiting_to_sync", "refused", "last_sync"]


def test_old_figures_say_when_they_were_true(
    qtbot: QtBot, window: MainWindow, synced_profile: Profile
) -> None:
    board = present(window.dashboard)
    figures = board.figures
    assert figures is not None
    assert figures.sync.last_sync is not None
    later = dt.datetime.fromtimestamp(figures.sync.last_sync + 2 * 3600).astimezone()
    board.show_figures(figures, later)
    assert board.notice_text().startswith("Figures as of ")
    assert "the last sync" in board.notice_text()
