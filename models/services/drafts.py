"""Drafts: what the owner has typed and not saved yet, kept on this computer only.

A note half typed in an order's review, a flag chosen but not saved, a reason for declining a
release she has not decided yet: each is written here as she types, so that a sync, a change of
row, a crash or a restart never loses it. A draft is never sent to the platform; saving the
review (or deciding the release) clears it in the same transaction.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import Connection, delete, select, update
from sqlalchemy.orm import Session

from models import wire
from models.changes import NOTHING, Changes
from models.db import Order, OrderReview, OrderReviewDraft, ReleaseReasonDraft, table_of
from models.errors import InvalidInput
from models.profile import Profile
from models.sync.apply import IN_CHUNK

FLAGS = ("none", "problem", "follow_up")


@dataclass(frozen=True)
class SavedReview:
    """The review as it was saved, and the order's status, when the owner began a draft."""

    reviewed: bool
    flag: str
    note: str
    status: str


@dataclass(frozen=True)
class ReviewDraft:
    order_id: int
    # None: not changed from the saved review.
    reviewed: bool | None
    flag: str | None
    note: str | None
    base: SavedReview
    updated_at: int


@dataclass(frozen=True)
class DraftSaved:
    draft: ReviewDraft | None  # None when nothing differs from the saved review any more
    changes: Changes


def check_review(flag: str | None, note: str | None) -> None:
    """The limits of a review, for a draft and for the review itself."""
    if flag is not None and flag not in FLAGS:
        raise InvalidInput("flag", "not_one_of", value=flag, allowed=FLAGS)
    if note is not None and len(note) > wire.MAX_NOTE_LENGTH:
        raise InvalidInput("note", "too_long", value=len(note), limit=wire.MAX_NOTE_LENGTH)


def save_review_draft(
    profile: Profile,
    order_id: int,
    *,
    reviewed: bool,
    flag: str,
    note: str,
    now: int | None = None,
) -> DraftSaved:
    """Keep what the review form shows for ``order_id``; what equals the saved review is not
    kept, and a form equal to it in every field leaves no draft."""
    check_review(flag, note)
    stamp = int(time.time()) if now is None else now
    with profile.write() as s:
        saved = _saved(s, order_id)
        existing = s.get(OrderReviewDraft, order_id)
        wanted = (
            None if reviewed == saved.reviewed else reviewed,
            None if flag == saved.flag else flag,
            None if note == saved.note else note,
        )
        if wanted == (None, None, None):
            if existing is None:
                return DraftSaved(None, NOTHING)
            s.delete(existing)
            return DraftSaved(None, Changes.of_rows("order_review_draft", [order_id]))
        if existing is None:
            existing = OrderReviewDraft(
                order_id=order_id,
                base_reviewed=saved.reviewed,
                base_flag=saved.flag,
                base_note=saved.note,
                base_status=saved.status,
            )
            s.add(existing)
        existing.reviewed, existing.flag, existing.note = wanted
        existing.updated_at = stamp
        s.flush()
        draft = draft_of(existing)
    return DraftSaved(draft, Changes.of_rows("order_review_draft", [order_id]))


def review_draft(profile: Profile, order_id: int) -> ReviewDraft | None:
    with profile.read() as s:
        found = s.get(OrderReviewDraft, order_id)
        return draft_of(found) if found is not None else None


def discard_review_draft(profile: Profile, order_id: int) -> Changes:
    """Forget what the owner had not saved of an order's review."""
    with profile.write() as s:
        found = s.get(OrderReviewDraft, order_id)
        if found is None:
            return NOTHING
        s.delete(found)
    return Changes.of_rows("order_review_draft", [order_id])


def clear_saved_fields(
    s: Session,
    order_id: int,
    *,
    reviewed: bool | None,
    flag: str | None,
    note: str | None,
) -> bool:
    """After a review is saved, forget the draft's fields it saved; True when the draft changed.

    A field saved by a shortcut (Space marks reviewed, Ctrl+1 flags) leaves a half-typed note
    of the same order in its draft.
    """
    draft = s.get(OrderReviewDraft, order_id)
    if draft is None:
        return False
    if reviewed is not None:
        draft.reviewed = None
    if flag is not None:
        draft.flag = None
    if note is not None:
        draft.note = None
    if draft.reviewed is None and draft.flag is None and draft.note is None:
        s.delete(draft)
    return True


def clear_saved_drafts(
    conn: Connection,
    order_ids: Sequence[int],
    *,
    reviewed: bool | None,
    flag: str | None,
    note: str | None,
) -> list[int]:
    """``clear_saved_fields`` for many orders at once; returns the orders whose draft changed."""
    drafts = table_of(OrderReviewDraft)
    cleared: dict[str, None] = {}
    if reviewed is not None:
        cleared["reviewed"] = None
    if flag is not None:
        cleared["flag"] = None
    if note is not None:
        cleared["note"] = None
    changed: list[int] = []
    for start in range(0, len(order_ids), IN_CHUNK):
        chunk = list(order_ids[start : start + IN_CHUNK])
        found = list(conn.scalars(select(drafts.c.order_id).where(drafts.c.order_id.in_(chunk))))
        if not found:
            continue
        changed += found
        if cleared:
            conn.execute(update(drafts).where(drafts.c.order_id.in_(found)).values(cleared))
        conn.execute(
            delete(drafts).where(
                drafts.c.order_id.in_(found),
                drafts.c.reviewed.is_(None),
                drafts.c.flag.is_(None),
                drafts.c.note.is_(None),
            )
        )
    return changed


def save_reason_draft(
    profile: Profile, request_id: int, reason: str, now: int | None = None
) -> Changes:
    """Keep a reason typed for a release decision; an empty one leaves no draft."""
    if len(reason) > wire.MAX_REASON_LENGTH:
        raise InvalidInput("reason", "too_long", value=len(reason), limit=wire.MAX_REASON_LENGTH)
    stamp = int(time.time()) if now is None else now
    with profile.write() as s:
        existing = s.get(ReleaseReasonDraft, request_id)
        if not reason.strip():
            if existing is None:
                return NOTHING
            s.delete(existing)
        elif existing is None:
            s.add(ReleaseReasonDraft(request_id=request_id, reason=reason, updated_at=stamp))
        elif existing.reason == reason:
            return NOTHING
        else:
            existing.reason, existing.updated_at = reason, stamp
    return Changes.of_rows("release_reason_draft", [request_id])


def reason_draft(profile: Profile, request_id: int) -> str:
    with profile.read() as s:
        found = s.get(ReleaseReasonDraft, request_id)
        return found.reason if found is not None else ""


def clear_reason_draft(s: Session, request_id: int) -> bool:
    """After a decision is recorded, in its transaction; True when there was a draft."""
    found = s.get(ReleaseReasonDraft, request_id)
    if found is None:
        return False
    s.delete(found)
    return True


def _saved(s: Session, order_id: int) -> SavedReview:
    review = s.get(OrderReview, order_id)
    status = s.scalar(select(Order.status).where(Order.id == order_id)) or ""
    if review is None:
        return SavedReview(False, "none", "", status)
    return SavedReview(review.reviewed, review.flag, review.note, status)


def draft_of(row: OrderReviewDraft) -> ReviewDraft:
    """The draft of a row read in the caller's session."""
    return ReviewDraft(
        order_id=row.order_id,
        reviewed=row.reviewed,
        flag=row.flag,
        note=row.note,
        base=SavedReview(row.base_reviewed, row.base_flag, row.base_note, row.base_status),
        updated_at=row.updated_at,
    )
