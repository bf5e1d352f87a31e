"""The filters in words, above the table: what the owner is looking at."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from gui.formatting import count, fill, local_time
from gui.orders.labels import own_store, review_label, status_label
from models.services.order_table import OWN_STORE, OrderFilter


def describe_filter(f: OrderFilter, rows: int, store_names: dict[int, str]) -> str:
    parts = [fill(QCoreApplication.translate("orders", "%1 orders"), count(rows))]
    if f.status:
        parts.append(status_label(f.status))
    if f.since is not None and f.until is not None:
        parts.append(
            fill(
                QCoreApplication.translate("orders", "placed %1 to %2"),
                local_time(f.since).strftime("%Y-%m-%d"),
                local_time(f.until - 1).strftime("%Y-%m-%d"),
            )
        )
    if f.store == OWN_STORE:
        parts.append(own_store())
    elif f.store is not None:
        parts.append(
            fill(
                QCoreApplication.translate("orders", "store of %1"),
                store_names.get(f.store, str(f.store)),
            )
        )
    if f.category:
        parts.append(f.category)
    if f.review:
        parts.append(review_label(f.review))
    if f.text:
        parts.append(fill(QCoreApplication.translate("orders", "matching “%1”"), f.text))
    return " · ".join(parts)
