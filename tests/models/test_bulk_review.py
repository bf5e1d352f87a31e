"""Reviewing many orders in one action: all recorded together, or none; answers undo in bulk."""

from __future__ import annotations

import subprocess
import sys

import pytest
from sqlalchemy import select

from models import wire
from models.db import ConfirmedRow, OrderReview, OutboxEntry
from models.errors import InvalidInput, UnknownOrder
from models.profile import Profile
from models.services.bulk_review import review_order_ids, review_orders
from models.services.orders import newest_orders
from models.services.reviews import review_order
from models.sync import outbox
from tests.platform_process import MAIN

NOW = 1_795_492_800


def _numbers(profile: Profile, count: int) -> list[str]:
    return [line.order_no for line in newest_orders(profile, count)]


def _outbox(profile: Profile) -> list[OutboxEntry]:
    with profile.read() as s:
        return list(s.scalars(select(OutboxEntry).order_by(OutboxEntry.position)))


def _reviews(profile: Profile) -> dict[int, tuple[bool, str, str]]:
    with profile.read() as s:
        return {r.order_id: (r.reviewed, r.flag, r.note) for r in s.scalars(select(OrderReview))}


def test_many_orders_are_recorded_in_order_with_one_action_each(synced_profile: Profile) -> None:
    numbers = _numbers(synced_profile, 60)
    review_order(synced_profile, numbers[0], note="周五前发货", now=NOW)
    states = review_orders(synced_profile, numbers, reviewed=True, flag="follow_up", now=NOW + 1)
    assert [s.order_no for s in states] == numbers
    # What was not given stays as it was: the note on the first order.
    assert (states[0].reviewed, states[0].flag, states[0].note) == (True, "follow_up", "周五前发货")
    assert {(s.reviewed, s.flag, s.note) for s in states[1:]} == {(True, "follow_up", "")}
    entries = _outbox(synced_profile)
    assert [e.id for e in entries[1:]] == [s.mutation_id for s in states]
    assert {e.status for e in entries} == {"pending"}
    reviews = _reviews(synced_profile)
    assert {s.order_id for s in states} <= set(reviews)
    with synced_profile.read() as s:
        confirmed = s.scalars(select(ConfirmedRow.entity_key)).all()
    # The platform's version is kept once per order, before its first local change.
    assert sorted(confirmed) == sorted(str(state.order_id) for state in states)


def test_an_unknown_number_among_many_writes_nothing(synced_profile: Profile) -> None:
    numbers = _numbers(synced_profile, 5)
    with pytest.raises(UnknownOrder) as refused:
        review_orders(synced_profile, [*numbers, "ZG-NOPE", "ZG-NADA"], reviewed=True)
    assert refused.value.order_nos == ("ZG-NOPE", "ZG-NADA")
    assert "ZG-NOPE" in str(refused.value)
    assert _outbox(synced_profile) == []
    assert _reviews(synced_profile) == {}


def test_a_number_given_twice_is_one_action(synced_profile: Profile) -> None:
    first, second = _numbers(synced_profile, 2)
    states = review_orders(synced_profile, [first, second, first], flag="problem")
    assert [s.order_no for s in states] == [first, second]
    assert len(_outbox(synced_profile)) == 2


def test_selected_rows_are_reviewed_by_id(synced_profile: Profile) -> None:
    lines = newest_orders(synced_profile, 3)
    states = review_order_ids(synced_profile, [line.id for line in lines], reviewed=True)
    assert [s.order_no for s in states] == [line.order_no for line in lines]
    with pytest.raises(UnknownOrder):
        review_order_ids(synced_profile, [10**12])


def test_bad_values_are_refused_before_anything_is_read(synced_profile: Profile) -> None:
    with pytest.raises(InvalidInput):
        review_orders(synced_profile, _numbers(synced_profile, 1), flag="urgent")
    with pytest.raises(InvalidInput):
        review_orders(synced_profile, _numbers(synced_profile, 1), note="长" * 2001)
    assert review_orders(synced_profile, []) == []


def test_answers_put_back_exactly_the_rows_whose_last_action_was_refused(
    synced_profile: Profile,
) -> None:
    kept, undone, changed_twice = _numbers(synced_profile, 3)
    assert _reviews(synced_profile) == {}, "the platform has no review of these yet"
    first = review_orders(synced_profile, [kept, undone, changed_twice], note="一")
    second = review_orders(synced_profile, [changed_twice], note="二")
    answers = [
        wire.MutationResult(id=first[0].mutation_id, status="applied", outcome="applied"),
        wire.MutationResult(
            id=first[1].mutation_id, status="rejected", outcome="rejected", code="x", reason="不行"
        ),
        wire.MutationResult(
            id=first[2].mutation_id, status="rejected", outcome="rejected", code="x", reason="不行"
        ),
        wire.MutationResult(id=second[0].mutation_id, status="applied", outcome="applied"),
    ]
    with synced_profile.writer.begin() as conn:
        outbox.record_results(conn, answers, NOW)
    after = _reviews(synced_profile)
    assert after[first[0].order_id][2] == "一"
    assert first[1].order_id not in after  # back to the platform's: no review
    assert after[first[2].order_id][2] == "二"
    with synced_profile.read() as s:
        assert s.scalars(select(ConfirmedRow)).all() == []
        statuses = {e.id: e.status for e in s.scalars(select(OutboxEntry))}
    assert statuses == {a.id: a.outcome for a in answers}


def test_the_command_line_reviews_many_orders_at_once(synced_profile: Profile) -> None:
    numbers = _numbers(synced_profile, 4)

    def review(*args: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [sys.executable, str(MAIN), "review", "--profile", str(synced_profile.folder), *args],
            capture_output=True,
            text=True,
            timeout=120,
            cwd=MAIN.parent,
            check=False,
        )

    done = review(*numbers, "--reviewed", "--flag", "follow-up", "--note", "周五前发货")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == [
        f"order {n}: reviewed=True flag=follow_up; waiting to sync" for n in numbers
    ]
    refused = review(numbers[0], "ZG-NOPE", "--reviewed")
    assert refused.returncode == 1
    assert "ZG-NOPE" in refused.stderr
    assert len(_outbox(synced_profile)) == len(numbers)
