"""The owner's words for outlooks, assessments, stage states and the managers table's columns."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtGui import QColor, QPalette

from gui.formatting import fill, short_day
from models.services.managers import ManagerLine, SortColumn


def outlook_label(outlook: str) -> str:
    return {
        "complete": QCoreApplication.translate("managers", "Stage complete"),
        "on_track": QCoreApplication.translate("managers", "On track"),
        "at_risk": QCoreApplication.translate("managers", "At risk"),
        "stalled": QCoreApplication.translate("managers", "Stalled"),
        "expired": QCoreApplication.translate("managers", "Past deadline"),
        "released": QCoreApplication.translate("managers", "Released"),
    }.get(outlook, outlook)


def forecast_text(line: ManagerLine) -> str:
    """On track · completes 12-03, At risk · completes 12-20, Stalled, …"""
    outlook = line.outlook
    completes = line.forecast.completes_at
    if outlook in ("on_track", "at_risk") and completes is not None:
        return fill(
            QCoreApplication.translate("managers", "%1 · completes %2"),
            outlook_label(outlook),
            short_day(completes),
        )
    if outlook == "at_risk":
        return fill(
            QCoreApplication.translate("managers", "%1 · no pace yet"), outlook_label(outlook)
        )
    return outlook_label(outlook)


def outlook_colour(outlook: str, palette: QPalette) -> QColor | None:
    """Green, amber or red that read on the palette's base; None keeps the text colour."""
    dark = palette.color(QPalette.ColorRole.Base).lightness() < 128
    colours = {
        "complete": ("#2e7d32", "#81c784"),
        "on_track": ("#2e7d32", "#81c784"),
        "at_risk": ("#b26a00", "#ffb74d"),
        "stalled": ("#c62828", "#ef9a9a"),
        "expired": ("#c62828", "#ef9a9a"),
    }
    pair = colours.get(outlook)
    return None if pair is None else QColor(pair[1] if dark else pair[0])


def assessment_label(assessment: str) -> str:
    return {
        "not_started": QCoreApplication.translate("managers", "Not assessed yet"),
        "pending": QCoreApplication.translate("managers", "Awaiting assessment"),
        "passed": QCoreApplication.translate("managers", "Assessment passed"),
        "failed": QCoreApplication.translate("managers", "Assessment failed"),
    }.get(assessment, assessment)


def stage_status_label(status: str) -> str:
    return {
        "pending": QCoreApplication.translate("managers", "Not begun"),
        "in_progress": QCoreApplication.translate("managers", "In progress"),
        "completed": QCoreApplication.translate("managers", "Completed"),
        "failed": QCoreApplication.translate("managers", "Not completed in time"),
    }.get(status, status)


def stage_text(line: ManagerLine) -> str:
    """2 / 4 · 成长店长: the same in every language, so not a phrase to translate."""
    return f"{line.stage_position} / {line.stages_total} · {line.stage_name}"


def progress_band_labels() -> dict[str, str]:
    return {
        "at_least_80": QCoreApplication.translate("managers", "≥ 80% of target"),
        "at_least_50": QCoreApplication.translate("managers", "≥ 50% of target"),
        "below_50": QCoreApplication.translate("managers", "< 50% of target"),
    }


def column_titles() -> dict[SortColumn, str]:
    return {
        SortColumn.NAME: QCoreApplication.translate("managers", "Store manager"),
        SortColumn.STAGE: QCoreApplication.translate("managers", "Stage"),
        SortColumn.SALES: QCoreApplication.translate("managers", "Sales"),
        SortColumn.CUSTOMERS: QCoreApplication.translate("managers", "Paying customers"),
        SortColumn.DAYS_LEFT: QCoreApplication.translate("managers", "Days left"),
        SortColumn.ASSESSMENT: QCoreApplication.translate("managers", "Assessment"),
        SortColumn.FORECAST: QCoreApplication.translate("managers", "Forecast"),
        SortColumn.TREND: QCoreApplication.translate("managers", "8-week sales"),
    }
