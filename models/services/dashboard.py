"""The figures on the first screen, straight from the local database.

Every figure is counted the way the place it opens counts: the orders of a day by the moment
they were placed (as the order table's date filter), release requests as the releases queue
finds them waiting, managers by the forecast the managers table shows, sale events by the
catalogue's phases. Each reads an index or the rollups; none walks the whole order table.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select

from models import wire
from models.db import Order, OrderItem, SaleEvent, StoreManager, SyncState
from models.profile import Profile
from models.services.earnings import commission_paid_between, earnings, next_statement_day
from models.services.managers import manager_lines
from models.services.release_queue import requests_needing_owner
from models.services.status import SyncStatus, sync_status

DAY = 86_400
TOP = 5
# A last sync older than this and the figures say when they were true.
STALE_AFTER = 30 * 60
OWN_STORE = 0  # the owner's own store among the sub-stores


@dataclass(frozen=True)
class Takings:
    orders: int
    sales_cents: int


@dataclass(frozen=True)
class MoneyAtAGlance:
    today_commission_cents: int  # the owner's share of today's paid orders
    today_gross_cents: int  # their whole commission, before managers' shares
    available_cents: int
    this_week_cents: int  # what the coming statement makes available
    next_statement_day: int


@dataclass(frozen=True)
class TopProduct:
    product_id: int
    title: str
    pieces: int
    sales_cents: int


@dataclass(frozen=True)
class TopStore:
    store: int  # a manager's id, or OWN_STORE
    name: str
    orders: int  # today's orders of the store, whatever their status
    sales_cents: int  # of those, the paid ones


@dataclass(frozen=True)
class Comparison:
    """Today so far against yesterday and the same day last week, each up to the same time."""

    yesterday: Takings
    last_week: Takings


@dataclass(frozen=True)
class ToDo:
    waiting_to_ship: int  # paid and not shipped, placed whenever
    refunded_today: int  # placed today, refunded since
    cancelled_today: int  # placed today, cancelled since
    managers_at_risk: int
    events_ending_today: int


@dataclass(frozen=True)
class Dashboard:
    today: Takings
    last_7_days: Takings
    pending_releases: int
    sync: SyncStatus
    money: MoneyAtAGlance | None = None
    day_start: int = 0  # the local midnight the figures of today count from
    read_at: int = 0
    compared: Comparison | None = None
    todo: ToDo | None = None
    top_products: tuple[TopProduct, ...] = field(default=())
    top_stores: tuple[TopStore, ...] = field(default=())

    def is_stale(self, now: int) -> bool:
        """The figures are those of a sync long ago (or of none)."""
        last = self.sync.last_sync
        return last is not None and now - last > STALE_AFTER


def local_day_start(now: dt.datetime) -> int:
    """Midnight of ``now``'s day in ``now``'s zone, as UTC seconds."""
    return int(now.replace(hour=0, minute=0, second=0, microsecond=0).timestamp())


def takings(profile: Profile, since: int, until: int) -> Takings:
    """Orders placed in [since, until) and the paid amount among them."""
    paid = Order.status.in_(wire.PAID_ORDER_STATUSES)
    query = select(
        func.count(),
        func.coalesce(func.sum(Order.amount_cents).filter(paid), 0),
    ).where(Order.placed_at >= since, Order.placed_at < until)
    with profile.read() as s:
        count, amount = s.execute(query).one()
    return Takings(int(count), int(amount))


def orders_in_status(profile: Profile, status: str, since: int | None, until: int | None) -> int:
    """Orders in ``status`` placed in [since, until) (every day when None): one index range."""
    query = select(func.count()).select_from(Order).where(Order.status == status)
    if since is not None:
        query = query.where(Order.placed_at >= since)
    if until is not None:
        query = query.where(Order.placed_at < until)
    with profile.read() as s:
        return int(s.scalar(query) or 0)


def top_products(profile: Profile, since: int, until: int, limit: int = TOP) -> list[TopProduct]:
    """The products most sold in the paid orders placed in [since, until), by pieces."""
    pieces = func.sum(OrderItem.quantity)
    query = (
        select(
            OrderItem.product_id,
            func.max(OrderItem.title),
            pieces,
            func.sum(OrderItem.quantity * OrderItem.unit_price_cents),
        )
        .join(Order, Order.id == OrderItem.order_id)
        .where(
            Order.placed_at >= since,
            Order.placed_at < until,
            Order.status.in_(wire.PAID_ORDER_STATUSES),
        )
        .group_by(OrderItem.product_id)
        .order_by(pieces.desc(), OrderItem.product_id)
        .limit(limit)
    )
    with profile.read() as s:
        return [
            TopProduct(int(pid), str(title), int(n), int(cents))
            for pid, title, n, cents in s.execute(query).all()
        ]


def top_stores(profile: Profile, since: int, until: int, limit: int = TOP) -> list[TopStore]:
    """The sub-stores with the most paid sales among the orders placed in [since, until)."""
    paid = Order.status.in_(wire.PAID_ORDER_STATUSES)
    store = func.coalesce(Order.store_manager_id, OWN_STORE)
    sales = func.coalesce(func.sum(Order.amount_cents).filter(paid), 0)
    query = (
        select(store, func.count(), sales)
        .where(Order.placed_at >= since, Order.placed_at < until)
        .group_by(store)
        .order_by(sales.desc(), store)
        .limit(limit)
    )
    with profile.read() as s:
        rows = s.execute(query).all()
        ids = [int(r[0]) for r in rows if r[0]]
        found = s.execute(
            select(StoreManager.id, StoreManager.name).where(StoreManager.id.in_(ids))
        )
        names = {int(key): str(name) for key, name in found}
    return [
        TopStore(int(key), names.get(int(key), "") if key else "", int(n), int(cents))
        for key, n, cents in rows
    ]


def managers_at_risk(profile: Profile, now: int) -> int:
    """Managers whose forecast the managers table shows as at risk."""
    lines = manager_lines(profile, now, with_trend=False)
    return sum(line.outlook == "at_risk" for line in lines)


def events_ending(profile: Profile, now: int, until: int) -> int:
    """Sale events running at ``now`` that end before ``until``."""
    query = (
        select(func.count())
        .select_from(SaleEvent)
        .where(SaleEvent.starts_at <= now, SaleEvent.ends_at > now, SaleEvent.ends_at < until)
    )
    with profile.read() as s:
        return int(s.scalar(query) or 0)


def dashboard(profile: Profile, now: dt.datetime | None = None) -> Dashboard:
    moment = now or dt.datetime.now().astimezone()
    at = int(moment.timestamp())
    today = local_day_start(moment)
    tomorrow = today + DAY
    # Up to the same time of day: at ten in the morning, yesterday's whole day would always win.
    so_far = at - today + 1
    with profile.read() as s:
        role = s.scalar(select(SyncState.role))
    # Only the owner's mirror holds the shop's money.
    owner = role in (None, "owner")
    return Dashboard(
        today=takings(profile, today, tomorrow),
        last_7_days=takings(profile, today - 6 * DAY, tomorrow),
        pending_releases=requests_needing_owner(profile),
        sync=sync_status(profile, with_counts=False),
        money=money_at_a_glance(profile, moment) if owner else None,
        day_start=today,
        read_at=at,
        compared=Comparison(
            yesterday=takings(profile, today - DAY, today - DAY + so_far),
            last_week=takings(profile, today - 7 * DAY, today - 7 * DAY + so_far),
        ),
        todo=ToDo(
            waiting_to_ship=orders_in_status(profile, "paid", None, None),
            refunded_today=orders_in_status(profile, "refunded", today, tomorrow),
            cancelled_today=orders_in_status(profile, "cancelled", today, tomorrow),
            managers_at_risk=managers_at_risk(profile, at),
            events_ending_today=events_ending(profile, at, tomorrow),
        ),
        top_products=tuple(top_products(profile, today, tomorrow)),
        top_stores=tuple(top_stores(profile, today, tomorrow)),
    )


def money_at_a_glance(profile: Profile, now: dt.datetime) -> MoneyAtAGlance:
    today = local_day_start(now)
    paid_today = commission_paid_between(profile, today, today + DAY)
    found = earnings(profile)
    coming = next_statement_day(found.terms, now)
    return MoneyAtAGlance(
        today_commission_cents=paid_today.owner_cents,
        today_gross_cents=paid_today.commission_cents,
        available_cents=found.balance.available_cents,
        this_week_cents=found.available_by(coming),
        next_statement_day=coming,
    )
