"""A demo shop's people: the owner, store managers on their task path, and customers."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from server.ledger import ALLOCATION_DAYS
from server.seed import names
from server.seed.calendar import DAY
from server.seed.ids import HISTORY_DAYS, Ids
from server.seed.paths import task_paths

__all__ = ["HISTORY_DAYS", "Customers", "EarlierRelease", "Ids", "ShopPlan", "plan_shop"]


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
    progress: list[dict[str, Any]]
    requests: list[dict[str, Any]]
    customers: Customers
    release_manager_id: int
    # Orders every demo must have, so a release can be tried: (customer index, must be paid).
    forced_orders: list[tuple[int, bool]]
    earlier_release: EarlierRelease | None = None


def plan_shop(
    seed: int, number: int, *, shop_id: int, orders: int, first_day: int, ids: Ids
) -> ShopPlan:
    rng = random.Random(f"{seed}/shop/{number}")
    owner = names.person_name(rng)
    created = first_day - rng.randrange(20, 60) * DAY
    shop = {
        "id": shop_id,
        "code": f"demo{number}",
        "name": names.shop_name(rng, owner),
        "owner_name": owner,
        "city": names.city(rng),
        "created_at": created,
        "released_from_shop_id": None,
    }
    customer_count = max(30, min(60_000, orders // 16))
    manager_count = min(rng.randint(20, 60), max(3, customer_count // 10))
    managers, join_days = _managers(rng, manager_count, first_day, ids)
    progress, requests, release_manager, released = task_paths(
        rng, managers, join_days, first_day, ids
    )
    earlier = None
    release_day = None
    if released is not None:
        request = released
        earlier = EarlierRelease(
            manager_id=request["store_manager_id"],
            request_id=request["id"],
            decided_at=request["decided_at"],
            new_shop_code=f"{shop['code']}-m{request['store_manager_id']}",
        )
        request["new_shop_code"] = earlier.new_shop_code
        release_day = (earlier.decided_at - first_day) // DAY
    customers = _customers(
        rng, customer_count, join_days, ids, earlier=earlier, release_day=release_day
    )
    forced = _force_release_story(
        rng,
        customers,
        release_manager,
        join_days[release_manager],
        released_manager=earlier.manager_id if earlier else None,
    )
    return ShopPlan(
        shop, managers, join_days, progress, requests, customers, release_manager, forced, earlier
    )


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
    if earlier is not None and release_day is not None:
        _compensate(rng, customers, earlier, release_day)
    return customers


def _compensate(
    rng: random.Random, customers: Customers, earlier: EarlierRelease, release_day: int
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
        if day > release_day and not customers.allocated[i]
    ]
    chosen = sorted(rng.sample(later, min(followed, len(later))))
    span = ALLOCATION_DAYS * DAY
    for n, index in enumerate(chosen):
        arrives = earlier.decided_at + int((n + rng.random()) * span / max(1, len(chosen)))
        customers.compensation[index] = (earlier.request_id, arrives)
        customers.allocated[index] = True
        customers.never_pays[index] = False
        customers.home[index] = 0
        customers.join_day[index] = release_day + (arrives - earlier.decided_at) // DAY


# The waiting release's story: this many customers with a paid order in the sub-store (they
# leave with her), and this many attached to it who never paid (they stay with the owner).
STORY_LEAVERS = 14
STORY_STAYERS = 4


def _force_release_story(
    rng: random.Random,
    customers: Customers,
    manager_id: int,
    manager_day: int,
    *,
    released_manager: int | None,
) -> list[tuple[int, bool]]:
    """Make sure the pending release has both customers who leave and customers who stay."""
    wanted = STORY_LEAVERS + STORY_STAYERS
    own = [i for i, home in enumerate(customers.home) if home == manager_id]
    candidates = [
        i
        for i, day in enumerate(customers.join_day)
        if day >= manager_day
        and not customers.allocated[i]
        and customers.home[i] not in (manager_id, released_manager)
    ]
    rng.shuffle(candidates)
    while len(own) < wanted and candidates:
        moved = candidates.pop()
        customers.home[moved] = manager_id
        own.append(moved)
    forced: list[tuple[int, bool]] = []
    for n, index in enumerate(own[:wanted]):
        stays = n < STORY_STAYERS  # only ever cancelled: attached to the sub-store, yet they stay
        customers.never_pays[index] = stays
        if stays:
            customers.weight[index] = 0.2
        forced.append((index, not stays))
    return forced
