"""Reviewing many orders in one action: one transaction, one outbox entry per order.

The owner marks a page of orders reviewed, or flags a dozen for follow-up, or a script passes
ten thousand order numbers: each order's review keeps what was not given, and the whole lot is
written (rows and outbox) in one transaction, so either every order is marked or none is.
"""

from __future__ import annotations

import time
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Final, TypeVar

from sqlalchemy import Connection, select

from models import wire
from models.changes import Changes
from models.db import Order, OrderReview, table_of
from models.errors import UnknownOrder
from models.profile import Profile
from models.services.drafts import FLAGS as DRAFT_FLAGS
from models.services.drafts import check_review, clear_saved_drafts
from models.sync.apply import IN_CHUNK
from models.sync.outbox import Action, record_actions

FLAGS: Final = DRAFT_FLAGS
T = TypeVar("T")
_orders = table_of(Order)
_reviews = table_of(OrderReview)


@dataclass(frozen=True)
class ReviewState:
    order_id: int
    order_no: str
    reviewed: bool
    flag: str
    note: str
    mutation_id: str
    changes: Changes


def review_orders(
    profile: Profile,
    order_nos: Sequence[str],
    *,
    reviewed: bool | None = None,
    flag: str | None = None,
    note: str | None = None,
    now: int | None = None,
) -> list[ReviewState]:
    """Change what was given of each order's review; one state per distinct order, in order.

    UnknownOrder (naming every number not found) when any order is not in this shop; then
    nothing is written.
    """
    check_review(flag, note)
    numbers = list(dict.fromkeys(order_nos))
    if not numbers:
        return []
    stamp = int(time.time()) if now is None else now
    with profile.write() as s:
        conn = s.connection()
        found = _ids_by_number(conn, numbers)
        missing = [number for number in numbers if number not in found]
        if missing:
            raise UnknownOrder(missing[0], order_nos=tuple(missing))
        orders = [(found[number], number) for number in numbers]
        return _record(conn, orders, reviewed=reviewed, flag=flag, note=note, now=stamp)


def review_order_ids(
    profile: Profile,
    order_ids: Sequence[int],
    *,
    reviewed: bool | None = None,
    flag: str | None = None,
    note: str | None = None,
    now: int | None = None,
) -> list[ReviewState]:
    """The same for orders the owner selected in a table, by id."""
    check_review(flag, note)
    ids = list(dict.fromkeys(order_ids))
    if not ids:
        return []
    stamp = int(time.time()) if now is None else now
    with profile.write() as s:
        conn = s.connection()
        numbers = _numbers_by_id(conn, ids)
        missing = [i for i in ids if i not in numbers]
        if missing:
            raise UnknownOrder(f"#{missing[0]}")
        orders = [(order_id, numbers[order_id]) for order_id in ids]
        return _record(conn, orders, reviewed=reviewed, flag=flag, note=note, now=stamp)


def _record(
    conn: Connection,
    orders: list[tuple[int, str]],
    *,
    reviewed: bool | None,
    flag: str | None,
    note: str | None,
    now: int,
) -> list[ReviewState]:
    current = _current_reviews(conn, [order_id for order_id, _ in orders])
    payloads: list[wire.OrderReviewPayload] = []
    for order_id, _ in orders:
        was = current.get(order_id)
        payload = wire.OrderReviewPayload(
            order_id=order_id,
            reviewed=reviewed if reviewed is not None else bool(was and was[0]),
            flag=flag or (was[1] if was else "none"),
            note=note if note is not None else (was[2] if was else ""),
        )
        payloads.append(payload)
    actions = [Action(p, p.model_dump() | {"updated_at": now}) for p in payloads]
    mutation_ids = record_actions(conn, "order_review.set", actions, now)
    ids = [order_id for order_id, _ in orders]
    drafted = clear_saved_drafts(conn, ids, reviewed=reviewed, flag=flag, note=note)
    changes = Changes.of_rows("order_review", ids) | Changes.of_rows("outbox", mutation_ids)
    if drafted:
        changes |= Changes.of_rows("order_review_draft", drafted)
    return [
        ReviewState(
            order_id, number, payload.reviewed, payload.flag, payload.note, mutation_id, changes
        )
        for (order_id, number), payload, mutation_id in zip(
            orders, payloads, mutation_ids, strict=True
        )
    ]


def _chunks(items: list[T]) -> Iterable[list[T]]:
    for start in range(0, len(items), IN_CHUNK):
        yield items[start : start + IN_CHUNK]


def _ids_by_number(conn: Connection, numbers: list[str]) -> dict[str, int]:
    found: dict[str, int] = {}
    for chunk in _chunks(numbers):
        rows = conn.execute(
            select(_orders.c.order_no, _orders.c.id).where(_orders.c.order_no.in_(chunk))
        )
        found.update({r.order_no: r.id for r in rows})
    return found


def _numbers_by_id(conn: Connection, ids: list[int]) -> dict[int, str]:
    found: dict[int, str] = {}
    for chunk in _chunks(ids):
        rows = conn.execute(select(_orders.c.id, _orders.c.order_no).where(_orders.c.id.in_(chunk)))
        found.update({r.id: r.order_no for r in rows})
    return found


def _current_reviews(conn: Connection, ids: list[int]) -> dict[int, tuple[bool, str, str]]:
    found: dict[int, tuple[bool, str, str]] = {}
    for chunk in _chunks(ids):
        rows = conn.execute(
            select(
                _reviews.c.order_id, _reviews.c.reviewed, _reviews.c.flag, _reviews.c.note
            ).where(_reviews.c.order_id.in_(chunk))
        )
        found.update({r.order_id: (bool(r.reviewed), r.flag, r.note) for r in rows})
    return found
