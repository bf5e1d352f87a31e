"""The sub-stores' payments, gathered where each chunk of orders is built (a helper process,
if any): what the managers' stages count (``paths.walk_path``)."""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Iterator
from typing import Any

from models import wire
from server.seed.lines import OrderMoney
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


class WaitingMoney:
    """The money facts of sub-store orders, kept compactly until the stages their managers
    were in are known; the owner's own store's pass straight through."""

    _STATUSES = tuple(wire.ORDER_STATUSES)

    def __init__(self) -> None:
        # order id, manager id, paid at, completed at, commission, late refund days (-1: none)
        self._numbers: list[array[int]] = [array("q") for _ in range(6)]
        self._status = array("b")
        self._order_no: list[str] = []

    def keep(self, facts: Iterable[OrderMoney]) -> list[OrderMoney]:
        """Keep the sub-store orders' facts; returns the others."""
        passing: list[OrderMoney] = []
        order_id, manager, paid, completed, commission, late = self._numbers
        for fact in facts:
            if fact.manager_id is None:
                passing.append(fact)
                continue
            order_id.append(fact.order_id)
            manager.append(fact.manager_id)
            paid.append(-1 if fact.paid_at is None else fact.paid_at)
            completed.append(-1 if fact.completed_at is None else fact.completed_at)
            commission.append(fact.commission_cents)
            late.append(-1 if fact.late_refund_days is None else fact.late_refund_days)
            self._status.append(self._STATUSES.index(fact.status))
            self._order_no.append(fact.order_no)
        return passing

    def facts(self) -> Iterator[OrderMoney]:
        columns = zip(*self._numbers, self._status, self._order_no, strict=True)
        for order_id, manager, paid, completed, commission, late, status, number in columns:
            yield OrderMoney(
                order_id,
                number,
                manager,
                self._STATUSES[status],
                None if paid < 0 else paid,
                None if completed < 0 else completed,
                commission,
                None if late < 0 else late,
            )
