"""Simulated promotion paths: sales count towards the current stage, stages complete when
every target is met, fail at their deadline (and start again), and final assessments pass.

A stage's figures are what its window holds (``promotion.window_end``); every change goes
through ``promotion.save_progress``, so the release rule runs with it.
"""

from __future__ import annotations

import random
from collections.abc import Sequence

from sqlalchemy import Connection, select

from server.db.shops import StoreManager, TaskProgress
from server.promotion import counts_for, recount, save_progress
from server.rows import Row, load_rows, new_ids, save_rows


def count_sales(conn: Connection, shop_id: int, paid: Sequence[Row], now: int) -> None:
    """Bring the current stage of every manager whose sub-store was just paid up to date:
    its figures are counted again from the orders, so they always equal what the window
    holds, and a stage whose targets are met is completed now."""
    managers = {o["store_manager_id"] for o in paid if o["store_manager_id"] is not None}
    if not managers:
        return
    current = load_rows(
        conn,
        "task_progress",
        shop_id,
        TaskProgress.store_manager_id.in_(managers),
        TaskProgress.status == "in_progress",
    )
    before = {p["id"]: (p["sales_cents"], p["customers_count"]) for p in current}
    recount(conn, shop_id, current, now)
    changed = [p for p in current if (p["sales_cents"], p["customers_count"]) != before[p["id"]]]
    stages = _stages(conn)
    rows: list[Row] = []
    for progress in changed:
        rows.extend(_complete_if_met(conn, shop_id, progress, stages, now))
    save_progress(conn, shop_id, rows, now)


def count_refunds(conn: Connection, shop_id: int, refunded: Sequence[Row], now: int) -> None:
    """A refunded order no longer counts: every stage whose window held its payment is
    counted again. A stage already completed stays completed; the platform's decision stands."""
    paid = [o for o in refunded if o["store_manager_id"] is not None and o["paid_at"] is not None]
    if not paid:
        return
    rows = load_rows(
        conn,
        "task_progress",
        shop_id,
        TaskProgress.store_manager_id.in_({o["store_manager_id"] for o in paid}),
    )
    touched = [
        row
        for row in rows
        if any(
            o["store_manager_id"] == row["store_manager_id"] and counts_for(row, o["paid_at"], now)
            for o in paid
        )
    ]
    recount(conn, shop_id, touched, now)
    save_progress(conn, shop_id, touched, now)


def _stages(conn: Connection) -> list[Row]:
    return sorted(load_rows(conn, "task_stage", None), key=lambda s: s["position"])


def _complete_if_met(
    conn: Connection, shop_id: int, progress: Row, stages: list[Row], now: int
) -> list[Row]:
    stage = next((s for s in stages if s["id"] == progress["stage_id"]), None)
    met = stage is not None and (
        progress["sales_cents"] >= stage["sales_target_cents"]
        and progress["customers_count"] >= stage["customers_target"]
    )
    if not met or stage is None:
        return [progress]
    final = stage["position"] == stages[-1]["position"]
    # The last stage waits for the platform's assessment; earlier ones pass on their numbers.
    progress.update(
        status="completed", completed_at=now, assessment="pending" if final else "passed"
    )
    if final:
        return [progress]
    following = next(s for s in stages if s["position"] > stage["position"])
    return [progress, _start(conn, shop_id, progress["store_manager_id"], following, now)]


def _start(conn: Connection, shop_id: int, manager_id: int, stage: Row, now: int) -> Row:
    (progress_id,) = new_ids(conn, "task_progress", 1, shop_id)
    manager = load_rows(conn, "store_manager", shop_id, StoreManager.id == manager_id)
    if manager:
        manager[0]["current_stage_position"] = stage["position"]
        save_rows(conn, "store_manager", manager, shop_id)
    return {
        "id": progress_id,
        "store_manager_id": manager_id,
        "stage_id": stage["id"],
        "started_at": now,
        "deadline_at": now + stage["window_days"] * 86_400,
        "sales_cents": 0,
        "customers_count": 0,
        "status": "in_progress",
        "assessment": "not_started",
        "completed_at": None,
    }


def close_deadlines(conn: Connection, shop_id: int, now: int) -> list[Row]:
    """A stage still short of its targets at its deadline fails, and the manager starts it
    again; returns the failed rows."""
    late = load_rows(
        conn,
        "task_progress",
        shop_id,
        TaskProgress.status == "in_progress",
        TaskProgress.deadline_at < now,
    )
    if not late:
        return []
    active = set(
        conn.scalars(
            select(StoreManager.id).where(
                StoreManager.shop_id == shop_id, StoreManager.status == "active"
            )
        )
    )
    stages = {s["id"]: s for s in _stages(conn)}
    rows: list[Row] = []
    for progress in late:
        progress.update(status="failed", assessment="failed")
        rows.append(progress)
        stage = stages.get(progress["stage_id"])
        if progress["store_manager_id"] in active and stage is not None:
            rows.append(_start(conn, shop_id, progress["store_manager_id"], stage, now))
    save_progress(conn, shop_id, rows, now)
    return late


def assess(conn: Connection, shop_id: int, now: int, chance: float, rng: random.Random) -> int:
    """Final stages waiting for the platform's assessment pass, some at each tick."""
    waiting = load_rows(
        conn,
        "task_progress",
        shop_id,
        TaskProgress.status == "completed",
        TaskProgress.assessment == "pending",
    )
    passed = [p for p in waiting if rng.random() < chance]
    for progress in passed:
        progress["assessment"] = "passed"
    save_progress(conn, shop_id, passed, now)
    return len(passed)
