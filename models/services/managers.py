"""Store managers on the promotion path: where each stands, and a forecast for the stage."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum
from typing import Any, Final

from sqlalchemy import func, select

from models import wire
from models.db import Order, StoreManager, TaskProgress, TaskStage
from models.profile import Profile
from models.services.forecast import DAY, Forecast, StageProgress, forecast

TREND_WEEKS = 8

# How the table orders outlooks, the best news first.
OUTLOOKS: Final = ("complete", "on_track", "at_risk", "stalled", "expired", "released")
ASSESSMENTS: Final = ("passed", "pending", "not_started", "failed")
# Progress filters: the slower target's share of its target.
PROGRESS_BANDS: Final[dict[str, tuple[float, float]]] = {
    "at_least_80": (0.8, 1.0),
    "at_least_50": (0.5, 1.0),
    "below_50": (0.0, 0.5),
}


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
    completed_at: int | None
    last_sale_at: int | None  # the newest paid order of the sub-store placed in this stage
    forecast: Forecast
    # Paid orders of the sub-store by the week they were placed in, oldest first, the last
    # TREND_WEEKS weeks up to now, whatever stage they counted for.
    trend: tuple[int, ...]
    trend_since: int  # the moment the first of those weeks began

    @property
    def progress(self) -> float:
        """The slower target's share, 0..1: what "80% of target" means to the owner."""
        return min(self.forecast.sales_share, self.forecast.customers_share)

    @property
    def outlook(self) -> str:
        """The forecast's outlook, or released for a manager who has left with a shop."""
        return "released" if self.status == "released" else self.forecast.outlook


class SortColumn(StrEnum):
    NAME = "name"
    STAGE = "stage"
    SALES = "sales"
    CUSTOMERS = "customers"
    DAYS_LEFT = "days_left"
    ASSESSMENT = "assessment"
    FORECAST = "forecast"
    TREND = "trend"


@dataclass(frozen=True)
class ManagerFilter:
    stage_position: int | None = None
    outlook: str | None = None  # one of OUTLOOKS
    progress: str | None = None  # a key of PROGRESS_BANDS
    text: str = ""  # part of the name, city or masked phone


def _rank(values: Sequence[str], value: str) -> int:
    return values.index(value) if value in values else len(values)


_SORT_KEYS: Final[dict[SortColumn, Callable[[ManagerLine], Any]]] = {
    SortColumn.NAME: lambda m: (m.name, m.id),
    SortColumn.STAGE: lambda m: (m.stage_position, m.progress, m.id),
    SortColumn.SALES: lambda m: (m.forecast.sales_share, m.sales_cents, m.id),
    SortColumn.CUSTOMERS: lambda m: (m.forecast.customers_share, m.customers, m.id),
    SortColumn.DAYS_LEFT: lambda m: (m.forecast.days_left, m.deadline_at, m.id),
    SortColumn.ASSESSMENT: lambda m: (_rank(ASSESSMENTS, m.assessment), m.id),
    SortColumn.FORECAST: lambda m: (
        _rank(OUTLOOKS, m.outlook),
        m.forecast.completes_at if m.forecast.completes_at is not None else 2**62,
        m.id,
    ),
    SortColumn.TREND: lambda m: (sum(m.trend), m.id),
}


def matches(line: ManagerLine, f: ManagerFilter) -> bool:
    if f.stage_position is not None and line.stage_position != f.stage_position:
        return False
    if f.outlook is not None and line.outlook != f.outlook:
        return False
    if f.progress is not None:
        low, high = PROGRESS_BANDS[f.progress]
        share = line.progress
        if share < low or (share >= high and high < 1.0):
            return False
    text = f.text.strip().casefold()
    return not text or any(
        text in field.casefold() for field in (line.name, line.city, line.phone_masked)
    )


def shown_lines(
    lines: Sequence[ManagerLine],
    f: ManagerFilter,
    column: SortColumn = SortColumn.NAME,
    descending: bool = False,
    name_key: Callable[[str], Any] | None = None,
) -> list[ManagerLine]:
    """The lines the table shows for a filter and a sort, ties broken by id.

    ``name_key`` orders names as the owner's language does (pinyin for Chinese); without it,
    by code point.
    """
    key = _SORT_KEYS[column]
    if column is SortColumn.NAME and name_key is not None:
        by_name = name_key

        def key(m: ManagerLine) -> Any:
            return (by_name(m.name), m.id)

    return sorted((line for line in lines if matches(line, f)), key=key, reverse=descending)


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
        last = last if last is not None and last >= progress.started_at else None
        stage_progress = StageProgress(
            started_at=progress.started_at,
            deadline_at=progress.deadline_at,
            sales_cents=progress.sales_cents,
            sales_target_cents=stage.sales_target_cents,
            customers=progress.customers_count,
            customers_target=stage.customers_target,
            last_sale_at=last,
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
                completed_at=progress.completed_at,
                last_sale_at=last,
                forecast=forecast(stage_progress, now),
                trend=tuple(weeks.get(m.id, [0] * TREND_WEEKS)),
                trend_since=trend_since,
            )
        )
    return lines
