"""The products' filters in words, above the grid: what the owner is looking at."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.catalogue.labels import at_least_commission, commission_rate, countdown
from gui.counted import counted
from gui.formatting import fill, money
from models.services.catalogue import CatalogueFilter
from models.services.catalogue_events import SaleEventCard


def describe_products(f: CatalogueFilter, rows: int, event: SaleEventCard | None, now: int) -> str:
    parts = [counted().products(rows)]
    if event is not None and f.sale_event_id == event.id:
        parts.append(f"{event.brand_name} · {countdown(event.starts_at, event.ends_at, now)}")
    if f.category:
        parts.append(f.category)
    low, high = f.min_price_cents, f.max_price_cents
    if low is not None and high is not None:
        parts.append(f"{money(low)} – {money(high)}")
    elif low is not None:
        parts.append(fill(QCoreApplication.translate("catalogue", "from %1"), money(low)))
    elif high is not None:
        parts.append(fill(QCoreApplication.translate("catalogue", "up to %1"), money(high)))
    if f.min_commission_bp is not None:
        parts.append(at_least_commission(commission_rate(f.min_commission_bp)))
    if f.in_stock:
        parts.append(QCoreApplication.translate("catalogue", "in stock"))
    if f.text:
        parts.append(fill(QCoreApplication.translate("catalogue", "matching “%1”"), f.text))
    text = " · ".join(parts)
    if rows == 0:
        hint = (
            QCoreApplication.translate(
                "catalogue", "Nothing picked yet: select a product and press Space to pick it."
            )
            if f.picked_only
            else QCoreApplication.translate("catalogue", "No product matches these filters.")
        )
        text = f"{text}. {hint}"
    return text
