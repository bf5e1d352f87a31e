"""The filters in words, above the table: what the owner is looking at."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject

from gui.formatting import day, fill
from gui.orders.labels import money_filter_label, own_store, review_label, status_label
from models.services.order_table import OWN_STORE, OrderFilter


class OrderCounts(QObject):
    """Phrases counting orders: plural forms are read only from a class's ``tr()``."""

    def orders(self, n: int) -> str:
        return self.tr("%Ln order(s)", "", n)

    def written(self, n: int, path: str) -> str:
        return fill(self.tr("%Ln order(s) were written to %1.", "", n), path)


def describe_filter(f: OrderFilter, rows: int, store_names: dict[int, str]) -> str:
    parts = [OrderCounts().orders(rows)]
    if f.status:
        parts.append(status_label(f.status))
    if f.since is not None and f.until is not None:
        parts.append(
            fill(
                QCoreApplication.translate("orders", "placed %1 to %2"),
                day(f.since),
                day(f.until - 1),
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
    if f.money:
        parts.append(money_filter_label(f.money))
    if f.text:
        parts.append(fill(QCoreApplication.translate("orders", "matching “%1”"), f.text))
    return " · ".join(parts)
