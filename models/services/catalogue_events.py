"""Brand sale events (档期) as the owner follows them: running now, announced, and over.

Whether an event is current, upcoming or ended is a matter of the moment it is asked, so every
query takes ``now``; the caller asks again when a countdown runs out.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum
from typing import Any, Final

from sqlalchemy import ColumnElement, func, select

from models.db import Brand, Product, SaleEvent
from models.profile import Profile

MAX_EVENTS: Final = 1_000


class EventPhase(Enum):
    CURRENT = "current"
    UPCOMING = "upcoming"
    ENDED = "ended"


@dataclass(frozen=True)
class SaleEventCard:
    id: int
    title: str
    brand_id: int
    brand_name: str
    category: str
    starts_at: int
    ends_at: int
    product_count: int

    def phase(self, now: int) -> EventPhase:
        if now < self.starts_at:
            return EventPhase.UPCOMING
        if now < self.ends_at:
            return EventPhase.CURRENT
        return EventPhase.ENDED


@dataclass(frozen=True)
class BrandChoice:
    id: int
    name: str
    category: str


def _in_phase(phase: EventPhase, now: int) -> ColumnElement[bool]:
    if phase is EventPhase.UPCOMING:
        return SaleEvent.starts_at > now
    if phase is EventPhase.CURRENT:
        return (SaleEvent.starts_at <= now) & (SaleEvent.ends_at > now)
    return SaleEvent.ends_at <= now


def _where(
    now: int,
    phase: EventPhase | None,
    category: str | None,
    brand_id: int | None,
    ends_before: int | None = None,
) -> list[ColumnElement[bool]]:
    clauses = [] if phase is None else [_in_phase(phase, now)]
    if ends_before is not None:
        clauses.append(SaleEvent.ends_at < ends_before)
    if category:
        clauses.append(SaleEvent.category == category)
    if brand_id is not None:
        clauses.append(SaleEvent.brand_id == brand_id)
    return clauses


def sale_events(
    profile: Profile,
    phase: EventPhase,
    *,
    now: int,
    category: str | None = None,
    brand_id: int | None = None,
    limit: int = MAX_EVENTS,
    ends_before: int | None = None,
) -> list[SaleEventCard]:
    """Events of a phase (ending before ``ends_before`` when given): running ones ending
    soonest first, upcoming ones starting soonest first, ended ones most recent first."""
    order: dict[EventPhase, list[Any]] = {
        EventPhase.CURRENT: [SaleEvent.ends_at.asc(), SaleEvent.id.asc()],
        EventPhase.UPCOMING: [SaleEvent.starts_at.asc(), SaleEvent.id.asc()],
        EventPhase.ENDED: [SaleEvent.ends_at.desc(), SaleEvent.id.desc()],
    }
    products = (
        select(func.count())
        .where(Product.sale_event_id == SaleEvent.id)
        .correlate(SaleEvent)
        .scalar_subquery()
    )
    query = (
        select(SaleEvent, Brand.name, products)
        .outerjoin(Brand, Brand.id == SaleEvent.brand_id)
        .where(*_where(now, phase, category, brand_id, ends_before))
        .order_by(*order[phase])
        .limit(max(1, min(limit, MAX_EVENTS)))
    )
    with profile.read() as s:
        return [
            SaleEventCard(
                id=event.id,
                title=event.title,
                brand_id=event.brand_id,
                brand_name=brand_name or "",
                category=event.category,
                starts_at=event.starts_at,
                ends_at=event.ends_at,
                product_count=int(count),
            )
            for event, brand_name, count in s.execute(query).all()
        ]


def event_counts(
    profile: Profile,
    *,
    now: int,
    category: str | None = None,
    brand_id: int | None = None,
    ends_before: int | None = None,
) -> dict[EventPhase, int]:
    """How many events each phase has, for the phase tabs."""
    counts: dict[EventPhase, int] = {}
    with profile.read() as s:
        for phase in EventPhase:
            query = select(func.count()).select_from(SaleEvent)
            where = _where(now, phase, category, brand_id, ends_before)
            counts[phase] = int(s.scalar(query.where(*where)) or 0)
    return counts


def sale_event(profile: Profile, event_id: int) -> SaleEventCard | None:
    with profile.read() as s:
        found = s.execute(
            select(SaleEvent, Brand.name)
            .outerjoin(Brand, Brand.id == SaleEvent.brand_id)
            .where(SaleEvent.id == event_id)
        ).first()
        if found is None:
            return None
        event, brand_name = found
        count = s.scalar(select(func.count()).where(Product.sale_event_id == event_id)) or 0
    return SaleEventCard(
        event.id,
        event.title,
        event.brand_id,
        brand_name or "",
        event.category,
        event.starts_at,
        event.ends_at,
        int(count),
    )


def brand_choices(profile: Profile, category: str | None = None) -> list[BrandChoice]:
    """Brands that have products here, by name; of one category when given."""
    query = (
        select(Brand.id, Brand.name, Brand.category)
        .where(Brand.id.in_(select(Product.brand_id)))
        .order_by(Brand.name, Brand.id)
    )
    if category:
        query = query.where(Brand.category == category)
    with profile.read() as s:
        return [BrandChoice(i, n, c) for i, n, c in s.execute(query).all()]
