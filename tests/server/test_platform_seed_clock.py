"""One clock: the demo's history ends at now, whatever the zone of the computer that seeds it,
and its figures are what its orders give."""

from __future__ import annotations

import itertools
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, text

from server.db import make_engine
from server.seed import seed
from server.seed.calendar import DAY, AnchorInFuture, china_day, day_start
from tests.platform_process import MAIN, ROOT, PlatformProcess
from tests.server.conftest import NOW
from tests.server.platform_checks import (
    assert_consistent,
    assert_feed_matches_tables,
    assert_stage_figures_are_their_windows,
    first_payment_stores_off,
    later_than,
    order_numbers_off_their_day,
    stage_rows,
)


@pytest.fixture
def template_engine(sqlite_template: Path) -> Iterator[Engine]:
    engine = make_engine(str(sqlite_template))
    yield engine
    engine.dispose()


def _seed_in_zone(db: Path, zone: str) -> int:
    """Seed today's demo through the command line on a computer in ``zone``; returns a
    moment just after the seed ended."""
    platform = PlatformProcess(db, env={"TZ": zone})
    platform.start("--seed", "4", "--shops", "2", "--orders", "2500", "--products", "300")
    finished = int(time.time())
    platform.stop()
    return finished


@pytest.mark.parametrize("zone", ["UTC", "Asia/Shanghai"])
def test_a_demo_seeded_today_in_any_zone_ends_at_now(tmp_path: Path, zone: str) -> None:
    started = int(time.time())
    db = tmp_path / "platform.sqlite3"
    finished = _seed_in_zone(db, zone)
    engine = make_engine(str(db))
    try:
        with engine.connect() as conn:
            assert later_than(conn, finished) == {}
            assert order_numbers_off_their_day(conn) == []
            today = day_start(china_day(started))
            placed = conn.execute(
                text(
                    'SELECT min(placed_at), max(placed_at), count(*) FROM "order"'
                    " WHERE placed_at >= :t"
                ),
                {"t": today},
            ).one()
            assert placed[2] > 0, "today has orders"
            assert today <= placed[0] <= placed[1] <= finished
            assert_stage_figures_are_their_windows(conn, finished)
            assert first_payment_stores_off(conn) == []
            assert_feed_matches_tables(conn)
            assert_consistent(conn)
    finally:
        engine.dispose()


def test_seeded_stages_count_exactly_their_windows(template_engine: Engine) -> None:
    with template_engine.connect() as conn:
        assert later_than(conn, NOW) == {}
        assert_stage_figures_are_their_windows(conn, NOW)
        rows = stage_rows(conn, NOW)
        current = {
            (shop_id, manager_id): position
            for shop_id, manager_id, position in conn.execute(
                text("SELECT shop_id, id, current_stage_position FROM store_manager")
            )
        }
    assert {row.status for row in rows} == {"completed", "failed", "in_progress"}
    paths: dict[tuple[int, int], list[Any]] = {}
    for row in rows:
        paths.setdefault((row.shop_id, row.store_manager_id), []).append(row)
    assert paths.keys() == current.keys(), "every manager is on the path"
    for manager, path in paths.items():
        for before, after in itertools.pairwise(path):
            # A stage begins where the one before it ended: completed, or out of time.
            assert before.status in ("completed", "failed")
            ended = before.completed_at if before.status == "completed" else before.deadline_at
            assert after.started_at == ended
            assert after.position == before.position + (before.status == "completed")
        assert current[manager] == path[-1].position


def test_every_customer_belongs_to_the_store_of_her_first_payment(template_engine: Engine) -> None:
    with template_engine.connect() as conn:
        assert first_payment_stores_off(conn) == []
        # Afterwards she mostly buys where she belongs.
        shares = conn.execute(
            text(
                """
                SELECT c.id, sum(coalesce(o.store_manager_id, 0) = coalesce(c.store_manager_id, 0)),
                       count(*)
                FROM customer c JOIN "order" o ON o.shop_id = c.shop_id AND o.customer_id = c.id
                WHERE c.status = 'active' AND o.status IN ('paid', 'shipped', 'completed')
                GROUP BY c.shop_id, c.id HAVING count(*) >= 5
                """
            )
        ).all()
    assert shares
    assert [s for s in shares if 2 * s[1] < s[2]] == []


def test_a_past_anchor_day_is_history_up_to_its_last_second(tmp_path: Path) -> None:
    anchor = date(2026, 11, 24)
    engine = make_engine(str(tmp_path / "past.sqlite3"))
    try:
        seed(engine, 2, 1, 1500, anchor, products=300, brands=40, helpers=0)
        with engine.connect() as conn:
            last = conn.scalar(text('SELECT max(placed_at) FROM "order"'))
            evening = conn.scalar(
                text('SELECT count(*) FROM "order" WHERE placed_at >= :t'),
                {"t": day_start(anchor) + 20 * 3600},
            )
            assert later_than(conn, day_start(anchor) + DAY - 1) == {}
    finally:
        engine.dispose()
    assert day_start(anchor) + 20 * 3600 <= last < day_start(anchor) + DAY
    assert evening > 0, "the whole day has been traded"


def test_an_anchor_day_still_to_come_is_refused(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "future.sqlite3"))
    try:
        with pytest.raises(AnchorInFuture):
            seed(engine, 2, 1, 100, date(2026, 11, 25), now=NOW, helpers=0)
    finally:
        engine.dispose()
    tomorrow = china_day(int(time.time())) + timedelta(days=1)
    command = ["platform", "--db", str(tmp_path / "x.sqlite3"), "--seed", "1"]
    result = subprocess.run(
        [sys.executable, str(MAIN), *command, "--anchor", tomorrow.isoformat()],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 2
    assert b"later than today in China" in result.stderr
