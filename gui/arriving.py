"""What a sync is bringing, in words: "8,000 orders, 2,400 customers, 3,000 products so far"."""

from __future__ import annotations

from collections.abc import Mapping

from PySide6.QtCore import QObject

# The kinds an owner recognises, in the order she cares about them.
SHOWN = (
    "order",
    "customer",
    "product",
    "store_manager",
    "sale_event",
    "release_request",
    "brand",
)
MOST = 4


class Arriving(QObject):
    """Counted phrases are read only from a class's ``tr()``."""

    def phrase(self, entity: str, n: int) -> str:
        if entity == "order":
            return self.tr("%Ln order(s)", "", n)
        if entity == "customer":
            return self.tr("%Ln customer(s)", "", n)
        if entity == "product":
            return self.tr("%Ln product(s)", "", n)
        if entity == "store_manager":
            return self.tr("%Ln store manager(s)", "", n)
        if entity == "sale_event":
            return self.tr("%Ln sale event(s)", "", n)
        if entity == "release_request":
            return self.tr("%Ln release request(s)", "", n)
        return self.tr("%Ln brand(s)", "", n)

    def so_far(self, received: Mapping[str, int], total: int) -> str:
        """The kinds she cares about most that arrived, then how many changes in all."""
        kinds = [e for e in SHOWN if received.get(e)]
        parts = [self.phrase(e, received[e]) for e in kinds[:MOST]]
        changes = self.tr("%Ln change(s) received so far", "", total)
        return " · ".join([*parts, changes]) if parts else changes
