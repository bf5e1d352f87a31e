"""The log of release decisions: who, when, what, and the platform's outcome."""

from __future__ import annotations

import time

from sqlalchemy import func, select

from models.db import OutboxEntry, ReleaseRequest, Shop, SyncState
from models.profile import Profile
from models.services.release_audit import release_audit
from models.services.releases import decide_release
from models.sync.outbox import JOURNAL_DAYS, prune_journal
from models.sync.syncer import sync
from tests.models import release_fixtures
from tests.models.release_fixtures import Computer, pending_requests

computer = release_fixtures.computer


def owner_of(profile: Profile) -> tuple[str, str]:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        shop = s.get(Shop, state.shop_id)
        assert shop is not None
        return shop.owner_name, state.shop_code


def test_decisions_from_before_this_computer_were_made_elsewhere(synced_profile: Profile) -> None:
    log = release_audit(synced_profile)
    assert all(not e.here and e.outcome == "elsewhere" and not e.who for e in log)
    with synced_profile.read() as s:
        decided = s.scalars(select(ReleaseRequest).where(ReleaseRequest.status != "pending")).all()
    assert sorted((e.request_id, e.decision, e.reason) for e in log) == sorted(
        (r.id, "approve" if r.status == "approved" else "decline", r.decision_reason)
        for r in decided
    )


def test_the_log_names_who_decided_what_and_the_outcome(computer: Computer) -> None:
    laptop, desk = computer("laptop"), computer("desk")
    first, second, *_ = pending_requests(laptop)
    # Decided a little while ago, offline; the platform stamps its decisions when they arrive.
    earlier = int(time.time()) - 600
    decide_release(laptop, first, "approve", "她已经可以独当一面了", now=earlier)
    decide_release(desk, first, "decline", "再等等", now=earlier + 100)
    decide_release(desk, second, "decline", "还差一点", now=earlier + 200)

    waiting = [e for e in release_audit(desk) if e.here]
    assert [(e.request_id, e.outcome) for e in waiting] == [(second, "waiting"), (first, "waiting")]

    sync(laptop)
    sync(desk)
    owner, account = owner_of(desk)
    log = release_audit(desk)
    mine = [e for e in log if e.here]
    assert [(e.request_id, e.decision, e.reason, e.outcome) for e in mine] == [
        (second, "decline", "还差一点", "applied"),
        (first, "decline", "再等等", "refused"),
    ]
    assert all((e.who, e.account) == (owner, account) for e in mine)
    assert all(e.manager_name for e in log)
    assert "already approved" in mine[1].refusal
    elsewhere = [e for e in log if not e.here and e.request_id in (first, second)]
    # The platform's row says who decided, so another computer names her too.
    assert [(e.request_id, e.decision, e.reason, e.who) for e in elsewhere] == [
        (first, "approve", "她已经可以独当一面了", owner)
    ]

    sync(laptop)
    laptop_log = [e for e in release_audit(laptop) if e.request_id in (first, second)]
    assert [(e.request_id, e.outcome, e.here) for e in laptop_log] == [
        (second, "elsewhere", False),
        (first, "applied", True),
    ]


def test_a_decision_made_here_stays_here_after_its_answer_left_the_outbox(
    computer: Computer,
) -> None:
    laptop = computer("laptop")
    first, *_ = pending_requests(laptop)
    decide_release(laptop, first, "decline", "明年再说")
    sync(laptop)
    owner, account = owner_of(laptop)
    # Answered entries leave the outbox after 30 days; the decision log keeps its own table.
    with laptop.writer.begin() as conn:
        prune_journal(conn, int(time.time()) + (JOURNAL_DAYS + 1) * 86_400)
    with laptop.read() as s:
        assert s.scalar(select(func.count()).select_from(OutboxEntry)) == 0
    [entry] = [e for e in release_audit(laptop) if e.request_id == first]
    assert (entry.here, entry.outcome, entry.reason) == (True, "applied", "明年再说")
    assert (entry.who, entry.account) == (owner, account)
