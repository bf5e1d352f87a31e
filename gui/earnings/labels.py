"""The owner's words for money: statement line kinds, the reasons money differs, withdrawal
states and the platform's refusals. Each table is keyed by its wire or service Literal."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.formatting import fill, local_time, money
from models.services.reconciliation import Difference, Reason
from models.services.withdrawals import WithdrawalLine, WithdrawalState
from models.wire import StatementLineKind

BELOW_MINIMUM = "below_minimum"
OVER_BALANCE = "over_balance"


def line_kind(kind: str) -> str:
    words: dict[StatementLineKind, str] = {
        "commission": QCoreApplication.translate("earnings", "Commission"),
        "manager_share": QCoreApplication.translate("earnings", "Manager's share"),
        "clawback": QCoreApplication.translate("earnings", "Claw-back"),
        "adjustment": QCoreApplication.translate("earnings", "Adjustment"),
    }
    return next((text for key, text in words.items() if key == kind), kind)


def reason_label(reason: Reason) -> str:
    words: dict[Reason, str] = {
        "not_yet_settleable": QCoreApplication.translate("earnings", "Not yet settleable"),
        "missing_from_statement": QCoreApplication.translate(
            "earnings", "Missing from a statement"
        ),
        "paid_twice": QCoreApplication.translate("earnings", "Paid twice"),
        "refunded_after_settlement": QCoreApplication.translate(
            "earnings", "Refunded after settlement"
        ),
        "share_rate_differs": QCoreApplication.translate("earnings", "Share rate differs"),
        "amount_differs": QCoreApplication.translate("earnings", "Amount differs"),
    }
    return words[reason]


def rate(bp: int | None) -> str:
    """A share rate in basis points as a percentage: 2000 -> 20%, 2550 -> 25.5%."""
    if bp is None:
        return ""
    whole, rest = divmod(bp, 100)
    return f"{whole}%" if not rest else f"{bp / 100:g}%"


def day(seconds: int) -> str:
    return local_time(seconds).strftime("%Y-%m-%d")


def period(start: int, end: int) -> str:
    """The days a statement covers, both included: 2026-11-16 – 2026-11-22."""
    return f"{day(start)} – {day(end - 1)}"


def reason_words(d: Difference) -> str:
    """Why an order's money differs, as a sentence with its figures."""
    if d.reason == "not_yet_settleable":
        if d.settleable_at is None:
            return QCoreApplication.translate(
                "earnings", "On its way to the customer: settleable once delivered."
            )
        return fill(
            QCoreApplication.translate(
                "earnings", "In its after-sales window until %1; paid with the next statement."
            ),
            day(d.settleable_at),
        )
    if d.reason == "missing_from_statement":
        return fill(
            QCoreApplication.translate(
                "earnings",
                "Settleable since %1, yet no statement paid its %2. Ask the platform.",
            ),
            day(d.settleable_at or 0),
            money(d.expected_cents),
        )
    if d.reason == "paid_twice":
        return fill(
            QCoreApplication.translate("earnings", "Paid %1 times: %2 where the rules give %3."),
            d.commission_lines,
            money(d.paid_cents),
            money(d.expected_cents),
        )
    if d.reason == "refunded_after_settlement":
        return fill(
            QCoreApplication.translate(
                "earnings",
                "Refunded after a statement paid %1; the next statement should take it back.",
            ),
            money(d.paid_cents),
        )
    if d.reason == "share_rate_differs":
        return fill(
            QCoreApplication.translate(
                "earnings",
                "The manager's share was taken at %1 (%2); her stage gives %3 (%4).",
            ),
            rate(d.paid_rate_bp),
            money(d.paid_share_cents),
            rate(d.expected_rate_bp),
            money(d.expected_share_cents),
        )
    return fill(
        QCoreApplication.translate("earnings", "Paid %1 where the rules give %2."),
        money(d.paid_cents),
        money(d.expected_cents),
    )


def withdrawal_state(state: WithdrawalState) -> str:
    words: dict[WithdrawalState, str] = {
        "waiting": QCoreApplication.translate("earnings", "Waiting to sync"),
        "applied": QCoreApplication.translate("earnings", "Applied · being paid out"),
        "paid": QCoreApplication.translate("earnings", "Paid out"),
        "refused": QCoreApplication.translate("earnings", "Refused"),
    }
    return words[state]


def withdrawal_reason(line: WithdrawalLine) -> str:
    """The platform's reason for a refusal, in the owner's language where the code says it."""
    if line.state != "refused":
        return ""
    if line.refusal_code == BELOW_MINIMUM:
        return QCoreApplication.translate("earnings", "Below the platform's minimum withdrawal.")
    if line.refusal_code == OVER_BALANCE:
        return QCoreApplication.translate(
            "earnings",
            "More than the available balance when it reached the platform "
            "(another computer may have withdrawn first).",
        )
    return line.reason or QCoreApplication.translate("earnings", "The platform gave no reason.")


def moment(seconds: int | None) -> str:
    return "" if seconds is None else local_time(seconds).strftime("%Y-%m-%d %H:%M")
