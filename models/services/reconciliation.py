"""Reconciliation: for every order, what it should earn by the rules against what the
statements paid, and why the two differ, in a few words a program can sort by.

The differences themselves are kept by ``models.sync.money_checks``; here they get their
reason. An order not yet on a statement is waiting (``not_yet_settleable``) until a statement
covers the moment its after-sales window closed; from then on it is ``missing_from_statement``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Final, Literal, get_args

from sqlalchemy import ColumnElement, and_, case, func, or_, select
from sqlalchemy.orm import Session

from models.db import MoneyDifference, Order, Statement, StoreManager
from models.profile import Profile
from models.sync import money_checks

Reason = Literal[
    "not_yet_settleable",
    "missing_from_statement",
    "paid_twice",
    "refunded_after_settlement",
    "share_rate_differs",
    "amount_differs",
]
REASONS: Final[tuple[Reason, ...]] = get_args(Reason)
# Every reason but waiting: the money of these orders does not add up.
PROBLEMS: Final[tuple[Reason, ...]] = tuple(r for r in REASONS if r != "not_yet_settleable")
# The order table's money filter: every problem at once, every difference (waiting ones too),
# or one reason.
MISMATCH: Final = "mismatch"
ANY_DIFFERENCE: Final = "any_difference"
MONEY_FILTERS: Final[tuple[str, ...]] = (MISMATCH, ANY_DIFFERENCE, *REASONS)


@dataclass(frozen=True)
class Difference:
    order_id: int
    order_no: str
    placed_at: int
    status: str
    store_manager_id: int | None
    store_name: str
    reason: Reason
    expected_cents: int
    paid_cents: int
    expected_share_cents: int
    paid_share_cents: int
    expected_rate_bp: int | None
    paid_rate_bp: int | None
    commission_lines: int
    settleable_at: int | None

    @property
    def difference_cents(self) -> int:
        """What the statements paid beyond (+) or short of (-) what the rules give."""
        return self.paid_cents - self.expected_cents


def _covered_until() -> ColumnElement[int]:
    return select(func.max(Statement.period_end)).scalar_subquery()


def reason_of() -> ColumnElement[str]:
    """A difference's reason, in SQL."""
    overdue = and_(
        MoneyDifference.kind == "unsettled",
        MoneyDifference.settleable_at.is_not(None),
        MoneyDifference.settleable_at < _covered_until(),
    )
    return case(
        (overdue, "missing_from_statement"),
        (MoneyDifference.kind == "unsettled", "not_yet_settleable"),
        else_=MoneyDifference.kind,
    )


def orders_with(money: str) -> ColumnElement[bool]:
    """Orders whose money does not add up (``MISMATCH``), or differs for one reason."""
    if money not in MONEY_FILTERS:
        raise ValueError(f"unknown money filter {money!r}")
    differing = select(MoneyDifference.order_id)
    if money == ANY_DIFFERENCE:
        return Order.id.in_(differing)
    wanted = PROBLEMS if money == MISMATCH else (money,)
    if set(wanted) == set(PROBLEMS):
        # Everything but the orders still waiting, which are most of the table.
        differing = differing.where(
            or_(
                MoneyDifference.kind != "unsettled",
                and_(
                    MoneyDifference.settleable_at.is_not(None),
                    MoneyDifference.settleable_at < _covered_until(),
                ),
            )
        )
    else:
        differing = differing.where(reason_of().in_(wanted))
    return Order.id.in_(differing)


def ready(profile: Profile) -> None:
    """Build the differences if they wait for it (a fresh or upgraded profile)."""
    with profile.engine.connect() as conn:
        live = money_checks.is_live(conn)
    if not live:
        with profile.writer.begin() as conn:
            money_checks.rebuild_if_stale(conn)


def differences(
    profile: Profile, reasons: tuple[Reason, ...] = PROBLEMS, *, limit: int | None = None
) -> list[Difference]:
    """Orders that differ for one of ``reasons``, the newest first."""
    ready(profile)
    reason = reason_of().label("reason")
    query = (
        select(MoneyDifference, Order.order_no, Order.placed_at, Order.store_manager_id)
        .add_columns(StoreManager.name, reason)
        .join(Order, Order.id == MoneyDifference.order_id)
        .outerjoin(StoreManager, StoreManager.id == Order.store_manager_id)
        .where(reason.in_(reasons))
        .order_by(Order.placed_at.desc(), Order.id.desc())
    )
    if limit is not None:
        query = query.limit(limit)
    with profile.read() as s:
        return [_difference(*row) for row in s.execute(query).all()]


def difference_counts(profile: Profile) -> dict[Reason, int]:
    """How many orders differ for each reason (zero included)."""
    ready(profile)
    with profile.read() as s:
        return _counts(s)


def _counts(s: Session) -> dict[Reason, int]:
    reason = reason_of()
    found = dict(s.execute(select(reason, func.count()).group_by(reason)).all())
    return {r: int(found.get(r, 0)) for r in REASONS}


def mismatch_count(counts: dict[Reason, int]) -> int:
    return sum(counts[r] for r in PROBLEMS)


def _difference(row: MoneyDifference, *joined: Any) -> Difference:
    order_no, placed_at, manager_id, manager_name, reason = joined
    assert reason in REASONS, reason
    return Difference(
        order_id=row.order_id,
        order_no=order_no,
        placed_at=placed_at,
        status=row.status,
        store_manager_id=manager_id,
        store_name=manager_name or "",
        reason=reason,
        expected_cents=row.expected_cents,
        paid_cents=row.paid_cents,
        expected_share_cents=row.expected_share_cents,
        paid_share_cents=row.paid_share_cents,
        expected_rate_bp=row.expected_rate_bp,
        paid_rate_bp=row.paid_rate_bp,
        commission_lines=row.commission_lines,
        settleable_at=row.settleable_at,
    )
