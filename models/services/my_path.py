"""A store manager's own view of her path to becoming an owner: her stages, the forecast of
the one she is on and what is left of it by when, the customers who would come along if she
were released today, her sub-store's orders and her share of their commission.

It reads a manager's profile, whose mirror holds her sub-store alone; the figures are the
platform's own rows, summed.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from models import wire
from models.db import (
    Customer,
    Order,
    ReleaseRequest,
    StatementLine,
    SyncState,
    TaskProgress,
    TaskStage,
)
from models.profile import Profile
from models.services.forecast import Forecast
from models.services.manager_detail import ManagerDetail, RecentOrder, StageStep, manager_detail
from models.services.managers import ManagerLine, manager_lines

COMING_ALONG_SHOWN = 500


@dataclass(frozen=True)
class StageToCome:
    position: int
    name: str
    sales_target_cents: int
    customers_target: int
    window_days: int
    share_rate_bp: int


@dataclass(frozen=True)
class WhatIsLeft:
    """Of the stage she is on: what is still to do, by when, and at what pace."""

    position: int
    name: str
    deadline_at: int
    days_left: int
    sales_left_cents: int
    customers_left: int
    # What it takes per day from now to make it by the deadline (0 when met or past).
    sales_per_day_cents: int
    forecast: Forecast
    share_rate_bp: int


@dataclass(frozen=True)
class ComingAlong:
    """A customer with at least one paid order in her sub-store: proof of a relationship."""

    id: int
    name: str
    phone_masked: str
    paid_orders: int
    paid_cents: int
    bound_here: bool  # bound to her sub-store (else to the owner's store or another's)


@dataclass(frozen=True)
class Share:
    """Her share of the sub-store's commission, as the platform settles it."""

    settled_cents: int  # on the weekly statements so far
    pending_cents: int  # of paid orders not on a statement yet, at the rate of their stage
    rate_bp: int  # the rate of the stage she is on now


@dataclass(frozen=True)
class MyPath:
    manager_id: int
    name: str
    status: str  # active, or released
    joined_at: int
    stages: tuple[StageStep, ...]  # begun so far, in order
    to_come: tuple[StageToCome, ...]
    left: WhatIsLeft | None  # None once every stage is behind her
    coming_along: tuple[ComingAlong, ...]  # the best paying first, at most COMING_ALONG_SHOWN
    coming_along_total: int
    customers_bound: int
    orders: tuple[RecentOrder, ...]  # newest first
    orders_total: int
    paid_orders: int
    paid_sales_cents: int
    share: Share
    release_status: str | None  # of her newest release request: pending, approved, declined
    stage_rates: dict[int, int]  # position -> the share rate of every stage


def my_path(profile: Profile, now: int) -> MyPath | None:
    """The signed-in manager's path; None when this profile is not a manager's or her row
    has not arrived yet."""
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        manager_id = state.store_manager_id if state is not None else None
    if manager_id is None:
        return None
    detail = manager_detail(profile, manager_id)
    if detail is None:
        return None
    line = next((m for m in manager_lines(profile, now) if m.id == manager_id), None)
    with profile.read() as s:
        return _my_path(s, detail, line)


def _my_path(s: Session, detail: ManagerDetail, line: ManagerLine | None) -> MyPath:
    manager_id = detail.id
    stages = list(s.scalars(select(TaskStage).order_by(TaskStage.position, TaskStage.id)))
    begun = {step.position for step in detail.stages}
    to_come = tuple(
        StageToCome(
            st.position,
            st.name,
            st.sales_target_cents,
            st.customers_target,
            st.window_days,
            st.share_rate_bp,
        )
        for st in stages
        if st.position not in begun
    )
    current = s.scalar(
        select(TaskProgress)
        .where(TaskProgress.store_manager_id == manager_id)
        .order_by(TaskProgress.started_at.desc(), TaskProgress.id.desc())
        .limit(1)
    )
    stage = next((st for st in stages if current is not None and st.id == current.stage_id), None)
    left = None
    if (
        current is not None
        and stage is not None
        and line is not None
        and current.status in ("pending", "in_progress")
    ):
        sales_left = max(0, stage.sales_target_cents - current.sales_cents)
        customers_left = max(0, stage.customers_target - current.customers_count)
        days_left = line.forecast.days_left
        per_day = math.ceil(sales_left / days_left) if days_left > 0 and sales_left else 0
        left = WhatIsLeft(
            position=stage.position,
            name=stage.name,
            deadline_at=current.deadline_at,
            days_left=days_left,
            sales_left_cents=sales_left,
            customers_left=customers_left,
            sales_per_day_cents=per_day,
            forecast=line.forecast,
            share_rate_bp=stage.share_rate_bp,
        )
    coming, total = coming_along(s, manager_id)
    mine = Order.store_manager_id == manager_id
    paid = Order.status.in_(wire.PAID_ORDER_STATUSES)
    orders_total = s.scalar(select(func.count()).select_from(Order).where(mine)) or 0
    paid_orders, paid_cents = s.execute(
        select(func.count(), func.coalesce(func.sum(Order.amount_cents), 0)).where(mine, paid)
    ).one()
    release = s.scalar(
        select(ReleaseRequest.status)
        .where(ReleaseRequest.store_manager_id == manager_id)
        .order_by(ReleaseRequest.created_at.desc(), ReleaseRequest.id.desc())
        .limit(1)
    )
    return MyPath(
        manager_id=manager_id,
        name=detail.name,
        status=detail.status,
        joined_at=detail.joined_at,
        stages=detail.stages,
        to_come=to_come,
        left=left,
        coming_along=coming,
        coming_along_total=total,
        customers_bound=detail.customers_total,
        orders=detail.recent_orders,
        orders_total=int(orders_total),
        paid_orders=int(paid_orders),
        paid_sales_cents=int(paid_cents),
        share=share(s, manager_id, stage.share_rate_bp if stage is not None else 0),
        release_status=release,
        stage_rates={st.position: st.share_rate_bp for st in stages},
    )


def coming_along(s: Session, manager_id: int) -> tuple[tuple[ComingAlong, ...], int]:
    """Who would leave with her if she were released today: the platform's rule, exactly."""
    proof = (
        select(
            Order.customer_id,
            func.count(Order.id).label("orders"),
            func.sum(Order.amount_cents).label("cents"),
        )
        .where(
            Order.store_manager_id == manager_id,
            Order.status.in_(wire.PAID_ORDER_STATUSES),
        )
        .group_by(Order.customer_id)
        .subquery()
    )
    active = Customer.status == "active"
    total = (
        s.scalar(
            select(func.count())
            .select_from(proof)
            .join(Customer, Customer.id == proof.c.customer_id)
            .where(active)
        )
        or 0
    )
    rows = s.execute(
        select(Customer, proof.c.orders, proof.c.cents)
        .join(proof, proof.c.customer_id == Customer.id)
        .where(active)
        .order_by(proof.c.cents.desc(), Customer.id)
        .limit(COMING_ALONG_SHOWN)
    ).all()
    return (
        tuple(
            ComingAlong(
                c.id,
                c.name,
                c.phone_masked,
                int(orders),
                int(cents),
                c.store_manager_id == manager_id,
            )
            for c, orders, cents in rows
        ),
        int(total),
    )


def share(s: Session, manager_id: int, rate_bp: int) -> Share:
    """Settled: the statements' manager-share lines of her sub-store. Pending: every paid
    order of it without a commission line yet, at the rate of the stage she was on when it was
    paid (the platform's rule)."""
    settled = -int(
        s.scalar(
            select(func.coalesce(func.sum(StatementLine.amount_cents), 0)).where(
                StatementLine.store_manager_id == manager_id,
                StatementLine.kind == "manager_share",
            )
        )
        or 0
    )
    settled_orders = select(StatementLine.order_id).where(
        StatementLine.store_manager_id == manager_id,
        StatementLine.kind == "manager_share",
        StatementLine.order_id.is_not(None),
    )
    progress = list(
        s.execute(
            select(TaskProgress.started_at, TaskProgress.id, TaskProgress.stage_id)
            .where(TaskProgress.store_manager_id == manager_id)
            .order_by(TaskProgress.started_at, TaskProgress.id)
        ).all()
    )
    rates = dict(s.execute(select(TaskStage.id, TaskStage.share_rate_bp)).all())
    first_rate = s.scalar(
        select(TaskStage.share_rate_bp).order_by(TaskStage.position, TaskStage.id).limit(1)
    )
    pending = 0
    for commission, paid_at, placed_at in s.execute(
        select(Order.commission_cents, Order.paid_at, Order.placed_at).where(
            Order.store_manager_id == manager_id,
            Order.status.in_(wire.PAID_ORDER_STATUSES),
            Order.id.not_in(settled_orders),
        )
    ):
        moment = paid_at if paid_at is not None else placed_at
        stage_id = None
        for started_at, _id, stage in progress:
            if started_at > moment:
                break
            stage_id = stage
        rate = rates.get(stage_id, first_rate) if stage_id is not None else first_rate
        pending += wire.manager_share_cents(int(commission), int(rate or 0))
    return Share(settled, pending, rate_bp)
