"""One store manager in full: the stages so far, the sub-store's customers and its recent orders."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from models import wire
from models.db import Customer, Order, ReleaseRequest, StoreManager, TaskProgress, TaskStage
from models.profile import Profile

RECENT_ORDERS = 50
# A sub-store rarely binds more; past this the pane says how many it left out.
MAX_CUSTOMERS = 500


@dataclass(frozen=True)
class StageStep:
    position: int
    name: str
    status: str  # pending, in_progress, completed, failed
    started_at: int
    deadline_at: int
    completed_at: int | None
    failed_at: int | None  # the platform records no moment of failing: the deadline passed
    sales_cents: int
    sales_target_cents: int
    customers: int
    customers_target: int
    assessment: str


@dataclass(frozen=True)
class BoundCustomer:
    id: int
    name: str
    phone_masked: str
    bound_at: int
    status: str  # active, or left with a released manager
    paid_orders: int  # in this sub-store
    paid_cents: int


@dataclass(frozen=True)
class RecentOrder:
    id: int
    order_no: str
    placed_at: int
    customer_name: str
    amount_cents: int
    status: str


@dataclass(frozen=True)
class ManagerDetail:
    id: int
    name: str
    phone_masked: str
    city: str
    status: str
    joined_at: int
    released_at: int | None
    stages: tuple[StageStep, ...]  # in the order they began
    customers: tuple[BoundCustomer, ...]  # the best paying first, at most MAX_CUSTOMERS
    customers_total: int
    recent_orders: tuple[RecentOrder, ...]  # newest first, at most RECENT_ORDERS
    pending_release_id: int | None


def manager_detail(profile: Profile, manager_id: int) -> ManagerDetail | None:
    paid = Order.status.in_(wire.PAID_ORDER_STATUSES)
    with profile.read() as s:
        manager = s.get(StoreManager, manager_id)
        if manager is None:
            return None
        stages = {st.id: st for st in s.scalars(select(TaskStage))}
        steps = []
        for p in s.scalars(
            select(TaskProgress)
            .where(TaskProgress.store_manager_id == manager_id)
            .order_by(TaskProgress.started_at, TaskProgress.id)
        ):
            stage = stages.get(p.stage_id)
            steps.append(
                StageStep(
                    position=stage.position if stage else 0,
                    name=stage.name if stage else "",
                    status=p.status,
                    started_at=p.started_at,
                    deadline_at=p.deadline_at,
                    completed_at=p.completed_at if p.status == "completed" else None,
                    failed_at=p.deadline_at if p.status == "failed" else None,
                    sales_cents=p.sales_cents,
                    sales_target_cents=stage.sales_target_cents if stage else 0,
                    customers=p.customers_count,
                    customers_target=stage.customers_target if stage else 0,
                    assessment=p.assessment,
                )
            )
        bought = (
            select(
                Order.customer_id,
                func.count(Order.id).label("orders"),
                func.sum(Order.amount_cents).label("cents"),
            )
            .where(Order.store_manager_id == manager_id, paid)
            .group_by(Order.customer_id)
            .subquery()
        )
        bound = Customer.store_manager_id == manager_id
        customers_total = s.scalar(select(func.count(Customer.id)).where(bound)) or 0
        customers = [
            BoundCustomer(
                c.id, c.name, c.phone_masked, c.bound_at, c.status, orders or 0, cents or 0
            )
            for c, orders, cents in s.execute(
                select(Customer, bought.c.orders, bought.c.cents)
                .outerjoin(bought, bought.c.customer_id == Customer.id)
                .where(bound)
                .order_by(func.coalesce(bought.c.cents, 0).desc(), Customer.bound_at, Customer.id)
                .limit(MAX_CUSTOMERS)
            )
        ]
        orders = [
            RecentOrder(o.id, o.order_no, o.placed_at, name or "", o.amount_cents, o.status)
            for o, name in s.execute(
                select(Order, Customer.name)
                .outerjoin(Customer, Customer.id == Order.customer_id)
                .where(Order.store_manager_id == manager_id)
                .order_by(Order.placed_at.desc(), Order.id.desc())
                .limit(RECENT_ORDERS)
            )
        ]
        pending = s.scalar(
            select(ReleaseRequest.id)
            .where(ReleaseRequest.store_manager_id == manager_id)
            .where(ReleaseRequest.status == "pending")
            .order_by(ReleaseRequest.created_at.desc())
            .limit(1)
        )
        return ManagerDetail(
            id=manager.id,
            name=manager.name,
            phone_masked=manager.phone_masked,
            city=manager.city,
            status=manager.status,
            joined_at=manager.joined_at,
            released_at=manager.released_at,
            stages=tuple(steps),
            customers=tuple(customers),
            customers_total=customers_total,
            recent_orders=tuple(orders),
            pending_release_id=pending,
        )
