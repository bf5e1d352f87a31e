"""A shop's id counters and the span of demo history every seeded shop shares."""

from __future__ import annotations

HISTORY_DAYS = 730


class Ids:
    """One shop's id counters: ids are unique within a shop, as on the real platform."""

    def __init__(self) -> None:
        self.last: dict[str, int] = {}

    def take(self, entity: str, count: int = 1) -> int:
        first = self.last.get(entity, 0) + 1
        self.last[entity] = first + count - 1
        return first
