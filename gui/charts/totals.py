"""The range's totals in words, beside the period before and the same dates a year before."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.charts.labels import ChartWords, change_text
from gui.formatting import fill, money
from models.services.sales_charts import DaySpan
from models.services.sales_totals import RangeTotals, Totals


def _span(span: DaySpan) -> str:
    return fill(
        QCoreApplication.translate("charts", "%1 – %2"),
        span.first.isoformat(),
        span.last.isoformat(),
    )


def _against(label: str, now: Totals, before: Totals, span: DaySpan) -> str:
    if not before.orders:
        return fill(QCoreApplication.translate("charts", "%1 (%2): no sales"), label, _span(span))
    return fill(
        QCoreApplication.translate("charts", "%1 (%2): %3, sales %4, orders %5"),
        label,
        _span(span),
        money(before.amount_cents),
        change_text(now.amount_cents, before.amount_cents),
        change_text(now.orders, before.orders),
    )


def totals_text(totals: RangeTotals) -> str:
    """Sales ¥… · … orders · commission ¥…  —  against the period before and a year before."""
    now = totals.current
    head = fill(
        QCoreApplication.translate("charts", "%1 – %2: sales %3 · %4 · commission %5"),
        totals.first.isoformat(),
        totals.last.isoformat(),
        money(now.amount_cents),
        ChartWords().orders(now.orders),
        money(now.commission_cents),
    )
    previous = _against(
        QCoreApplication.translate("charts", "Period before"),
        now,
        totals.previous,
        totals.previous_span,
    )
    earlier = _against(
        QCoreApplication.translate("charts", "A year before"),
        now,
        totals.year_before,
        totals.year_span,
    )
    return f"{head}\n{previous}   ·   {earlier}"
