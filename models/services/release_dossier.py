"""Everything the owner should see before deciding a release request, computed locally.

Who would leave follows the platform's rule exactly: a customer leaves with the manager when
they have at least one paid order in the manager's sub-store (the proof of a social
relationship); everyone else stays. For an approved request, the list is who did leave.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import ColumnElement, func, select

from models import wire
from models.db import (
    Customer,
    CustomerBinding,
    Order,
    ReleaseRequest,
    StoreManager,
    TaskProgress,
    TaskStage,
    TrafficAllocation,
)
from models.profile import Profile
from models.services.forecast import DAY

LOOKBACK_DAYS = 90
OPEN_STATUSES = ("pending_payment", "paid", "shipped")


@dataclass(frozen=True)
class StageStep:
    position: int
    name: str
    started_at: int
    completed_at: int | None
    status: str
    assessment: str


@dataclass(frozen=True)
class LeavingCustomer:
    id: int
    name: str
    phone_masked: str
    proof: tuple[str, ...]  # numbers of the paid orders in the sub-store


@dataclass(frozen=True)
class EarlierRelease:
    request_id: int
    manager_name: str
    decided_at: int | None
    allocated: int  # public-domain customers allocated for it


@dataclass(frozen=True)
class ReleaseDossier:
    request_id: int
    status: str
    manager_id: int
    manager_name: str
    path: list[StageStep]
    leaving: list[LeavingCustomer]
    staying_in_sub_store: int  # bound to the sub-store without a paid order there
    leaving_sales_cents: int  # what the leaving customers bought in the last 90 days
    shop_sales_cents: int  # all paid sales of the shop in the last 90 days
    open_orders: int  # open orders of the leaving customers
    open_amount_cents: int
    open_commission_cents: int
    earlier: list[EarlierRelease]

    @property
    def leaving_share(self) -> float:
        return self.leaving_sales_cents / self.shop_sales_cents if self.shop_sales_cents else 0.0


def release_dossier(profile: Profile, request_id: int, now: int) -> ReleaseDossier | None:
    paid = Order.status.in_(wire.PAID_ORDER_STATUSES)
    since = now - LOOKBACK_DAYS * DAY
    with profile.read() as s:
        request = s.get(ReleaseRequest, request_id)
        if request is None:
            return None
        manager_id = request.store_manager_id
        manager = s.get(StoreManager, manager_id)
        path = [
            StageStep(st.position, st.name, p.started_at, p.completed_at, p.status, p.assessment)
            for p, st in s.execute(
                select(TaskProgress, TaskStage)
                .join(TaskStage, TaskStage.id == TaskProgress.stage_id)
                .where(TaskProgress.store_manager_id == manager_id)
                .order_by(TaskStage.position, TaskProgress.started_at)
            ).all()
        ]
        proofs: dict[int, list[str]] = defaultdict(list)
        for customer_id, order_no in s.execute(
            select(Order.customer_id, Order.order_no)
            .where(Order.store_manager_id == manager_id, paid)
            .order_by(Order.placed_at)
        ):
            proofs[customer_id].append(order_no)
        bound: ColumnElement[bool]
        if request.status == "approved":
            # Once released, the leavers' rows say "left": the ledger names who left with it.
            bound = Customer.id.in_(
                select(CustomerBinding.customer_id).where(
                    CustomerBinding.release_request_id == request_id,
                    CustomerBinding.event == "release_out",
                )
            )
        else:
            bound = Customer.status == "active"
        customers = (
            s.scalars(
                select(Customer)
                .where(Customer.id.in_(list(proofs)), bound)
                .order_by(Customer.name, Customer.id)
            ).all()
            if proofs
            else []
        )
        leaving = [
            LeavingCustomer(c.id, c.name, c.phone_masked, tuple(proofs[c.id])) for c in customers
        ]
        leaving_ids = [c.id for c in leaving]
        staying = s.scalar(
            select(func.count())
            .select_from(Customer)
            .where(
                Customer.store_manager_id == manager_id,
                Customer.status == "active",
                Customer.id.not_in(leaving_ids),
            )
        )
        shop_sales = s.scalar(
            select(func.coalesce(func.sum(Order.amount_cents), 0)).where(
                paid, Order.placed_at >= since
            )
        )
        leaving_sales = open_orders = open_amount = open_commission = 0
        for start in range(0, len(leaving_ids), 900):
            chunk = leaving_ids[start : start + 900]
            leaving_sales += int(
                s.scalar(
                    select(func.coalesce(func.sum(Order.amount_cents), 0)).where(
                        paid, Order.placed_at >= since, Order.customer_id.in_(chunk)
                    )
                )
                or 0
            )
            n, amount, commission = s.execute(
                select(
                    func.count(),
                    func.coalesce(func.sum(Order.amount_cents), 0),
                    func.coalesce(func.sum(Order.commission_cents), 0),
                ).where(Order.status.in_(OPEN_STATUSES), Order.customer_id.in_(chunk))
            ).one()
            open_orders += int(n)
            open_amount += int(amount)
            open_commission += int(commission)
        earlier = [
            EarlierRelease(r.id, m.name if m else "", r.decided_at, int(n or 0))
            for r, m, n in s.execute(
                select(
                    ReleaseRequest,
                    StoreManager,
                    select(func.count())
                    .select_from(TrafficAllocation)
                    .where(TrafficAllocation.release_request_id == ReleaseRequest.id)
                    .scalar_subquery(),
                )
                .outerjoin(StoreManager, StoreManager.id == ReleaseRequest.store_manager_id)
                .where(ReleaseRequest.status == "approved", ReleaseRequest.id != request_id)
                .order_by(ReleaseRequest.decided_at)
            ).all()
        ]
    return ReleaseDossier(
        request_id=request.id,
        status=request.status,
        manager_id=manager_id,
        manager_name=manager.name if manager else "",
        path=path,
        leaving=leaving,
        staying_in_sub_store=int(staying or 0),
        leaving_sales_cents=leaving_sales,
        shop_sales_cents=int(shop_sales or 0),
        open_orders=open_orders,
        open_amount_cents=open_amount,
        open_commission_cents=open_commission,
        earlier=earlier,
    )
