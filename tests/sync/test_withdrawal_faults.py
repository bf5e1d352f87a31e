"""A withdrawal request has exactly one effect whatever befalls its sync: a kill -9 in the
middle of pushing, answers lost after the platform committed, the same batch sent twice."""

from __future__ import annotations

import os
import signal
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import text

from models.profile import Profile
from models.services.earnings import earnings
from models.services.withdrawals import request_withdrawal, withdrawal_lines
from models.sync.syncer import SyncOptions, sync
from tests.platform_process import PlatformProcess
from tests.sync.test_faults import (
    LoseAnswers,
    act_many,
    outbox_states,
    over_a_slow_link,
    sync_process,
    wait_for,
)
from tests.sync.test_round_trip import shop_id_of, signed_in
from tests.sync.views import applied_mutations, assert_mirror_equals_server, platform_connection

AMOUNT = 1_000


def withdrawals_on_the_platform(db: Path | str, shop_id: int) -> dict[str, int]:
    """Request id -> amount, for every withdrawal a desktop asked for."""
    with platform_connection(db) as conn:
        rows = conn.execute(
            text(
                "SELECT request_id, amount_cents FROM withdrawal "
                "WHERE shop_id = :shop AND request_id IS NOT NULL"
            ),
            {"shop": shop_id},
        ).all()
    return {str(request_id): int(amount) for request_id, amount in rows}


def ask_many(profile: Profile, n: int) -> list[str]:
    return [request_withdrawal(profile, AMOUNT + i).key for i in range(n)]


def test_withdrawals_survive_a_kill_9_in_the_middle_of_pushing(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    folder = profile_folder("a")
    profile = signed_in(platform, folder)
    sync(profile)
    # Between reviews, so the push of 200 a batch, over a slow line, is long enough to be
    # killed with requests on either side.
    asked: list[str] = []
    for _ in range(4):
        act_many(profile, 400)
        for _ in range(10):
            asked.append(request_withdrawal(profile, AMOUNT + len(asked)).key)
    with over_a_slow_link(profile, platform):
        child = sync_process(folder)
        wait_for(lambda: "applied" in outbox_states(profile).values())
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    assert "pending" in outbox_states(profile).values(), "the killed sync had pushed everything"
    sync(profile)
    shop_id = shop_id_of(profile)
    on_platform = withdrawals_on_the_platform(platform.db, shop_id)
    assert on_platform == {key: AMOUNT + i for i, key in enumerate(asked)}
    assert applied_mutations(platform.db, shop_id) == dict.fromkeys(
        outbox_states(profile), "applied"
    )
    assert {w.state for w in withdrawal_lines(profile) if w.key in asked} == {"applied"}
    assert_mirror_equals_server(profile, platform.db, shop_id)


def test_a_withdrawal_whose_answer_was_lost_is_not_taken_twice(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("a"))
    sync(profile)
    before = earnings(profile).balance.available_cents
    asked = ask_many(profile, 5)
    report = sync(profile, SyncOptions(transport=LoseAnswers(2), backoff=0.01))
    assert report.duplicates == 5
    assert report.applied == 0
    shop_id = shop_id_of(profile)
    assert withdrawals_on_the_platform(platform.db, shop_id) == {
        key: AMOUNT + i for i, key in enumerate(asked)
    }
    after = earnings(profile).balance
    assert after.available_cents == before - sum(AMOUNT + i for i in range(5))
    assert_mirror_equals_server(profile, platform.db, shop_id)


def test_a_second_computer_sees_the_withdrawal_and_cannot_spend_it_again(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    laptop = signed_in(platform, profile_folder("laptop"))
    desk = signed_in(platform, profile_folder("desk"))
    sync(laptop)
    sync(desk)
    available = earnings(laptop).balance.available_cents
    mine = request_withdrawal(laptop, available)
    theirs = request_withdrawal(desk, available)  # offline, each sees the whole balance
    sync(laptop)
    report = sync(desk)
    assert [r.code for r in report.rejected] == ["over_balance"]
    sync(laptop)
    for computer in (laptop, desk):
        lines = {w.key: w.state for w in withdrawal_lines(computer)}
        assert lines[mine.key] == "applied"
        assert earnings(computer).balance.available_cents == 0
    assert {w.key: w.state for w in withdrawal_lines(desk)}[theirs.key] == "refused"
    shop_id = shop_id_of(laptop)
    assert withdrawals_on_the_platform(platform.db, shop_id) == {mine.key: available}
    assert_mirror_equals_server(desk, platform.db, shop_id)
    assert_mirror_equals_server(laptop, platform.db, shop_id)
