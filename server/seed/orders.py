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

from server.seed.calendar import (
    HOUR_CUM,
    day_start,
    day_weight,
    days_back,
    spread,
)
from server.seed.draw import open_ended
from server.seed.people import HISTORY_DAYS, ShopPlan

# (statuses, weights) by how many days ago the order was placed.
_STATUS_MIX: tuple[tuple[int, tuple[str, ...], tuple[int, ...]], ...] = (
    (0, ("pending_payment", "paid", "cancelled"), (12, 84, 4)),
    (2, ("paid", "shipped", "completed", "cancelled", "refunded"), (35, 55, 5, 4, 1)),
    (10, ("shipped", "completed", "cancelled", "refunded"), (30, 60, 6, 4)),
    (HISTORY_DAYS, ("completed", "cancelled", "refunded"), (89, 6, 5)),
)
_WAS_PAID = frozenset({"paid", "shipped", "completed", "refunded"})
TODAY_MINIMUM = 6


@dataclass
class OrderPlan:
    """Every order of one shop, oldest first, as parallel columns."""

    placed_at: list[int] = field(default_factory=list)
    customer: list[int] = field(default_factory=list)  # index into the shop's Customers
    store: list[int] = field(default_factory=list)  # manager id, 0 for the owner's own store
    status: list[str] = field(default_factory=list)
    paid_at: list[int | None] = field(default_factory=list)


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


def plan_orders(seed: int, number: int, plan: ShopPlan, total: int, anchor: date) -> OrderPlan:
    rng = random.Random(f"{seed}/orders/{number}")
    days = days_back(anchor, HISTORY_DAYS)
    weights = [day_weight(d, i / (HISTORY_DAYS - 1), rng) for i, d in enumerate(days)]
    weights[-1] *= 0.6  # the anchor day is still running
    customers = plan.customers
    forced_by_day: dict[int, list[tuple[int, bool]]] = {}
    forced = plan.forced_orders[:total]
    for index, must_pay in forced:
        forced_by_day.setdefault(customers.join_day[index], []).append((index, must_pay))
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
    join_day, home, never_pays = customers.join_day, customers.home, customers.never_pays
    orders = OrderPlan()
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
        entries: list[tuple[int, int, bool]] = []
        for _ in range(count):
            who = by_join[min(bisect(cum, rand() * top, 0, present), present - 1)]
            moment = bisect(hour_cum, rand()) * 3600 + int(rand() * 3600)
            entries.append((start + moment, who, False))
        for who, must_pay in forced_by_day.get(day_index, ()):
            entries.append((start + 10 * 3600 + rng.randrange(8 * 3600), who, must_pay))
        entries.sort()
        age = HISTORY_DAYS - 1 - day_index
        statuses, status_cum = _status_table(age)
        for placed, who, must_pay in entries:
            status = (
                _settle(age, never_pays[who], must_pay, rand)
                or statuses[bisect(status_cum, rand())]
            )
            store = home[who]
            if store and not must_pay and rand() < 0.08:
                store = 0  # now and then a sub-store's customer buys in the owner's own store
            orders.placed_at.append(placed)
            orders.customer.append(who)
            orders.store.append(store)
            orders.status.append(status)
            orders.paid_at.append(placed + 20 + int(rand() * 1780) if status in _WAS_PAID else None)
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
