"""The one way an entity row is written: its table and its feed entry, in one transaction."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import orjson
from sqlalchemy import ColumnElement, Connection, Table, delete, func, insert, select, update

from models import wire
from server import feed, reach
from server.db.base import table_of
from server.db.catalogue import CatalogueIdCounter
from server.db.platform import IdCounter
from server.db.schema import CATALOGUE_TABLES, ENTITY_TABLES, KEY_COLUMNS, wire_columns
from server.db.upsert import insert_if_absent, upsert

log = logging.getLogger(__name__)

Row = dict[str, Any]
_IN_CHUNK = 500


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

    A row given twice is written as its last version. The feed entry names the store managers
    who see the row now; rows whose sight follows from these (an order's lines and customer,
    a new manager's view of the shop) are published again when it changed.
    """
    if not rows:
        return
    owner = feed_of(entity, shop_id)
    key = KEY_COLUMNS[entity]
    columns = wire_columns(entity)
    latest = {row[key]: row for row in rows}
    records = [{column: row[column] for column in columns} for row in latest.values()]
    before = _orders_before(conn, owner, records) if entity == "order" else {}
    if owner is not None:
        for record in records:
            record["shop_id"] = owner
    upsert(conn, ENTITY_TABLES[entity], records)
    managers = reach.managers_of(conn, owner, entity, records) if owner is not None else None
    changes = [
        feed.Change(
            entity,
            str(r[key]),
            orjson.dumps({c: r[c] for c in columns}).decode(),
            None if managers is None else managers[n],
        )
        for n, r in enumerate(records)
    ]
    feed.append(conn, owner, changes)
    if owner is None:
        return
    if entity == "order":
        _after_orders(conn, owner, records, before)
    elif entity == "store_manager":
        _after_managers(conn, owner, [int(r["id"]) for r in records])


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
    gone = reach.NOBODY if owner is not None and entity in reach.ENTITIES else None
    feed.append(conn, owner, [feed.Change(entity, str(k), None, gone) for k in keys])


# --- rows whose sight follows from others -----------------------------------------------


def _paid(status: str) -> bool:
    return status in wire.PAID_ORDER_STATUSES


def _orders_before(
    conn: Connection, shop_id: int | None, records: Sequence[Mapping[str, Any]]
) -> dict[int, tuple[int | None, bool]]:
    """(sub-store, paid) of the orders about to be written, as they stand before."""
    table = ENTITY_TABLES["order"]
    ids = sorted(int(r["id"]) for r in records)
    found: dict[int, tuple[int | None, bool]] = {}
    for start in range(0, len(ids), _IN_CHUNK):
        for order_id, manager_id, status in conn.execute(
            select(table.c.id, table.c.store_manager_id, table.c.status).where(
                table.c.shop_id == shop_id, table.c.id.in_(ids[start : start + _IN_CHUNK])
            )
        ):
            found[int(order_id)] = (manager_id, _paid(status))
    return found


def _after_orders(
    conn: Connection,
    shop_id: int,
    records: Sequence[Mapping[str, Any]],
    before: dict[int, tuple[int | None, bool]],
) -> None:
    moved: list[int] = []  # orders whose sub-store changed: their lines follow
    customers: set[int] = set()  # whose paid orders by sub-store changed
    for r in records:
        now = (r["store_manager_id"], _paid(r["status"]))
        was = before.get(int(r["id"]), (None, False))
        if now == was:
            continue
        if was[0] != now[0] and int(r["id"]) in before:
            moved.append(int(r["id"]))
        if now[0] is not None or was[0] is not None:
            customers.add(int(r["customer_id"]))
    if moved:
        items = ENTITY_TABLES["order_item"]
        save_rows(
            conn,
            "order_item",
            load_rows(conn, "order_item", shop_id, items.c.order_id.in_(moved)),
            shop_id,
        )
    if customers:
        _publish_if_sight_changed(conn, shop_id, "customer", customers)


def _after_managers(conn: Connection, shop_id: int, manager_ids: list[int]) -> None:
    """A manager new to the shop sees its row from now on."""
    key = str(shop_id)
    seen = _seen_by(conn, shop_id, "shop", [key]).get(key, reach.NOBODY)
    if not set(manager_ids) <= seen:
        save_rows(conn, "shop", load_rows(conn, "shop", shop_id), shop_id)


def _publish_if_sight_changed(conn: Connection, shop_id: int, entity: str, ids: set[int]) -> None:
    table = ENTITY_TABLES[entity]
    found = load_rows(conn, entity, shop_id, table.c.id.in_(sorted(ids)))
    if not found:
        return
    wanted = reach.managers_of(conn, shop_id, entity, found)
    assert wanted is not None
    now = _seen_by(conn, shop_id, entity, [str(r["id"]) for r in found])
    changed = [
        row
        for row, managers in zip(found, wanted, strict=True)
        if managers != now.get(str(row["id"]), reach.NOBODY)
    ]
    save_rows(conn, entity, changed, shop_id)


def _seen_by(
    conn: Connection, shop_id: int, entity: str, keys: Sequence[str]
) -> dict[str, frozenset[int]]:
    """Who sees each row: by the changes held for this transaction's end, else by the feed."""
    seen = reach.seen_by(conn, shop_id, entity, keys)
    seen.update(feed.staged_managers(conn, shop_id, entity, keys))
    return seen


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
