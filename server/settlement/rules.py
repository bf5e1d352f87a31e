"""The rules of a shop's money, as the platform applies them, free of any database.

An order's commission is pending from payment and becomes settleable ``after_sales_days`` after
completion; the statement of the period in which that moment falls pays it. In a manager's
sub-store the manager's share goes at the rate of the stage she was on when the order was paid
(the latest stage she had started by then; her first stage before any), and the owner keeps
the rest.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import Any, Final

from models import wire

DAY: Final = 86_400
PERIOD_DAYS: Final = wire.DEFAULT_PERIOD_DAYS
PERIOD_ANCHOR: Final = wire.DEFAULT_PERIOD_ANCHOR
# The weekly run starts this long after its period ended.
RUN_DELAY: Final = 2 * 3600


@dataclass(frozen=True)
class Terms:
    after_sales_days: int = wire.DEFAULT_AFTER_SALES_DAYS
    min_withdrawal_cents: int = wire.DEFAULT_MIN_WITHDRAWAL_CENTS
    period_days: int = PERIOD_DAYS
    period_anchor: int = PERIOD_ANCHOR

    @classmethod
    def of(cls, row: Mapping[str, Any] | None) -> Terms:
        if row is None:
            return cls()
        return cls(
            after_sales_days=row["after_sales_days"],
            min_withdrawal_cents=row["min_withdrawal_cents"],
            period_days=row["period_days"],
            period_anchor=row["period_anchor"],
        )

    def row(self, shop_id: int) -> dict[str, Any]:
        return {
            "id": shop_id,
            "after_sales_days": self.after_sales_days,
            "min_withdrawal_cents": self.min_withdrawal_cents,
            "period_days": self.period_days,
            "period_anchor": self.period_anchor,
        }

    @property
    def period(self) -> int:
        return self.period_days * DAY

    def settleable_at(self, completed_at: int) -> int:
        return completed_at + self.after_sales_days * DAY

    def period_end_after(self, moment: int) -> int:
        """The end of the period holding ``moment``: the first boundary after it."""
        return self.period_anchor + ((moment - self.period_anchor) // self.period + 1) * self.period

    def due_end(self, completed_at: int) -> int:
        """The end of the period whose statement pays an order completed at ``completed_at``."""
        return self.period_end_after(self.settleable_at(completed_at))


class StageRates:
    """The share rate of a manager's stage at any moment, read from her task path."""

    def __init__(self, stages: Iterable[Mapping[str, Any]], progress: Iterable[Mapping[str, Any]]):
        ordered = sorted(stages, key=lambda s: s["position"])
        self._rate = {s["id"]: int(s["share_rate_bp"]) for s in ordered}
        self.first_rate = int(ordered[0]["share_rate_bp"]) if ordered else 0
        paths: dict[int, list[tuple[int, int, int]]] = {}
        for p in progress:
            paths.setdefault(p["store_manager_id"], []).append(
                (p["started_at"], p["id"], p["stage_id"])
            )
        self._starts: dict[int, list[tuple[int, int]]] = {}
        self._stages: dict[int, list[int]] = {}
        for manager, steps in paths.items():
            steps.sort()
            self._starts[manager] = [(started, row_id) for started, row_id, _ in steps]
            self._stages[manager] = [stage for _, _, stage in steps]

    def stage_at(self, manager_id: int, moment: int) -> int | None:
        starts = self._starts.get(manager_id)
        if not starts:
            return None
        found = bisect_right(starts, (moment, 2**63)) - 1
        return self._stages[manager_id][found] if found >= 0 else None

    def rate(self, manager_id: int, moment: int) -> int:
        stage = self.stage_at(manager_id, moment)
        return self.first_rate if stage is None else self._rate.get(stage, self.first_rate)


def owner_lines(
    commission_cents: int, manager_id: int | None, rate_bp: int
) -> list[tuple[str, int, int | None]]:
    """(kind, amount, rate) of the lines that pay one order: its commission, less a manager's
    share in a sub-store."""
    lines: list[tuple[str, int, int | None]] = [("commission", commission_cents, None)]
    if manager_id is not None:
        share = wire.manager_share_cents(commission_cents, rate_bp)
        lines.append(("manager_share", -share, rate_bp))
    return lines


def yuan(cents: int) -> str:
    """Money as a reason sentence names it: ¥1,234.56."""
    sign = "-" if cents < 0 else ""
    whole, fen = divmod(abs(cents), 100)
    return f"{sign}¥{whole:,}.{fen:02d}"
