"""The one way an entity row is written: its table and its feed entry, in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Connection, Table, delete, func, insert, select, update

from server import feed
from server.db.base import table_of
from server.db.catalogue import CatalogueIdCounter
from server.db.platform import IdCounter
from server.db.schema import CATALOGUE_TABLES, ENTITY_TABLES, KEY_COLUMNS, wire_columns
from server.db.upsert import insert_if_absent, upsert

log = logging.getLogger(__name__)

Row = dict[str, Any]


def feed_of(entity: str, shop_id: int | None) -> int | None:
    """Whose feed carries the entity's rows: the shop's, or None for the catalogue's."""
    if entity in CATALOGUE_TABLES:
        return None
    if shop_id is None:
        raise ValueError(f"{entity} rows belong to a shop; say which")
    return shop_id


def wire_payload(entity: str, row: Mapping[str, Any]) -> str:
    """The row exactly as the contract spells it, as JSON text."""
    return orjson.dumps({column: row[column] for column in wire_columns(entity)}).decode()


def save_rows(
    conn: Connection, entity: str, rows: Sequence[Mapping[str, Any]], shop_id: int | None = None
) -> None:
    """Insert or overwrite rows of an entity and publish them in its feed.

    A row given twice is written as its last version.
    """
    if not rows:
        return
    owner = feed_of(entity, shop_id)
    key = KEY_COLUMNS[entity]
    columns = wire_columns(entity)
    latest = {row[key]: row for row in rows}
    records = [{column: row[column] for column in columns} for row in latest.values()]
    changes = [feed.Change(entity, str(r[key]), orjson.dumps(r).decode()) for r in records]
    if owner is not None:
        for record in records:
            record["shop_id"] = owner
    upsert(conn, ENTITY_TABLES[entity], records)
    feed.append(conn, owner, changes)


def delete_rows(
    conn: Connection, entity: str, keys: Iterable[int | str], shop_id: int | None = None
) -> None:
    """Remove rows and leave tombstones, so every mirror removes them too."""
    keys = list(keys)
    if not keys:
        return
    owner = feed_of(entity, shop_id)
    table = ENTITY_TABLES[entity]
    stmt = delete(table).where(table.c[KEY_COLUMNS[entity]].in_(keys))
    if owner is not None:
        stmt = stmt.where(table.c.shop_id == owner)
    conn.execute(stmt)
    feed.append(conn, owner, [feed.Change(entity, str(k), None) for k in keys])


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


def new_ids(conn: Connection, entity: str, count: int, shop_id: int | None) -> list[int]:
    """Fresh ids for rows the platform creates, unique within the shop (or the catalogue).

    Each shop counts on its own row, so no two shops ever wait for each other here.
    """
    owner = feed_of(entity, shop_id)
    counter, mine = _counter(owner, entity)
    take = (
        update(counter)
        .where(*mine)
        .values(last_id=counter.c.last_id + count)
        .returning(counter.c.last_id)
    )
    last = conn.execute(take).scalar_one_or_none()
    if last is None:
        # The first id of its kind in this shop: start above whatever rows exist (a scan, once).
        table = ENTITY_TABLES.get(entity)
        highest: Any = 0
        if table is not None and "id" in table.c:
            query = select(func.coalesce(func.max(table.c.id), 0))
            if owner is not None:
                query = query.where(table.c.shop_id == owner)
            highest = query.scalar_subquery()
        start = {"entity": entity, "last_id": highest}
        if owner is not None:
            start["shop_id"] = owner
        insert_if_absent(conn, counter, start)
        last = conn.execute(take).scalar_one()
    return list(range(last - count + 1, last + 1))


def _counter(shop_id: int | None, entity: str) -> tuple[Table, list[ColumnElement[bool]]]:
    if shop_id is None:
        counter = table_of(CatalogueIdCounter)
        return counter, [counter.c.entity == entity]
    counter = table_of(IdCounter)
    return counter, [counter.c.shop_id == shop_id, counter.c.entity == entity]


def set_id_counters(conn: Connection, shop_id: int | None, last_ids: Mapping[str, int]) -> None:
    """Record the highest ids a bulk load used in a shop (or the catalogue)."""
    if not last_ids:
        return
    counter, _ = _counter(shop_id, "")
    owner = {} if shop_id is None else {"shop_id": shop_id}
    stale = delete(counter).where(counter.c.entity.in_(list(last_ids)))
    if shop_id is not None:
        stale = stale.where(counter.c.shop_id == shop_id)
    conn.execute(stale)
    conn.execute(
        insert(counter), [{**owner, "entity": e, "last_id": last} for e, last in last_ids.items()]
    )
