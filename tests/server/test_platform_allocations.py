"""Compensation after a release arrives when its time comes: planned out of sight, delivered
on the shop's next pull or push or on a simulation tick, never shown bound in the future."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, func, select

from server.db.schedule import ScheduledAllocation
from server.db.shops import ReleaseRequest, TrafficAllocation
from server.simulation import run_tick
from server.simulation.activity import PlatformActivity
from tests.server.conftest import NOW, Desk, FixedClock, mutation, upserted
from tests.server.platform_checks import assert_consistent, assert_feed_matches_tables

DAY = 86_400


def _approve_pending(owner: Desk, engine: Engine, decision: str = "approve") -> int:
    with engine.connect() as conn:
        request_id = conn.scalar(
            select(ReleaseRequest.id)
            .where(ReleaseRequest.shop_id == owner.shop_id, ReleaseRequest.status == "pending")
            .order_by(ReleaseRequest.id)
        )
    payload = {"request_id": request_id, "decision": decision, "reason": ""}
    [result] = owner.push(mutation("release.decide", payload))
    assert result.status == "applied"
    return int(request_id or 0)


def _planned(engine: Engine) -> list[int]:
    with engine.connect() as conn:
        return list(conn.scalars(select(ScheduledAllocation.arrives_at)))


def _allocated(engine: Engine, shop_id: int, request_id: int) -> int:
    with engine.connect() as conn:
        return int(
            conn.scalar(
                select(func.count()).where(
                    TrafficAllocation.shop_id == shop_id,
                    TrafficAllocation.release_request_id == request_id,
                )
            )
            or 0
        )


def test_allocations_arrive_day_by_day_on_pulls(
    desk: Callable[[], Desk], engine: Engine, clock: FixedClock
) -> None:
    owner = desk().login("demo1")
    _, cursor = owner.pull_all()
    request_id = _approve_pending(owner, engine)
    planned = sorted(_planned(engine))
    assert planned
    assert all(at >= NOW for at in planned)
    pages, cursor = owner.pull_all(cursor)
    seen = upserted(pages, "traffic_allocation")

    clock.now = planned[len(planned) // 2]
    while clock.now < planned[-1] + 5 * DAY:  # the last pull comes after the last arrival
        pages, cursor = owner.pull_all(cursor)
        arrived = upserted(pages, "traffic_allocation")
        assert all(a["allocated_at"] <= clock.now for a in arrived), "nothing from the future"
        customers = {c["id"]: c for c in upserted(pages, "customer")}
        assert all(customers[a["customer_id"]]["bound_at"] <= clock.now for a in arrived)
        seen.extend(arrived)
        assert len(seen) == sum(1 for at in planned if at <= clock.now)
        clock.now += 5 * DAY
    assert len(seen) == len(planned) == _allocated(engine, owner.shop_id, request_id)
    assert _planned(engine) == []
    with engine.connect() as conn:
        assert_feed_matches_tables(conn)
        assert_consistent(conn)


def test_a_push_or_a_tick_delivers_what_is_due(
    desk: Callable[[], Desk], engine: Engine, clock: FixedClock
) -> None:
    owner = desk().login("demo1")
    request_id = _approve_pending(owner, engine)
    planned = sorted(_planned(engine))
    clock.now = planned[0]
    [result] = owner.push(mutation("product_pick.set", {"product_id": 1, "picked": True}))
    assert result.status == "applied"
    assert _allocated(engine, owner.shop_id, request_id) == 1

    run_tick(engine, [PlatformActivity()], planned[-1])
    assert _allocated(engine, owner.shop_id, request_id) == len(planned)


def test_a_decline_plans_nothing(desk: Callable[[], Desk], engine: Engine) -> None:
    owner = desk().login("demo1")
    _approve_pending(owner, engine, "decline")
    assert _planned(engine) == []
