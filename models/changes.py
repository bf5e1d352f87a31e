"""What a write changed: which entities, and of each which rows, so that screens redraw only that.

Every service call that writes returns a ``Changes`` (or a result that carries one), and so does
every sync. A screen asks ``changes.touches(...)`` with the entities it shows before it reads
anything again, and ``changes.rows_of(entity)`` when it can redraw single rows.

Row keys stay bounded: a first pull of a million orders does not collect a million keys. Past
``ROW_CAP`` keys of one entity, the change says "every row of this entity" instead.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from types import MappingProxyType
from typing import Final, Literal, get_args

from models import wire

# Rows the owner keeps on this computer only, beside the platform's entities.
LocalEntity = Literal[
    "outbox",  # local actions waiting for (or answered by) the platform
    "sync_state",  # the shop, the sign-in and where the sync stands
    "saved_view",
    "order_review_draft",
    "release_reason_draft",
]
Entity = wire.Entity | LocalEntity
ENTITIES: Final[frozenset[str]] = frozenset(get_args(wire.Entity)) | frozenset(
    get_args(LocalEntity)
)
Key = int | str
# More keys than this of one entity, and the change means every row of it.
ROW_CAP: Final = 1_000


@dataclass(frozen=True)
class Changes:
    """Entity -> the keys of its changed rows, or None when any row may have changed."""

    rows: Mapping[str, frozenset[Key] | None] = field(default_factory=dict)

    def __post_init__(self) -> None:
        unknown = set(self.rows) - ENTITIES
        if unknown:
            raise ValueError(f"not entities: {', '.join(sorted(unknown))}")
        object.__setattr__(self, "rows", MappingProxyType(dict(self.rows)))

    @classmethod
    def of_rows(cls, entity: Entity, keys: Iterable[Key]) -> Changes:
        return cls({entity: _capped(frozenset(keys))})

    @classmethod
    def of_entities(cls, *entities: Entity) -> Changes:
        """Every row of ``entities`` may have changed."""
        return cls(dict.fromkeys(entities))

    @classmethod
    def everything(cls) -> Changes:
        """After a re-snapshot: any row of any entity may be new, changed or gone."""
        return cls(dict.fromkeys(ENTITIES))

    @property
    def entities(self) -> frozenset[str]:
        return frozenset(self.rows)

    def touches(self, entities: Iterable[str]) -> bool:
        """Whether any of ``entities`` changed."""
        return any(entity in self.rows for entity in entities)

    def rows_of(self, entity: str) -> frozenset[Key] | None:
        """The changed keys of ``entity``: empty when none changed, None when any may have."""
        if entity not in self.rows:
            return frozenset()
        return self.rows[entity]

    def touches_row(self, entity: str, key: Key) -> bool:
        if entity not in self.rows:
            return False
        keys = self.rows[entity]
        if keys is None or key in keys or str(key) in keys:
            return True
        # The outbox keys rows by text; a platform row's own key is a number.
        return isinstance(key, str) and key.isdigit() and int(key) in keys

    def __bool__(self) -> bool:
        return bool(self.rows)

    def __or__(self, other: Changes) -> Changes:
        merged: dict[str, frozenset[Key] | None] = dict(self.rows)
        for entity, keys in other.rows.items():
            if entity not in merged:
                merged[entity] = keys
                continue
            mine = merged[entity]
            merged[entity] = None if mine is None or keys is None else _capped(mine | keys)
        return Changes(merged)

    def __repr__(self) -> str:
        parts = [
            f"{entity}=all" if keys is None else f"{entity}={len(keys)}"
            for entity, keys in sorted(self.rows.items())
        ]
        return f"Changes({', '.join(parts)})"


NOTHING: Final = Changes()


class ChangeCollector:
    """Gathers the keys a long write touches (a sync's pages), never more than ``ROW_CAP``
    of one entity."""

    def __init__(self) -> None:
        self._rows: dict[str, set[Key] | None] = {}

    def add(self, entity: str, keys: Iterable[Key] = ()) -> None:
        if entity not in ENTITIES:
            raise ValueError(f"not an entity: {entity}")
        found = self._rows.get(entity, set())
        if found is None:
            return
        for key in keys:
            found.add(key)
            if len(found) > ROW_CAP:
                self._rows[entity] = None
                return
        self._rows[entity] = found

    def add_all(self, *entities: str) -> None:
        for entity in entities:
            if entity not in ENTITIES:
                raise ValueError(f"not an entity: {entity}")
            self._rows[entity] = None

    def add_changes(self, changes: Changes) -> None:
        for entity, keys in changes.rows.items():
            if keys is None:
                self.add_all(entity)
            else:
                self.add(entity, keys)

    def changes(self) -> Changes:
        return Changes(
            {
                entity: None if keys is None else frozenset(keys)
                for entity, keys in self._rows.items()
            }
        )


def _capped(keys: frozenset[Key]) -> frozenset[Key] | None:
    return None if len(keys) > ROW_CAP else keys
