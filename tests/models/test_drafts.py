"""Drafts: what the owner typed and did not save survives everything but saving it."""

from __future__ import annotations

import pytest
from sqlalchemy import select

from models.db import Order, ReleaseRequest
from models.errors import InvalidInput
from models.profile import Profile
from models.services.drafts import (
    discard_review_draft,
    reason_draft,
    review_draft,
    save_reason_draft,
    save_review_draft,
)
from models.services.order_detail import order_detail
from models.services.order_table import OrderFilter, Sort, fetch_page
from models.services.release_queue import queued_request
from models.services.releases import decide_release
from models.services.reviews import review_order
from models.sync.reset import reset_mirror


def first_order(profile: Profile) -> tuple[int, str, str]:
    with profile.read() as s:
        order = s.scalars(select(Order).order_by(Order.id).limit(1)).one()
        return order.id, order.order_no, order.status


def test_a_draft_keeps_only_what_differs_from_the_saved_review(synced_profile: Profile) -> None:
    order_id, _, status = first_order(synced_profile)
    saved = save_review_draft(synced_profile, order_id, reviewed=False, flag="none", note="半句")
    assert saved.draft is not None
    assert (saved.draft.reviewed, saved.draft.flag, saved.draft.note) == (None, None, "半句")
    assert saved.draft.base.status == status
    assert saved.changes.touches_row("order_review_draft", order_id)

    same = save_review_draft(synced_profile, order_id, reviewed=False, flag="none", note="")
    assert same.draft is None
    assert review_draft(synced_profile, order_id) is None


def test_the_table_and_the_detail_show_that_a_draft_exists(synced_profile: Profile) -> None:
    order_id, _, _ = first_order(synced_profile)
    save_review_draft(synced_profile, order_id, reviewed=True, flag="problem", note="缺货 🚚")
    row = fetch_page(synced_profile, OrderFilter(), Sort(), limit=1, only_ids=[order_id])[0]
    assert row.drafted
    detail = order_detail(synced_profile, order_id)
    assert detail is not None
    assert detail.draft is not None
    assert detail.draft.note == "缺货 🚚"
    assert discard_review_draft(synced_profile, order_id).touches_row(
        "order_review_draft", order_id
    )
    row = fetch_page(synced_profile, OrderFilter(), Sort(), limit=1, only_ids=[order_id])[0]
    assert not row.drafted


def test_saving_the_review_clears_the_draft_but_a_shortcut_keeps_the_note(
    synced_profile: Profile,
) -> None:
    order_id, order_no, _ = first_order(synced_profile)
    save_review_draft(synced_profile, order_id, reviewed=True, flag="none", note="还没写完")

    flagged = review_order(synced_profile, order_no, flag="problem")
    assert flagged.changes.touches_row("order_review", order_id)
    assert flagged.changes.touches_row("order_review_draft", order_id)
    kept = review_draft(synced_profile, order_id)
    assert kept is not None
    assert kept.note == "还没写完"
    assert kept.reviewed is True

    review_order(synced_profile, order_no, reviewed=True, flag="problem", note="还没写完")
    assert review_draft(synced_profile, order_id) is None


def test_a_draft_outlives_a_re_snapshot(synced_profile: Profile) -> None:
    order_id, _, _ = first_order(synced_profile)
    save_review_draft(synced_profile, order_id, reviewed=False, flag="none", note="留着")
    save_reason_draft(synced_profile, 1, "还要再看看")
    with synced_profile.writer.begin() as conn:
        reset_mirror(conn, "test")
    kept = review_draft(synced_profile, order_id)
    assert kept is not None
    assert kept.note == "留着"
    assert reason_draft(synced_profile, 1) == "还要再看看"


def test_a_decision_clears_its_reason_draft(synced_profile: Profile) -> None:
    with synced_profile.read() as s:
        request_id = s.scalars(
            select(ReleaseRequest.id).where(ReleaseRequest.status == "pending").limit(1)
        ).one()
    assert save_reason_draft(synced_profile, request_id, "销量还不稳定").touches_row(
        "release_reason_draft", request_id
    )
    queued = queued_request(synced_profile, request_id)
    assert queued is not None
    assert queued.draft_reason == "销量还不稳定"
    recorded = decide_release(synced_profile, request_id, "decline", "销量还不稳定")
    assert recorded.changes.touches_row("release_reason_draft", request_id)
    assert recorded.changes.touches_row("release_decision", request_id)
    assert reason_draft(synced_profile, request_id) == ""


def test_a_draft_has_the_review_s_limits(synced_profile: Profile) -> None:
    order_id, _, _ = first_order(synced_profile)
    with pytest.raises(InvalidInput) as too_long:
        save_review_draft(synced_profile, order_id, reviewed=False, flag="none", note="字" * 2001)
    assert (too_long.value.subject, too_long.value.problem, too_long.value.limit) == (
        "note",
        "too_long",
        2000,
    )
    with pytest.raises(InvalidInput) as odd:
        save_review_draft(synced_profile, order_id, reviewed=False, flag="urgent", note="")
    assert odd.value.allowed == ("none", "problem", "follow_up")
