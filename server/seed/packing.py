"""Rows turned into what the database takes: table tuples, feed keys and JSON payloads."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

import orjson

from server.db.schema import CATALOGUE_TABLES, KEY_COLUMNS, wire_columns


@dataclass
class Packed:
    entity: str
    shop_id: int | None
    records: list[tuple[Any, ...]]  # in table column order: shop_id first for shop data
    keys: list[str]
    payloads: list[str]


def pack(entity: str, rows: Sequence[dict[str, Any]], shop_id: int | None) -> Packed:
    """Rows must be dicts built field by field in the contract's order."""
    if rows and list(rows[0]) != wire_columns(entity):
        raise ValueError(f"{entity} rows do not follow the wire order: {list(rows[0])}")
    key = KEY_COLUMNS[entity]
    dumps = orjson.dumps
    if entity in CATALOGUE_TABLES:
        records = [tuple(row.values()) for row in rows]
    else:
        records = [(shop_id, *row.values()) for row in rows]
    keys = [str(row[key]) for row in rows]
    payloads = [dumps(row).decode() for row in rows]
    return Packed(entity, shop_id, records, keys, payloads)
