"""The dashboard's cards, each with the place it counts and the filter that shows its number.

The cards are one list so that a role that may not see a place (earnings, releases) can be
given a dashboard without the cards that lead there: ``visible_cards``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Final

from models.services.dashboard import DAY, Dashboard, TopProduct, TopStore
from models.services.managers import ManagerFilter
from models.services.order_table import OrderFilter


@dataclass(frozen=True)
class Opening:
    """Where a card leads: a workspace (by its icon name) and what it shows there."""

    place: str  # orders, releases, managers, earnings, catalogue
    orders: OrderFilter | None = None
    managers: ManagerFilter | None = None
    events_before: int | None = None  # the catalogue's sale events on now ending before this


@dataclass(frozen=True)
class Card:
    name: str
    section: str  # today, todo, money, sync
    place: str | None  # the workspace the card leads to, or None


CARDS: Final[tuple[Card, ...]] = (
    Card("today_orders", "today", "orders"),
    Card("today_sales", "today", "orders"),
    Card("week_orders", "today", "orders"),
    Card("week_sales", "today", "orders"),
    Card("waiting_to_ship", "todo", "orders"),
    Card("refunded_today", "todo", "orders"),
    Card("cancelled_today", "todo", "orders"),
    Card("pending_releases", "todo", "releases"),
    Card("managers_at_risk", "todo", "managers"),
    Card("events_ending_today", "todo", "catalogue"),
    Card("available_balance", "money", "earnings"),
    Card("today_commission", "money", "earnings"),
    Card("available_this_week", "money", "earnings"),
    Card("waiting_to_sync", "sync", None),
    Card("refused", "sync", None),
    Card("last_sync", "sync", None),
)
# The lists of the day's best: they lead to the orders workspace.
RANKED: Final = ("top_products", "top_stores")


def visible_cards(may_see: Callable[[str], bool] | None = None) -> list[Card]:
    """The cards whose place ``may_see`` allows (every card when None)."""
    return [c for c in CARDS if may_see is None or c.place is None or may_see(c.place)]


def card_opening(name: str, figures: Dashboard) -> Opening | None:
    """Where the card ``name`` leads with ``figures`` on screen."""
    today = figures.day_start
    tomorrow = today + DAY
    day = OrderFilter(since=today, until=tomorrow)
    found: dict[str, Opening] = {
        "today_orders": Opening("orders", orders=day),
        "today_sales": Opening("orders", orders=day),
        "week_orders": Opening("orders", orders=OrderFilter(since=today - 6 * DAY, until=tomorrow)),
        "week_sales": Opening("orders", orders=OrderFilter(since=today - 6 * DAY, until=tomorrow)),
        "waiting_to_ship": Opening("orders", orders=OrderFilter(status="paid")),
        "refunded_today": Opening(
            "orders", orders=OrderFilter(status="refunded", since=today, until=tomorrow)
        ),
        "cancelled_today": Opening(
            "orders", orders=OrderFilter(status="cancelled", since=today, until=tomorrow)
        ),
        "pending_releases": Opening("releases"),
        "managers_at_risk": Opening("managers", managers=ManagerFilter(outlook="at_risk")),
        "events_ending_today": Opening("catalogue", events_before=tomorrow),
        "available_balance": Opening("earnings"),
        "today_commission": Opening("earnings"),
        "available_this_week": Opening("earnings"),
    }
    return found.get(name)


def store_opening(store: TopStore, figures: Dashboard) -> Opening:
    """Today's orders of one sub-store: as many as the list counts."""
    today = figures.day_start
    return Opening("orders", orders=OrderFilter(since=today, until=today + DAY, store=store.store))


def product_opening(product: TopProduct, figures: Dashboard) -> Opening:
    """Today's orders with the product, found as the order search finds products."""
    today = figures.day_start
    return Opening("orders", orders=OrderFilter(since=today, until=today + DAY, text=product.title))
