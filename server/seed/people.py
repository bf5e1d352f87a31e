"""A demo shop's people: the owner, store managers on their task path, and customers."""

from __future__ import annotations

import random
from dataclasses import dataclass
from typing import Any

from server.ledger import ALLOCATION_DAYS
from server.seed import names
from server.seed.calendar import DAY
from server.seed.ids import HISTORY_DAYS, Ids
from server.seed.lines import BasketDraw
from server.seed.paths import Story, plan_story
from server.seed.story import (
    STORY_CUSTOMERS,
    STORY_LEAVERS,
    STORY_STAYERS,
    Customers,
    ForcedOrder,
    story_orders,
)

__all__ = [
    "HISTORY_DAYS",
    "STORY_LEAVERS",
    "STORY_STAYERS",
    "Customers",
    "EarlierRelease",
    "Ids",
    "ShopPlan",
    "plan_shop",
]


@dataclass(frozen=True)
class EarlierRelease:
    """A manager the owner let go months ago, who left with the customers she had proof of."""

    manager_id: int
    request_id: int
    decided_at: int
    new_shop_code: str


@dataclass
class ShopPlan:
    shop: dict[str, Any]
    managers: list[dict[str, Any]]
    manager_join_day: dict[int, int]
    story: Story
    customers: Customers
    # Orders the demo's story needs, placed among the others.
    forced_orders: list[ForcedOrder]
    earlier_release: EarlierRelease | None = None

    @property
    def requests(self) -> list[dict[str, Any]]:
        """The release requests of the story (the rest follow from the paths)."""
        return list(self.story.requests.values())


# Below this many orders a shop is too small for the story's paths (they take a few hundred).
STORY_MIN_ORDERS = 1_000


def plan_shop(
    seed: int,
    number: int,
    *,
    shop_id: int,
    orders: int,
    first_day: int,
    now: int,
    ids: Ids,
    draw: BasketDraw,
) -> ShopPlan:
    rng = random.Random(f"{seed}/shop/{number}")
    owner = names.person_name(rng)
    created = first_day - rng.randrange(20, 60) * DAY
    code = f"demo{number}"
    shop: dict[str, Any] = {
        "id": shop_id,
        "code": code,
        "name": names.shop_name(rng, owner),
        "owner_name": owner,
        "city": names.city(rng),
        "created_at": created,
        "released_from_shop_id": None,
    }
    customer_count = max(30, min(60_000, orders // 16))
    manager_count = min(rng.randint(20, 60), max(3, customer_count // 10))
    managers, join_days = _managers(rng, manager_count, first_day, ids)
    story = Story()
    if orders >= STORY_MIN_ORDERS:
        story = plan_story(rng, managers, join_days, now=now, ids=ids, shop_code=code)
        customer_count = max(customer_count, STORY_CUSTOMERS)
    earlier = None
    release_day = None
    if story.released is not None:
        request = story.requests[story.released.manager_id]
        earlier = EarlierRelease(
            manager_id=request["store_manager_id"],
            request_id=request["id"],
            decided_at=request["decided_at"],
            new_shop_code=request["new_shop_code"],
        )
        release_day = (earlier.decided_at - first_day) // DAY
    customers = _customers(
        rng, customer_count, join_days, ids, earlier=earlier, release_day=release_day
    )
    forced, reserved = story_orders(
        rng, customers, story, join_days, draw, first_day=first_day, now=now
    )
    if earlier is not None and release_day is not None:
        _compensate(rng, customers, earlier, release_day, reserved, first_day=first_day, now=now)
    return ShopPlan(shop, managers, join_days, story, customers, forced, earlier)


def _managers(
    rng: random.Random, count: int, first_day: int, ids: Ids
) -> tuple[list[dict[str, Any]], dict[int, int]]:
    first_id = ids.take("store_manager", count)
    rows: list[dict[str, Any]] = []
    join_days: dict[int, int] = {}
    for n in range(count):
        manager_id = first_id + n
        # The first managers came with the shop; the rest joined as it grew.
        day = rng.randint(0, 30) if n < 3 else int(rng.triangular(0, HISTORY_DAYS - 20, 200))
        join_days[manager_id] = day
        rows.append(
            {
                "id": manager_id,
                "name": names.person_name(rng),
                "phone_masked": names.masked_phone(rng),
                "city": names.city(rng),
                "joined_at": first_day + day * DAY + rng.randrange(9 * 3600, 22 * 3600),
                "status": "active",
                "current_stage_position": 1,
                "released_at": None,
            }
        )
    return rows, join_days


def _customers(
    rng: random.Random,
    count: int,
    manager_days: dict[int, int],
    ids: Ids,
    *,
    earlier: EarlierRelease | None,
    release_day: int | None,
) -> Customers:
    first_id = ids.take("customer", count)
    gone = earlier.manager_id if earlier else None
    by_join = sorted(manager_days.items(), key=lambda item: item[1])
    manager_pull = {m: rng.paretovariate(1.2) for m in manager_days}
    customers = Customers()
    for n in range(count):
        # More customers joined as the shop grew; the first few came with the owner.
        day = rng.randint(0, 5) if n < 10 else int((HISTORY_DAYS - 1) * rng.random() ** 0.7)
        allocated = rng.random() < 0.04
        home = 0
        if not allocated and rng.random() < 0.6:
            present = [
                m
                for m, joined in by_join
                if joined <= day
                and not (m == gone and release_day is not None and day >= release_day)
            ]
            if present:
                home = rng.choices(present, [manager_pull[m] for m in present])[0]
        never_pays = rng.random() < 0.03
        customers.ids.append(first_id + n)
        customers.join_day.append(day)
        customers.weight.append(0.2 if never_pays else min(rng.paretovariate(1.6), 40.0))
        customers.home.append(home)
        customers.never_pays.append(never_pays)
        customers.allocated.append(allocated)
        customers.profile.append((names.person_name(rng), names.masked_phone(rng), names.city(rng)))
    return customers


def _compensate(
    rng: random.Random,
    customers: Customers,
    earlier: EarlierRelease,
    release_day: int,
    reserved: set[int],
    *,
    first_day: int,
    now: int,
) -> None:
    """The public-domain customers the platform sent after the earlier release: about as many
    as had followed the manager there, arriving over the following weeks."""
    followed = sum(
        1
        for home, day, never in zip(
            customers.home, customers.join_day, customers.never_pays, strict=True
        )
        if home == earlier.manager_id and day < release_day and not never
    )
    later = [
        i
        for i, day in enumerate(customers.join_day)
        if day > release_day and not customers.allocated[i] and i not in reserved
    ]
    chosen = sorted(rng.sample(later, min(followed, len(later))))
    span = ALLOCATION_DAYS * DAY
    for n, index in enumerate(chosen):
        arrives = earlier.decided_at + int((n + rng.random()) * span / max(1, len(chosen)))
        arrives = min(arrives, now)
        customers.compensation[index] = (earlier.request_id, arrives)
        customers.allocated[index] = True
        customers.never_pays[index] = False
        customers.home[index] = 0
        # They order from the day after they arrive.
        customers.join_day[index] = (arrives - first_day) // DAY + 1
