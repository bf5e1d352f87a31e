"""What the platform's own rows say of a shop's money, read with plain SQL from its database
file: the answers the desktop's reconciliation and balance must give."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from dataclasses import dataclass
from pathlib import Path

from models import wire

DAY = 86_400
EARNING = wire.PAID_ORDER_STATUSES


@dataclass(frozen=True)
class Verdict:
    reason: str
    expected_cents: int
    paid_cents: int


def _rate_at(conn: sqlite3.Connection, shop_id: int, manager: int, moment: int) -> int:
    found = conn.execute(
        "SELECT s.share_rate_bp FROM task_progress p JOIN task_stage s ON s.id = p.stage_id "
        "WHERE p.shop_id = ? AND p.store_manager_id = ? AND p.started_at <= ? "
        "ORDER BY p.started_at DESC, p.id DESC LIMIT 1",
        (shop_id, manager, moment),
    ).fetchone()
    if found is None:
        found = conn.execute(
            "SELECT share_rate_bp FROM task_stage ORDER BY position LIMIT 1"
        ).fetchone()
    return int(found[0])


def verdicts(db: Path | str, shop_id: int) -> dict[str, Verdict]:
    """Order no. -> why its money differs, for every order whose money differs."""
    with sqlite3.connect(db) as conn:
        window = conn.execute(
            "SELECT after_sales_days FROM settlement_terms WHERE shop_id = ?", (shop_id,)
        ).fetchone()
        after_sales = int(window[0]) if window else wire.DEFAULT_AFTER_SALES_DAYS
        covered = conn.execute(
            "SELECT max(period_end) FROM statement WHERE shop_id = ?", (shop_id,)
        ).fetchone()[0]
        lines: dict[int, list[tuple[str, int]]] = defaultdict(list)
        for order_id, kind, amount in conn.execute(
            "SELECT order_id, kind, amount_cents FROM statement_line "
            "WHERE shop_id = ? AND order_id IS NOT NULL",
            (shop_id,),
        ):
            lines[order_id].append((kind, amount))
        found: dict[str, Verdict] = {}
        for row in conn.execute(
            "SELECT id, order_no, status, commission_cents, store_manager_id, paid_at, placed_at, "
            'completed_at FROM "order" WHERE shop_id = ?',
            (shop_id,),
        ).fetchall():
            order_id, order_no, status, commission, manager, paid_at, placed_at, completed = row
            earns = status in EARNING
            share = 0
            if manager is not None:
                rate = _rate_at(conn, shop_id, manager, paid_at or placed_at)
                share = wire.manager_share_cents(commission, rate)
            expected = commission - share if earns else 0
            paid_lines = lines.get(order_id, [])
            paid = sum(amount for _, amount in paid_lines)
            if paid == expected:
                continue
            commissions = sum(1 for kind, _ in paid_lines if kind == "commission")
            share_paid = -sum(a for kind, a in paid_lines if kind == "manager_share")
            if earns and commissions == 0:
                settleable = None if completed is None else completed + after_sales * DAY
                overdue = settleable is not None and covered is not None and settleable < covered
                reason = "missing_from_statement" if overdue else "not_yet_settleable"
            elif commissions > 1:
                reason = "paid_twice"
            elif status == "refunded" and paid > 0:
                reason = "refunded_after_settlement"
            elif manager is not None and earns and share_paid != share:
                reason = "share_rate_differs"
            else:
                reason = "amount_differs"
            found[order_no] = Verdict(reason, expected, paid)
    return found


@dataclass(frozen=True)
class Money:
    settled_cents: int
    withdrawn_cents: int
    requested_cents: int


def money(db: Path | str, shop_id: int) -> Money:
    with sqlite3.connect(db) as conn:
        settled = conn.execute(
            "SELECT coalesce(sum(total_cents), 0) FROM statement WHERE shop_id = ?", (shop_id,)
        ).fetchone()[0]
        by_status = dict(
            conn.execute(
                "SELECT status, sum(amount_cents) FROM withdrawal WHERE shop_id = ? "
                "GROUP BY status",
                (shop_id,),
            ).fetchall()
        )
    return Money(int(settled), int(by_status.get("paid", 0)), int(by_status.get("requested", 0)))


def income_by_month(db: Path | str, shop_id: int, offset: int) -> dict[str, tuple[int, int]]:
    """Local month of settlement -> (the owner's share, the managers' shares)."""
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT strftime('%Y-%m', settled_at + ?, 'unixepoch'), sum(l.amount_cents), "
            "-sum(CASE WHEN l.kind = 'manager_share' THEN l.amount_cents ELSE 0 END) "
            "FROM statement s LEFT JOIN statement_line l "
            "ON l.shop_id = s.shop_id AND l.statement_id = s.id WHERE s.shop_id = ? GROUP BY 1",
            (offset, shop_id),
        ).fetchall()
    return {month: (int(owner or 0), int(managers or 0)) for month, owner, managers in rows}
