"""The weekly statements the platform settled, and the lines of one."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from models.db import Statement, StatementLine, StoreManager
from models.profile import Profile


@dataclass(frozen=True)
class StatementSummary:
    id: int
    period_start: int
    period_end: int
    settled_at: int
    commission_cents: int
    manager_share_cents: int
    clawback_cents: int
    adjustment_cents: int
    total_cents: int
    line_count: int
    # What this computer holds of the lines, their number and sum, to check the total by;
    # None in the list of statements, which does not read every line.
    lines_here: int | None = None
    lines_sum_cents: int | None = None

    @property
    def adds_up(self) -> bool | None:
        if self.lines_here is None:
            return None
        return self.lines_here == self.line_count and self.lines_sum_cents == self.total_cents


@dataclass(frozen=True)
class StatementLineView:
    id: int
    order_id: int | None
    order_no: str
    store_manager_id: int | None
    store_name: str
    kind: str
    amount_cents: int
    share_rate_bp: int | None
    note: str


def statements(profile: Profile) -> list[StatementSummary]:
    """Every statement, the newest first."""
    query = select(Statement).order_by(Statement.period_end.desc(), Statement.id.desc())
    with profile.read() as s:
        return [_summary(row, None, None) for row in s.scalars(query).all()]


def statement(profile: Profile, statement_id: int) -> StatementSummary | None:
    with profile.read() as s:
        row = s.get(Statement, statement_id)
        if row is None:
            return None
        n, cents = s.execute(
            select(func.count(), func.coalesce(func.sum(StatementLine.amount_cents), 0)).where(
                StatementLine.statement_id == statement_id
            )
        ).one()
        return _summary(row, n, cents)


def statement_lines(profile: Profile, statement_id: int) -> list[StatementLineView]:
    """A statement's lines as a statement reads: the orders it pays by number, each order's
    commission followed by its manager's share, then the claw-backs and adjustments."""
    after = StatementLine.kind.in_(("clawback", "adjustment"))
    query = (
        select(StatementLine, StoreManager.name)
        .outerjoin(StoreManager, StoreManager.id == StatementLine.store_manager_id)
        .where(StatementLine.statement_id == statement_id)
        .order_by(after, StatementLine.order_no, StatementLine.kind, StatementLine.id)
    )
    with profile.read() as s:
        return [
            StatementLineView(
                id=line.id,
                order_id=line.order_id,
                order_no=line.order_no,
                store_manager_id=line.store_manager_id,
                store_name=name or "",
                kind=line.kind,
                amount_cents=line.amount_cents,
                share_rate_bp=line.share_rate_bp,
                note=line.note,
            )
            for line, name in s.execute(query).all()
        ]


def _summary(row: Statement, n: int | None, cents: int | None) -> StatementSummary:
    checked = n is not None
    return StatementSummary(
        id=row.id,
        period_start=row.period_start,
        period_end=row.period_end,
        settled_at=row.settled_at,
        commission_cents=row.commission_cents,
        manager_share_cents=row.manager_share_cents,
        clawback_cents=row.clawback_cents,
        adjustment_cents=row.adjustment_cents,
        total_cents=row.total_cents,
        line_count=row.line_count,
        lines_here=int(n or 0) if checked else None,
        lines_sum_cents=int(cents or 0) if checked else None,
    )
