"""The owner's words for release requests: platform statuses, decisions and their outcomes."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.formatting import day as date_text
from gui.formatting import day_and_time, fill
from models.services.release_audit import AuditEntry
from models.services.release_queue import LocalDecision, QueuedRequest

ALREADY_DECIDED = "already_decided"


def platform_status(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("releases", "Waiting for a decision"),
        "approved": QCoreApplication.translate("releases", "Approved"),
        "declined": QCoreApplication.translate("releases", "Declined"),
    }.get(status, status)


def decision_label(decision: str) -> str:
    return {
        "approve": QCoreApplication.translate("releases", "Approve"),
        "decline": QCoreApplication.translate("releases", "Decline"),
    }.get(decision, decision)


def refusal_words(code: str, reason: str, status: str) -> str:
    """Why the platform refused a decision made here, as a sentence the owner can act on."""
    if code == ALREADY_DECIDED:
        if status == "approved":
            return QCoreApplication.translate(
                "releases", "it had already been approved on another computer or on the platform"
            )
        if status == "declined":
            return QCoreApplication.translate(
                "releases", "it had already been declined on another computer or on the platform"
            )
        return QCoreApplication.translate(
            "releases", "it had already been decided on another computer or on the platform"
        )
    return reason or QCoreApplication.translate("releases", "the platform gave no reason")


def local_outcome(local: LocalDecision, status: str) -> str:
    """What became of a decision made here: one line for the queue and the dialog."""
    approve = local.decision == "approve"
    if local.state == "waiting":
        return (
            QCoreApplication.translate("releases", "You approved · waiting to sync")
            if approve
            else QCoreApplication.translate("releases", "You declined · waiting to sync")
        )
    if local.state == "applied":
        return (
            QCoreApplication.translate("releases", "You approved · applied")
            if approve
            else QCoreApplication.translate("releases", "You declined · applied")
        )
    return fill(
        QCoreApplication.translate("releases", "Refused: %1"),
        refusal_words(local.refusal_code, local.refusal, status),
    )


def decision_state(request: QueuedRequest) -> str:
    """The 'your decision' column of the queue."""
    if request.local is not None:
        return local_outcome(request.local, request.status)
    if request.state == "elsewhere":
        if request.status == "approved":
            return QCoreApplication.translate(
                "releases", "Approved on another computer or the platform"
            )
        return QCoreApplication.translate(
            "releases", "Declined on another computer or the platform"
        )
    return QCoreApplication.translate("releases", "Waiting for your decision")


def audit_outcome(entry: AuditEntry) -> str:
    if entry.outcome == "waiting":
        return QCoreApplication.translate("releases", "Waiting to sync")
    if entry.outcome == "applied":
        return QCoreApplication.translate("releases", "Applied by the platform")
    if entry.outcome == "refused":
        return fill(
            QCoreApplication.translate("releases", "Refused: %1"),
            refusal_words(entry.refusal_code, entry.refusal, entry.status),
        )
    return QCoreApplication.translate("releases", "Recorded by the platform")


def audit_who(entry: AuditEntry) -> str:
    if not entry.here:
        return QCoreApplication.translate("releases", "Another computer or the platform")
    if entry.account:
        return fill(
            QCoreApplication.translate("releases", "%1 (%2), on this computer"),
            entry.who,
            entry.account,
        )
    return fill(QCoreApplication.translate("releases", "%1, on this computer"), entry.who)


def moment(seconds: int | None) -> str:
    return day_and_time(seconds) if seconds else ""


def stage_status(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("releases", "Not started"),
        "in_progress": QCoreApplication.translate("releases", "In progress"),
        "completed": QCoreApplication.translate("releases", "Completed"),
        "failed": QCoreApplication.translate("releases", "Not reached"),
    }.get(status, status)


def assessment_label(assessment: str) -> str:
    return {
        "not_started": QCoreApplication.translate("releases", "Not assessed"),
        "pending": QCoreApplication.translate("releases", "Being assessed"),
        "passed": QCoreApplication.translate("releases", "Passed"),
        "failed": QCoreApplication.translate("releases", "Failed"),
    }.get(assessment, assessment)


def day(seconds: int | None) -> str:
    return date_text(seconds) if seconds else "—"
