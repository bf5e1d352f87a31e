"""A demo shop's people: the owner, store managers on their task path, and customers."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from typing import Any

from server.seed import names
from server.seed.calendar import DAY
from server.seed.catalogue import TASK_STAGES

HISTORY_DAYS = 730


class Ids:
    """Platform-wide id counters: ids stay unique across shops, as on the real platform."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}

    def take(self, entity: str, count: int = 1) -> int:
        first = self.last.get(entity, 0) + 1
        self.last[entity] = first + count - 1
        return first


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
    progress, requests, release_manager = _task_paths(rng, managers, join_days, first_day, ids)
    customers = _customers(rng, customer_count, join_days, ids)
    forced = _force_release_story(rng, customers, release_manager, join_days[release_manager])
    return ShopPlan(
        shop, managers, join_days, progress, requests, customers, release_manager, forced
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


def _task_paths(
    rng: random.Random,
    managers: list[dict[str, Any]],
    join_days: dict[int, int],
    first_day: int,
    ids: Ids,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int]:
    today = first_day + (HISTORY_DAYS - 1) * DAY
    now = today + 12 * 3600
    earliest = min(managers, key=lambda m: (join_days[m["id"]], m["id"]))["id"]
    progress: list[dict[str, Any]] = []
    requests: list[dict[str, Any]] = []
    for manager in managers:
        manager_id = manager["id"]
        tenure = HISTORY_DAYS - 1 - join_days[manager_id]
        if manager_id == earliest or (tenure > 220 and rng.random() < 0.3):
            done = len(TASK_STAGES)
        elif tenure > 120:
            done = rng.randint(0, 2)
        else:
            done = rng.randint(0, 1) if tenure > 45 else 0
        started = manager["joined_at"]
        for stage in TASK_STAGES[:done]:
            window = stage["window_days"] * DAY
            finished = started + int(window * rng.uniform(0.4, 0.95))
            progress.append(
                _progress_row(
                    ids,
                    manager_id,
                    stage,
                    started=started,
                    status="completed",
                    finished=finished,
                    rng=rng,
                )
            )
            started = finished + rng.randrange(DAY)
        if done < len(TASK_STAGES):
            stage = TASK_STAGES[done]
            window = stage["window_days"] * DAY
            failed = rng.random() < 0.12
            back = window + rng.randrange(DAY, 30 * DAY) if failed else rng.randrange(window - DAY)
            started = max(started, now - back)
            status = "failed" if failed and started + window < now else "in_progress"
            progress.append(
                _progress_row(
                    ids, manager_id, stage, started=started, status=status, finished=None, rng=rng
                )
            )
            manager["current_stage_position"] = stage["position"]
            continue
        manager["current_stage_position"] = len(TASK_STAGES)
        last = progress[-1]
        passed = manager_id == earliest or rng.random() < 0.7
        last["assessment"] = "passed" if passed else "pending"
        if passed:
            requests.append(
                _release_request(
                    rng,
                    ids,
                    manager_id,
                    last_stage=last,
                    now=now,
                    keep_pending=manager_id == earliest,
                )
            )
    return progress, requests, earliest


def _progress_row(
    ids: Ids,
    manager_id: int,
    stage: dict[str, Any],
    *,
    started: int,
    status: str,
    finished: int | None,
    rng: random.Random,
) -> dict[str, Any]:
    met = status == "completed"
    share = rng.uniform(1.0, 1.6) if met else rng.uniform(0.05, 0.9)
    return {
        "id": ids.take("task_progress"),
        "store_manager_id": manager_id,
        "stage_id": stage["id"],
        "started_at": started,
        "deadline_at": started + stage["window_days"] * DAY,
        "sales_cents": int(stage["sales_target_cents"] * share),
        "customers_count": int(stage["customers_target"] * share),
        "status": status,
        "assessment": "passed" if met else "not_started",
        "completed_at": finished,
    }


def _release_request(
    rng: random.Random,
    ids: Ids,
    manager_id: int,
    *,
    last_stage: dict[str, Any],
    now: int,
    keep_pending: bool,
) -> dict[str, Any]:
    created = min(now - DAY, last_stage["completed_at"] + rng.randrange(DAY, 5 * DAY))
    declined = not keep_pending and rng.random() < 0.5
    return {
        "id": ids.take("release_request"),
        "store_manager_id": manager_id,
        "created_at": created,
        "status": "declined" if declined else "pending",
        "decided_at": created + rng.randrange(3600, 3 * DAY) if declined else None,
        "decision_reason": rng.choice(_DECLINE_REASONS) if declined else "",
        "new_shop_code": None if keep_pending else f"m{manager_id}",
    }


_DECLINE_REASONS = (
    "她想再带一段时间团队，明年再考虑独立。",
    "店里正值旺季，等活动结束后再谈。",
    "先一起把618做完。",
)


def _customers(rng: random.Random, count: int, manager_days: dict[int, int], ids: Ids) -> Customers:
    first_id = ids.take("customer", count)
    by_join = sorted(manager_days.items(), key=lambda item: item[1])
    manager_pull = {m: rng.paretovariate(1.2) for m in manager_days}
    customers = Customers()
    for n in range(count):
        # More customers joined as the shop grew; the first few came with the owner.
        day = rng.randint(0, 5) if n < 10 else int((HISTORY_DAYS - 1) * rng.random() ** 0.7)
        allocated = rng.random() < 0.04
        home = 0
        if not allocated and rng.random() < 0.6:
            present = [m for m, joined in by_join if joined <= day]
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


def _force_release_story(
    rng: random.Random, customers: Customers, manager_id: int, manager_day: int
) -> list[tuple[int, bool]]:
    """Make sure the pending release has both customers who leave and customers who stay."""
    own = [i for i, home in enumerate(customers.home) if home == manager_id]
    candidates = [
        i
        for i, day in enumerate(customers.join_day)
        if day >= manager_day and not customers.allocated[i] and customers.home[i] != manager_id
    ]
    rng.shuffle(candidates)
    while len(own) < 6 and candidates:
        moved = candidates.pop()
        customers.home[moved] = manager_id
        own.append(moved)
    forced: list[tuple[int, bool]] = []
    for n, index in enumerate(own[:6]):
        stays = n < 2  # two who only ever cancelled: attached to the sub-store, yet they stay
        customers.never_pays[index] = stays
        if stays:
            customers.weight[index] = 0.2
        forced.append((index, not stays))
    return forced
