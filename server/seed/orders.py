"""Two years of orders for one shop, first as a plan: who bought when, where, and with what
outcome. The plan is cheap (a few columns per order) and settles every customer's binding
before a single row is written; ``lines`` then fills in what each order contains."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from itertools import accumulate

from models import wire
from server.seed.calendar import (
    DAY,
    HOUR_CUM,
    day_share,
    day_start,
    day_weight,
    days_back,
    moment_in,
    moments_cum,
    spread,
)
from server.seed.draw import open_ended
from server.seed.lines import Basket
from server.seed.people import HISTORY_DAYS, ShopPlan
from server.seed.story import ForcedOrder

# (statuses, weights) by how many days ago the order was placed.
_STATUS_MIX: tuple[tuple[int, tuple[str, ...], tuple[int, ...]], ...] = (
    (0, ("pending_payment", "paid", "cancelled"), (12, 84, 4)),
    (2, ("paid", "shipped", "completed", "cancelled", "refunded"), (35, 55, 5, 4, 1)),
    (10, ("shipped", "completed", "cancelled", "refunded"), (30, 60, 6, 4)),
    (HISTORY_DAYS, ("completed", "cancelled", "refunded"), (89, 6, 5)),
)
_WAS_PAID = frozenset({"paid", "shipped", "completed", "refunded"})
_PAID = frozenset(wire.PAID_ORDER_STATUSES)
TODAY_MINIMUM = 6


@dataclass
class OrderPlan:
    """Every order of one shop, oldest first, as parallel columns."""

    placed_at: list[int] = field(default_factory=list)
    customer: list[int] = field(default_factory=list)  # index into the shop's Customers
    store: list[int] = field(default_factory=list)  # manager id, 0 for the owner's own store
    status: list[str] = field(default_factory=list)
    paid_at: list[int | None] = field(default_factory=list)
    # The story's orders whose contents are settled, by order index.
    baskets: dict[int, Basket] = field(default_factory=dict)
    # Each customer's first payment: (paid at, store), kept up to date by whoever moves orders.
    first_paid: dict[int, tuple[int, int]] = field(default_factory=dict)


def _status_table(age: int) -> tuple[tuple[str, ...], list[float]]:
    for upto, statuses, weights in _STATUS_MIX:
        if age <= upto:
            return statuses, open_ended(weights)
    raise AssertionError(age)


def _settle(age: int, never_pays: bool, must_pay: bool, rand: Callable[[], float]) -> str | None:
    """The status forced by the story of the demo, or None to draw it by age."""
    if never_pays:
        return "pending_payment" if age == 0 and rand() < 0.5 else "cancelled"
    if must_pay:
        return "paid" if age == 0 else "shipped" if age <= 2 else "completed"
    return None


def plan_orders(
    seed: int, number: int, plan: ShopPlan, total: int, anchor: date, *, now: int
) -> OrderPlan:
    """``total`` orders over the history that ends at ``now``, the story's among them.

    Until a customer first pays, she buys in the store she came in by; from then on in the
    store she belongs to (the one of that first payment), and a sub-store's customer now and
    then in the owner's own store.
    """
    rng = random.Random(f"{seed}/orders/{number}")
    days = days_back(anchor, HISTORY_DAYS)
    weights = [day_weight(d, i / (HISTORY_DAYS - 1), rng) for i, d in enumerate(days)]
    last_start = day_start(days[-1])
    last_span = now - last_start + 1  # the seconds of the anchor day that are history
    if last_span < DAY:
        weights[-1] *= day_share(last_span)  # the anchor day is still running
    customers = plan.customers
    forced_by_day: dict[int, list[ForcedOrder]] = {}
    forced = plan.forced_orders[:total]
    first = day_start(days[0])
    for order in forced:
        forced_by_day.setdefault((order.placed_at - first) // DAY, []).append(order)
    counts = spread(total - len(forced), weights)
    # Even a small demo shop has a few orders today, so the day's work is never empty.
    wanted_today = min(TODAY_MINIMUM, sum(counts))
    while counts[-1] < wanted_today:
        busiest = max(range(len(counts) - 1), key=counts.__getitem__)
        counts[busiest] -= 1
        counts[-1] += 1

    by_join = sorted(range(len(customers.ids)), key=lambda i: (customers.join_day[i], i))
    cum = list(accumulate(customers.weight[i] for i in by_join))
    hour_cum = open_ended(HOUR_CUM)
    last_cum = moments_cum(min(DAY, last_span))
    join_day, home, never_pays = customers.join_day, customers.home, customers.never_pays
    bound = [-1] * len(customers.ids)  # the store of each customer's first payment so far
    orders = OrderPlan()
    first_paid = orders.first_paid
    present = carried = 0
    rand = rng.random
    for day_index, day in enumerate(days):
        while present < len(by_join) and join_day[by_join[present]] <= day_index:
            present += 1
        count = counts[day_index] + carried
        if present == 0:
            carried = count  # nobody could have ordered yet; those orders come a day later
            continue
        carried = 0
        start = day_start(day)
        top = cum[present - 1]
        # (placed, customer, index of the story's order of the day or -1), sorted as tuples.
        entries: list[tuple[int, int, int]] = []
        final = day_index == len(days) - 1
        for _ in range(count):
            who = by_join[min(bisect(cum, rand() * top, 0, present), present - 1)]
            if final:
                moment = moment_in(rand(), rand(), min(DAY, last_span), last_cum)
            else:
                moment = bisect(hour_cum, rand()) * 3600 + int(rand() * 3600)
            entries.append((start + moment, who, -1))
        story_orders = forced_by_day.get(day_index, [])
        for n, order in enumerate(story_orders):
            entries.append((order.placed_at, order.customer, n))
        entries.sort()
        age = HISTORY_DAYS - 1 - day_index
        statuses, status_cum = _status_table(age)
        for placed, who, story_index in entries:
            story = story_orders[story_index] if story_index >= 0 else None
            must_pay = story is not None and story.paid
            status = (
                _settle(age, never_pays[who], must_pay, rand)
                or statuses[bisect(status_cum, rand())]
            )
            if story is not None:
                store = story.store
                if story.basket is not None:
                    orders.baskets[len(orders.placed_at)] = story.basket
            else:
                belongs = bound[who]
                store = home[who] if belongs < 0 else belongs
                if belongs > 0 and rand() < 0.08:
                    store = 0  # now and then a sub-store's customer buys in the owner's own store
            paid_at = placed + 20 + int(rand() * 1780) if status in _WAS_PAID else None
            if paid_at is not None and paid_at > now:
                status, paid_at = "pending_payment", None  # the payment has not come yet
            if paid_at is not None and status in _PAID:
                known = first_paid.get(who)
                # Paid sooner than an order placed a little earlier: this one comes first.
                if known is None or paid_at < known[0]:
                    first_paid[who] = (paid_at, store)
                    bound[who] = store
            orders.placed_at.append(placed)
            orders.customer.append(who)
            orders.store.append(store)
            orders.status.append(status)
            orders.paid_at.append(paid_at)
    _leave_one_unpaid_today(orders, day_start(days[-1]))
    return orders


def _leave_one_unpaid_today(orders: OrderPlan, today: int) -> None:
    """Make sure today shows an order still waiting for payment (the latest one, if need be)."""
    todays: list[int] = []
    for index in range(len(orders.placed_at) - 1, -1, -1):  # newest first; stop at yesterday
        if orders.placed_at[index] < today:
            break
        todays.append(index)
    if len(todays) < 2 or any(orders.status[i] == "pending_payment" for i in todays):
        return
    latest = todays[0]
    orders.status[latest] = "pending_payment"
    orders.paid_at[latest] = None
