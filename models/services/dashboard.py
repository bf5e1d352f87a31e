"""The figures on the first screen, straight from the local database."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from models import wire
from models.db import Order, ReleaseRequest, SyncState
from models.profile import Profile
from models.services.earnings import commission_paid_between, earnings, next_statement_day
from models.services.status import SyncStatus, sync_status


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
class Dashboard:
    today: Takings
    last_7_days: Takings
    pending_releases: int
    sync: SyncStatus
    money: MoneyAtAGlance | None = None


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


def dashboard(profile: Profile, now: dt.datetime | None = None) -> Dashboard:
    moment = now or dt.datetime.now().astimezone()
    today = local_day_start(moment)
    tomorrow = today + 86_400
    with profile.read() as s:
        pending = s.scalar(
            select(func.count())
            .select_from(ReleaseRequest)
            .where(ReleaseRequest.status == "pending")
        )
        role = s.scalar(select(SyncState.role))
    # Only the owner's mirror holds the shop's money.
    owner = role in (None, "owner")
    return Dashboard(
        today=takings(profile, today, tomorrow),
        last_7_days=takings(profile, today - 6 * 86_400, tomorrow),
        pending_releases=int(pending or 0),
        sync=sync_status(profile, with_counts=False),
        money=money_at_a_glance(profile, moment) if owner else None,
    )


def money_at_a_glance(profile: Profile, now: dt.datetime) -> MoneyAtAGlance:
    today = local_day_start(now)
    paid_today = commission_paid_between(profile, today, today + 86_400)
    found = earnings(profile)
    coming = next_statement_day(found.terms, now)
    return MoneyAtAGlance(
        today_commission_cents=paid_today.owner_cents,
        today_gross_cents=paid_today.commission_cents,
        available_cents=found.balance.available_cents,
        this_week_cents=found.available_by(coming),
        next_statement_day=coming,
    )
