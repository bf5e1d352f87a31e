"""What the owner is told of, once: release requests, deadlines near, refusals, a failing sync."""

from __future__ import annotations

import sqlite3

from models import wire
from models.profile import Profile
from models.services.alerts import DAY, announce, kinds_off, switch_off
from models.services.bulk_review import review_orders
from models.services.orders import newest_orders
from models.sync import outbox


def _pending_requests(profile: Profile) -> set[int]:
    with sqlite3.connect(profile.db_path) as conn:
        return {
            r for (r,) in conn.execute("SELECT id FROM release_request WHERE status = 'pending'")
        }


def _a_deadline(profile: Profile) -> tuple[int, int, int]:
    """A manager's current stage that is not complete: its progress id, manager and end."""
    with sqlite3.connect(profile.db_path) as conn:
        row = conn.execute(
            "SELECT p.id, p.store_manager_id, p.deadline_at FROM task_progress p"
            " JOIN store_manager m ON m.id = p.store_manager_id"
            " WHERE m.status = 'active' AND p.status = 'in_progress' AND p.started_at = ("
            "  SELECT max(started_at) FROM task_progress q"
            "  WHERE q.store_manager_id = p.store_manager_id)"
            " ORDER BY p.deadline_at LIMIT 1"
        ).fetchone()
    assert row is not None
    return int(row[0]), int(row[1]), int(row[2])


def test_each_release_request_is_told_once(synced_profile: Profile) -> None:
    pending = _pending_requests(synced_profile)
    assert pending
    told = announce(synced_profile, 1_800_000_000, look_at=["release_request"])
    assert {a.target for a in told} == pending
    assert all(a.name for a in told)
    assert announce(synced_profile, 1_800_000_100, look_at=["release_request"]) == []
    synced_profile.close()
    reopened = Profile.open(synced_profile.folder)
    try:
        assert announce(reopened, 1_800_000_200, look_at=["release_request"]) == []
    finally:
        reopened.close()


def test_a_deadline_within_three_days_is_told_once_and_not_before(synced_profile: Profile) -> None:
    progress, manager, deadline = _a_deadline(synced_profile)
    early = announce(synced_profile, deadline - 4 * DAY, look_at=["stage_deadline"])
    assert str(progress) not in {a.key for a in early}
    near = announce(synced_profile, deadline - 2 * DAY, look_at=["stage_deadline"])
    mine = [a for a in near if a.key == str(progress)]
    assert [(a.target, a.at) for a in mine] == [(manager, deadline)]
    again = announce(synced_profile, deadline - DAY, look_at=["stage_deadline"])
    assert str(progress) not in {a.key for a in again}


def test_a_silenced_kind_is_not_told_nor_told_later(synced_profile: Profile) -> None:
    switch_off(synced_profile, ["release_request", "sync_failing"])
    assert kinds_off(synced_profile) == {"release_request", "sync_failing"}
    quiet = announce(synced_profile, 1_800_000_000)
    assert [a for a in quiet if a.kind == "release_request"] == []
    switch_off(synced_profile, [])
    assert kinds_off(synced_profile) == frozenset()
    later = announce(synced_profile, 1_800_000_100)
    assert [a for a in later if a.kind == "release_request"] == []


def test_a_refused_action_is_told_once_with_the_platform_s_words(synced_profile: Profile) -> None:
    line = newest_orders(synced_profile, 1)[0]
    state = review_orders(synced_profile, [line.order_no], flag="problem")[0]
    assert announce(synced_profile, 1_800_000_000, look_at=["refused_action"]) == []
    refusal = wire.MutationResult(
        id=state.mutation_id,
        status="rejected",
        outcome="rejected",
        code="order_gone",
        reason="订单已删除",
    )
    with synced_profile.writer.begin() as conn:
        outbox.record_results(conn, [refusal], 1_800_000_050)
    told = announce(synced_profile, 1_800_000_100, look_at=["refused_action"])
    assert [(a.action, a.target, a.reason) for a in told] == [
        ("order_review.set", line.id, "订单已删除")
    ]
    assert announce(synced_profile, 1_800_000_200, look_at=["refused_action"]) == []


def test_a_sync_failing_for_half_an_hour_is_told_once_per_stretch(synced_profile: Profile) -> None:
    def state(last_sync_at: int, error: str) -> None:
        with sqlite3.connect(synced_profile.db_path) as conn:
            conn.execute(
                "UPDATE sync_state SET last_sync_at = ?, last_error = ?", (last_sync_at, error)
            )

    start = 1_800_000_000
    state(start, "connection refused")
    assert announce(synced_profile, start + 29 * 60, look_at=["sync_failing"]) == []
    told = announce(synced_profile, start + 31 * 60, look_at=["sync_failing"])
    assert [(a.at, a.reason) for a in told] == [(start, "connection refused")]
    assert announce(synced_profile, start + 90 * 60, look_at=["sync_failing"]) == []
    state(start + 100 * 60, "")  # it went well again, then failed for long once more
    assert announce(synced_profile, start + 101 * 60, look_at=["sync_failing"]) == []
    state(start + 100 * 60, "timed out")
    assert len(announce(synced_profile, start + 140 * 60, look_at=["sync_failing"])) == 1
