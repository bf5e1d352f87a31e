"""The order table's rows: filtered and sorted in SQL, fetched a page at a time.

A view asks for the first page of a filter, then for its number of rows (a search counts every
match, which takes longer than a page), then for pages as the owner scrolls. A page next to one
already fetched continues from its last sort key (keyset); a jump far away counts from the
nearer end of the index instead, so no page costs a scan of the whole table. How each column
sorts along an index is in ``order_sorts``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field, replace
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, func, literal, select, tuple_
from sqlalchemy.orm import Session

from models import wire
from models.db import (
    Customer,
    Order,
    OrderReview,
    OrderReviewDraft,
    OutboxEntry,
    StoreManager,
    table_of,
)
from models.profile import Profile
from models.search import order_text_clause, order_text_ids, order_text_matches_at_most
from models.services.order_sorts import Sort, SortColumn, landing, run_query, runs
from models.services.reconciliation import MONEY_FILTERS, orders_with, ready

__all__ = [
    "MONEY_FILTERS",
    "OWN_STORE",
    "REVIEW_FILTERS",
    "OrderFilter",
    "OrderRow",
    "Sort",
    "SortColumn",
    "count_by_status",
    "count_orders",
    "day_range",
    "fetch_page",
    "position_of",
]

OWN_STORE: Final = 0  # the store filter's value for the owner's own store (no manager)
# A search walks the sort's index, testing each order, once its matches number more than about
# the square root of this times the orders: then a page's worth turns up sooner than gathering
# every match would take.
DENSE_FACTOR: Final = 200
SPREAD_SORTS: Final = frozenset(
    {
        SortColumn.PLACED_AT,
        SortColumn.ORDER_NO,
        SortColumn.CUSTOMER,
        SortColumn.STORE,
        SortColumn.STATUS,
        SortColumn.REVIEW,
    }
)


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
    # Orders whose money does not add up: one of MONEY_FILTERS (see models.services
    # .reconciliation); None for every order.
    money: str | None = None

    def without_status(self) -> OrderFilter:
        return replace(self, status=None)


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
    drafted: bool = False  # the owner has unsaved words in this order's review


def _where(f: OrderFilter, *, dense_text: bool = False) -> list[ColumnElement[bool]]:
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
    if f.money in MONEY_FILTERS:
        clauses.append(orders_with(f.money))
    if f.text.strip():
        clauses.append(order_text_clause(f.text.strip(), dense=dense_text))
    return clauses


_ANY: Final = OrderFilter()


def _only_text(f: OrderFilter) -> bool:
    return f == OrderFilter(text=f.text)


def count_orders(profile: Profile, f: OrderFilter) -> int:
    if f.money:
        ready(profile)
    with profile.read() as s:
        if f.text.strip() and _only_text(f):
            # Every matching id is an order: count the matches without visiting the orders.
            ids = order_text_ids(f.text.strip()).subquery()
            return int(s.scalar(select(func.count()).select_from(ids)) or 0)
        return int(s.scalar(select(func.count()).select_from(Order).where(*_where(f))) or 0)


def count_by_status(profile: Profile, f: OrderFilter) -> dict[str, int]:
    """Rows per status for the status tabs: the filter without its own status."""
    g = f.without_status()
    query = select(Order.status, func.count()).where(*_where(g)).group_by(Order.status)
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
    if f.money:
        ready(profile)
    descending = sort.descending != from_end
    numbered = list(enumerate(runs(sort.column)))
    if descending:
        numbered.reverse()
    rows: list[OrderRow] = []
    with profile.read() as s:
        where = _where(f, dense_text=_dense_text(s, f, sort))
        if only_ids is not None:
            where.append(Order.id.in_(list(only_ids)))
        if after is not None:
            position = next(i for i, (number, _run) in enumerate(numbered) if number == after[0])
            numbered = numbered[position:]
        skip = offset if after is None else 0
        for number, run in numbered:
            keyset = after[1:] if after is not None and number == after[0] else None
            inclusive = False
            if skip and run.without is not None:
                start, size = landing(s, run, [*where, *run.where], descending, skip)
                if start is None:
                    skip -= size
                    continue
                keyset, inclusive, skip = start, True, 0
            query = run_query(
                run,
                number,
                [*where, *run.rows],
                descending=descending,
                keyset=keyset,
                inclusive=inclusive,
            )
            found = _fetch(s, query, limit=limit - len(rows), offset=skip, descending=descending)
            if not found and skip:
                # The jump lands past this run: count it to know how far into the next.
                counted = select(func.count()).select_from(Order).where(*where, *run.rows)
                skip -= int(s.scalar(counted) or 0)
                continue
            rows += found
            skip = 0
            if len(rows) >= limit:
                break
    return rows[::-1] if from_end else rows


def position_of(profile: Profile, f: OrderFilter, sort: Sort, order_id: int) -> int | None:
    """Where ``order_id`` stands among the rows of ``f`` in ``sort`` order; None when ``f`` does
    not hold it. A refresh puts the owner's current order back by this, wherever it moved."""
    found = fetch_page(profile, f, sort, limit=1, only_ids=[order_id])
    if not found:
        return None
    number, *key = found[0].sort_key
    numbered = list(enumerate(runs(sort.column)))
    if sort.descending:
        numbered.reverse()
    before = 0
    with profile.read() as s:
        where = _where(f)
        for run_number, run in numbered:
            rows = [*where, *run.rows]
            if run_number != number:
                before += int(s.scalar(select(func.count()).select_from(Order).where(*rows)) or 0)
                continue
            row_key = tuple_(*run.keys)
            bound = tuple_(*map(literal, key))
            ahead = row_key > bound if sort.descending else row_key < bound
            before += int(
                s.scalar(select(func.count()).select_from(Order).where(*rows, ahead)) or 0
            )
            return before
    return None


def _dense_text(s: Session, f: OrderFilter, sort: Sort) -> bool:
    """Whether a search matches so many orders that walking the sort's index, testing each
    order, finds a page sooner than gathering every match first.

    Only where the matches spread along the index: items sort by their first product's title,
    and a category, store or date filter may hold few or none of the matches, and then the walk
    would test a great many orders in vain.
    """
    text = f.text.strip()
    if not text or sort.column not in SPREAD_SORTS or replace(f, status=None, text="") != _ANY:
        return False
    matches = order_text_matches_at_most(s, text)
    orders = int(s.scalar(select(func.max(Order.id))) or 0)
    return matches * matches >= DENSE_FACTOR * orders


def _fetch(
    s: Session, ids: Select[Any], *, limit: int, offset: int, descending: bool
) -> list[OrderRow]:
    """The page's ids are found on the sort's index alone; only they are joined with the rest."""
    keyed = ids.limit(limit).offset(offset).subquery()
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
    keys = list(keyed.c)[2:]
    # Plain columns, not ORM objects: a page of an export is thousands of rows, and building
    # an Order and an OrderReview for each costs more than the query.
    query = (
        select(
            *_ROW_COLUMNS,
            review_sync,
            OrderReviewDraft.order_id,
            keyed.c.run,
            *keys,
        )
        .select_from(keyed)
        .join(Order, Order.id == keyed.c.order_id)
        .outerjoin(OrderReview, OrderReview.order_id == Order.id)
        .outerjoin(Customer, Customer.id == Order.customer_id)
        .outerjoin(StoreManager, StoreManager.id == Order.store_manager_id)
        .outerjoin(OrderReviewDraft, OrderReviewDraft.order_id == Order.id)
        .order_by(*[k.desc() if descending else k.asc() for k in keys])
    )
    width = len(_ROW_COLUMNS) + 2  # and the review's sync state, and its draft
    return [_row(values[:width], tuple(values[width:])) for values in s.execute(query).all()]


_ROW_COLUMNS: Final = (
    Order.id,
    Order.order_no,
    Order.placed_at,
    Customer.name,
    Customer.phone_masked,
    Order.store_manager_id,
    StoreManager.name,
    Order.items_summary,
    Order.item_count,
    Order.amount_cents,
    Order.commission_cents,
    Order.status,
    Order.category,
    OrderReview.reviewed,
    OrderReview.flag,
    OrderReview.note,
)


def _row(values: Sequence[Any], key: tuple[Any, ...]) -> OrderRow:
    (
        order_id,
        order_no,
        placed_at,
        customer_name,
        customer_phone,
        store_manager_id,
        store_name,
        items_summary,
        item_count,
        amount_cents,
        commission_cents,
        status,
        category,
        reviewed,
        flag,
        note,
        sync_state,
        draft_id,
    ) = values
    drafted = draft_id is not None
    return OrderRow(
        id=order_id,
        order_no=order_no,
        placed_at=placed_at,
        customer_name=customer_name or "",
        customer_phone=customer_phone or "",
        store_manager_id=store_manager_id,
        store_name=store_name or "",
        items_summary=items_summary,
        item_count=item_count,
        amount_cents=amount_cents,
        commission_cents=commission_cents,
        status=status,
        category=category,
        reviewed=bool(reviewed),
        flag=flag or "none",
        note=note or "",
        review_sync=sync_state or "",
        sort_key=key,
        drafted=drafted,
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
