"""The order table's rows: filtered and sorted in SQL, fetched a page at a time.

A view asks for the number of rows once per filter, then for pages as the owner scrolls. A page
next to one already fetched continues from its last sort key (keyset); a jump far away counts
from the nearer end of the index instead, so no page costs a scan of the whole table.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from enum import Enum
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, func, literal, select, tuple_

from models import wire
from models.db import Customer, Order, OrderReview, OutboxEntry, StoreManager, table_of
from models.profile import Profile
from models.search import order_text_clause

OWN_STORE: Final = 0  # the store filter's value for the owner's own store (no manager)


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


REVIEW_FILTERS: Final = ("unreviewed", "reviewed", "problem", "follow_up")


@dataclass(frozen=True)
class OrderFilter:
    status: str | None = None
    since: int | None = None  # UTC seconds, inclusive
    until: int | None = None  # UTC seconds, exclusive
    store: int | None = None  # OWN_STORE, a manager's id, or None for every store
    category: str | None = None
    review: str | None = None  # one of REVIEW_FILTERS
    text: str = ""

    def without_status(self) -> OrderFilter:
        return replace(self, status=None)


@dataclass(frozen=True)
class Sort:
    column: SortColumn = SortColumn.PLACED_AT
    descending: bool = True


@dataclass(frozen=True)
class OrderRow:
    id: int
    order_no: str
    placed_at: int
    customer_name: str
    customer_phone: str
    store_manager_id: int | None
    store_name: str
    items_summary: str
    item_count: int
    amount_cents: int
    commission_cents: int
    status: str
    category: str
    reviewed: bool
    flag: str
    note: str
    review_sync: str  # "", "pending" or "rejected"
    sort_key: tuple[Any, ...] = field(repr=False, default=())


_review_flag = func.coalesce(OrderReview.flag, "none")
_reviewed = func.coalesce(OrderReview.reviewed, False)


def _sort_expressions(column: SortColumn) -> list[Any]:
    """The SQL expressions a column sorts by; the order id always breaks ties."""
    primary: dict[SortColumn, list[Any]] = {
        SortColumn.ORDER_NO: [Order.order_no],
        SortColumn.PLACED_AT: [Order.placed_at],
        SortColumn.CUSTOMER: [Order.customer_id, Order.placed_at],
        SortColumn.STORE: [func.coalesce(Order.store_manager_id, 0), Order.placed_at],
        SortColumn.ITEMS: [Order.items_summary],
        SortColumn.AMOUNT: [Order.amount_cents],
        SortColumn.COMMISSION: [Order.commission_cents],
        SortColumn.STATUS: [Order.status, Order.placed_at],
        SortColumn.REVIEW: [_reviewed, _review_flag, Order.placed_at],
    }
    return [*primary[column], Order.id]


def _needs_review_join(_f: OrderFilter, sort: Sort) -> bool:
    return sort.column is SortColumn.REVIEW


def _where(f: OrderFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if f.status:
        clauses.append(Order.status == f.status)
    if f.since is not None:
        clauses.append(Order.placed_at >= f.since)
    if f.until is not None:
        clauses.append(Order.placed_at < f.until)
    if f.store is not None:
        clauses.append(
            Order.store_manager_id.is_(None)
            if f.store == OWN_STORE
            else Order.store_manager_id == f.store
        )
    if f.category:
        clauses.append(Order.category == f.category)
    # The reviews are few beside a million orders: look them up in their own table.
    reviewed = select(OrderReview.order_id).where(OrderReview.reviewed.is_(True))
    if f.review == "unreviewed":
        clauses.append(Order.id.not_in(reviewed))
    elif f.review == "reviewed":
        clauses.append(Order.id.in_(reviewed))
    elif f.review in ("problem", "follow_up"):
        clauses.append(
            Order.id.in_(select(OrderReview.order_id).where(OrderReview.flag == f.review))
        )
    if f.text.strip():
        clauses.append(order_text_clause(f.text.strip()))
    return clauses


def _base(f: OrderFilter, sort: Sort, *columns: Any) -> Select[Any]:
    query = select(*columns).select_from(Order)
    if _needs_review_join(f, sort) or any(c is OrderReview for c in columns):
        query = query.outerjoin(OrderReview, OrderReview.order_id == Order.id)
    return query.where(*_where(f))


def count_orders(profile: Profile, f: OrderFilter) -> int:
    query = _base(f, Sort(), func.count())
    with profile.read() as s:
        return int(s.scalar(query) or 0)


def count_by_status(profile: Profile, f: OrderFilter) -> dict[str, int]:
    """Rows per status for the status tabs: the filter without its own status."""
    g = f.without_status()
    query = _base(g, Sort(), Order.status, func.count()).group_by(Order.status)
    with profile.read() as s:
        counts = {str(status): int(n) for status, n in s.execute(query).all()}
    return {status: counts.get(status, 0) for status in wire.ORDER_STATUSES}


def fetch_page(
    profile: Profile,
    f: OrderFilter,
    sort: Sort,
    *,
    limit: int,
    offset: int = 0,
    after: tuple[Any, ...] | None = None,
    from_end: bool = False,
    only_ids: Sequence[int] | None = None,
) -> list[OrderRow]:
    """Rows in view order: after a sort key (keyset), or at an offset from either end.

    ``only_ids`` narrows the filter to those orders (a selection of at most a few thousand).
    """
    keys = _sort_expressions(sort.column)
    descending = sort.descending != from_end
    ordering = [k.desc() if descending else k.asc() for k in keys]
    outbox = table_of(OutboxEntry)
    review_sync = (
        select(outbox.c.status)
        .where(
            outbox.c.entity == "order_review",
            outbox.c.entity_key == func.cast(Order.id, outbox.c.entity_key.type),
            outbox.c.status != "applied",
        )
        .order_by(outbox.c.position.desc())
        .limit(1)
        .scalar_subquery()
    )
    query = (
        _base(
            f,
            sort,
            Order,
            OrderReview,
            Customer.name,
            Customer.phone_masked,
            StoreManager.name,
            review_sync,
            *keys,
        )
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .outerjoin(StoreManager, StoreManager.id == Order.store_manager_id)
    )
    if only_ids is not None:
        query = query.where(Order.id.in_(list(only_ids)))
    if after is not None:
        row_key = tuple_(*keys)
        query = query.where(
            row_key < tuple_(*map(literal, after))
            if descending
            else row_key > tuple_(*map(literal, after))
        )
    query = query.order_by(*ordering).limit(limit)
    if after is None and offset:
        # Skip rows on the sort's index alone, then join only the rows of the page.
        skipped = (
            _base(f, sort, Order.id).order_by(*ordering).limit(limit).offset(offset).subquery()
        )
        query = query.where(Order.id.in_(select(skipped.c.id)))
    with profile.read() as s:
        rows = [
            _row(order, review, (cname, cphone, sname, sync_state), tuple(key))
            for order, review, cname, cphone, sname, sync_state, *key in s.execute(query).all()
        ]
    return rows[::-1] if from_end else rows


def _row(
    order: Order,
    review: OrderReview | None,
    joined: tuple[str | None, str | None, str | None, str | None],
    key: tuple[Any, ...],
) -> OrderRow:
    customer_name, customer_phone, store_name, sync_state = joined
    return OrderRow(
        id=order.id,
        order_no=order.order_no,
        placed_at=order.placed_at,
        customer_name=customer_name or "",
        customer_phone=customer_phone or "",
        store_manager_id=order.store_manager_id,
        store_name=store_name or "",
        items_summary=order.items_summary,
        item_count=order.item_count,
        amount_cents=order.amount_cents,
        commission_cents=order.commission_cents,
        status=order.status,
        category=order.category,
        reviewed=bool(review and review.reviewed),
        flag=review.flag if review else "none",
        note=review.note if review else "",
        review_sync=sync_state or "",
        sort_key=key,
    )


def day_range(preset: str, now: dt.datetime) -> tuple[int, int]:
    """[since, until) in UTC seconds for a date preset, in ``now``'s zone."""
    midnight = now.replace(hour=0, minute=0, second=0, microsecond=0)
    tomorrow = int((midnight + dt.timedelta(days=1)).timestamp())
    if preset == "today":
        return int(midnight.timestamp()), tomorrow
    if preset == "7d":
        return int((midnight - dt.timedelta(days=6)).timestamp()), tomorrow
    if preset == "30d":
        return int((midnight - dt.timedelta(days=29)).timestamp()), tomorrow
    if preset == "month":
        return int(midnight.replace(day=1).timestamp()), tomorrow
    raise ValueError(f"unknown date preset {preset!r}")
