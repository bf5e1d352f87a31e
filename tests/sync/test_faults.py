"""Crashes, lost answers, restarts and restores: every local action has exactly one effect."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from models import wire
from models.db import OutboxEntry, ReleaseDecision, ReleaseRequest, SyncState
from models.profile import Profile
from models.services.bulk_review import review_orders
from models.services.orders import newest_orders
from models.services.posters import manager_subject, record_prints
from models.services.reviews import review_order
from models.sync import outbox
from models.sync.bulk import BULK_TABLES
from models.sync.syncer import SyncOptions, sync
from models.sync.transport import PlatformClient
from tests.platform_process import MAIN, PlatformProcess
from tests.slow_link import SlowLink
from tests.sync.test_round_trip import shop_id_of, signed_in
from tests.sync.views import (
    applied_mutations,
    assert_mirror_equals_server,
    busiest_manager,
    signed_in_as,
)


def review_many(profile: Profile, n: int) -> list[str]:
    numbers = [line.order_no for line in newest_orders(profile, n)]
    for i, order_no in enumerate(numbers):
        review_order(profile, order_no, reviewed=True, note=f"第{i}单已核对")
    return numbers


@pytest.fixture(params=["owner", "assistant", "manager"])
def user(request: pytest.FixtureRequest, platform: PlatformProcess) -> str:
    """The spine holds for each of the shop's people: the owner (who signs in without a user
    name), an assistant and a store manager."""
    if request.param == "manager":
        return busiest_manager(platform.db)
    return "" if request.param == "owner" else str(request.param)


def act_many(profile: Profile, n: int) -> None:
    """``n`` actions of the signed-in person: reviews (owner, assistant) or, for a store
    manager, the posters of her sub-store."""
    role, manager_id = signed_in_as(profile)
    if role != "manager":
        if n <= 100:
            assert len(review_many(profile, n)) == n
            return
        # Many at once: every order reviewed again in rounds, each round one transaction.
        numbers = [line.order_no for line in newest_orders(profile, min(n, 1500))]
        done = 0
        while done < n:
            chunk = numbers[: n - done]
            review_orders(profile, chunk, reviewed=True, note=f"第{done}次起已核对")
            done += len(chunk)
        return
    assert manager_id is not None
    record_prints(profile, [manager_subject(profile, manager_id)] * n, "a4")


def outbox_states(profile: Profile) -> dict[str, str]:
    with profile.read() as s:
        return {e.id: e.status for e in s.scalars(select(OutboxEntry))}


def cursor_of(profile: Profile) -> str:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        return str(state.cursor)


def sync_process(folder: Path) -> subprocess.Popen[bytes]:
    return subprocess.Popen(
        [sys.executable, str(MAIN), "sync", "--profile", str(folder)],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )


@contextmanager
def over_a_slow_link(profile: Profile, platform: PlatformProcess) -> Iterator[None]:
    """The profile reaches the platform over a line that holds back each answer a tenth of a
    second: a push of many batches then lasts long enough to be killed in its middle."""
    with SlowLink(platform.url, delay=0.1) as link:
        with profile.write() as s:
            state = s.scalar(select(SyncState))
            assert state is not None
            state.platform_url = link.url
        try:
            yield
        finally:
            with profile.write() as s:
                state = s.scalar(select(SyncState))
                assert state is not None
                state.platform_url = platform.url


def wait_for(condition: Callable[[], bool], timeout: float = 60.0) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "gave up waiting"
        time.sleep(0.005)


def test_kill_9_during_a_pull_then_sync_again(
    platform: PlatformProcess, profile_folder: Callable[[str], Path], user: str
) -> None:
    folder = profile_folder("a")
    profile = signed_in(platform, folder, user=user)
    child = sync_process(folder)
    wait_for(lambda: cursor_of(profile) != wire.START_CURSOR)
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    report = sync(profile)
    assert report.pulled.total > 0, "the killed sync had not finished"
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))
    # The first pull builds the order indexes at its end; the recovery sync built them too.
    with profile.engine.connect() as conn:
        indexes = set(
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars()
        )
    assert {i.name for t in BULK_TABLES for i in t.indexes} <= indexes


def test_kill_9_during_a_push_then_sync_again(
    platform: PlatformProcess, profile_folder: Callable[[str], Path], user: str
) -> None:
    folder = profile_folder("a")
    profile = signed_in(platform, folder, user=user)
    sync(profile)
    # Pushes go in batches of 200, the next one sent while the answers to the last are
    # written: over a slow line, a kill at the first answer finds many batches still waiting.
    act_many(profile, 2000)
    with over_a_slow_link(profile, platform):
        child = sync_process(folder)
        wait_for(lambda: "applied" in outbox_states(profile).values())
        os.kill(child.pid, signal.SIGKILL)
        child.wait()
    states = outbox_states(profile)
    assert "pending" in states.values(), "the killed sync had pushed everything"
    sync(profile)
    applied = applied_mutations(platform.db, shop_id_of(profile))
    assert applied == dict.fromkeys(states, "applied")
    assert set(outbox_states(profile).values()) == {"applied"}
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))


class LoseAnswers(httpx.HTTPTransport):
    """Delivers requests, then drops the platform's answer to the first ``n`` pushes."""

    def __init__(self, n: int) -> None:
        super().__init__()
        self.left = n

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if request.url.path.endswith("/push") and self.left > 0:
            self.left -= 1
            response.read()
            raise httpx.ReadError("connection reset after the platform committed")
        return response


def test_an_answer_lost_after_the_platform_committed_is_not_applied_twice(
    platform: PlatformProcess, profile_folder: Callable[[str], Path], user: str
) -> None:
    profile = signed_in(platform, profile_folder("a"), user=user)
    sync(profile)
    act_many(profile, 30)
    report = sync(profile, SyncOptions(transport=LoseAnswers(1), backoff=0.01))
    assert report.duplicates == 30
    assert report.applied == 0
    applied = applied_mutations(platform.db, shop_id_of(profile))
    assert applied == dict.fromkeys(outbox_states(profile), "applied")
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))


def test_the_platform_restarted_during_a_sync(
    platform: PlatformProcess, profile_folder: Callable[[str], Path], user: str
) -> None:
    profile = signed_in(platform, profile_folder("a"), user=user)
    outcome: list[object] = []

    def run() -> None:
        try:
            outcome.append(sync(profile, SyncOptions(page_limit=200, retries=8, backoff=0.2)))
        except Exception as exc:  # the test looks at it below
            outcome.append(exc)

    worker = threading.Thread(target=run)
    worker.start()
    wait_for(lambda: cursor_of(profile) != wire.START_CURSOR)
    platform.kill()
    platform.start()
    worker.join(120)
    assert outcome
    assert not isinstance(outcome[0], Exception), outcome
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))


def test_the_same_batch_pushed_twice_at_once_has_one_effect(
    platform: PlatformProcess, profile_folder: Callable[[str], Path], user: str
) -> None:
    profile = signed_in(platform, profile_folder("a"), user=user)
    sync(profile)
    act_many(profile, 100)
    with profile.read() as s:
        batch = outbox.pending_batch(s.connection(), 100)
        state = s.scalar(select(SyncState))
        assert state is not None
    barrier = threading.Barrier(2)
    answers: list[wire.PushResponse] = []

    def push() -> None:
        with PlatformClient(platform.url, state.token) as client:
            barrier.wait()
            answers.append(client.push(batch))

    threads = [threading.Thread(target=push) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert len(answers) == 2
    for first, second in zip(answers[0].results, answers[1].results, strict=True):
        assert {first.status, second.status} == {"applied", "duplicate"}
        assert first.outcome == second.outcome == "applied"
    applied = applied_mutations(platform.db, shop_id_of(profile))
    assert sorted(applied) == sorted(m.id for m in batch)


def test_a_refused_decision_does_not_block_the_actions_after_it(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    laptop = signed_in(platform, profile_folder("laptop"))
    desk = signed_in(platform, profile_folder("desk"))
    sync(laptop)
    sync(desk)
    with laptop.read() as s:
        request = s.scalar(select(ReleaseRequest).where(ReleaseRequest.status == "pending"))
        assert request is not None
    from models.services.releases import decide_release

    decide_release(laptop, request.id, "approve", "她做得很好")
    decide_release(desk, request.id, "decline", "再等等")
    numbers = review_many(desk, 5)
    sync(laptop)
    report = sync(desk)

    assert [r.code for r in report.rejected] == ["already_decided"]
    assert "approved" in report.rejected[0].reason
    assert report.applied == len(numbers)
    with desk.read() as s:
        assert s.get(ReleaseRequest, request.id).status == "approved"  # type: ignore[union-attr]
        decision = s.get(ReleaseDecision, request.id)
        assert decision is not None
        assert decision.decision == "approve"
    assert_mirror_equals_server(desk, platform.db, shop_id_of(desk))
    sync(laptop)
    assert_mirror_equals_server(laptop, platform.db, shop_id_of(laptop))


@pytest.mark.parametrize("new_epoch", [True, False], ids=["new-epoch", "cursor-ahead"])
def test_the_platform_restored_from_an_older_backup(
    platform: PlatformProcess,
    profile_folder: Callable[[str], Path],
    tmp_path: Path,
    new_epoch: bool,
    user: str,
) -> None:
    profile = signed_in(platform, profile_folder("a"), user=user)
    sync(profile)
    backup = tmp_path / "backup.sqlite3"
    platform.backup(backup)
    act_many(profile, 20)
    sync(profile)
    assert len(applied_mutations(platform.db, shop_id_of(profile))) == 20

    platform.restore(backup)
    platform.start(*(["--new-epoch"] if new_epoch else []))
    assert applied_mutations(platform.db, shop_id_of(profile)) == {}
    report = sync(profile)
    assert report.resets == 1
    applied = applied_mutations(platform.db, shop_id_of(profile))
    assert applied == dict.fromkeys(outbox_states(profile), "applied")
    assert len(applied) == 20
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))
