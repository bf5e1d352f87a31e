"""Reading orders for lists and commands."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import and_, select

from models.db import Order, OrderReview, OutboxEntry, table_of
from models.profile import Profile


@dataclass(frozen=True)
class OrderLine:
    id: int
    order_no: str
    placed_at: int
    status: str
    amount_cents: int
    commission_cents: int
    store_manager_id: int | None
    items_summary: str
    reviewed: bool
    flag: str
    note: str
    review_sync: str  # "", "pending" (waiting to sync) or "rejected"


def newest_orders(profile: Profile, limit: int = 20) -> list[OrderLine]:
    outbox = table_of(OutboxEntry)
    sync_state = (
        select(outbox.c.status)
        .where(
            and_(
                outbox.c.entity == "order_review",
                outbox.c.entity_key == Order.id.cast(outbox.c.entity_key.type),
                outbox.c.status != "applied",
            )
        )
        .order_by(outbox.c.position.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        select(Order, OrderReview, sync_state)
        .outerjoin(OrderReview, OrderReview.order_id == Order.id)
        .order_by(Order.placed_at.desc(), Order.id.desc())
        .limit(limit)
    )
    with profile.read() as s:
        return [
            OrderLine(
                id=o.id,
                order_no=o.order_no,
                placed_at=o.placed_at,
                status=o.status,
                amount_cents=o.amount_cents,
                commission_cents=o.commission_cents,
                store_manager_id=o.store_manager_id,
                items_summary=o.items_summary,
                reviewed=bool(r and r.reviewed),
                flag=r.flag if r else "none",
                note=r.note if r else "",
                review_sync=state or "",
            )
            for o, r, state in s.execute(query).all()
        ]
