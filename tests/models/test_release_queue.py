"""The queue of release requests: where each decision stands, and how many need the owner."""

from __future__ import annotations

import pytest

from models.profile import Profile
from models.services.release_queue import queued_request, release_queue, requests_needing_owner
from models.services.releases import AlreadyDecided, decide_release
from models.sync.syncer import sync
from tests.models import release_fixtures
from tests.models.release_fixtures import Computer, pending_requests

computer = release_fixtures.computer


def states(profile: Profile) -> dict[int, str]:
    return {q.id: q.state for q in release_queue(profile)}


def test_a_fresh_shop_lists_every_pending_request_as_undecided(synced_profile: Profile) -> None:
    pending = pending_requests(synced_profile)
    assert len(pending) >= 2, "the demo shop has release requests waiting"
    queue = release_queue(synced_profile)
    assert [q.id for q in queue][: len(pending)] == sorted(
        pending, key=lambda i: -next(q.created_at for q in queue if q.id == i)
    )
    assert all(q.manager_name for q in queue)
    assert {q.id: q.state for q in queue if q.id in pending} == dict.fromkeys(pending, "undecided")
    assert requests_needing_owner(synced_profile) == len(pending)


def test_a_decision_waits_until_synced_and_cannot_be_made_twice(synced_profile: Profile) -> None:
    first, *_ = pending_requests(synced_profile)
    before = requests_needing_owner(synced_profile)
    decide_release(synced_profile, first, "approve", "她已经可以独当一面了")

    request = queued_request(synced_profile, first)
    assert request is not None
    assert request.state == "waiting"
    assert request.local is not None
    assert (request.local.decision, request.local.reason) == ("approve", "她已经可以独当一面了")
    assert requests_needing_owner(synced_profile) == before - 1
    order = [q.id for q in release_queue(synced_profile)]
    assert all(
        order.index(first) > order.index(i) for i in pending_requests(synced_profile) if i != first
    ), "requests needing the owner come first"
    with pytest.raises(AlreadyDecided) as raised:
        decide_release(synced_profile, first, "decline", "再等等")
    assert raised.value.status == "waiting"


def test_sync_applies_a_decision_and_refuses_a_late_one_from_another_computer(
    computer: Computer,
) -> None:
    laptop, desk = computer("laptop"), computer("desk")
    first, second, *_ = pending_requests(laptop)
    decide_release(laptop, first, "approve", "")
    decide_release(laptop, second, "decline", "再带一段时间团队")
    decide_release(desk, second, "approve", "")
    sync(laptop)
    sync(desk)

    assert states(laptop)[first] == "applied"
    assert states(laptop)[second] == "applied"
    with pytest.raises(AlreadyDecided) as raised:
        decide_release(laptop, first, "decline", "")
    assert raised.value.status == "approved"

    assert states(desk)[first] == "elsewhere"
    late = queued_request(desk, second)
    assert late is not None
    assert late.state == "refused"
    assert late.status == "declined"
    assert late.local is not None
    assert "already declined" in late.local.refusal
    assert late.local.refusal_code == "already_decided"
    assert requests_needing_owner(desk) == requests_needing_owner(laptop)
    assert requests_needing_owner(laptop) == len(pending_requests(laptop))
