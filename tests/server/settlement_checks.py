"""The platform's money as direct SQL over its own rows sees it, for tests to hold the
settlement to the rules with."""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import Connection, text

from models import wire

DAY = 86_400
_RATE_AT = text(
    """
    SELECT s.share_rate_bp FROM task_progress p JOIN task_stage s ON s.id = p.stage_id
    WHERE p.shop_id = :shop AND p.store_manager_id = :manager AND p.started_at <= :moment
    ORDER BY p.started_at DESC, p.id DESC LIMIT 1
    """
)


@dataclass
class OrderMoney:
    id: int
    status: str
    commission: int
    manager: int | None
    paid_at: int | None
    completed_at: int | None
    lines: list[tuple[str, int, int | None]] = field(default_factory=list)

    def count(self, kind: str) -> int:
        return sum(1 for k, _, _ in self.lines if k == kind)

    @property
    def net(self) -> int:
        return sum(amount for _, amount, _ in self.lines)


def orders_and_lines(conn: Connection, shop_id: int) -> dict[int, OrderMoney]:
    orders = {
        r.id: OrderMoney(
            r.id, r.status, r.commission_cents, r.store_manager_id, r.paid_at, r.completed_at
        )
        for r in conn.execute(
            text(
                "SELECT id, status, commission_cents, store_manager_id, paid_at, completed_at "
                'FROM "order" WHERE shop_id = :shop'
            ),
            {"shop": shop_id},
        )
    }
    for r in conn.execute(
        text(
            "SELECT order_id, kind, amount_cents, share_rate_bp FROM statement_line "
            "WHERE shop_id = :shop AND order_id IS NOT NULL ORDER BY id"
        ),
        {"shop": shop_id},
    ):
        orders[r.order_id].lines.append((r.kind, r.amount_cents, r.share_rate_bp))
    return orders


def rate_at(conn: Connection, shop_id: int, manager: int, moment: int) -> int:
    rate = conn.scalar(_RATE_AT, {"shop": shop_id, "manager": manager, "moment": moment})
    if rate is None:
        rate = conn.scalar(text("SELECT share_rate_bp FROM task_stage ORDER BY position LIMIT 1"))
    return int(rate)


def owed(conn: Connection, shop_id: int, order: OrderMoney) -> int:
    """The owner's share of an order by the rules (paid or not)."""
    share = 0
    if order.manager is not None:
        moment = order.paid_at if order.paid_at is not None else 0
        share = wire.manager_share_cents(
            order.commission, rate_at(conn, shop_id, order.manager, moment)
        )
    return order.commission - share


def settled_until(conn: Connection, shop_id: int) -> int:
    return int(
        conn.scalar(
            text("SELECT coalesce(max(period_end), 0) FROM statement WHERE shop_id = :shop"),
            {"shop": shop_id},
        )
    )


def terms(conn: Connection, shop_id: int) -> tuple[int, int, int]:
    """(after-sales days, period days, period anchor) of a shop, as the platform has them."""
    row = conn.execute(
        text(
            "SELECT after_sales_days, period_days, period_anchor FROM settlement_terms "
            "WHERE shop_id = :shop"
        ),
        {"shop": shop_id},
    ).first()
    if row is None:
        return wire.DEFAULT_AFTER_SALES_DAYS, wire.DEFAULT_PERIOD_DAYS, wire.DEFAULT_PERIOD_ANCHOR
    return int(row[0]), int(row[1]), int(row[2])


def breaches(conn: Connection, shop_id: int) -> dict[int, str]:
    """Every order whose statements break the rules, with what they did wrong."""
    window, period_days, anchor = terms(conn, shop_id)
    period = period_days * DAY
    until = settled_until(conn, shop_id)
    found: dict[int, str] = {}
    for order in orders_and_lines(conn, shop_id).values():
        commissions = order.count("commission")
        clawbacks = order.count("clawback")
        due = False
        if order.completed_at is not None:
            settleable = order.completed_at + window * DAY
            due_end = anchor + ((settleable - anchor) // period + 1) * period
            due = due_end <= until
        if commissions > 1:
            found[order.id] = "paid twice"
        elif clawbacks > 1:
            found[order.id] = "clawed back twice"
        elif order.status == "completed" and due and commissions == 0:
            found[order.id] = "missing"
        elif order.status == "completed" and not due and order.lines:
            found[order.id] = "paid before its window closed"
        elif order.status in ("completed", "refunded") and commissions == 1:
            paid = (
                order.net
                if clawbacks == 0
                else order.net - sum(a for k, a, _ in order.lines if k == "clawback")
            )
            if paid != owed(conn, shop_id, order):
                found[order.id] = "share differs"
            elif clawbacks == 1 and order.net != 0:
                found[order.id] = "claw-back differs"
            elif clawbacks == 1 and order.status != "refunded":
                found[order.id] = "clawed back but not refunded"
        elif order.status not in ("completed", "refunded") and order.lines:
            found[order.id] = "paid though not completed"
    return found
