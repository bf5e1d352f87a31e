"""What the simple mutations do (review marks, product picks, poster prints), judged and
written for many at once: one lookup per kind of target, one statement per table."""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, bindparam, select

from models import wire
from server.db.catalogue import Product, SaleEvent
from server.db.orders import Order
from server.db.shops import StoreManager
from server.push.refusal import UNKNOWN_ORDER, UNKNOWN_PRODUCT, UNKNOWN_TARGET, Refused
from server.rows import Row, save_rows

log = logging.getLogger(__name__)

# How far in the past a client may date a print it made offline.
PRINT_BACKDATE_LIMIT = 366 * 86_400
SimplePayload = wire.OrderReviewPayload | wire.ProductPickPayload | wire.PosterPrintPayload

# Built once: each push asks the same questions with other numbers.
_ORDERS_OF_SHOP = select(Order.id).where(
    Order.shop_id == bindparam("shop_id"), Order.id.in_(bindparam("ids", expanding=True))
)
_PRODUCTS = select(Product.id).where(Product.id.in_(bindparam("ids", expanding=True)))
_SALE_EVENTS = select(SaleEvent.id).where(SaleEvent.id.in_(bindparam("ids", expanding=True)))
_MANAGERS_OF_SHOP = select(StoreManager.id).where(
    StoreManager.shop_id == bindparam("shop_id"),
    StoreManager.id.in_(bindparam("ids", expanding=True)),
)


@dataclass(frozen=True)
class Effect:
    """The row a mutation writes."""

    entity: str
    row: Row


@dataclass(frozen=True)
class Simple:
    """A simple mutation with its checked payload, waiting to be judged."""

    payload: SimplePayload
    created_at: int


def _found(conn: Connection, query: Any, ids: set[int], **params: int) -> set[int]:
    # Every id is within 64 bits by now: server.textcheck refused the payload otherwise.
    if not ids:
        return set()
    return set(conn.scalars(query, {"ids": sorted(ids), **params}))


def judge(
    conn: Connection, shop_id: int, items: Sequence[Simple], now: int, actor: str = wire.OWNER_USER
) -> list[Effect | Refused]:
    """Each mutation's effect, or why it is refused; the targets are looked up all at once.
    Every row written names ``actor``, the user who made it."""
    orders: set[int] = set()
    products: set[int] = set()
    events: set[int] = set()
    managers: set[int] = set()
    for item in items:
        payload = item.payload
        if isinstance(payload, wire.OrderReviewPayload):
            orders.add(payload.order_id)
        elif isinstance(payload, wire.ProductPickPayload):
            products.add(payload.product_id)
        elif payload.target_id is not None:
            {"product": products, "sale_event": events, "manager": managers}.get(
                payload.kind, set()
            ).add(payload.target_id)
    known = _Known(
        orders=_found(conn, _ORDERS_OF_SHOP, orders, shop_id=shop_id),
        products=_found(conn, _PRODUCTS, products),
        events=_found(conn, _SALE_EVENTS, events),
        managers=_found(conn, _MANAGERS_OF_SHOP, managers, shop_id=shop_id),
    )
    return [_effect(known, shop_id, item, now, actor) for item in items]


@dataclass(frozen=True)
class _Known:
    orders: set[int]
    products: set[int]
    events: set[int]
    managers: set[int]


def _effect(known: _Known, shop_id: int, item: Simple, now: int, actor: str) -> Effect | Refused:
    payload = item.payload
    if isinstance(payload, wire.OrderReviewPayload):
        if payload.order_id not in known.orders:
            return Refused(UNKNOWN_ORDER, f"Order {payload.order_id} is not an order of this shop.")
        review = {
            "order_id": payload.order_id,
            "reviewed": payload.reviewed,
            "flag": payload.flag,
            "note": payload.note,
            "updated_at": now,
            "actor": actor,
        }
        return Effect("order_review", review)
    if isinstance(payload, wire.ProductPickPayload):
        if payload.product_id not in known.products:
            return Refused(
                UNKNOWN_PRODUCT, f"Product {payload.product_id} is not in the platform's catalogue."
            )
        pick = {
            "product_id": payload.product_id,
            "picked": payload.picked,
            "updated_at": now,
            "actor": actor,
        }
        return Effect("product_pick", pick)
    if not _poster_target_exists(known, shop_id, payload.kind, payload.target_id):
        what = payload.kind.replace("_", " ")
        return Refused(
            UNKNOWN_TARGET,
            f"A {what} poster needs a {what} of this shop or the catalogue; "
            f"{payload.target_id} is none.",
        )
    printed = {
        "id": payload.id,
        "kind": payload.kind,
        "target_id": payload.target_id,
        "layout": payload.layout,
        "copies": payload.copies,
        "printed_at": min(now, max(item.created_at, now - PRINT_BACKDATE_LIMIT)),
        "actor": actor,
    }
    return Effect("poster_print", printed)


def _poster_target_exists(known: _Known, shop_id: int, kind: str, target_id: int | None) -> bool:
    if kind == "shop":
        return target_id in (None, shop_id)
    if target_id is None:
        return False
    if kind == "product":
        return target_id in known.products
    if kind == "sale_event":
        return target_id in known.events
    return target_id in known.managers


def write(conn: Connection, shop_id: int, effects: Sequence[Effect]) -> None:
    """One statement per table; a row written twice keeps the later mutation's version."""
    by_entity: dict[str, list[Row]] = {}
    for effect in effects:
        by_entity.setdefault(effect.entity, []).append(effect.row)
    for entity, rows in by_entity.items():
        save_rows(conn, entity, rows, shop_id)
