"""Store managers' promotion paths in a demo shop: the stages each has done, the release
requests they earned, the one still waiting and the one approved months ago."""

from __future__ import annotations

import random
from typing import Any

from server.seed.calendar import DAY
from server.seed.catalogue import TASK_STAGES
from server.seed.ids import HISTORY_DAYS, Ids


def task_paths(
    rng: random.Random,
    managers: list[dict[str, Any]],
    join_days: dict[int, int],
    first_day: int,
    ids: Ids,
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], int, dict[str, Any] | None]:
    """Every manager's stages so far, the release requests they earned, the manager whose
    request is still waiting, and the request the owner approved months ago (if any)."""
    today = first_day + (HISTORY_DAYS - 1) * DAY
    now = today + 12 * 3600
    by_join = sorted(managers, key=lambda m: (join_days[m["id"]], m["id"]))
    earliest = by_join[0]["id"]
    released_id = by_join[1]["id"] if len(by_join) > 1 else None
    # When the two stories' final stages were completed: days ago, so the waiting request is
    # fresh and the approved one has months of aftermath.
    finish = {
        earliest: now - rng.randrange(2 * DAY, 6 * DAY),
        released_id: now - rng.randrange(200 * DAY, 260 * DAY),
    }
    progress: list[dict[str, Any]] = []
    requests: list[dict[str, Any]] = []
    released: dict[str, Any] | None = None
    for manager in managers:
        manager_id = manager["id"]
        tenure = HISTORY_DAYS - 1 - join_days[manager_id]
        path_from = len(progress)
        if manager_id in finish or (tenure > 220 and rng.random() < 0.3):
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
        if manager_id in finish:
            _shift(progress[path_from:], finish[manager_id] - progress[-1]["completed_at"])
        last = progress[-1]
        passed = manager_id in finish or rng.random() < 0.7
        last["assessment"] = "passed" if passed else "pending"
        if passed:
            request = _release_request(
                rng,
                ids,
                manager_id,
                last_stage=last,
                now=now,
                keep_pending=manager_id == earliest,
            )
            if manager_id == released_id:
                request.update(
                    status="approved",
                    decided_at=request["created_at"] + rng.randrange(3600, 3 * DAY),
                    decision_reason="她的团队已经很稳了，祝她独立开店顺利！",
                )
                manager.update(status="released", released_at=request["decided_at"])
                released = request
            requests.append(request)
    return progress, requests, earliest, released


def _shift(rows: list[dict[str, Any]], seconds: int) -> None:
    """Move a manager's path later in time (never before she joined)."""
    seconds = max(0, seconds)
    for row in rows:
        row["started_at"] += seconds
        row["deadline_at"] += seconds
        if row["completed_at"] is not None:
            row["completed_at"] += seconds


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
