"""Simulated money: the weekly settlement runs, withdrawals paid out or refused, and completed
orders refunded, some still in their after-sales window and some after a statement paid them."""

from __future__ import annotations

import random

from sqlalchemy import Connection, exists, func, select

from server.db.money import StatementLine
from server.db.orders import Order
from server.rows import Row, load_rows, save_rows
from server.settlement import statements, withdrawals
from server.simulation.pace import DAY, Pace

# Late refunds come within this long of completion.
_LATE_REFUND_DAYS = 60


def settle(conn: Connection, shop_id: int, now: int) -> int:
    return len(statements.settle_due(conn, shop_id, now))


def pay_out(
    conn: Connection, shop_id: int, now: int, *, chance: float, rng: random.Random, pace: Pace
) -> int:
    decided = withdrawals.decide_waiting(
        conn, shop_id, now, chance=chance, refuse_share=pace.payout_refused_share, rng=rng
    )
    return len(decided)


def refund(conn: Connection, shop_id: int, now: int, *, settled: bool, count: int) -> list[Row]:
    """Refund ``count`` completed orders, picked at random among those settled already (or
    among those still in their after-sales window)."""
    if count <= 0:
        return []
    terms = statements.terms_of(conn, shop_id)
    paid = exists().where(
        StatementLine.shop_id == shop_id,
        StatementLine.order_id == Order.id,
        StatementLine.kind == "commission",
    )
    since = now - (_LATE_REFUND_DAYS * DAY if settled else terms.after_sales_days * DAY)
    chosen = list(
        conn.scalars(
            select(Order.id)
            .where(
                Order.shop_id == shop_id,
                Order.status == "completed",
                Order.completed_at >= since,
                Order.completed_at <= now,
                paid if settled else ~paid,
            )
            .order_by(func.random())
            .limit(count)
        )
    )
    if not chosen:
        return []
    orders = load_rows(conn, "order", shop_id, Order.id.in_(chosen))
    for order in orders:
        order["status"] = "refunded"
    save_rows(conn, "order", orders, shop_id)
    return orders
