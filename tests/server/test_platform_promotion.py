"""The release rule: a request appears when a manager has completed every stage and passed
the assessment, once, and never for anyone short of that."""

from __future__ import annotations

from sqlalchemy import Engine, select

from server.db.engine import write_begin
from server.db.shops import ReleaseRequest, StoreManager, TaskProgress
from server.promotion import open_release_requests, save_progress
from server.rows import Row, load_rows
from tests.server.conftest import NOW

SHOP = 1


def _unasked_manager(engine: Engine) -> int:
    with engine.connect() as conn:
        asked = select(ReleaseRequest.store_manager_id).where(ReleaseRequest.shop_id == SHOP)
        manager_id = conn.scalar(
            select(StoreManager.id)
            .where(
                StoreManager.shop_id == SHOP,
                StoreManager.status == "active",
                StoreManager.id.not_in(asked),
            )
            .order_by(StoreManager.id)
        )
    assert manager_id is not None
    return int(manager_id)


def _finish_path(engine: Engine, manager_id: int, assessment: str) -> list[Row]:
    """Complete every stage of the manager's path; returns the requests the rule opened."""
    with write_begin(engine) as conn:
        stages = load_rows(conn, "task_stage", None)
        rows = load_rows(conn, "task_progress", SHOP, TaskProgress.store_manager_id == manager_id)
        by_stage = {r["stage_id"]: r for r in rows}
        next_id = 10**9 + manager_id * 10
        path: list[Row] = []
        for n, stage in enumerate(sorted(stages, key=lambda s: s["position"])):
            row = by_stage.get(stage["id"]) or {
                "id": next_id + n,
                "store_manager_id": manager_id,
                "stage_id": stage["id"],
                "started_at": NOW - 10_000,
                "deadline_at": NOW + 10_000,
                "sales_cents": 0,
                "customers_count": 0,
            }
            final = stage["position"] == max(s["position"] for s in stages)
            row.update(
                status="completed",
                completed_at=NOW,
                sales_cents=stage["sales_target_cents"],
                customers_count=stage["customers_target"],
                assessment=assessment if final else "passed",
            )
            path.append(row)
        return save_progress(conn, SHOP, path, NOW)


def _requests(engine: Engine, manager_id: int) -> list[tuple[str, int]]:
    with engine.connect() as conn:
        return [
            (r.status, r.created_at)
            for r in conn.execute(
                select(ReleaseRequest.status, ReleaseRequest.created_at).where(
                    ReleaseRequest.shop_id == SHOP, ReleaseRequest.store_manager_id == manager_id
                )
            )
        ]


def test_passing_the_assessment_opens_one_request(engine: Engine) -> None:
    manager_id = _unasked_manager(engine)
    opened = _finish_path(engine, manager_id, "pending")
    assert opened == []
    assert _requests(engine, manager_id) == [], "the assessment has not passed yet"

    [request] = _finish_path(engine, manager_id, "passed")
    assert (request["store_manager_id"], request["status"]) == (manager_id, "pending")
    assert _requests(engine, manager_id) == [("pending", NOW)]
    assert _finish_path(engine, manager_id, "passed") == [], "asked once"
    assert _requests(engine, manager_id) == [("pending", NOW)]


def test_a_stage_short_of_complete_opens_nothing(engine: Engine) -> None:
    manager_id = _unasked_manager(engine)
    with write_begin(engine) as conn:
        rows = load_rows(conn, "task_progress", SHOP, TaskProgress.store_manager_id == manager_id)
        for row in rows:
            row["assessment"] = "passed"
        assert save_progress(conn, SHOP, rows, NOW) == []
    assert _requests(engine, manager_id) == []


def test_the_seed_already_follows_the_rule(engine: Engine) -> None:
    with write_begin(engine) as conn:
        managers = load_rows(conn, "store_manager", SHOP)
        opened = open_release_requests(conn, SHOP, [m["id"] for m in managers], NOW)
    assert opened == [], "every manager who earned a request has one"
