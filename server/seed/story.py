"""The demo's story in orders: the payments that carry its managers through every stage,
the customers who make them, and the customers attached to a sub-store who never paid.

The story's payments are settled here, contents included, so that they meet each stage's
targets exactly as the stage counts them; the rest of the sub-store's sales only come on top.
"""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import NamedTuple

from server.seed.calendar import DAY, moment_in, moments_cum
from server.seed.catalogue import TASK_STAGES
from server.seed.lines import Basket, BasketDraw, basket_amount
from server.seed.paths import Story, StoryPath

# Everyone who paid in a waiting manager's sub-store leaves with her: at least the customers
# her last stage needed. These many more are attached to the first one's sub-store but never
# paid: they stay.
STORY_LEAVERS = int(TASK_STAGES[-1]["customers_target"])
STORY_STAYERS = 4
# A shop with the story has room for its three managers' customers and a crowd of its own.
STORY_CUSTOMERS = 4 * STORY_LEAVERS + STORY_STAYERS


@dataclass
class Customers:
    """One shop's customers before any order: where they came from and how much they buy."""

    ids: list[int] = field(default_factory=list)
    join_day: list[int] = field(default_factory=list)
    weight: list[float] = field(default_factory=list)
    home: list[int] = field(default_factory=list)  # manager id, or 0 for the owner's own store
    never_pays: list[bool] = field(default_factory=list)
    allocated: list[bool] = field(default_factory=list)
    profile: list[tuple[str, str, str]] = field(default_factory=list)  # name, phone, city
    # Allocated to make up for a release: customer index -> (release request id, arrival time).
    compensation: dict[int, tuple[int, int]] = field(default_factory=dict)


class ForcedOrder(NamedTuple):
    """An order the story needs: who, when, in which store, paid or never, and what it holds
    (None: drawn like any other order)."""

    customer: int  # index into the shop's Customers
    placed_at: int
    store: int  # manager id, 0 for the owner's own store
    paid: bool
    basket: Basket | None


def story_orders(
    rng: random.Random,
    customers: Customers,
    story: Story,
    manager_days: dict[int, int],
    draw: BasketDraw,
    *,
    first_day: int,
    now: int,
) -> tuple[list[ForcedOrder], set[int]]:
    """The story's orders, and the customers they took (kept out of later arrangements)."""
    orders: list[ForcedOrder] = []
    taken: set[int] = set()
    released = story.released.manager_id if story.released is not None else None
    for path in story.paths():
        pool = _pool(
            rng,
            customers,
            path,
            manager_days[path.manager_id],
            first_day,
            taken=taken,
            avoid_home=released if path is not story.released else None,
        )
        taken.update(pool)
        orders.extend(_stage_orders(rng, pool, path, draw))
    if story.waiting:
        manager_id = story.waiting[0].manager_id
        stayers = _stayers(rng, customers, manager_id, manager_days, taken, released=released)
        taken.update(stayers)
        for index in stayers:
            orders.append(_unpaid(rng, index, customers, manager_id, first_day=first_day, now=now))
    return orders, taken


def _pool(
    rng: random.Random,
    customers: Customers,
    path: StoryPath,
    manager_day: int,
    first_day: int,
    *,
    taken: set[int],
    avoid_home: int | None,
) -> list[int]:
    """The manager's own customers first, then others brought to her sub-store, all of whom
    joined before her path began and pay."""
    wanted = STORY_LEAVERS
    usable = [
        i
        for i in range(len(customers.ids))
        if i not in taken
        and not customers.allocated[i]
        and (avoid_home is None or customers.home[i] != avoid_home)
    ]
    rng.shuffle(usable)
    usable.sort(key=lambda i: customers.home[i] != path.manager_id)
    chosen = usable[:wanted]
    start_day = max(manager_day, (path.start - first_day) // DAY - 1)
    for index in chosen:
        customers.home[index] = path.manager_id
        customers.never_pays[index] = False
        if customers.join_day[index] > start_day:
            customers.join_day[index] = max(manager_day, start_day - rng.randrange(30))
    return chosen


def _stage_orders(
    rng: random.Random, pool: list[int], path: StoryPath, draw: BasketDraw
) -> list[ForcedOrder]:
    """Within each stage's planned span, payments by enough of the pool's customers for
    enough money to meet both of the stage's targets."""
    orders: list[ForcedOrder] = []
    begin = path.start
    for stage, end in zip(TASK_STAGES, path.ends, strict=True):
        # Placed a minute after the span opens; paid at most half an hour after being placed.
        low, high = begin + 60, end - 1800
        first_buyers = rng.sample(pool, int(stage["customers_target"]))
        sales, buyers = 0, set[int]()
        while sales < stage["sales_target_cents"] or len(buyers) < stage["customers_target"]:
            n = len(buyers)
            who = first_buyers[n] if n < len(first_buyers) else rng.choice(pool)
            basket = draw(rng.random)
            sales += basket_amount(basket)
            buyers.add(who)
            orders.append(ForcedOrder(who, rng.randint(low, high), path.manager_id, True, basket))
        begin = end
    return orders


def _stayers(
    rng: random.Random,
    customers: Customers,
    manager_id: int,
    manager_days: dict[int, int],
    taken: set[int],
    *,
    released: int | None,
) -> list[int]:
    """Customers attached to the sub-store who only ever cancelled: they stay with the owner."""
    manager_day = manager_days[manager_id]
    candidates = [
        i
        for i, day in enumerate(customers.join_day)
        if day >= manager_day
        and i not in taken
        and not customers.allocated[i]
        and customers.home[i] != released
    ]
    rng.shuffle(candidates)
    candidates.sort(key=lambda i: customers.home[i] != manager_id)
    chosen = candidates[:STORY_STAYERS]
    for index in chosen:
        customers.home[index] = manager_id
        customers.never_pays[index] = True
        customers.weight[index] = 0.2
    return chosen


def _unpaid(
    rng: random.Random, index: int, customers: Customers, store: int, *, first_day: int, now: int
) -> ForcedOrder:
    start = first_day + customers.join_day[index] * DAY
    span = min(DAY, now - start + 1)
    moment = moment_in(rng.random(), rng.random(), span, moments_cum(span))
    return ForcedOrder(index, start + moment, store, False, None)
