"""The owner's words for the charts' choices, series and buckets."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.formatting import fill, local_time
from models.services.sales_charts import OWN_STORE, Granularity, Series


def granularity_label(granularity: str) -> str:
    return {
        "day": QCoreApplication.translate("charts", "By day"),
        "week": QCoreApplication.translate("charts", "By week"),
        "month": QCoreApplication.translate("charts", "By month"),
    }.get(granularity, granularity)


def source_label(source: str) -> str:
    return {
        "own": QCoreApplication.translate("charts", "Own store"),
        "manager": QCoreApplication.translate("charts", "Via managers"),
        "public_domain": QCoreApplication.translate("charts", "Public-domain allocation"),
        "transferred_in": QCoreApplication.translate("charts", "Transferred in"),
    }.get(source, source)


def store_label(series: Series) -> str:
    if series.key == OWN_STORE:
        return QCoreApplication.translate("charts", "Own store")
    return series.name


def bucket_label(seconds: int, granularity: Granularity) -> str:
    """2026-11-23, week of 2026-11-23, or 2026-11: the bucket starting at ``seconds``."""
    day = local_time(seconds).date()
    if granularity == "month":
        return day.strftime("%Y-%m")
    if granularity == "week":
        return fill(QCoreApplication.translate("charts", "week of %1"), day.isoformat())
    return day.isoformat()


def bucket_key(seconds: int, granularity: Granularity) -> str:
    """The bucket as a spreadsheet cell: its first day, or its month."""
    day = local_time(seconds).date()
    return day.strftime("%Y-%m") if granularity == "month" else day.isoformat()
