"""How each column of the order table sorts, as runs of rows that an index walks in order.

Most columns sort along one index. Two do not: the own store has no manager (NULL), and a row
value compared with NULL is neither before nor after it, so the store sort is two runs, the own
store's orders and the managers' orders. Review states live in the small ``order_review`` table;
sorting a million orders through a join with it would sort them all, so the review sort is one
run per state: the few reviewed or flagged orders in runs of their own, and every other order in
one run along the date index.

A row's sort key starts with the number of its run, so a page can continue from any row.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, and_, func, literal, not_, select, tuple_
from sqlalchemy.orm import Session

from models.db import Order, OrderReview


class SortColumn(Enum):
    """The order table's columns, in the order they are shown and exported."""

    ORDER_NO = "order_no"
    PLACED_AT = "placed_at"
    CUSTOMER = "customer"
    STORE = "store"
    AMOUNT = "amount"
    COMMISSION = "commission"
    STATUS = "status"
    REVIEW = "review"
    ITEMS = "items"


@dataclass(frozen=True)
class Sort:
    column: SortColumn = SortColumn.PLACED_AT
    descending: bool = True


@dataclass(frozen=True)
class Run:
    """Rows of one run (``where``, less the few orders ``without`` selects), ordered within it
    by ``keys`` (the order id last)."""

    keys: list[Any]
    where: list[ColumnElement[bool]] = field(default_factory=list)
    without: Select[Any] | None = None

    @property
    def rows(self) -> list[ColumnElement[bool]]:
        """The conditions of the run's rows."""
        if self.without is None:
            return self.where
        return [*self.where, Order.id.not_in(self.without)]


# (reviewed, flag) in ascending sort order; orders without a review row are (False, "none").
REVIEW_STATES: Final = tuple(
    (reviewed, flag) for reviewed in (False, True) for flag in ("follow_up", "none", "problem")
)
_UNREVIEWED: Final = (False, "none")


def _review_run(reviewed: bool, flag: str) -> Run:
    keys = [Order.placed_at, Order.id]
    if (reviewed, flag) == _UNREVIEWED:
        others = select(OrderReview.order_id).where(
            OrderReview.reviewed.is_(True) | (OrderReview.flag != "none")
        )
        return Run(keys, without=others)
    state = select(OrderReview.order_id).where(
        and_(OrderReview.reviewed.is_(reviewed), OrderReview.flag == flag)
    )
    return Run(keys, [Order.id.in_(state)])


def runs(column: SortColumn) -> list[Run]:
    """The runs of a sort in ascending order; each is walked along an index."""
    single: dict[SortColumn, list[Any]] = {
        SortColumn.ORDER_NO: [Order.order_no],
        SortColumn.PLACED_AT: [Order.placed_at],
        SortColumn.CUSTOMER: [Order.customer_id, Order.placed_at],
        SortColumn.ITEMS: [Order.items_summary],
        SortColumn.AMOUNT: [Order.amount_cents],
        SortColumn.COMMISSION: [Order.commission_cents],
        SortColumn.STATUS: [Order.status, Order.placed_at],
    }
    if column in single:
        return [Run([*single[column], Order.id])]
    if column is SortColumn.STORE:
        # NULL comes first in an ascending index too: the own store, then managers by id.
        return [
            Run([Order.placed_at, Order.id], [Order.store_manager_id.is_(None)]),
            Run(
                [Order.store_manager_id, Order.placed_at, Order.id],
                [not_(Order.store_manager_id.is_(None))],
            ),
        ]
    return [_review_run(reviewed, flag) for reviewed, flag in REVIEW_STATES]


def landing(
    s: Session, run: Run, where: list[ColumnElement[bool]], descending: bool, skip: int
) -> tuple[tuple[Any, ...] | None, int]:
    """The sort key of the row ``skip`` rows into a run that is an index less a few orders.

    Skipping along the index while testing each row against the few left out costs a lookup a
    row; instead skip on the index alone and move on by the left-out rows passed, until none
    more are passed. Returns (key, 0), or (None, the run's size) when the run is shorter.
    """
    assert run.without is not None
    ordering = [k.desc() if descending else k.asc() for k in run.keys]
    left_out = sorted(
        (tuple(k) for k in s.execute(select(*run.keys).where(*where, Order.id.in_(run.without)))),
        reverse=descending,
    )
    passed = 0
    while True:
        plain = select(*run.keys).where(*where).order_by(*ordering).offset(skip + passed).limit(1)
        found = s.execute(plain).first()
        if found is None:
            size = int(s.scalar(select(func.count()).select_from(Order).where(*where)) or 0)
            return None, size - len(left_out)
        key = tuple(found)
        now = sum(1 for k in left_out if (k >= key if descending else k <= key))
        if now == passed:
            return key, 0
        passed = now


def run_query(
    run: Run,
    number: int,
    where: list[ColumnElement[bool]],
    *,
    descending: bool,
    keyset: tuple[Any, ...] | None,
    inclusive: bool = False,
) -> Select[Any]:
    ordering = [k.desc() if descending else k.asc() for k in run.keys]
    keys = [k.label(f"key{i}") for i, k in enumerate(run.keys)]
    query = select(Order.id.label("order_id"), literal(number).label("run"), *keys).where(*where)
    if keyset is not None:
        row_key = tuple_(*run.keys)
        bound = tuple_(*map(literal, keyset))
        if descending:
            query = query.where(row_key <= bound if inclusive else row_key < bound)
        else:
            query = query.where(row_key >= bound if inclusive else row_key > bound)
    return query.order_by(*ordering)
