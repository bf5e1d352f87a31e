"""Two years of a demo shop's money: a statement every week with its lines, a few withdrawals,
and three mistakes of the platform's for the owner's reconciliation to find.

The statements follow the platform's rules (``server.settlement.rules``) except where the
story says otherwise: one order is paid twice, one is missing from its statement, and one
manager's share was taken at the rate of a stage she had not reached. Lines are made chunk by
chunk as the orders are built; the statements, their totals and the withdrawals at the end.
"""

from __future__ import annotations

import random
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Final

from server.seed.calendar import DAY
from server.seed.ids import Ids
from server.seed.lines import OrderMoney
from server.seed.people import ShopPlan
from server.settlement.rules import RUN_DELAY, StageRates, Terms, owner_lines
from server.settlement.withdrawals import PAYOUT_REFUSALS

Row = dict[str, Any]
FLAWS: Final = ("paid_twice", "missing", "share_rate_differs")
# The story's mistakes fall in statements this many weeks back.
FLAW_WEEKS: Final = (6, 30)
CLAWBACK_NOTE: Final = "售后退款追回佣金"
TWICE_NOTE: Final = "补结算"
ADJUSTMENTS: Final = (
    ("平台活动奖励", 5_000, 30_000),
    ("物流异常补贴", 2_000, 8_000),
    ("违规推广扣款", -5_000, -1_000),
)
WITHDRAWAL_GAP_WEEKS: Final = (6, 11)
SMALLEST_WITHDRAWAL: Final = 100_000


@dataclass
class _Week:
    end: int
    totals: dict[str, int] = field(default_factory=lambda: defaultdict(int))
    lines: int = 0


class ShopMoney:
    """The money of one demo shop, settled up to ``now`` (no run, payment or request later)."""

    def __init__(
        self,
        seed: int,
        number: int,
        plan: ShopPlan,
        *,
        ids: Ids,
        stages: Sequence[Row],
        now: int,
        terms: Terms | None = None,
    ) -> None:
        self.shop_id = int(plan.shop["id"])
        self.terms = terms or Terms()
        self.now = now
        self._ids = ids
        self._rng = random.Random(f"{seed}/money/{number}")
        self._stages = stages
        # Until follow_paths: only orders of the owner's own store, which take no rate.
        self._rates = StageRates(stages, ())
        self._stage_rates = sorted({int(s["share_rate_bp"]) for s in stages})
        end = self.terms.period_end_after(int(plan.shop["created_at"]))
        self.weeks: list[_Week] = []
        while end + RUN_DELAY <= now:
            self.weeks.append(_Week(end))
            end += self.terms.period
        self._first_id = ids.take("statement", len(self.weeks)) if self.weeks else 0
        self.flawed: dict[str, int] = {}
        self._flaw_week = {flaw: len(self.weeks) - self._rng.randint(*FLAW_WEEKS) for flaw in FLAWS}

    def follow_paths(self, progress: Iterable[Row]) -> None:
        """The managers' stages, for the share rates of their sub-stores' lines."""
        self._rates = StageRates(self._stages, progress)

    # --- lines, as the orders are built --------------------------------------------------

    def lines_for(self, orders: Iterable[OrderMoney]) -> list[Row]:
        lines: list[Row] = []
        for order in orders:
            if order.completed_at is None or order.paid_at is None:
                continue
            if order.status != "completed" and order.late_refund_days is None:
                continue  # refunded before its statement: nothing is paid
            week = self._week_of(self.terms.due_end(order.completed_at))
            if week is None:
                continue  # its week is not over yet
            flaw = self._flaw(order, week)
            if flaw == "missing":
                continue
            rate = 0
            if order.manager_id is not None:
                rate = self._rates.rate(order.manager_id, order.paid_at)
                if flaw == "share_rate_differs":
                    rate = self._wrong_rate(rate)
            paid = owner_lines(order.commission_cents, order.manager_id, rate)
            for kind, amount, rate_bp in paid:
                lines.append(self._line(week, order, kind, amount, rate_bp=rate_bp))
            if flaw == "paid_twice" and week + 1 < len(self.weeks):
                for kind, amount, rate_bp in paid:
                    lines.append(
                        self._line(week + 1, order, kind, amount, rate_bp=rate_bp, note=TWICE_NOTE)
                    )
            if order.late_refund_days is not None:
                refunded = self.weeks[week].end + RUN_DELAY + order.late_refund_days * DAY
                back = self._week_of(self.terms.period_end_after(refunded))
                if back is not None:
                    net = sum(amount for _, amount, _ in paid)
                    lines.append(self._line(back, order, "clawback", -net, note=CLAWBACK_NOTE))
        return self._numbered(lines)

    def _week_of(self, end: int) -> int | None:
        if not self.weeks:
            return None
        index = (end - self.weeks[0].end) // self.terms.period
        return index if 0 <= index < len(self.weeks) else None

    def _flaw(self, order: OrderMoney, week: int) -> str | None:
        if order.status != "completed":
            return None
        for flaw in FLAWS:
            # From its week on: a small shop may have no order of the right kind that week.
            if flaw in self.flawed or week < self._flaw_week[flaw]:
                continue
            in_sub_store = order.manager_id is not None
            if (flaw == "share_rate_differs") != in_sub_store:
                continue
            self.flawed[flaw] = order.order_id
            return flaw
        return None

    def _wrong_rate(self, rate: int) -> int:
        higher = [r for r in self._stage_rates if r > rate]
        return higher[0] if higher else rate + 500

    def _line(
        self,
        week: int,
        order: OrderMoney | None,
        kind: str,
        amount: int,
        *,
        rate_bp: int | None = None,
        note: str = "",
    ) -> Row:
        totals = self.weeks[week]
        totals.totals[kind] += amount
        totals.lines += 1
        return {
            "id": 0,
            "statement_id": self._first_id + week,
            "order_id": order.order_id if order else None,
            "order_no": order.order_no if order else "",
            "store_manager_id": order.manager_id if order else None,
            "kind": kind,
            "amount_cents": amount,
            "share_rate_bp": rate_bp,
            "note": note,
        }

    def _numbered(self, lines: list[Row]) -> list[Row]:
        if lines:
            first = self._ids.take("statement_line", len(lines))
            for offset, line in enumerate(lines):
                line["id"] = first + offset
        return lines

    # --- the end: adjustments, statements, withdrawals ----------------------------------

    def finish(self) -> dict[str, list[Row]]:
        adjustments = self._adjustments()
        statements = [self._statement(n, week) for n, week in enumerate(self.weeks)]
        return {
            "settlement_terms": [self.terms.row(self.shop_id)],
            "statement_line": adjustments,
            "statement": statements,
            "withdrawal": self._withdrawals(statements),
        }

    def _adjustments(self) -> list[Row]:
        lines: list[Row] = []
        week = self._rng.randint(2, 9)
        while week < len(self.weeks):
            note, low, high = self._rng.choice(ADJUSTMENTS)
            amount = self._rng.randint(low // 100, high // 100) * 100
            lines.append(self._line(week, None, "adjustment", amount, note=note))
            week += self._rng.randint(6, 14)
        return self._numbered(lines)

    def _statement(self, n: int, week: _Week) -> Row:
        totals = week.totals
        return {
            "id": self._first_id + n,
            "period_start": week.end - self.terms.period,
            "period_end": week.end,
            "settled_at": week.end + RUN_DELAY,
            "commission_cents": totals["commission"],
            "manager_share_cents": totals["manager_share"],
            "clawback_cents": totals["clawback"],
            "adjustment_cents": totals["adjustment"],
            "total_cents": sum(totals.values()),
            "line_count": week.lines,
        }

    def _withdrawals(self, statements: list[Row]) -> list[Row]:
        """Every couple of months the owner took most of her balance out; one request was
        refused, and the newest is still being paid out."""
        rng = self._rng
        made: list[Row] = []
        balance = 0
        wait = rng.randint(*WITHDRAWAL_GAP_WEEKS)
        refused_at = len(statements) // 2
        for n, statement in enumerate(statements):
            balance += statement["total_cents"]
            wait -= 1
            if wait > 0 or balance < SMALLEST_WITHDRAWAL or n + 1 == len(statements):
                continue
            wait = rng.randint(*WITHDRAWAL_GAP_WEEKS)
            asked = statement["settled_at"] + rng.randrange(3600, 3 * DAY)
            amount = int(balance * rng.uniform(0.6, 0.95)) // 10_000 * 10_000
            refused = n >= refused_at and not any(w["status"] == "refused" for w in made)
            made.append(
                self._withdrawal(amount, asked, asked + rng.randrange(3 * 3600, 2 * DAY), refused)
            )
            if not refused:
                balance -= amount
        if statements and balance >= SMALLEST_WITHDRAWAL:
            asked = max(statements[-1]["settled_at"] + 3600, self.now - rng.randrange(3, 20) * 3600)
            amount = balance // 2 // 10_000 * 10_000
            made.append(self._withdrawal(amount, min(asked, self.now - 60), None, False))
        first = self._ids.take("withdrawal", len(made)) if made else 0
        for offset, withdrawal in enumerate(made):
            withdrawal["id"] = first + offset
        return made

    def _withdrawal(self, amount: int, asked: int, decided: int | None, refused: bool) -> Row:
        status = "requested" if decided is None else "refused" if refused else "paid"
        return {
            "id": 0,
            "request_id": None,
            "amount_cents": amount,
            "requested_at": asked,
            "status": status,
            "decided_at": decided,
            "reason": PAYOUT_REFUSALS[0] if status == "refused" else "",
        }
