"""The sub-stores' payments, gathered where each chunk of orders is built (a helper process,
if any): what the managers' stages count (``paths.walk_path``)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable
from typing import Any

from models import wire
from server.seed.paths import Payment

_PAID = frozenset(wire.PAID_ORDER_STATUSES)


class Payments:
    """Per manager: when each paid order of her sub-store was paid, its amount, its customer."""

    def __init__(self) -> None:
        self._columns: dict[int, tuple[array[int], array[int], array[int]]] = {}

    def gather(self, orders: Iterable[dict[str, Any]]) -> None:
        columns = self._columns
        for order in orders:
            manager = order["store_manager_id"]
            if manager is None or order["status"] not in _PAID:
                continue
            found = columns.get(manager)
            if found is None:
                found = columns[manager] = (array("q"), array("q"), array("q"))
            found[0].append(order["paid_at"])
            found[1].append(order["amount_cents"])
            found[2].append(order["customer_id"])

    def merge(self, other: Payments) -> None:
        for manager, (paid, amount, customer) in other._columns.items():
            found = self._columns.get(manager)
            if found is None:
                self._columns[manager] = (paid, amount, customer)
            else:
                found[0].extend(paid)
                found[1].extend(amount)
                found[2].extend(customer)

    def by_manager(self) -> dict[int, list[Payment]]:
        """Each manager's payments in the order they came."""
        return {
            manager: sorted(zip(paid, amount, customer, strict=True))
            for manager, (paid, amount, customer) in self._columns.items()
        }
