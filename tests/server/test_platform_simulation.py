"""The living platform: simulated orders, payments, stage progress and release requests reach
a desktop through its next pull, and the feed stays equal to the tables."""

from __future__ import annotations

import time
from collections.abc import Callable
from pathlib import Path

import httpx
from sqlalchemy import Engine, text

from models import wire
from server.clock import accelerated
from server.db import make_engine
from server.db.engine import write_begin
from server.rows import load_rows, save_rows
from server.runner import PlatformThread
from server.simulation import run_tick
from server.simulation.activity import PlatformActivity
from server.simulation.pace import Pace
from tests.server.conftest import NOW, Desk, FixedClock, upserted
from tests.server.platform_checks import (
    assert_consistent,
    assert_feed_matches_tables,
    assert_stage_figures_are_their_windows,
    later_than,
    order_numbers_off_their_day,
    stage_rows,
)

HOUR = 3_600


def _ticks(engine: Engine, activity: PlatformActivity, start: int, count: int, step: int) -> int:
    now = start
    for _ in range(count):
        run_tick(engine, [activity], now)
        now += step
    return now - step


def test_ticks_reach_the_desktop_on_its_next_pull(
    desk: Callable[[], Desk], engine: Engine, clock: FixedClock
) -> None:
    owner = desk().login("demo1")
    first, cursor = owner.pull_all()
    seeded = {o["id"] for o in upserted(first, "order")}
    activity = PlatformActivity(seed=3, pace=Pace(orders_per_hour=20))
    clock.now = _ticks(engine, activity, NOW, 12, 2 * HOUR)

    pages, cursor = owner.pull_all(cursor)
    orders = upserted(pages, "order")
    new = [o for o in orders if o["id"] not in seeded]
    assert len(new) > 50
    assert {o["status"] for o in new} >= {"paid", "cancelled"}
    assert any(o["store_manager_id"] for o in new), "some in managers' sub-stores"
    assert {o["id"] for o in orders} > {o["id"] for o in new}, "older orders moved along"
    lines = upserted(pages, "order_item")
    assert {line["order_id"] for line in lines} == {o["id"] for o in new}
    progress = upserted(pages, "task_progress")
    assert any(p["sales_cents"] > 0 and p["status"] == "in_progress" for p in progress)
    firsts = [e for e in upserted(pages, "customer_binding") if e["event"] == "first_order"]
    assert firsts, "newcomers' first payments bind them"

    with engine.connect() as conn:
        assert_feed_matches_tables(conn)
        assert_consistent(conn)


def test_enough_ticks_bring_a_new_release_request(
    desk: Callable[[], Desk], engine: Engine, clock: FixedClock
) -> None:
    owner = desk().login("demo1")
    _, cursor = owner.pull_all()
    with engine.connect() as conn:
        before = set(
            conn.scalars(text("SELECT id FROM release_request WHERE shop_id = :s"), {"s": 1})
        )
    with write_begin(engine) as conn:
        # The platform lowers its stage targets, so managers get through in a few days.
        stages = load_rows(conn, "task_stage", None)
        for stage in stages:
            stage.update(sales_target_cents=20_000, customers_target=2)
        save_rows(conn, "task_stage", stages)
    activity = PlatformActivity(seed=5, pace=Pace(orders_per_hour=10))
    clock.now = _ticks(engine, activity, NOW, 24, 3 * HOUR)

    pages, _ = owner.pull_all(cursor)
    requests = [r for r in upserted(pages, "release_request") if r["id"] not in before]
    assert requests
    assert all(r["status"] == "pending" and r["created_at"] > NOW for r in requests)
    progress = upserted(pages, "task_progress")
    for request in requests:
        final = [p for p in progress if p["store_manager_id"] == request["store_manager_id"]]
        assert any(p["assessment"] == "passed" and p["status"] == "completed" for p in final)
    assert any(p["status"] == "completed" and p["completed_at"] > NOW for p in progress)
    with engine.connect() as conn:
        assert_feed_matches_tables(conn)
        assert_consistent(conn)


def test_a_simulated_platform_runs_on_its_own(sqlite_template: Path, tmp_path: Path) -> None:
    db = tmp_path / "platform.sqlite3"
    db.write_bytes(sqlite_template.read_bytes())
    with PlatformThread(str(db), simulate=True, speed=3_600, tick_seconds=0.05) as platform:
        # A tick every 50 ms writes in this process too: on a busy machine an answer can wait
        # longer than httpx's 5 s default behind them.
        client = httpx.Client(
            base_url=platform.url,
            headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)},
            timeout=30,
        )
        with client:
            owner = Desk(client).login("demo1")
            first, cursor = owner.pull_all()
            seeded = {o["id"] for o in upserted(first, "order")}
            new: list[dict[str, object]] = []
            deadline = time.monotonic() + 60
            while not new and time.monotonic() < deadline:
                time.sleep(0.1)
                pages, cursor = owner.pull_all(cursor)
                new = [o for o in upserted(pages, "order") if o["id"] not in seeded]
    assert new
    engine = make_engine(str(db))
    try:
        with engine.connect() as conn:
            assert_feed_matches_tables(conn)
    finally:
        engine.dispose()


def test_a_fast_simulation_stays_behind_its_clock_and_counts_stages_from_orders(
    sqlite_template: Path, tmp_path: Path
) -> None:
    db = tmp_path / "platform.sqlite3"
    db.write_bytes(sqlite_template.read_bytes())
    engine = make_engine(str(db))
    try:
        with engine.connect() as conn:
            before = {(r.shop_id, r.id): r.sales_cents for r in stage_rows(conn, NOW)}
        # Two days of platform time go by in a few seconds, from where the seed ended.
        clock = accelerated(12 * 3_600, start=NOW)
        with PlatformThread(str(db), clock=clock, simulate=True, tick_seconds=0.05):
            deadline = time.monotonic() + 60
            while clock() < NOW + 2 * 86_400 and time.monotonic() < deadline:
                time.sleep(0.1)
        now = clock()
        with engine.connect() as conn:
            assert later_than(conn, now) == {}
            assert order_numbers_off_their_day(conn) == []
            assert_stage_figures_are_their_windows(conn, now, refunds_since=True)
            after = {(r.shop_id, r.id): r for r in stage_rows(conn, now)}
            assert_feed_matches_tables(conn)
            assert_consistent(conn)
            simulated = conn.scalar(
                text('SELECT count(*) FROM "order" WHERE placed_at > :t'), {"t": NOW}
            )
    finally:
        engine.dispose()
    assert now >= NOW + 2 * 86_400
    assert simulated > 100
    grown = [key for key, row in after.items() if row.sales_cents > before.get(key, 0)]
    assert grown, "the simulated payments counted for stages"
    assert any(row.started_at > NOW for row in after.values()), "stages began anew"
