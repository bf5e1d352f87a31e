"""The owner's words for order statuses, review states and the table's columns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from models.services.order_table import OrderRow, SortColumn


def status_label(status: str) -> str:
    return {
        # Short: its tab shares a row with the search at 1366 pixels.
        "pending_payment": QCoreApplication.translate("orders", "Unpaid"),
        "paid": QCoreApplication.translate("orders", "Paid"),
        "shipped": QCoreApplication.translate("orders", "Shipped"),
        "completed": QCoreApplication.translate("orders", "Completed"),
        "cancelled": QCoreApplication.translate("orders", "Cancelled"),
        "refunded": QCoreApplication.translate("orders", "Refunded"),
    }.get(status, status)


def review_label(state: str) -> str:
    return {
        "unreviewed": QCoreApplication.translate("orders", "Not reviewed"),
        "reviewed": QCoreApplication.translate("orders", "Reviewed"),
        "problem": QCoreApplication.translate("orders", "Problem"),
        "follow_up": QCoreApplication.translate("orders", "Follow up"),
    }.get(state, state)


def review_state(row: OrderRow) -> str:
    if row.flag != "none":
        return row.flag
    return "reviewed" if row.reviewed else "unreviewed"


def review_text(row: OrderRow) -> str:
    marks = {"reviewed": "✓ ", "problem": "⚑ ", "follow_up": "↻ ", "unreviewed": ""}
    state = review_state(row)
    text = marks[state] + review_label(state) if state != "unreviewed" else ""
    if row.review_sync == "pending":
        text += " · " + QCoreApplication.translate("orders", "waiting to sync")
    elif row.review_sync == "rejected":
        text += " · " + QCoreApplication.translate("orders", "refused by the platform")
    if row.drafted:
        text += " · ✎ " + QCoreApplication.translate("orders", "unsaved draft")
    return text.strip(" ·")


def money_filter_label(money: str) -> str:
    """The order filter's words for money that differs (see models.services.reconciliation)."""
    return {
        "mismatch": QCoreApplication.translate("orders", "Money does not add up"),
        "any_difference": QCoreApplication.translate("orders", "Not yet paid or differs"),
        "not_yet_settleable": QCoreApplication.translate("orders", "Not yet settleable"),
        "missing_from_statement": QCoreApplication.translate("orders", "Missing from a statement"),
        "paid_twice": QCoreApplication.translate("orders", "Paid twice"),
        "refunded_after_settlement": QCoreApplication.translate(
            "orders", "Refunded after settlement"
        ),
        "share_rate_differs": QCoreApplication.translate("orders", "Share rate differs"),
        "amount_differs": QCoreApplication.translate("orders", "Amount differs"),
    }.get(money, money)


def review_tip(row: OrderRow) -> str | None:
    lines = [row.note] if row.note else []
    if row.drafted:
        lines.append(
            QCoreApplication.translate(
                "orders", "You have unsaved changes to this review; open the order to finish them."
            )
        )
    return "\n".join(lines) or None


def own_store() -> str:
    return QCoreApplication.translate("orders", "Own store")


def column_titles() -> dict[SortColumn, str]:
    return {
        SortColumn.ORDER_NO: QCoreApplication.translate("orders", "Order no."),
        SortColumn.PLACED_AT: QCoreApplication.translate("orders", "Placed at"),
        SortColumn.CUSTOMER: QCoreApplication.translate("orders", "Customer"),
        SortColumn.STORE: QCoreApplication.translate("orders", "Store"),
        SortColumn.ITEMS: QCoreApplication.translate("orders", "Items"),
        SortColumn.AMOUNT: QCoreApplication.translate("orders", "Amount"),
        SortColumn.COMMISSION: QCoreApplication.translate("orders", "Commission"),
        SortColumn.STATUS: QCoreApplication.translate("orders", "Status"),
        SortColumn.REVIEW: QCoreApplication.translate("orders", "Review"),
    }


def date_preset_labels() -> dict[str, str]:
    return {
        "": QCoreApplication.translate("orders", "Any time"),
        "today": QCoreApplication.translate("orders", "Today"),
        "7d": QCoreApplication.translate("orders", "Last 7 days"),
        "30d": QCoreApplication.translate("orders", "Last 30 days"),
        "month": QCoreApplication.translate("orders", "This month"),
        "custom": QCoreApplication.translate("orders", "Custom range…"),
    }
