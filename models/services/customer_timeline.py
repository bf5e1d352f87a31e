"""One customer's story with the shop: every change of owning store, and their orders.

The platform writes a ledger entry for every change of binding; each entry comes back here with
what it takes to say it in a sentence (which store, which manager, which release request), and a
kind that names the sentence.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models.db import CustomerBinding, Order, StoreManager
from models.profile import Profile
from models.services.customers import CustomerRow, fetch_one

# The kinds of timeline entry, one sentence each.
BOUND_OWN = "bound_own"  # first paid order in the owner's own store
BOUND_MANAGER = "bound_manager"  # first paid order in a manager's sub-store
LEFT_WITH_MANAGER = "left_with_manager"  # left when the manager was released
ALLOCATED_AFTER_RELEASE = "allocated_after_release"  # public-domain traffic after a release
ALLOCATED = "allocated"  # public-domain traffic for the shop's growth
TRANSFERRED_IN = "transferred_in"  # came along with a manager released into this shop
OTHER = "other"  # an entry this version does not know; its note says what it is


@dataclass(frozen=True)
class TimelineEntry:
    at: int
    kind: str
    manager_name: str  # the manager the entry names, "" for the owner's own store
    release_request_id: int | None
    note: str
    upcoming: bool  # an allocation whose arrival time is still ahead


@dataclass(frozen=True)
class OrderBrief:
    order_no: str
    placed_at: int
    amount_cents: int
    status: str
    store_name: str  # "" for the owner's own store


@dataclass(frozen=True)
class CustomerTimeline:
    customer: CustomerRow
    entries: list[TimelineEntry]
    first_order: OrderBrief | None
    latest_order: OrderBrief | None
    orders: int  # every order, paid or not


def customer_timeline(profile: Profile, customer_id: int, now: int) -> CustomerTimeline | None:
    customer = fetch_one(profile, customer_id)
    if customer is None:
        return None
    with profile.read() as s:
        names = {
            int(i): str(n)
            for i, n in s.execute(
                select(StoreManager.id, StoreManager.name).where(
                    StoreManager.id.in_(
                        select(CustomerBinding.from_manager_id).where(
                            CustomerBinding.customer_id == customer_id
                        )
                    )
                    | StoreManager.id.in_(
                        select(CustomerBinding.to_manager_id).where(
                            CustomerBinding.customer_id == customer_id
                        )
                    )
                )
            ).all()
        }
        ledger = list(
            s.scalars(
                select(CustomerBinding)
                .where(CustomerBinding.customer_id == customer_id)
                .order_by(CustomerBinding.at, CustomerBinding.id)
            )
        )
        first = _order(s, customer_id, first=True)
        latest = _order(s, customer_id, first=False)
        orders = int(s.scalar(select(func.count()).where(Order.customer_id == customer_id)) or 0)
    entries = [_entry(e, names, now) for e in ledger]
    return CustomerTimeline(customer, entries, first, latest, orders)


def _entry(e: CustomerBinding, names: dict[int, str], now: int) -> TimelineEntry:
    manager_id = e.to_manager_id
    if e.event == "first_order":
        kind = BOUND_MANAGER if e.to_manager_id is not None else BOUND_OWN
    elif e.event == "release_out":
        kind, manager_id = LEFT_WITH_MANAGER, e.from_manager_id
    elif e.event == "allocation":
        kind = ALLOCATED_AFTER_RELEASE if e.release_request_id is not None else ALLOCATED
    elif e.event == "transfer_in":
        kind, manager_id = TRANSFERRED_IN, e.from_manager_id
    else:
        kind = OTHER
    return TimelineEntry(
        at=e.at,
        kind=kind,
        manager_name=names.get(manager_id, "") if manager_id is not None else "",
        release_request_id=e.release_request_id,
        note=e.note,
        upcoming=e.at > now,
    )


def _order(s: Session, customer_id: int, *, first: bool) -> OrderBrief | None:
    placed = Order.placed_at.asc() if first else Order.placed_at.desc()
    query = (
        select(Order, StoreManager.name)
        .outerjoin(StoreManager, StoreManager.id == Order.store_manager_id)
        .where(Order.customer_id == customer_id)
        .order_by(placed, Order.id.asc() if first else Order.id.desc())
        .limit(1)
    )
    found = s.execute(query).first()
    if found is None:
        return None
    order, store = found
    return OrderBrief(
        order.order_no, order.placed_at, order.amount_cents, order.status, store or ""
    )
