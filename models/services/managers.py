"""Store managers on the promotion path: where each stands, and a forecast for the stage."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from models import wire
from models.db import Order, StoreManager, TaskProgress, TaskStage
from models.profile import Profile
from models.services.forecast import DAY, Forecast, StageProgress, forecast

TREND_WEEKS = 8


@dataclass(frozen=True)
class ManagerLine:
    id: int
    name: str
    phone_masked: str
    city: str
    status: str  # active or released
    stage_position: int
    stage_name: str
    stages_total: int
    progress_status: str  # of the current stage: in_progress, completed, failed, pending
    assessment: str
    sales_cents: int
    sales_target_cents: int
    customers: int
    customers_target: int
    started_at: int
    deadline_at: int
    forecast: Forecast
    trend: tuple[int, ...]  # paid sales per week, oldest first, the last TREND_WEEKS weeks


def manager_lines(profile: Profile, now: int) -> list[ManagerLine]:
    trend_since = now - TREND_WEEKS * 7 * DAY
    paid = Order.status.in_(wire.PAID_ORDER_STATUSES)
    with profile.read() as s:
        stages = {st.id: st for st in s.scalars(select(TaskStage))}
        current: dict[int, TaskProgress] = {}
        for row in s.scalars(select(TaskProgress).order_by(TaskProgress.started_at)):
            current[row.store_manager_id] = row  # the latest stage each manager began
        last_sale = dict(
            s.execute(
                select(Order.store_manager_id, func.max(Order.placed_at))
                .where(Order.store_manager_id.is_not(None), paid)
                .group_by(Order.store_manager_id)
            ).all()
        )
        weeks: dict[int, list[int]] = {}
        week = ((Order.placed_at - trend_since) / (7 * DAY)).label("week")
        rows = s.execute(
            select(Order.store_manager_id, week, func.sum(Order.amount_cents))
            .where(Order.store_manager_id.is_not(None), paid, Order.placed_at >= trend_since)
            .group_by(Order.store_manager_id, week)
        ).all()
        for manager_id, index, amount in rows:
            line = weeks.setdefault(int(manager_id or 0), [0] * TREND_WEEKS)
            # An order placed exactly now falls at the end of the last week, not after it.
            line[min(max(int(index), 0), TREND_WEEKS - 1)] += int(amount)
        managers = list(s.scalars(select(StoreManager).order_by(StoreManager.name)))
    lines = []
    for m in managers:
        progress = current.get(m.id)
        stage = stages.get(progress.stage_id) if progress else None
        if progress is None or stage is None:
            continue
        last = last_sale.get(m.id)
        stage_progress = StageProgress(
            started_at=progress.started_at,
            deadline_at=progress.deadline_at,
            sales_cents=progress.sales_cents,
            sales_target_cents=stage.sales_target_cents,
            customers=progress.customers_count,
            customers_target=stage.customers_target,
            last_sale_at=last if last is not None and last >= progress.started_at else None,
        )
        lines.append(
            ManagerLine(
                id=m.id,
                name=m.name,
                phone_masked=m.phone_masked,
                city=m.city,
                status=m.status,
                stage_position=stage.position,
                stage_name=stage.name,
                stages_total=len(stages),
                progress_status=progress.status,
                assessment=progress.assessment,
                sales_cents=progress.sales_cents,
                sales_target_cents=stage.sales_target_cents,
                customers=progress.customers_count,
                customers_target=stage.customers_target,
                started_at=progress.started_at,
                deadline_at=progress.deadline_at,
                forecast=forecast(stage_progress, now),
                trend=tuple(weeks.get(m.id, [0] * TREND_WEEKS)),
            )
        )
    return lines
