"""What each figure of the managers screen counts, in the owner's words: the tooltips of the
table's headers and cells and of the detail's lists.

A stage counts the payments of its window (after it began, up to its deadline, its
completion or now); the 8-week sales count every paid order placed in those weeks. The
tooltips say so beside each figure, so that the two never seem to disagree.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.formatting import count, fill, money, short_day, short_stamp, stamp
from models.services.managers import ManagerLine, SortColumn


def column_tips() -> dict[SortColumn, str]:
    """What each column of the table counts, for its header."""
    return {
        SortColumn.NAME: QCoreApplication.translate(
            "managers", "The store manager who sells for you through a sub-store of your shop."
        ),
        SortColumn.STAGE: QCoreApplication.translate(
            "managers", "The stage of the promotion path the manager is in now, of all the stages."
        ),
        SortColumn.SALES: QCoreApplication.translate(
            "managers",
            "Sales of the current stage: the paid orders of the manager's sub-store whose "
            "payment came after the stage began, up to its deadline, its completion or now, "
            "against the stage's target.",
        ),
        SortColumn.CUSTOMERS: QCoreApplication.translate(
            "managers",
            "Paying customers of the current stage: the different customers who paid in the "
            "sub-store in the same window, each counted once, against the stage's target.",
        ),
        SortColumn.DAYS_LEFT: QCoreApplication.translate(
            "managers", "Whole days until the deadline of the current stage."
        ),
        SortColumn.ASSESSMENT: QCoreApplication.translate(
            "managers",
            "The platform's assessment of the stage: the last stage must pass it before a "
            "release request.",
        ),
        SortColumn.FORECAST: QCoreApplication.translate(
            "managers",
            "When the current stage would be complete at the manager's pace since it began, "
            "and whether that is before its deadline.",
        ),
        SortColumn.TREND: QCoreApplication.translate(
            "managers",
            "Paid orders placed in the manager's sub-store in each of the last 8 weeks, the "
            "newest at the right, and their total: every week counts, whatever stage it fell in.",
        ),
    }


def stage_window(started: int, deadline: int, completed: int | None, now: int) -> str:
    """The span whose payments count for a stage, in words."""
    begun = short_stamp(started)
    if completed is not None and completed <= min(deadline, now):
        return fill(
            QCoreApplication.translate(
                "managers", "from %1, when the stage began, to its completion on %2"
            ),
            begun,
            short_stamp(completed),
        )
    if deadline < now:
        return fill(
            QCoreApplication.translate(
                "managers", "from %1, when the stage began, to its deadline on %2"
            ),
            begun,
            short_stamp(deadline),
        )
    return fill(
        QCoreApplication.translate("managers", "from %1, when the stage began, until now"), begun
    )


def _share(done: int, target: int) -> int:
    return 100 if target <= 0 else round(min(done / target, 1.0) * 100)


def sales_tip(sales: int, target: int, window: str) -> str:
    return fill(
        QCoreApplication.translate(
            "managers",
            "%1 of the %2 target (%3%)\n"
            "The paid orders of the sub-store whose payment came %4.\n"
            "Payments before the stage began counted for the stages before.",
        ),
        money(sales),
        money(target),
        _share(sales, target),
        window,
    )


def customers_tip(customers: int, target: int, window: str) -> str:
    return fill(
        QCoreApplication.translate(
            "managers",
            "%1 of the %2 target (%3%)\n"
            "The different customers who paid in the sub-store %4, each counted once.",
        ),
        count(customers),
        count(target),
        _share(customers, target),
        window,
    )


def cell_tip(line: ManagerLine, column: SortColumn, now: int) -> str:
    """What the figure in one cell of the table counts, with its own dates."""
    window = stage_window(line.started_at, line.deadline_at, line.completed_at, now)
    if column is SortColumn.NAME:
        return f"{line.name} {line.phone_masked} {line.city}".strip()
    if column is SortColumn.STAGE:
        return fill(
            QCoreApplication.translate("managers", "Stage %1 of %2 · %3\nBegan %4, deadline %5."),
            line.stage_position,
            line.stages_total,
            line.stage_name,
            stamp(line.started_at),
            stamp(line.deadline_at),
        )
    if column is SortColumn.SALES:
        return sales_tip(line.sales_cents, line.sales_target_cents, window)
    if column is SortColumn.CUSTOMERS:
        return customers_tip(line.customers, line.customers_target, window)
    if column is SortColumn.DAYS_LEFT:
        return fill(
            QCoreApplication.translate("managers", "Whole days until the stage's deadline on %1."),
            stamp(line.deadline_at),
        )
    if column is SortColumn.ASSESSMENT:
        return column_tips()[SortColumn.ASSESSMENT]
    if column is SortColumn.FORECAST:
        return _forecast_tip(line)
    return _trend_tip(line)


def _forecast_tip(line: ManagerLine) -> str:
    outlook, completes = line.outlook, line.forecast.completes_at
    deadline = stamp(line.deadline_at)
    if outlook == "released":
        return QCoreApplication.translate(
            "managers", "Released: the manager now runs a shop of their own."
        )
    if outlook == "complete":
        return QCoreApplication.translate("managers", "Both targets of the stage are met.")
    if outlook == "expired":
        return fill(
            QCoreApplication.translate(
                "managers", "The deadline %1 passed before both targets were met."
            ),
            deadline,
        )
    if outlook == "stalled":
        quiet = line.last_sale_at if line.last_sale_at is not None else line.started_at
        return fill(
            QCoreApplication.translate(
                "managers",
                "No paid order in the sub-store since %1: at this pace the stage is not met.",
            ),
            short_day(quiet),
        )
    if completes is None:
        return QCoreApplication.translate(
            "managers", "A target has had no payment yet in this stage, so the pace gives no date."
        )
    if outlook == "on_track":
        return fill(
            QCoreApplication.translate(
                "managers",
                "At the pace since the stage began, both targets are met on %1, "
                "before the deadline %2.",
            ),
            short_day(completes),
            deadline,
        )
    return fill(
        QCoreApplication.translate(
            "managers",
            "At the pace since the stage began, the targets are met only on %1, "
            "after the deadline %2.",
        ),
        short_day(completes),
        deadline,
    )


def _trend_tip(line: ManagerLine) -> str:
    weeks = " · ".join(f"¥{week // 100:,}" for week in line.trend)
    return fill(
        QCoreApplication.translate(
            "managers",
            "Paid orders placed in the sub-store in the 8 weeks since %1, week by week:\n"
            "%2\n"
            "Total %3. Every paid order of those weeks counts here, whatever stage it fell "
            "in; the stage's sales count only the payments since the stage began on %4.",
        ),
        short_day(line.trend_since),
        weeks,
        money(sum(line.trend)),
        short_day(line.started_at),
    )


def summary_tip() -> str:
    return QCoreApplication.translate(
        "managers",
        "Every store manager on the promotion path, and how many of them the forecast of "
        "their current stage finds on track, at risk, stalled or past the deadline.",
    )


def stage_history_tips() -> list[str]:
    """For the headers of the detail's stage history."""
    return [
        QCoreApplication.translate(
            "managers",
            "Each stage the manager began, in order; a stage not met in time begins again.",
        ),
        QCoreApplication.translate("managers", "From the moment the stage began to its deadline."),
        QCoreApplication.translate(
            "managers",
            "Completed (both targets met in the window), not met in time, or still running.",
        ),
        QCoreApplication.translate(
            "managers",
            "The paid orders of the sub-store whose payment came in the stage's window, "
            "against the target.",
        ),
        QCoreApplication.translate(
            "managers", "The different customers who paid in the sub-store in the stage's window."
        ),
        QCoreApplication.translate("managers", "The platform's assessment of the stage."),
    ]


def customers_tips() -> list[str]:
    """For the headers of the detail's customers of the sub-store."""
    return [
        QCoreApplication.translate(
            "managers", "Customers who belong to this sub-store: their first payment was there."
        ),
        QCoreApplication.translate("managers", "Phone numbers arrive masked."),
        QCoreApplication.translate(
            "managers",
            "Since the customer's first payment in the sub-store, or since they came in "
            "through it.",
        ),
        QCoreApplication.translate(
            "managers",
            "Their paid orders in this sub-store (paid, shipped or completed), at any time.",
        ),
        QCoreApplication.translate("managers", "What those paid orders came to."),
    ]


def bound_since_tip(bound_at: int) -> str:
    return fill(
        QCoreApplication.translate("managers", "In this sub-store since %1."), stamp(bound_at)
    )


def paid_orders_tip(orders: int, cents: int) -> str:
    return fill(
        QCoreApplication.translate(
            "managers", "Paid orders in this sub-store at any time: %1, coming to %2."
        ),
        count(orders),
        money(cents),
    )


def recent_orders_tip() -> str:
    return QCoreApplication.translate(
        "managers", "The newest orders placed in this sub-store, whatever their status."
    )


def orders_tips() -> list[str]:
    """For the headers of the detail's recent orders."""
    return [
        QCoreApplication.translate(
            "managers", "When the order was placed, on this computer's clock."
        ),
        QCoreApplication.translate("managers", "Who placed it."),
        QCoreApplication.translate(
            "managers", "What the order came to; it counts for the manager's stage once paid."
        ),
        QCoreApplication.translate("managers", "Where the order stands now."),
        QCoreApplication.translate(
            "managers", "Order numbers carry the day the order was placed in China (UTC+8)."
        ),
    ]
