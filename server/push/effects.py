"""What the simple mutations do: review marks, product picks and poster prints."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, exists, select

from models import wire
from server.db.catalogue import Product, SaleEvent
from server.db.orders import Order
from server.db.shops import StoreManager
from server.push.refusal import UNKNOWN_ORDER, UNKNOWN_PRODUCT, UNKNOWN_TARGET, Refused
from server.rows import save_rows

log = logging.getLogger(__name__)


def _order_of_shop(conn: Connection, shop_id: int, order_id: int) -> bool:
    return bool(conn.scalar(select(exists().where(Order.shop_id == shop_id, Order.id == order_id))))


def _product_exists(conn: Connection, product_id: int) -> bool:
    return bool(conn.scalar(select(exists().where(Product.id == product_id))))


def set_order_review(
    conn: Connection, shop_id: int, payload: wire.OrderReviewPayload, now: int
) -> None:
    if not _order_of_shop(conn, shop_id, payload.order_id):
        raise Refused(UNKNOWN_ORDER, f"Order {payload.order_id} is not an order of this shop.")
    row = {
        "order_id": payload.order_id,
        "reviewed": payload.reviewed,
        "flag": payload.flag,
        "note": payload.note,
        "updated_at": now,
    }
    save_rows(conn, "order_review", [row], shop_id)


def set_product_pick(
    conn: Connection, shop_id: int, payload: wire.ProductPickPayload, now: int
) -> None:
    if not _product_exists(conn, payload.product_id):
        raise Refused(
            UNKNOWN_PRODUCT, f"Product {payload.product_id} is not in the platform's catalogue."
        )
    row = {"product_id": payload.product_id, "picked": payload.picked, "updated_at": now}
    save_rows(conn, "product_pick", [row], shop_id)


def record_poster_print(
    conn: Connection, shop_id: int, payload: wire.PosterPrintPayload, printed_at: int
) -> None:
    if not _poster_target_exists(conn, shop_id, payload.kind, payload.target_id):
        raise Refused(
            UNKNOWN_TARGET,
            f"A {payload.kind.replace('_', ' ')} poster needs a {payload.kind.replace('_', ' ')} "
            f"of this shop or the catalogue; {payload.target_id} is none.",
        )
    row = {
        "id": payload.id,
        "kind": payload.kind,
        "target_id": payload.target_id,
        "layout": payload.layout,
        "copies": payload.copies,
        "printed_at": printed_at,
    }
    save_rows(conn, "poster_print", [row], shop_id)


def _poster_target_exists(conn: Connection, shop_id: int, kind: str, target_id: int | None) -> bool:
    if kind == "shop":
        return target_id in (None, shop_id)
    if target_id is None:
        return False
    if kind == "product":
        return _product_exists(conn, target_id)
    if kind == "sale_event":
        return bool(conn.scalar(select(exists().where(SaleEvent.id == target_id))))
    return bool(
        conn.scalar(
            select(exists().where(StoreManager.shop_id == shop_id, StoreManager.id == target_id))
        )
    )
