"""The promotion path's rules.

What a stage counts: the paid orders (``wire.PAID_ORDER_STATUSES``) of the manager's sub-store
whose payment falls in the stage's window, which opens just after ``started_at`` and closes at
the earliest of its deadline, its completion and now, that moment included. Sales are their
amounts, customers the distinct customers who placed them. A stage that follows another begins
when the earlier one was completed, or found out of time, so a payment counts for one stage
at most. The seed, the simulation and this module all use this window.

When a release request appears: a manager has completed every stage and passed the platform's
assessment. It runs whenever task progress changes.
"""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, func, select

from models import wire
from server.db.orders import Order
from server.db.shops import ReleaseRequest, StoreManager, TaskProgress
from server.rows import Row, load_rows, new_ids, save_rows

log = logging.getLogger(__name__)


def window_end(progress: Mapping[str, Any], now: int) -> int:
    """The last second whose payments count for a stage."""
    end = min(int(progress["deadline_at"]), now)
    completed = progress["completed_at"]
    return end if completed is None else min(end, int(completed))


def counts_for(progress: Mapping[str, Any], paid_at: int, now: int) -> bool:
    """Does a payment at ``paid_at`` fall in the stage's window?"""
    return int(progress["started_at"]) < paid_at <= window_end(progress, now)


def stage_figures(
    conn: Connection, shop_id: int, progress: Mapping[str, Any], now: int
) -> tuple[int, int]:
    """(sales in cents, distinct paying customers) of the stage's window, from the orders."""
    sales, customers = conn.execute(
        select(
            func.coalesce(func.sum(Order.amount_cents), 0),
            func.count(func.distinct(Order.customer_id)),
        ).where(
            Order.shop_id == shop_id,
            Order.store_manager_id == progress["store_manager_id"],
            Order.status.in_(wire.PAID_ORDER_STATUSES),
            Order.paid_at > progress["started_at"],
            Order.paid_at <= window_end(progress, now),
        )
    ).one()
    return int(sales), int(customers)


def recount(conn: Connection, shop_id: int, rows: Iterable[Row], now: int) -> None:
    """Set each stage's figures to what its window holds now (rows are changed in place)."""
    for row in rows:
        row["sales_cents"], row["customers_count"] = stage_figures(conn, shop_id, row, now)


def save_progress(
    conn: Connection, shop_id: int, rows: Sequence[dict[str, Any]], now: int
) -> list[Row]:
    """Write task progress, then open the release requests it earns; returns those requests."""
    save_rows(conn, "task_progress", rows, shop_id)
    return open_release_requests(conn, shop_id, {row["store_manager_id"] for row in rows}, now)


def earned_release(stages: Sequence[Row], progress: Sequence[Row]) -> bool:
    """Every stage completed, and the last one's assessment passed."""
    if not stages:
        return False
    completed = {p["stage_id"]: p for p in progress if p["status"] == "completed"}
    if any(stage["id"] not in completed for stage in stages):
        return False
    final = max(stages, key=lambda stage: stage["position"])
    return bool(completed[final["id"]]["assessment"] == "passed")


def open_release_requests(
    conn: Connection, shop_id: int, manager_ids: Iterable[int], now: int
) -> list[Row]:
    """One request per manager who earned it and has none yet (a declined one is the owner's
    answer; the platform does not ask again by itself)."""
    wanted = sorted(set(manager_ids))
    if not wanted:
        return []
    stages = load_rows(conn, "task_stage", None)
    managers = load_rows(
        conn,
        "store_manager",
        shop_id,
        StoreManager.id.in_(wanted),
        StoreManager.status == "active",
    )
    asked = {
        r["store_manager_id"]
        for r in load_rows(
            conn, "release_request", shop_id, ReleaseRequest.store_manager_id.in_(wanted)
        )
    }
    progress: dict[int, list[Row]] = {}
    for row in load_rows(conn, "task_progress", shop_id, TaskProgress.store_manager_id.in_(wanted)):
        progress.setdefault(row["store_manager_id"], []).append(row)
    earned = [
        m["id"]
        for m in managers
        if m["id"] not in asked and earned_release(stages, progress.get(m["id"], []))
    ]
    if not earned:
        return []
    requests = [
        {
            "id": request_id,
            "store_manager_id": manager_id,
            "created_at": now,
            "status": "pending",
            "decided_at": None,
            "decision_reason": "",
            "new_shop_code": None,
        }
        for request_id, manager_id in zip(
            new_ids(conn, "release_request", len(earned), shop_id), earned, strict=True
        )
    ]
    save_rows(conn, "release_request", requests, shop_id)
    log.info("shop %d: release requests opened for managers %s", shop_id, earned)
    return requests
