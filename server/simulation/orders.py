"""Simulated shoppers: new orders, payments and cancellations, parcels going out.

A customer's first paid order binds them to the store it was placed in (a ledger entry);
a paid order in a manager's sub-store counts towards the manager's current stage.
"""

from __future__ import annotations

import random
from datetime import UTC, datetime
from typing import Any

from sqlalchemy import Connection, func, select

from server.db.orders import Order
from server.db.shops import Customer, StoreManager
from server.ledger import binding_entry
from server.rows import Row, load_rows, new_ids, save_rows
from server.seed import names
from server.seed.calendar import CHINA_OFFSET
from server.seed.lines import LINES_PER_ORDER_ID, order_number
from server.simulation.pace import Pace
from server.simulation.shelf import Offer, basket

# Parcels moved along per shop and tick, so a long pause does not make one huge transaction.
_BATCH = 200


def active_managers(conn: Connection, shop_id: int) -> list[int]:
    return list(
        conn.scalars(
            select(StoreManager.id)
            .where(StoreManager.shop_id == shop_id, StoreManager.status == "active")
            .order_by(StoreManager.id)
        )
    )


def place_orders(
    conn: Connection,
    shop_id: int,
    count: int,
    now: int,
    *,
    rng: random.Random,
    shelf: list[Offer],
    pace: Pace,
) -> list[Row]:
    """``count`` new orders waiting for payment."""
    if count <= 0 or not shelf:
        return []
    managers = active_managers(conn, shop_id)
    known = _some_customers(conn, shop_id, count, rng)
    newcomers: list[Row] = []
    buyers: list[tuple[int, int | None]] = []
    for _ in range(count):
        if not known or rng.random() < pace.new_customer_share:
            store = (
                rng.choice(managers) if managers and rng.random() < pace.sub_store_share else None
            )
            newcomers.append(_newcomer(rng, store, now))
            buyers.append((len(newcomers) - 1, store))
            continue
        customer = rng.choice(known)
        store = customer["store_manager_id"] if customer["store_manager_id"] in managers else None
        if managers and rng.random() < pace.stray_share:
            store = rng.choice(managers)
        buyers.append((-1 - known.index(customer), store))
    for row, customer_id in zip(
        newcomers, new_ids(conn, "customer", len(newcomers), shop_id), strict=True
    ):
        row["id"] = customer_id
    save_rows(conn, "customer", newcomers, shop_id)
    order_ids = new_ids(conn, "order", count, shop_id)
    orders: list[Row] = []
    lines: list[Row] = []
    for order_id, (who, store) in zip(order_ids, buyers, strict=True):
        customer_id = newcomers[who]["id"] if who >= 0 else known[-1 - who]["id"]
        placed = now - rng.randrange(60)
        order, items = _order(
            shop_id,
            order_id,
            customer_id=customer_id,
            store=store,
            placed=placed,
            lines=basket(rng, shelf),
        )
        orders.append(order)
        lines.extend(items)
    save_rows(conn, "order", orders, shop_id)
    save_rows(conn, "order_item", lines, shop_id)
    return orders


def _some_customers(conn: Connection, shop_id: int, count: int, rng: random.Random) -> list[Row]:
    ids = list(
        conn.scalars(
            select(Customer.id)
            .where(Customer.shop_id == shop_id, Customer.status == "active")
            .order_by(func.random())
            .limit(count)
        )
    )
    if not ids:
        return []
    found = load_rows(conn, "customer", shop_id, Customer.id.in_(ids))
    rng.shuffle(found)
    return found


def _newcomer(rng: random.Random, store: int | None, now: int) -> Row:
    return {
        "id": 0,
        "name": names.person_name(rng),
        "phone_masked": names.masked_phone(rng),
        "city": names.city(rng),
        "store_manager_id": store,
        "bound_at": now,
        "bound_via": "manager" if store else "own",
        "status": "active",
        "first_order_at": None,
    }


def _order(
    shop_id: int,
    order_id: int,
    *,
    customer_id: int,
    store: int | None,
    placed: int,
    lines: list[tuple[Offer, int]],
) -> tuple[Row, list[Row]]:
    items: list[Row] = []
    amount = commission = pieces = 0
    for n, (offer, quantity) in enumerate(lines):
        amount += offer.price_cents * quantity
        commission += offer.commission_cents * quantity
        pieces += quantity
        items.append(
            {
                "id": order_id * LINES_PER_ORDER_ID + n,
                "order_id": order_id,
                "product_id": offer.product_id,
                "sku_id": offer.sku_id,
                "title": offer.title,
                "category": offer.category,
                "quantity": quantity,
                "unit_price_cents": offer.price_cents,
                "commission_cents": offer.commission_cents * quantity,
            }
        )
    first = lines[0][0]
    day = datetime.fromtimestamp(placed + CHINA_OFFSET, tz=UTC)
    order = {
        "id": order_id,
        "order_no": order_number(f"{day:%Y%m%d}", shop_id, order_id),
        "customer_id": customer_id,
        "store_manager_id": store,
        "placed_at": placed,
        "paid_at": None,
        "status": "pending_payment",
        "amount_cents": amount,
        "commission_cents": commission,
        "item_count": pieces,
        "items_summary": f"{first.short} 等{pieces}件" if pieces > 1 else first.short,
        "category": first.category,
        "completed_at": None,
    }
    return order, items


def settle_pending(
    conn: Connection, shop_id: int, now: int, *, chance: float, rng: random.Random, pace: Pace
) -> list[Row]:
    """Pay or cancel some of the orders waiting for payment; returns the ones paid now."""
    # Found through the status index first: a shop has few orders waiting among millions.
    waiting_ids = list(
        conn.scalars(
            select(Order.id).where(
                Order.shop_id == shop_id,
                Order.status == "pending_payment",
                Order.placed_at < now,
            )
        )
    )
    if not waiting_ids:
        return []
    waiting = load_rows(conn, "order", shop_id, Order.id.in_(waiting_ids))
    settled: list[Row] = []
    paid: list[Row] = []
    for order in waiting:
        if rng.random() >= chance:
            continue
        if rng.random() < pace.cancel_share:
            order["status"] = "cancelled"
        else:
            order.update(status="paid", paid_at=now)
            paid.append(order)
        settled.append(order)
    save_rows(conn, "order", settled, shop_id)
    bind_first_payments(conn, shop_id, paid)
    return paid


def bind_first_payments(conn: Connection, shop_id: int, paid: list[Row]) -> None:
    """A customer's first paid order binds them to its store, with a ledger entry; someone
    already bound (allocated, transferred in) keeps their store."""
    by_customer: dict[int, Row] = {}
    for order in sorted(paid, key=lambda o: (o["paid_at"], o["id"])):
        by_customer.setdefault(order["customer_id"], order)
    if not by_customer:
        return
    customers = load_rows(
        conn,
        "customer",
        shop_id,
        Customer.id.in_(list(by_customer)),
        Customer.status == "active",
        Customer.first_order_at.is_(None),
    )
    if not customers:
        return
    unbound = [c for c in customers if c["bound_via"] in ("own", "manager")]
    entry_ids = iter(new_ids(conn, "customer_binding", len(unbound), shop_id))
    ledger: list[Row] = []
    for customer in customers:
        order = by_customer[customer["id"]]
        customer["first_order_at"] = order["paid_at"]
        if customer["bound_via"] not in ("own", "manager"):
            continue
        store = order["store_manager_id"]
        customer.update(
            store_manager_id=store,
            bound_at=order["paid_at"],
            bound_via="manager" if store else "own",
        )
        ledger.append(
            binding_entry(
                next(entry_ids),
                customer["id"],
                order["paid_at"],
                event="first_order",
                via=customer["bound_via"],
                to_manager=store,
            )
        )
    save_rows(conn, "customer", customers, shop_id)
    save_rows(conn, "customer_binding", ledger, shop_id)


def move_parcels(conn: Connection, shop_id: int, now: int, pace: Pace) -> int:
    """Paid orders ship after a day, and shipped ones are completed a few days later."""
    moved: list[dict[str, Any]] = []
    for status, after, becomes in (
        ("shipped", pace.complete_after, "completed"),
        ("paid", pace.ship_after, "shipped"),
    ):
        stmt = (
            select(Order.id)
            .where(
                Order.shop_id == shop_id,
                Order.status == status,
                Order.paid_at <= now - after,
            )
            .order_by(Order.paid_at, Order.id)
            .limit(_BATCH)
        )
        ids = list(conn.scalars(stmt))
        if ids:
            rows = load_rows(conn, "order", shop_id, Order.id.in_(ids))
            for row in rows:
                row["status"] = becomes
                if becomes == "completed":
                    row["completed_at"] = now
            moved.extend(rows)
    save_rows(conn, "order", moved, shop_id)
    return len(moved)
