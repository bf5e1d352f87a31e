"""One order in full: its items, its customer's binding, and what happened to it when."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models.db import (
    Customer,
    CustomerBinding,
    Order,
    OrderItem,
    OrderReview,
    OrderReviewDraft,
    OutboxEntry,
    StoreManager,
)
from models.profile import Profile
from models.services.drafts import ReviewDraft, SavedReview, draft_of
from models.services.people import names_here


@dataclass(frozen=True)
class ItemLine:
    product_id: int
    title: str
    category: str
    quantity: int
    unit_price_cents: int
    commission_cents: int


@dataclass(frozen=True)
class Binding:
    customer_name: str
    phone_masked: str
    city: str
    store_manager_id: int | None
    store_name: str  # "" for the owner's own store
    bound_at: int
    bound_via: str
    status: str


@dataclass(frozen=True)
class Moment:
    at: int
    what: str  # placed, paid, reviewed, ledger:<event>, rejected
    detail: str = ""


@dataclass(frozen=True)
class OrderDetail:
    id: int
    order_no: str
    status: str
    amount_cents: int
    commission_cents: int
    items: list[ItemLine]
    binding: Binding | None
    timeline: list[Moment]
    reviewed: bool
    flag: str
    note: str
    review_sync: str
    reject_reason: str
    review_by: str = ""  # the name of who saved the review last
    review_by_me: bool = False  # the person signed in here
    draft: ReviewDraft | None = None  # what the owner set and has not saved yet

    @property
    def saved(self) -> SavedReview:
        """The review as saved on this computer, and the order's status."""
        return SavedReview(self.reviewed, self.flag, self.note, self.status)


def order_detail(profile: Profile, order_id: int) -> OrderDetail | None:
    with profile.read() as s:
        order = s.get(Order, order_id)
        if order is None:
            return None
        items = [
            ItemLine(
                i.product_id,
                i.title,
                i.category,
                i.quantity,
                i.unit_price_cents,
                i.commission_cents,
            )
            for i in s.scalars(
                select(OrderItem).where(OrderItem.order_id == order_id).order_by(OrderItem.id)
            )
        ]
        customer = s.get(Customer, order.customer_id)
        binding = None
        timeline = [Moment(order.placed_at, "placed")]
        if order.paid_at:
            timeline.append(Moment(order.paid_at, "paid"))
        if customer is not None:
            manager = (
                s.get(StoreManager, customer.store_manager_id)
                if customer.store_manager_id
                else None
            )
            binding = Binding(
                customer.name,
                customer.phone_masked,
                customer.city,
                customer.store_manager_id,
                manager.name if manager else "",
                customer.bound_at,
                customer.bound_via,
                customer.status,
            )
            for entry in s.scalars(
                select(CustomerBinding).where(CustomerBinding.customer_id == customer.id)
            ):
                timeline.append(Moment(entry.at, f"ledger:{entry.event}", entry.note))
        review = s.get(OrderReview, order_id)
        names = names_here(s)
        if review is not None:
            timeline.append(Moment(review.updated_at, "reviewed", review.note))
        last = s.execute(
            select(OutboxEntry.status, OutboxEntry.reject_reason)
            .where(
                OutboxEntry.entity == "order_review",
                OutboxEntry.entity_key == str(order_id),
                OutboxEntry.status != "applied",
            )
            .order_by(OutboxEntry.position.desc())
            .limit(1)
        ).first()
        drafted = s.get(OrderReviewDraft, order_id)
        draft = draft_of(drafted) if drafted is not None else None
    timeline.sort(key=lambda m: m.at)
    return OrderDetail(
        id=order.id,
        order_no=order.order_no,
        status=order.status,
        amount_cents=order.amount_cents,
        commission_cents=order.commission_cents,
        items=items,
        binding=binding,
        timeline=timeline,
        reviewed=bool(review and review.reviewed),
        flag=review.flag if review else "none",
        note=review.note if review else "",
        review_sync=last[0] if last else "",
        reject_reason=last[1] if last and last[0] == "rejected" else "",
        review_by=names.of(review.actor) if review is not None and review.actor else "",
        review_by_me=review is not None and review.actor == names.me,
        draft=draft,
    )
