"""The owner's money in three parts (pending, available, withdrawn) and when pending money
becomes available.

Pending is the owner's share of every paid order not yet on a statement. It becomes available
with the statement of the week in which its after-sales window closes; an order still on its
way has no such day yet. Available is every statement's total less what was withdrawn or is
being withdrawn, including requests of this computer the platform has not answered yet.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import wire
from models.db import (
    MoneyDifference,
    Order,
    SettlementTerms,
    Statement,
    TaskProgress,
    TaskStage,
    Withdrawal,
    WithdrawalRequest,
)
from models.profile import Profile
from models.services.reconciliation import ready

DAY = 86_400


@dataclass(frozen=True)
class ShopTerms:
    after_sales_days: int = wire.DEFAULT_AFTER_SALES_DAYS
    min_withdrawal_cents: int = wire.DEFAULT_MIN_WITHDRAWAL_CENTS
    period_days: int = wire.DEFAULT_PERIOD_DAYS
    period_anchor: int = wire.DEFAULT_PERIOD_ANCHOR

    def period_end_after(self, moment: int) -> int:
        """The end of the settlement period holding ``moment`` (its statement's day)."""
        period = self.period_days * DAY
        return self.period_anchor + ((moment - self.period_anchor) // period + 1) * period


@dataclass(frozen=True)
class Balance:
    pending_cents: int
    available_cents: int
    withdrawn_cents: int
    in_withdrawal_cents: int
    settled_cents: int  # every statement's total


@dataclass(frozen=True)
class Upcoming:
    """Pending money that the statement of ``day`` (a period's end) makes available."""

    day: int
    cents: int
    orders: int


@dataclass(frozen=True)
class Earnings:
    balance: Balance
    terms: ShopTerms
    upcoming: list[Upcoming] = field(default_factory=list)
    # Paid orders still on their way: available a statement after delivery and the window.
    on_the_way_cents: int = 0
    on_the_way_orders: int = 0
    # Orders past their settlement day that no statement paid: see the reconciliation.
    overdue_cents: int = 0
    overdue_orders: int = 0

    def available_by(self, day: int) -> int:
        """Pending money the statements due by ``day`` make available."""
        return sum(u.cents for u in self.upcoming if u.day <= day)


def shop_terms(s: Session) -> ShopTerms:
    row = s.scalar(select(SettlementTerms).limit(1))
    if row is None:
        return ShopTerms()
    return ShopTerms(
        after_sales_days=row.after_sales_days,
        min_withdrawal_cents=row.min_withdrawal_cents,
        period_days=row.period_days,
        period_anchor=row.period_anchor,
    )


def earnings(profile: Profile) -> Earnings:
    ready(profile)
    with profile.read() as s:
        terms = shop_terms(s)
        covered = s.scalar(select(func.max(Statement.period_end)))
        waiting = s.execute(
            select(
                MoneyDifference.settleable_at,
                func.count(),
                func.sum(MoneyDifference.expected_cents - MoneyDifference.paid_cents),
            )
            .where(MoneyDifference.kind == "unsettled")
            .group_by(MoneyDifference.settleable_at)
        ).all()
        settled, withdrawn, in_withdrawal = balance_parts(s)
    by_day: dict[int, list[int]] = {}
    on_way = [0, 0]
    overdue = [0, 0]
    for settleable_at, orders, cents in waiting:
        if settleable_at is None:
            target = on_way
        elif covered is not None and settleable_at < covered:
            target = overdue
        else:
            target = by_day.setdefault(terms.period_end_after(int(settleable_at)), [0, 0])
        target[0] += int(orders)
        target[1] += int(cents or 0)
    pending = on_way[1] + overdue[1] + sum(cents for _, cents in by_day.values())
    return Earnings(
        balance=Balance(
            pending_cents=pending,
            available_cents=settled - withdrawn - in_withdrawal,
            withdrawn_cents=withdrawn,
            in_withdrawal_cents=in_withdrawal,
            settled_cents=settled,
        ),
        terms=terms,
        upcoming=[Upcoming(day, cents, n) for day, (n, cents) in sorted(by_day.items())],
        on_the_way_orders=on_way[0],
        on_the_way_cents=on_way[1],
        overdue_orders=overdue[0],
        overdue_cents=overdue[1],
    )


def balance_parts(s: Session) -> tuple[int, int, int]:
    """Every statement's total, what was paid out, and what is being paid out."""
    settled = s.scalar(select(func.coalesce(func.sum(Statement.total_cents), 0)))
    by_status = dict(
        s.execute(
            select(Withdrawal.status, func.sum(Withdrawal.amount_cents)).group_by(Withdrawal.status)
        ).all()
    )
    return (
        int(settled or 0),
        int(by_status.get("paid") or 0),
        int(by_status.get("requested") or 0) + _unanswered_cents(s),
    )


def _unanswered_cents(s: Session) -> int:
    """Requests of this shop's computers that no withdrawal answers yet and that the platform
    has not refused (a refused one's row is gone again)."""
    answered = select(Withdrawal.request_id).where(Withdrawal.request_id.is_not(None))
    total = s.scalar(
        select(func.coalesce(func.sum(WithdrawalRequest.amount_cents), 0)).where(
            WithdrawalRequest.id.not_in(answered)
        )
    )
    return int(total or 0)


def available_cents(profile: Profile) -> tuple[int, ShopTerms]:
    """The balance a new request may take, and the terms it must meet."""
    with profile.read() as s:
        settled, withdrawn, in_withdrawal = balance_parts(s)
        return settled - withdrawn - in_withdrawal, shop_terms(s)


@dataclass(frozen=True)
class DayCommission:
    orders: int
    commission_cents: int  # of the day's paid orders, before managers' shares
    owner_cents: int  # what the owner keeps of it by the rules


def commission_paid_between(profile: Profile, since: int, until: int) -> DayCommission:
    """The commission of the orders paid in [since, until) that are still paid (not refunded
    or cancelled), and the owner's share of it."""
    rate = (
        select(TaskStage.share_rate_bp)
        .join(TaskProgress, TaskProgress.stage_id == TaskStage.id)
        .where(
            TaskProgress.store_manager_id == Order.store_manager_id,
            TaskProgress.started_at <= func.coalesce(Order.paid_at, Order.placed_at),
        )
        .order_by(TaskProgress.started_at.desc(), TaskProgress.id.desc())
        .limit(1)
        .scalar_subquery()
    )
    first_rate = (
        select(TaskStage.share_rate_bp)
        .order_by(TaskStage.position, TaskStage.id)
        .limit(1)
        .scalar_subquery()
    )
    share = func.coalesce(rate, first_rate, 0)
    query = select(Order.commission_cents, Order.store_manager_id, share).where(
        Order.paid_at >= since,
        Order.paid_at < until,
        Order.status.in_(wire.PAID_ORDER_STATUSES),
    )
    with profile.read() as s:
        rows = s.execute(query).all()
    commission = sum(c for c, _, _ in rows)
    managers = sum(
        wire.manager_share_cents(c, int(r)) for c, manager, r in rows if manager is not None
    )
    return DayCommission(len(rows), commission, commission - managers)


def next_statement_day(terms: ShopTerms, now: dt.datetime) -> int:
    """The end of the period running at ``now``: the day its statement comes."""
    return terms.period_end_after(int(now.timestamp()))
