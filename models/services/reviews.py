"""Order review: the owner's offline marks, flags and notes, carried to the platform."""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import Final

from sqlalchemy import select

from models import wire
from models.db import Order, OrderReview
from models.errors import InvalidInput, UnknownOrder
from models.profile import Profile
from models.sync.outbox import record_action

FLAGS: Final = ("none", "problem", "follow_up")


@dataclass(frozen=True)
class ReviewState:
    order_id: int
    order_no: str
    reviewed: bool
    flag: str
    note: str
    mutation_id: str


def review_order(
    profile: Profile,
    order_no: str,
    *,
    reviewed: bool | None = None,
    flag: str | None = None,
    note: str | None = None,
    now: int | None = None,
) -> ReviewState:
    """Change what was given of an order's review; the rest stays as it was."""
    if flag is not None and flag not in FLAGS:
        raise InvalidInput(f"flag must be one of {', '.join(FLAGS)}")
    if note is not None and len(note) > wire.MAX_NOTE_LENGTH:
        raise InvalidInput(f"a note has at most {wire.MAX_NOTE_LENGTH} characters")
    stamp = int(time.time()) if now is None else now
    with profile.write() as s:
        order_id = s.scalar(select(Order.id).where(Order.order_no == order_no))
        if order_id is None:
            raise UnknownOrder(f"no order {order_no} in this shop")
        current = s.get(OrderReview, order_id)
        payload = wire.OrderReviewPayload(
            order_id=order_id,
            reviewed=reviewed if reviewed is not None else bool(current and current.reviewed),
            flag=flag or (current.flag if current else "none"),
            note=note if note is not None else (current.note if current else ""),
        )
        row = payload.model_dump() | {"updated_at": stamp}
        s.flush()
        mutation_id = record_action(s.connection(), "order_review.set", payload, row, stamp)
    return ReviewState(
        order_id, order_no, payload.reviewed, payload.flag, payload.note, mutation_id
    )
