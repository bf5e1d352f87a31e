"""Store managers' promotion paths in a demo shop, walked over the sub-stores' own payments.

Every manager starts the path when she joins (a manager of the demo's story, when the story
needs her to), and her stages follow from what her sub-store's customers paid, by the rule
the simulation and ``server.promotion`` apply: a stage counts the payments of its window,
completes at the payment that meets its last target, fails at its deadline and starts again.
"""

from __future__ import annotations

import random
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

from server.promotion import counts_for
from server.seed.calendar import DAY
from server.seed.catalogue import TASK_STAGES
from server.seed.ids import Ids

# A payment in a sub-store: (paid at, amount in cents, customer id), in the order of payment.
Payment = tuple[int, int, int]
# A final stage completed this recently is still with the platform's assessors.
ASSESSMENT_DAYS = 3
# The owner answers a request within this long; a younger one may still wait for her.
ANSWERED_WITHIN = 30 * DAY


@dataclass(frozen=True)
class StoryPath:
    """A manager whose path the demo's story needs completed by ``ends[-1]``: she begins at
    ``start`` and each stage is done by its end, on the payments the story plans for it."""

    manager_id: int
    start: int
    ends: tuple[int, ...]


@dataclass
class Story:
    """The managers waiting on fresh release requests (the first one's is the story's own),
    and the one the owner let go months ago; their requests, whose ids the rest of the plan
    refers to."""

    waiting: list[StoryPath] = field(default_factory=list)
    released: StoryPath | None = None
    requests: dict[int, dict[str, Any]] = field(default_factory=dict)  # by manager id

    def paths(self) -> list[StoryPath]:
        return [*([self.released] if self.released is not None else []), *self.waiting]

    def path_of(self, manager_id: int) -> StoryPath | None:
        return next((p for p in self.paths() if p.manager_id == manager_id), None)


def plan_story(
    rng: random.Random,
    managers: list[dict[str, Any]],
    join_days: dict[int, int],
    *,
    now: int,
    ids: Ids,
    shop_code: str,
) -> Story:
    """The earliest manager completed her path days ago and waits for the owner's answer, and
    so does the third; the second completed hers months ago and was released."""
    story = Story()
    by_join = sorted(managers, key=lambda m: (join_days[m["id"]], m["id"]))
    for n, waiting in enumerate(by_join[0:3:2]):
        path = _story_path(rng, waiting, now - rng.randrange(2 * DAY, (6 + 6 * n) * DAY))
        if path is not None:
            story.waiting.append(path)
            created = min(now - DAY, path.ends[-1] + rng.randrange(DAY, 5 * DAY))
            # The first one is the story's own request; the others are like any other.
            code = None if n == 0 else f"m{waiting['id']}"
            story.requests[waiting["id"]] = _request(ids, waiting["id"], created, code)
    if len(by_join) > 1:
        released = by_join[1]
        path = _story_path(rng, released, now - rng.randrange(200 * DAY, 260 * DAY))
        if path is not None:
            story.released = path
            created = path.ends[-1] + rng.randrange(DAY, 5 * DAY)
            request = _request(ids, released["id"], created, f"{shop_code}-m{released['id']}")
            request.update(
                status="approved",
                decided_at=created + rng.randrange(3600, 3 * DAY),
                decision_reason="她的团队已经很稳了，祝她独立开店顺利！",
            )
            released.update(status="released", released_at=request["decided_at"])
            story.requests[released["id"]] = request
    return story


def _story_path(rng: random.Random, manager: dict[str, Any], finish: int) -> StoryPath | None:
    """Stages done in 30-50% of their windows, back to back, the last one by ``finish``.

    Since no stage takes more than half its window, however early the sub-store's other
    sales complete a stage, the next one's window still holds every payment planned for it."""
    spans = [int(stage["window_days"] * DAY * rng.uniform(0.3, 0.5)) for stage in TASK_STAGES]
    start = finish - sum(spans)
    if start < manager["joined_at"] + 10 * DAY:
        return None
    ends: list[int] = []
    moment = start
    for span in spans:
        moment += span
        ends.append(moment)
    return StoryPath(manager["id"], start, tuple(ends))


def _request(ids: Ids, manager_id: int, created: int, new_shop_code: str | None) -> dict[str, Any]:
    return {
        "id": ids.take("release_request"),
        "store_manager_id": manager_id,
        "created_at": created,
        "status": "pending",
        "decided_at": None,
        "decision_reason": "",
        "new_shop_code": new_shop_code,
    }


def walk_path(start: int, payments: Sequence[Payment], now: int) -> list[dict[str, Any]]:
    """A manager's stages from ``start`` up to ``now`` (rows without ids), over her
    sub-store's payments sorted by time."""
    rows: list[dict[str, Any]] = []
    position, index, started = 0, 0, start
    total = len(payments)
    while True:
        stage = TASK_STAGES[position]
        row: dict[str, Any] = {
            "id": 0,
            "store_manager_id": 0,
            "stage_id": stage["id"],
            "started_at": started,
            "deadline_at": started + stage["window_days"] * DAY,
            "sales_cents": 0,
            "customers_count": 0,
            "status": "in_progress",
            "assessment": "not_started",
            "completed_at": None,
        }
        rows.append(row)
        while index < total and payments[index][0] <= started:
            index += 1
        sales, customers = 0, set()
        met_at = None
        while index < total and counts_for(row, payments[index][0], now):
            paid_at, amount, customer = payments[index]
            if met_at is not None and paid_at > met_at:
                break
            sales += amount
            customers.add(customer)
            index += 1
            if (
                met_at is None
                and sales >= stage["sales_target_cents"]
                and len(customers) >= stage["customers_target"]
            ):
                met_at = paid_at  # payments of the same second still count for this stage
        row["sales_cents"], row["customers_count"] = sales, len(customers)
        if met_at is not None:
            final = position == len(TASK_STAGES) - 1
            row.update(status="completed", completed_at=met_at, assessment="passed")
            if final:
                return rows
            position, started = position + 1, met_at
        elif row["deadline_at"] < now:
            row.update(status="failed", assessment="failed")
            started = row["deadline_at"]
        else:
            return rows


def promotion_paths(
    rng: random.Random,
    managers: list[dict[str, Any]],
    story: Story,
    payments: Mapping[int, Sequence[Payment]],
    *,
    now: int,
    ids: Ids,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Every manager's stages and the release requests they earned; sets each manager's
    current stage. The story's managers must have completed their paths in time."""
    progress: list[dict[str, Any]] = []
    requests: list[dict[str, Any]] = []
    for manager in sorted(managers, key=lambda m: m["id"]):
        manager_id = manager["id"]
        planned = story.path_of(manager_id)
        start = planned.start if planned is not None else manager["joined_at"]
        rows = walk_path(start, payments.get(manager_id, ()), now)
        for row in rows:
            row["id"] = ids.take("task_progress")
            row["store_manager_id"] = manager_id
        progress.extend(rows)
        last = rows[-1]
        manager["current_stage_position"] = next(
            s["position"] for s in TASK_STAGES if s["id"] == last["stage_id"]
        )
        done = last["status"] == "completed"
        if planned is not None:
            if not done or last["completed_at"] > planned.ends[-1]:
                raise RuntimeError(f"manager {manager_id}'s path did not come out as planned")
            requests.append(story.requests[manager_id])
        elif done:
            request = _assess(rng, ids, last, now)
            if request is not None:
                requests.append(request)
    return progress, requests


def _assess(rng: random.Random, ids: Ids, last: dict[str, Any], now: int) -> dict[str, Any] | None:
    """The platform's assessment of a completed path, and the request it opens if passed."""
    completed = last["completed_at"]
    if completed > now - ASSESSMENT_DAYS * DAY:
        last["assessment"] = "pending"
        return None
    if rng.random() < 0.25:
        last["assessment"] = "failed"
        return None
    created = min(now, completed + rng.randrange(DAY, ASSESSMENT_DAYS * DAY))
    request = _request(ids, last["store_manager_id"], created, f"m{last['store_manager_id']}")
    decided = created + rng.randrange(3600, 3 * DAY)
    if decided <= now and (created < now - ANSWERED_WITHIN or rng.random() < 0.5):
        request.update(
            status="declined", decided_at=decided, decision_reason=rng.choice(_DECLINE_REASONS)
        )
    return request


_DECLINE_REASONS = (
    "她想再带一段时间团队，明年再考虑独立。",
    "店里正值旺季，等活动结束后再谈。",
    "先一起把618做完。",
)
