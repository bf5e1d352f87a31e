"""The customer table's rows: who they are, which store owns them, and what they bought.

A shop has up to tens of thousands of customers, so the table is counted once per filter and
fetched a page at a time, continuing from the last sort key where it can. What a customer bought
is summed for the page's customers only, on the order table's customer index. A sort by orders
or spending needs the sums of every customer: SQL groups the paid orders once, and the sums are
kept until a pull changes the orders, so the next pages only sort the filter's ids.
"""

from __future__ import annotations

import bisect
import threading
from collections.abc import Sequence
from dataclasses import dataclass, field
from enum import Enum
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, and_, column, func, literal, select, table, text
from sqlalchemy import tuple_ as sql_tuple
from sqlalchemy.orm import Session

from models import wire
from models.db import Customer, CustomerBinding, Order, StoreManager, SyncState
from models.profile import Profile
from models.search import CUSTOMER_SEARCH, phrase

OWN_STORE: Final = 0  # the store filter's value for the owner's own store
LEFT: Final = -1  # the store filter's value for customers who left with a released manager
VIAS: Final = ("own", "manager", "public_domain", "transferred_in")


class CustomerSort(Enum):
    """The customer table's columns, in the order they are shown."""

    NAME = "name"
    STORE = "store"
    VIA = "via"
    SINCE = "since"
    ORDERS = "orders"
    SPENT = "spent"


@dataclass(frozen=True)
class CustomerFilter:
    store: int | None = None  # OWN_STORE, LEFT, a manager's id, or None for every customer
    via: str | None = None  # one of VIAS
    text: str = ""


@dataclass(frozen=True)
class Sort:
    column: CustomerSort = CustomerSort.SINCE
    descending: bool = True


@dataclass(frozen=True)
class CustomerRow:
    id: int
    name: str
    phone: str
    city: str
    status: str  # "active" or "left"
    store_manager_id: int | None
    store_name: str  # the sub-store's manager, "" for the owner's own store
    left_with: str  # the released manager a customer left with, "" while they stay
    bound_at: int
    bound_via: str
    paid_orders: int
    spent_cents: int
    sort_key: tuple[Any, ...] = field(repr=False, default=())


_PAID = Order.status.in_(wire.PAID_ORDER_STATUSES)
_BY_TOTALS: Final = (CustomerSort.ORDERS, CustomerSort.SPENT)

# Paid orders and spending of every customer, per profile file, with the state they were read
# at: orders change only when a pull writes them (and its new cursor), so one aggregate over the
# order table serves every page and sort until the next pull.
_totals_lock = threading.Lock()
_totals: dict[str, tuple[tuple[Any, ...], dict[int, tuple[int, int]]]] = {}


def _sort_expressions(sort: CustomerSort) -> list[Any]:
    """The SQL expressions a column sorts by; the customer id always breaks ties."""
    keys: list[Any]
    if sort is CustomerSort.NAME:
        keys = [Customer.name]
    elif sort is CustomerSort.STORE:
        keys = [Customer.status, func.coalesce(StoreManager.name, "")]
    elif sort is CustomerSort.VIA:
        keys = [Customer.bound_via, Customer.bound_at]
    else:
        keys = [Customer.bound_at]
    return [*keys, Customer.id]


def _where(f: CustomerFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if f.store == LEFT:
        clauses.append(Customer.status == "left")
    elif f.store == OWN_STORE:
        clauses.append(and_(Customer.status == "active", Customer.store_manager_id.is_(None)))
    elif f.store is not None:
        clauses.append(and_(Customer.status == "active", Customer.store_manager_id == f.store))
    if f.via:
        clauses.append(Customer.bound_via == f.via)
    for word in f.text.split()[:8]:
        expression = phrase(word)
        if expression is not None:
            fts = table(CUSTOMER_SEARCH, column("rowid"))
            matching = select(fts.c.rowid).where(
                text(f"{CUSTOMER_SEARCH} MATCH :q").bindparams(q=expression)
            )
            clauses.append(Customer.id.in_(matching))
    return clauses


def count_customers(profile: Profile, f: CustomerFilter) -> int:
    with profile.read() as s:
        return int(s.scalar(select(func.count()).select_from(Customer).where(*_where(f))) or 0)


def fetch_page(
    profile: Profile,
    f: CustomerFilter,
    sort: Sort,
    *,
    limit: int,
    offset: int = 0,
    after: tuple[Any, ...] | None = None,
    from_end: bool = False,
) -> list[CustomerRow]:
    """Rows in view order: after a sort key (keyset), or at an offset from either end."""
    if sort.column in _BY_TOTALS:
        return _fetch_by_totals(
            profile, f, sort, limit=limit, offset=offset, after=after, from_end=from_end
        )
    keys = _sort_expressions(sort.column)
    descending = sort.descending != from_end
    ordering = [k.desc() if descending else k.asc() for k in keys]
    query: Select[Any] = (
        select(Customer, StoreManager.name, *keys)
        .outerjoin(StoreManager, StoreManager.id == Customer.store_manager_id)
        .where(*_where(f))
    )
    if after is not None:
        row_key = sql_tuple(*keys)
        bound = sql_tuple(*map(literal, after))
        query = query.where(row_key < bound if descending else row_key > bound)
    query = query.order_by(*ordering).limit(limit)
    if after is None and offset:
        query = query.offset(offset)
    with profile.read() as s:
        found = s.execute(query).all()
        rows = _rows(s, [(customer, store, tuple(key)) for customer, store, *key in found])
    return rows[::-1] if from_end else rows


def _fetch_by_totals(
    profile: Profile,
    f: CustomerFilter,
    sort: Sort,
    *,
    limit: int,
    offset: int,
    after: tuple[Any, ...] | None,
    from_end: bool,
) -> list[CustomerRow]:
    """A sort by what customers bought: the filter's ids in SQL, ordered by the totals."""
    field = 0 if sort.column is CustomerSort.ORDERS else 1
    with profile.read() as s:
        totals = _all_totals(s, profile)
        ids = s.scalars(select(Customer.id).where(*_where(f))).all()
        keys = sorted((totals.get(i, (0, 0))[field], i) for i in ids)
        if sort.descending:
            keys.reverse()
        if after is not None:
            bound = (after[0], after[1])
            start = (
                bisect.bisect_right(keys, _negated(bound), key=_negated)
                if sort.descending
                else bisect.bisect_right(keys, bound)
            )
            chosen = keys[start : start + limit]
        elif from_end:
            stop = len(keys) - offset
            chosen = keys[max(0, stop - limit) : max(0, stop)]
        else:
            chosen = keys[offset : offset + limit]
        wanted = [i for _, i in chosen]
        found = s.execute(
            select(Customer, StoreManager.name)
            .outerjoin(StoreManager, StoreManager.id == Customer.store_manager_id)
            .where(Customer.id.in_(wanted))
        ).all()
        by_id = {customer.id: (customer, store) for customer, store in found}
        return _rows(s, [(*by_id[key[1]], key) for key in chosen])


def _negated(key: tuple[int, int]) -> tuple[int, int]:
    return (-key[0], -key[1])


def _all_totals(s: Session, profile: Profile) -> dict[int, tuple[int, int]]:
    state = s.execute(select(SyncState.cursor, SyncState.epoch)).first()
    extent = s.execute(select(func.count(), func.max(Order.id))).one()
    version = (*(state or ()), *extent)
    place = str(profile.db_path)
    with _totals_lock:
        cached = _totals.get(place)
        if cached is not None and cached[0] == version:
            return cached[1]
    totals = _paid_totals(s)
    with _totals_lock:
        _totals[place] = (version, totals)
    return totals


def _rows(
    s: Session, found: Sequence[tuple[Customer, str | None, tuple[Any, ...]]]
) -> list[CustomerRow]:
    ids = [customer.id for customer, _, _ in found]
    bought = _bought(s, ids)
    left_with = _left_with(s, [c.id for c, _, _ in found if c.status == "left"])
    return [
        _row(customer, store or "", bought.get(customer.id, (0, 0)), left_with, key)
        for customer, store, key in found
    ]


def fetch_one(profile: Profile, customer_id: int) -> CustomerRow | None:
    query = (
        select(Customer, StoreManager.name)
        .outerjoin(StoreManager, StoreManager.id == Customer.store_manager_id)
        .where(Customer.id == customer_id)
    )
    with profile.read() as s:
        found = s.execute(query).first()
        if found is None:
            return None
        customer, store = found
        return _rows(s, [(customer, store, ())])[0]


def _bought(s: Session, ids: Sequence[int]) -> dict[int, tuple[int, int]]:
    """Paid orders and their amount per customer, for a page of customers."""
    if not ids:
        return {}
    return _paid_totals(s, Order.customer_id.in_(list(ids)))


def _paid_totals(s: Session, *where: ColumnElement[bool]) -> dict[int, tuple[int, int]]:
    """Paid orders and their amount per customer (of those ``where`` picks)."""
    query = (
        select(Order.customer_id, func.count(), func.sum(Order.amount_cents))
        .where(*where, _PAID)
        .group_by(Order.customer_id)
    )
    return {int(c): (int(n), int(total or 0)) for c, n, total in s.execute(query).all()}


def _left_with(s: Session, ids: Sequence[int]) -> dict[int, str]:
    """The released manager each of these customers left with, by the ledger."""
    if not ids:
        return {}
    query = (
        select(CustomerBinding.customer_id, StoreManager.name)
        .join(StoreManager, StoreManager.id == CustomerBinding.from_manager_id)
        .where(CustomerBinding.customer_id.in_(list(ids)), CustomerBinding.event == "release_out")
        .order_by(CustomerBinding.at)
    )
    return {int(c): str(name) for c, name in s.execute(query).all()}


def _row(
    customer: Customer,
    store: str,
    bought: tuple[int, int],
    left_with: dict[int, str],
    key: tuple[Any, ...],
) -> CustomerRow:
    return CustomerRow(
        id=customer.id,
        name=customer.name,
        phone=customer.phone_masked,
        city=customer.city,
        status=customer.status,
        store_manager_id=customer.store_manager_id,
        store_name=store,
        left_with=left_with.get(customer.id, ""),
        bound_at=customer.bound_at,
        bound_via=customer.bound_via,
        paid_orders=bought[0],
        spent_cents=bought[1],
        sort_key=key,
    )
