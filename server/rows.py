"""The one way an entity row is written: its table and its feed entry, in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Connection, delete, func, insert, literal, select, update

from models import wire
from server import feed
from server.db.base import table_of
from server.db.platform import IdCounter
from server.db.schema import CATALOGUE_TABLES, ENTITY_TABLES, KEY_COLUMNS, wire_columns
from server.db.upsert import insert_if_absent, upsert

log = logging.getLogger(__name__)

Row = dict[str, Any]


def partition_of(entity: str, shop_id: int | None) -> int:
    if entity in CATALOGUE_TABLES:
        return wire.CATALOGUE_PARTITION
    if shop_id is None:
        raise ValueError(f"{entity} rows belong to a shop; say which")
    return shop_id


def wire_payload(entity: str, row: Mapping[str, Any]) -> str:
    """The row exactly as the contract spells it, as JSON text."""
    return orjson.dumps({column: row[column] for column in wire_columns(entity)}).decode()


def save_rows(
    conn: Connection, entity: str, rows: Sequence[Mapping[str, Any]], shop_id: int | None = None
) -> None:
    """Insert or overwrite rows of an entity and publish them in its feed partition."""
    if not rows:
        return
    partition = partition_of(entity, shop_id)
    key = KEY_COLUMNS[entity]
    columns = wire_columns(entity)
    records = [{column: row[column] for column in columns} for row in rows]
    changes = [feed.Change(entity, str(r[key]), orjson.dumps(r).decode()) for r in records]
    if entity not in CATALOGUE_TABLES:
        for record in records:
            record["shop_id"] = shop_id
    upsert(conn, ENTITY_TABLES[entity], records)
    feed.append(conn, partition, changes)


def delete_rows(
    conn: Connection, entity: str, keys: Iterable[int | str], shop_id: int | None = None
) -> None:
    """Remove rows and leave tombstones, so every mirror removes them too."""
    keys = list(keys)
    if not keys:
        return
    partition = partition_of(entity, shop_id)
    table = ENTITY_TABLES[entity]
    stmt = delete(table).where(table.c[KEY_COLUMNS[entity]].in_(keys))
    if entity not in CATALOGUE_TABLES:
        stmt = stmt.where(table.c.shop_id == shop_id)
    conn.execute(stmt)
    feed.append(conn, partition, [feed.Change(entity, str(k), None) for k in keys])


def load_rows(
    conn: Connection,
    entity: str,
    shop_id: int | None,
    *conditions: ColumnElement[bool],
    for_update: bool = False,
) -> list[Row]:
    """Rows of one shop (or of the catalogue) as wire dicts, in key order."""
    table = ENTITY_TABLES[entity]
    stmt = select(*(table.c[c] for c in wire_columns(entity))).where(*conditions)
    if entity not in CATALOGUE_TABLES:
        stmt = stmt.where(table.c.shop_id == shop_id)
    stmt = stmt.order_by(table.c[KEY_COLUMNS[entity]])
    if for_update:
        stmt = stmt.with_for_update()
    return [dict(r._mapping) for r in conn.execute(stmt)]


def new_ids(conn: Connection, entity: str, count: int) -> list[int]:
    """Fresh ids for rows the platform creates; unique across shops, like the seeded ones."""
    counter = table_of(IdCounter)
    take = (
        update(counter)
        .where(counter.c.entity == entity)
        .values(last_id=counter.c.last_id + count)
        .returning(counter.c.last_id)
    )
    last = conn.execute(take).scalar_one_or_none()
    if last is None:
        # The first id of its kind: start above whatever rows exist (a scan, once).
        table = ENTITY_TABLES.get(entity)
        highest: ColumnElement[int] = literal(0)
        if table is not None and "id" in table.c:
            highest = select(func.coalesce(func.max(table.c.id), 0)).scalar_subquery()
        insert_if_absent(conn, counter, {"entity": entity, "last_id": highest})
        last = conn.execute(take).scalar_one()
    return list(range(last - count + 1, last + 1))


def set_id_counters(conn: Connection, last_ids: Mapping[str, int]) -> None:
    """Record the highest ids a bulk load used (it hands out its own ids)."""
    counter = table_of(IdCounter)
    conn.execute(delete(counter).where(counter.c.entity.in_(list(last_ids))))
    conn.execute(insert(counter), [{"entity": e, "last_id": last} for e, last in last_ids.items()])
