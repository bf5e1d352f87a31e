"""The owner's words for the charts' choices, series, buckets and comparisons."""

from __future__ import annotations

from typing import Protocol

from PySide6.QtCore import QCoreApplication, QObject

from gui.formatting import fill, local_time
from models.services.sales_charts import OTHER_STORES, OWN_STORE, Granularity, Series
from models.services.sales_totals import Comparison


class ChartWords(QObject):
    """Counted phrases of the charts (plural forms are read only from a class's ``tr()``)."""

    def other_stores(self, n: int) -> str:
        return self.tr("%Ln other store(s)", "", n)

    def orders(self, n: int) -> str:
        return self.tr("%Ln order(s)", "", n)


def granularity_label(granularity: str) -> str:
    return {
        "auto": QCoreApplication.translate("charts", "By the range"),
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
    if series.key == OTHER_STORES:
        return ChartWords().other_stores(series.members)
    return series.name


def compared_label(comparison: Comparison) -> str:
    return {
        "none": "",
        "previous": QCoreApplication.translate("charts", "Period before"),
        "year_before": QCoreApplication.translate("charts", "A year before"),
    }[comparison]


def change_text(now: int, before: int) -> str:
    """+12.3%, -4.0%, or "new" when nothing sold before."""
    if before == 0:
        return (
            QCoreApplication.translate("charts", "new")
            if now
            else QCoreApplication.translate("charts", "no change")
        )
    return f"{(now - before) / before:+.1%}"


class _Unfinished(Protocol):
    unfinished: bool
    times: list[int]


def so_far(chart: _Unfinished, index: int) -> str:
    """ " (so far)" after the label of a bucket still running."""
    if chart.unfinished and index == len(chart.times) - 1:
        return " " + QCoreApplication.translate("charts", "(so far)")
    return ""


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
