"""Order review: the owner's offline marks, flags and notes, carried to the platform."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select

from models import wire
from models.changes import Changes
from models.db import Order, OrderReview
from models.errors import UnknownOrder
from models.profile import Profile
from models.services.drafts import FLAGS as DRAFT_FLAGS
from models.services.drafts import check_review, clear_saved_fields
from models.sync.outbox import record_action

FLAGS: Final = DRAFT_FLAGS


@dataclass(frozen=True)
class ReviewState:
    order_id: int
    order_no: str
    reviewed: bool
    flag: str
    note: str
    mutation_id: str
    changes: Changes


def review_order(
    profile: Profile,
    order_no: str,
    *,
    reviewed: bool | None = None,
    flag: str | None = None,
    note: str | None = None,
    now: int | None = None,
) -> ReviewState:
    """Change what was given of an order's review; the rest stays as it was.

    What is saved leaves the order's draft; a draft of what was not given stays.
    """
    check_review(flag, note)
    stamp = int(time.time()) if now is None else now
    with profile.write() as s:
        order_id = s.scalar(select(Order.id).where(Order.order_no == order_no))
        if order_id is None:
            raise UnknownOrder(order_no)
        current = s.get(OrderReview, order_id)
        payload = wire.OrderReviewPayload(
            order_id=order_id,
            reviewed=reviewed if reviewed is not None else bool(current and current.reviewed),
            flag=flag or (current.flag if current else "none"),
            note=note if note is not None else (current.note if current else ""),
        )
        row = payload.model_dump() | {"updated_at": stamp}
        drafted = clear_saved_fields(s, order_id, reviewed=reviewed, flag=flag, note=note)
        s.flush()
        mutation_id = record_action(s.connection(), "order_review.set", payload, row, stamp)
    changes = Changes.of_rows("order_review", [order_id]) | Changes.of_rows("outbox", [mutation_id])
    if drafted:
        changes |= Changes.of_rows("order_review_draft", [order_id])
    return ReviewState(
        order_id, order_no, payload.reviewed, payload.flag, payload.note, mutation_id, changes
    )
