"""Every order of a filter marked at once, and the last bulk marking taken back while unsent."""

from __future__ import annotations

import sqlite3

import pytest
from sqlalchemy import select

from models import wire
from models.db import ConfirmedRow, OrderReview, OutboxEntry
from models.errors import AlreadySent
from models.profile import Profile
from models.services.bulk_review import review_filtered, review_orders, undo_reviews
from models.services.order_table import OrderFilter
from models.services.orders import newest_orders
from models.sync import outbox

NOW = 1_795_492_800


def _reviews(profile: Profile) -> dict[int, tuple[bool, str, str]]:
    with profile.read() as s:
        return {r.order_id: (r.reviewed, r.flag, r.note) for r in s.scalars(select(OrderReview))}


def _outbox_ids(profile: Profile) -> list[str]:
    with profile.read() as s:
        return list(s.scalars(select(OutboxEntry.id).order_by(OutboxEntry.position)))


def test_every_order_of_a_filter_is_marked_as_sql_counts_it(synced_profile: Profile) -> None:
    done = review_filtered(synced_profile, OrderFilter(status="completed"), reviewed=True, now=NOW)
    with sqlite3.connect(synced_profile.db_path) as conn:
        (completed,) = conn.execute(
            "SELECT count(*) FROM \"order\" WHERE status = 'completed'"
        ).fetchone()
        reviewed = conn.execute(
            'SELECT count(*) FROM order_review r JOIN "order" o ON o.id = r.order_id'
            " WHERE r.reviewed AND o.status = 'completed'"
        ).fetchone()[0]
    assert completed > 100
    assert done.orders == reviewed == completed
    assert len(_outbox_ids(synced_profile)) == completed == len(set(done.mutation_ids))


def test_undo_before_the_sync_puts_back_every_review_and_withdraws_its_entries(
    synced_profile: Profile,
) -> None:
    lines = newest_orders(synced_profile, 40)
    numbers = [line.order_no for line in lines]
    # An earlier action on one order, still waiting: the undo returns to it, not past it.
    earlier = review_orders(synced_profile, numbers[:1], note="先看这单", now=NOW)
    before = _reviews(synced_profile)
    bulk = review_orders(synced_profile, numbers, reviewed=True, flag="problem", now=NOW + 1)
    assert _reviews(synced_profile) != before
    undone = undo_reviews(synced_profile, [s.mutation_id for s in bulk])
    assert undone.orders == 40
    assert _reviews(synced_profile) == before
    assert _outbox_ids(synced_profile) == [earlier[0].mutation_id]
    with synced_profile.read() as s:
        kept = s.scalars(select(ConfirmedRow.entity_key)).all()
    # The platform's version stays only for the order whose earlier action still waits.
    assert kept == [str(lines[0].id)]
    assert undone.changes.touches_row("order_review", lines[5].id)


def test_undo_once_any_entry_was_sent_changes_nothing(synced_profile: Profile) -> None:
    numbers = [line.order_no for line in newest_orders(synced_profile, 10)]
    bulk = review_orders(synced_profile, numbers, reviewed=True, now=NOW)
    with synced_profile.writer.begin() as conn:
        batch = outbox.pending_batch(conn, 3)
        outbox.mark_attempted(conn, [m.id for m in batch])
    after = _reviews(synced_profile)
    with pytest.raises(AlreadySent) as refused:
        undo_reviews(synced_profile, [s.mutation_id for s in bulk])
    assert (refused.value.sent, refused.value.total) == (3, 10)
    assert _reviews(synced_profile) == after
    assert len(_outbox_ids(synced_profile)) == 10


def test_undo_after_the_answers_changes_nothing(synced_profile: Profile) -> None:
    numbers = [line.order_no for line in newest_orders(synced_profile, 4)]
    bulk = review_orders(synced_profile, numbers, flag="follow_up", now=NOW)
    answers = [
        wire.MutationResult(id=s.mutation_id, status="applied", outcome="applied") for s in bulk
    ]
    with synced_profile.writer.begin() as conn:
        outbox.record_results(conn, answers, NOW + 5)
    with pytest.raises(AlreadySent):
        undo_reviews(synced_profile, [s.mutation_id for s in bulk])
    assert {v[1] for v in _reviews(synced_profile).values()} == {"follow_up"}
