"""Managers as the promotion tracker shows them, checked against the synced shop."""

from __future__ import annotations

import sqlite3

from models import wire
from models.profile import Profile
from models.services.forecast import DAY
from models.services.managers import (
    OUTLOOKS,
    TREND_WEEKS,
    ManagerFilter,
    SortColumn,
    manager_lines,
    shown_lines,
)


def test_every_manager_with_a_stage_is_listed_with_its_targets(synced_profile: Profile) -> None:
    with sqlite3.connect(synced_profile.db_path) as conn:
        now = conn.execute('SELECT max(placed_at) FROM "order"').fetchone()[0]
        with_stage = conn.execute(
            "SELECT count(DISTINCT store_manager_id) FROM task_progress"
        ).fetchone()[0]
        marks = ",".join("?" * len(wire.PAID_ORDER_STATUSES))
        lines = manager_lines(synced_profile, now)
        assert len(lines) == with_stage > 0
        for line in lines[:5]:
            stage = conn.execute(
                "SELECT s.sales_target_cents, s.customers_target FROM task_progress p "
                "JOIN task_stage s ON s.id = p.stage_id WHERE p.store_manager_id = ? "
                "ORDER BY p.started_at DESC LIMIT 1",
                (line.id,),
            ).fetchone()
            assert (line.sales_target_cents, line.customers_target) == tuple(stage)
            since = now - TREND_WEEKS * 7 * DAY
            sold = conn.execute(
                f'SELECT coalesce(sum(amount_cents), 0) FROM "order" WHERE store_manager_id = ? '
                f"AND placed_at >= ? AND status IN ({marks})",
                (line.id, since, *wire.PAID_ORDER_STATUSES),
            ).fetchone()[0]
            assert sum(line.trend) == sold
            assert len(line.trend) == TREND_WEEKS
    outlooks = {line.forecast.outlook for line in lines}
    assert outlooks <= {"complete", "on_track", "at_risk", "stalled", "expired"}


def test_the_progress_bands_split_the_synced_managers(synced_profile: Profile) -> None:
    with sqlite3.connect(synced_profile.db_path) as conn:
        now = conn.execute('SELECT max(placed_at) FROM "order"').fetchone()[0]
    lines = manager_lines(synced_profile, now)
    assert shown_lines(lines, ManagerFilter()) == sorted(lines, key=lambda m: (m.name, m.id))
    low = {m.id for m in shown_lines(lines, ManagerFilter(progress="below_50"))}
    high = {m.id for m in shown_lines(lines, ManagerFilter(progress="at_least_50"))}
    assert not low & high
    assert low | high == {m.id for m in lines}
    for outlook in OUTLOOKS:
        chosen = shown_lines(lines, ManagerFilter(outlook=outlook), SortColumn.DAYS_LEFT)
        assert all(m.outlook == outlook for m in chosen)
        days = [m.forecast.days_left for m in chosen]
        assert days == sorted(days)
