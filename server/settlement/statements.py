"""The weekly settlement run: one statement per period, with every order whose after-sales
window closed by the period's end, and a claw-back for every paid order refunded since.

A run catches up period by period after a pause, so a statement is never skipped; a period
with nothing to pay still gets its (empty) statement, which tells the desktop that the week was
settled.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from typing import Final

from sqlalchemy import Connection, Exists, exists, func, select

from server.db.catalogue import TaskStage
from server.db.money import SettlementTerms, Statement, StatementLine
from server.db.orders import Order
from server.db.shops import Shop, TaskProgress
from server.rows import Row, load_rows, new_ids, save_rows
from server.settlement.rules import RUN_DELAY, StageRates, Terms, owner_lines

log = logging.getLogger(__name__)

# Orders completed this many periods before a run's window are looked at again: one missed
# by a run that never happened is still paid by the next.
LOOKBACK_PERIODS: Final = 4
# At most this many weeks are settled in one go after a long pause.
MOST_RUNS: Final = 60


def terms_of(conn: Connection, shop_id: int) -> Terms:
    found = load_rows(conn, "settlement_terms", shop_id, SettlementTerms.id == shop_id)
    return Terms.of(found[0] if found else None)


def settle_due(conn: Connection, shop_id: int, now: int) -> list[Row]:
    """Run every weekly settlement of the shop that is due by ``now``; returns the statements."""
    terms = terms_of(conn, shop_id)
    last_end = conn.scalar(
        select(func.max(Statement.period_end)).where(Statement.shop_id == shop_id)
    )
    if last_end is None:
        created = conn.scalar(
            select(Shop.created_at).where(Shop.shop_id == shop_id, Shop.id == shop_id)
        )
        if created is None:
            return []
        last_end = terms.period_end_after(created) - terms.period
    made: list[Row] = []
    end = int(last_end) + terms.period
    while end + RUN_DELAY <= now and len(made) < MOST_RUNS:
        made.append(settle_period(conn, shop_id, end, now, terms))
        end += terms.period
    return made


def settle_period(conn: Connection, shop_id: int, end: int, now: int, terms: Terms) -> Row:
    """The statement of the period ending at ``end``, written with its lines."""
    start = end - terms.period
    cutoff = end - terms.after_sales_days * 86_400
    lines = _commission_lines(conn, shop_id, start, cutoff, terms) + _clawbacks(conn, shop_id)
    (statement_id,) = new_ids(conn, "statement", 1, shop_id)
    line_ids = new_ids(conn, "statement_line", len(lines), shop_id)
    totals: dict[str, int] = defaultdict(int)
    for line_id, line in zip(line_ids, lines, strict=True):
        line["id"] = line_id
        line["statement_id"] = statement_id
        totals[line["kind"]] += line["amount_cents"]
    statement = {
        "id": statement_id,
        "period_start": start,
        "period_end": end,
        "settled_at": now,
        "commission_cents": totals["commission"],
        "manager_share_cents": totals["manager_share"],
        "clawback_cents": totals["clawback"],
        "adjustment_cents": totals["adjustment"],
        "total_cents": sum(totals.values()),
        "line_count": len(lines),
    }
    save_rows(conn, "statement", [statement], shop_id)
    save_rows(conn, "statement_line", lines, shop_id)
    log.info(
        "shop %d: statement %d for the week to %d, %d lines, %d cents",
        shop_id,
        statement_id,
        end,
        len(lines),
        statement["total_cents"],
    )
    return statement


def _unpaid(shop_id: int, kind: str) -> Exists:
    return exists().where(
        StatementLine.shop_id == shop_id,
        StatementLine.order_id == Order.id,
        StatementLine.kind == kind,
    )


def _commission_lines(
    conn: Connection, shop_id: int, start: int, cutoff: int, terms: Terms
) -> list[Row]:
    since = start - terms.after_sales_days * 86_400 - LOOKBACK_PERIODS * terms.period
    due = conn.execute(
        select(Order.id, Order.order_no, Order.store_manager_id, Order.paid_at, Order.placed_at)
        .add_columns(Order.commission_cents)
        .where(
            Order.shop_id == shop_id,
            Order.status == "completed",
            Order.completed_at >= since,
            Order.completed_at < cutoff,
            ~_unpaid(shop_id, "commission"),
        )
        .order_by(Order.completed_at, Order.id)
    ).all()
    if not due:
        return []
    managers = {o.store_manager_id for o in due if o.store_manager_id is not None}
    rates = _rates(conn, shop_id, managers)
    lines: list[Row] = []
    for order in due:
        manager = order.store_manager_id
        paid = order.paid_at if order.paid_at is not None else order.placed_at
        rate = rates.rate(manager, paid) if manager is not None else 0
        for kind, amount, rate_bp in owner_lines(order.commission_cents, manager, rate):
            lines.append(_line(order.id, order.order_no, manager, kind, amount, rate_bp=rate_bp))
    return lines


def _clawbacks(conn: Connection, shop_id: int) -> list[Row]:
    """One negative line per refunded order that a statement paid and none took back yet: the
    net of what was paid for it."""
    refunded = select(Order.id).where(
        Order.shop_id == shop_id,
        Order.status == "refunded",
        Order.completed_at.is_not(None),
        _unpaid(shop_id, "commission"),
        ~_unpaid(shop_id, "clawback"),
    )
    paid = conn.execute(
        select(
            StatementLine.order_id,
            StatementLine.order_no,
            func.max(StatementLine.store_manager_id),
            func.sum(StatementLine.amount_cents),
        )
        .where(StatementLine.shop_id == shop_id, StatementLine.order_id.in_(refunded))
        .group_by(StatementLine.order_id, StatementLine.order_no)
        .order_by(StatementLine.order_id)
    ).all()
    return [
        _line(order_id, order_no, manager, "clawback", -int(net), note="售后退款追回佣金")
        for order_id, order_no, manager, net in paid
        if net
    ]


def _rates(conn: Connection, shop_id: int, managers: set[int]) -> StageRates:
    columns = (TaskStage.id, TaskStage.position, TaskStage.share_rate_bp)
    stages = [dict(r._mapping) for r in conn.execute(select(*columns))]
    progress = load_rows(
        conn, "task_progress", shop_id, TaskProgress.store_manager_id.in_(sorted(managers))
    )
    return StageRates(stages, progress)


def _line(
    order_id: int | None,
    order_no: str,
    manager_id: int | None,
    kind: str,
    amount: int,
    *,
    rate_bp: int | None = None,
    note: str = "",
) -> Row:
    return {
        "id": 0,
        "statement_id": 0,
        "order_id": order_id,
        "order_no": order_no,
        "store_manager_id": manager_id,
        "kind": kind,
        "amount_cents": amount,
        "share_rate_bp": rate_bp,
        "note": note,
    }
