"""The owner's words for the catalogue: phases of sale events, countdowns, columns and sorts."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.formatting import fill
from models.services.catalogue import ProductSort
from models.services.catalogue_events import EventPhase

MINUTE = 60
HOUR = 3_600
DAY = 86_400


def phase_label(phase: EventPhase) -> str:
    return {
        EventPhase.CURRENT: QCoreApplication.translate("catalogue", "On now"),
        EventPhase.UPCOMING: QCoreApplication.translate("catalogue", "Coming up"),
        EventPhase.ENDED: QCoreApplication.translate("catalogue", "Ended"),
    }[phase]


def duration(seconds: int) -> str:
    """3 d 4 h, 5 h 12 min, or 12:05 for the last hour: the precision a countdown needs."""
    seconds = max(0, seconds)
    if seconds >= DAY:
        return fill(
            QCoreApplication.translate("catalogue", "%1 d %2 h"),
            seconds // DAY,
            seconds % DAY // HOUR,
        )
    if seconds >= HOUR:
        return fill(
            QCoreApplication.translate("catalogue", "%1 h %2 min"),
            seconds // HOUR,
            seconds % HOUR // MINUTE,
        )
    return f"{seconds // MINUTE:02d}:{seconds % MINUTE:02d}"


def countdown(starts_at: int, ends_at: int, now: int) -> str:
    """When an event starts or ends, counted from ``now``."""
    if now < starts_at:
        return fill(
            QCoreApplication.translate("catalogue", "starts in %1"), duration(starts_at - now)
        )
    if now < ends_at:
        return fill(QCoreApplication.translate("catalogue", "ends in %1"), duration(ends_at - now))
    return QCoreApplication.translate("catalogue", "ended")


def commission_rate(rate_bp: int) -> str:
    """1550 basis points -> 15.5%."""
    return f"{rate_bp / 100:g}%"


def sort_labels() -> dict[tuple[ProductSort, bool], str]:
    """The sorts the grid offers, by (key, descending)."""
    return {
        (ProductSort.SALES, True): QCoreApplication.translate("catalogue", "Best sellers"),
        (ProductSort.COMMISSION, True): QCoreApplication.translate(
            "catalogue", "Highest commission"
        ),
        (ProductSort.PRICE, False): QCoreApplication.translate("catalogue", "Price: low to high"),
        (ProductSort.PRICE, True): QCoreApplication.translate("catalogue", "Price: high to low"),
        (ProductSort.NEWEST, True): QCoreApplication.translate("catalogue", "Newest"),
    }


def column_titles() -> dict[ProductSort, str]:
    """The list's columns, each named by the sort it offers."""
    return {
        ProductSort.TITLE: QCoreApplication.translate("catalogue", "Product"),
        ProductSort.BRAND: QCoreApplication.translate("catalogue", "Brand"),
        ProductSort.CATEGORY: QCoreApplication.translate("catalogue", "Category"),
        ProductSort.PRICE: QCoreApplication.translate("catalogue", "Retail price"),
        ProductSort.SUPPLY: QCoreApplication.translate("catalogue", "Supply price"),
        ProductSort.COMMISSION: QCoreApplication.translate("catalogue", "Commission"),
        ProductSort.SALES: QCoreApplication.translate("catalogue", "Sold"),
        ProductSort.STOCK: QCoreApplication.translate("catalogue", "Stock"),
        ProductSort.PICKED: QCoreApplication.translate("catalogue", "In my shop"),
    }


def pick_sync_text(state: str) -> str:
    if state == "pending":
        return QCoreApplication.translate("catalogue", "waiting to sync")
    if state == "rejected":
        return QCoreApplication.translate("catalogue", "refused by the platform")
    return ""


def earn_text(commission_cents_text: str) -> str:
    """What the owner earns on one piece, as the platform's apps say it."""
    return fill(QCoreApplication.translate("catalogue", "earn %1"), commission_cents_text)


def sold_out() -> str:
    return QCoreApplication.translate("catalogue", "Sold out")


def picked_mark() -> str:
    return QCoreApplication.translate("catalogue", "Picked")


def sold_and_stock(sold: str, stock: str) -> str:
    return fill(QCoreApplication.translate("catalogue", "%1 sold · %2 in stock"), sold, stock)


def at_least_commission(rate: str) -> str:
    return fill(QCoreApplication.translate("catalogue", "≥ %1 commission"), rate)
