"""Which store managers see which rows of their shop's feed, kept with the feed itself.

A manager sees her sub-store: her own row and path, its orders and their lines, the customers
bound to it or with a paid order in it (those would leave with her), their ledger entries that
concern her, her share lines, the posters of her sub-store, and the shop's own row. The rules
are written twice, row by row for the platform's writes (``managers_of``) and in SQL for a
whole shop at once (``rebuild``); the tests hold the two equal.

Every feed entry of a row in reach is mirrored in ``manager_feed`` for each manager who sees
it, numbered with the same sequence number in the same transaction. When a row leaves a
manager's sight (a customer bound elsewhere, an order refunded or re-attributed), her entry is
kept as ``gone`` under the new number: her next pull deletes the row from her computer.
"""

from __future__ import annotations

import logging
from collections import defaultdict
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from sqlalchemy import Connection, bindparam, delete, select, text

from models import wire
from server.db.base import table_of
from server.db.orders import Order
from server.db.platform import ManagerFeed
from server.db.shops import StoreManager
from server.db.upsert import upsert

log = logging.getLogger(__name__)

Managers = frozenset[int]
NOBODY: Final[Managers] = frozenset()
# Entities of a shop whose rows a manager may see; all others stay with the owner's staff.
ENTITIES: Final = wire.MANAGER_ENTITIES - wire.CATALOGUE_ENTITIES
_PAID: Final = wire.PAID_ORDER_STATUSES
_IN_CHUNK: Final = 500
_reach = table_of(ManagerFeed)


def _ids(values: Iterable[Any]) -> Managers:
    return frozenset(int(v) for v in values if v is not None)


def managers_of(
    conn: Connection, shop_id: int, entity: str, rows: Sequence[Mapping[str, Any]]
) -> list[Managers] | None:
    """Who sees each row, in order; None for an entity no manager ever sees."""
    if entity not in ENTITIES:
        return None
    if entity == "shop":
        everyone = _ids(
            conn.scalars(select(StoreManager.id).where(StoreManager.shop_id == shop_id))
        )
        return [everyone for _ in rows]
    if entity == "store_manager":
        return [frozenset({int(r["id"])}) for r in rows]
    if entity in ("task_progress", "release_request", "order"):
        return [_ids([r["store_manager_id"]]) for r in rows]
    if entity == "customer_binding":
        return [_ids([r["to_manager_id"], r["from_manager_id"]]) for r in rows]
    if entity == "statement_line":
        return [
            _ids([r["store_manager_id"]]) if r["kind"] == "manager_share" else NOBODY for r in rows
        ]
    if entity == "poster_print":
        return [_ids([r["target_id"]]) if r["kind"] == "manager" else NOBODY for r in rows]
    if entity == "order_item":
        stores = order_managers(conn, shop_id, {int(r["order_id"]) for r in rows})
        return [_ids([stores.get(int(r["order_id"]))]) for r in rows]
    assert entity == "customer"
    paid_in = paying_managers(conn, shop_id, {int(r["id"]) for r in rows})
    return [_ids([r["store_manager_id"]]) | paid_in.get(int(r["id"]), NOBODY) for r in rows]


def order_managers(conn: Connection, shop_id: int, order_ids: set[int]) -> dict[int, int | None]:
    found: dict[int, int | None] = {}
    ordered = sorted(order_ids)
    for start in range(0, len(ordered), _IN_CHUNK):
        found.update(
            conn.execute(
                select(Order.id, Order.store_manager_id).where(
                    Order.shop_id == shop_id, Order.id.in_(ordered[start : start + _IN_CHUNK])
                )
            ).all()
        )
    return found


def paying_managers(conn: Connection, shop_id: int, customer_ids: set[int]) -> dict[int, Managers]:
    """The sub-stores in which each customer has a paid order."""
    found: dict[int, set[int]] = defaultdict(set)
    ordered = sorted(customer_ids)
    for start in range(0, len(ordered), _IN_CHUNK):
        rows = conn.execute(
            select(Order.customer_id, Order.store_manager_id)
            .where(
                Order.shop_id == shop_id,
                Order.customer_id.in_(ordered[start : start + _IN_CHUNK]),
                Order.store_manager_id.is_not(None),
                Order.status.in_(_PAID),
            )
            .distinct()
        )
        for customer_id, manager_id in rows:
            if manager_id is not None:
                found[int(customer_id)].add(int(manager_id))
    return {customer: frozenset(managers) for customer, managers in found.items()}


# Who sees a row now, from its live entries (bind shop_id, entity, keys).
_SEEN_BY = select(_reach.c.key, _reach.c.manager_id).where(
    _reach.c.shop_id == bindparam("shop_id"),
    _reach.c.entity == bindparam("entity"),
    _reach.c.key.in_(bindparam("keys", expanding=True)),
    _reach.c.gone.is_(False),
)


def seen_by(
    conn: Connection, shop_id: int, entity: str, keys: Sequence[str]
) -> dict[str, Managers]:
    found: dict[str, set[int]] = defaultdict(set)
    for start in range(0, len(keys), _IN_CHUNK):
        chunk = list(keys[start : start + _IN_CHUNK])
        for key, manager_id in conn.execute(
            _SEEN_BY, {"shop_id": shop_id, "entity": entity, "keys": chunk}
        ):
            found[str(key)].add(int(manager_id))
    return {key: frozenset(managers) for key, managers in found.items()}


def write(
    conn: Connection, shop_id: int, entries: Sequence[tuple[str, str, int, Managers]]
) -> None:
    """Mirror feed entries (entity, key, seq, who sees the row now) for the managers: live for
    those who see it, gone for those who saw it until now."""
    by_entity: dict[str, list[tuple[str, int, Managers]]] = defaultdict(list)
    for entity, key, seq, managers in entries:
        by_entity[entity].append((key, seq, managers))
    rows: list[dict[str, Any]] = []
    for entity, placed in by_entity.items():
        before = seen_by(conn, shop_id, entity, [key for key, _, _ in placed])
        for key, seq, managers in placed:
            for manager_id in managers:
                rows.append(_entry(shop_id, manager_id, entity, key, seq, gone=False))
            for manager_id in before.get(key, NOBODY) - managers:
                rows.append(_entry(shop_id, manager_id, entity, key, seq, gone=True))
    if rows:
        upsert(conn, _reach, rows)


def _entry(
    shop_id: int, manager_id: int, entity: str, key: str, seq: int, *, gone: bool
) -> dict[str, Any]:
    return {
        "shop_id": shop_id,
        "manager_id": manager_id,
        "entity": entity,
        "key": key,
        "seq": seq,
        "gone": gone,
    }


def purge(conn: Connection, shop_id: int, horizon: int) -> int:
    """Forget the managers' tombstones the feed forgot too (numbered up to ``horizon``)."""
    result = conn.execute(
        delete(_reach).where(
            _reach.c.shop_id == shop_id, _reach.c.gone.is_(True), _reach.c.seq <= horizon
        )
    )
    return int(result.rowcount)


# --- a whole shop at once, in SQL ------------------------------------------------------------
# Each rule: (entity, SELECT row key, manager id for the shop :shop). The key is the row's id
# as the feed keys it: its decimal text.

_PAID_SQL: Final = ", ".join(f"'{status}'" for status in _PAID)
_RULES: Final[tuple[tuple[str, str], ...]] = (
    (
        "shop",
        "SELECT s.id AS rid, m.id AS mid FROM shop s JOIN store_manager m"
        " ON m.shop_id = s.shop_id WHERE s.shop_id = :shop AND s.id = :shop",
    ),
    (
        "store_manager",
        "SELECT m.id AS rid, m.id AS mid FROM store_manager m WHERE m.shop_id = :shop",
    ),
    (
        "task_progress",
        "SELECT t.id AS rid, t.store_manager_id AS mid FROM task_progress t"
        " WHERE t.shop_id = :shop",
    ),
    (
        "release_request",
        "SELECT q.id AS rid, q.store_manager_id AS mid FROM release_request q"
        " WHERE q.shop_id = :shop",
    ),
    (
        "order",
        'SELECT o.id AS rid, o.store_manager_id AS mid FROM "order" o'
        " WHERE o.shop_id = :shop AND o.store_manager_id IS NOT NULL",
    ),
    (
        "order_item",
        'SELECT i.id AS rid, o.store_manager_id AS mid FROM order_item i JOIN "order" o'
        " ON o.shop_id = i.shop_id AND o.id = i.order_id"
        " WHERE i.shop_id = :shop AND o.store_manager_id IS NOT NULL",
    ),
    (
        "customer",
        "SELECT c.id AS rid, c.store_manager_id AS mid FROM customer c"
        " WHERE c.shop_id = :shop AND c.store_manager_id IS NOT NULL"
        ' UNION SELECT o.customer_id AS rid, o.store_manager_id AS mid FROM "order" o'
        " WHERE o.shop_id = :shop AND o.store_manager_id IS NOT NULL"
        f" AND o.status IN ({_PAID_SQL})",
    ),
    (
        "customer_binding",
        "SELECT b.id AS rid, b.to_manager_id AS mid FROM customer_binding b"
        " WHERE b.shop_id = :shop AND b.to_manager_id IS NOT NULL"
        " UNION SELECT e.id AS rid, e.from_manager_id AS mid FROM customer_binding e"
        " WHERE e.shop_id = :shop AND e.from_manager_id IS NOT NULL",
    ),
    (
        "statement_line",
        "SELECT l.id AS rid, l.store_manager_id AS mid FROM statement_line l"
        " WHERE l.shop_id = :shop AND l.kind = 'manager_share'"
        " AND l.store_manager_id IS NOT NULL",
    ),
    (
        "poster_print",
        "SELECT p.id AS rid, p.target_id AS mid FROM poster_print p"
        " WHERE p.shop_id = :shop AND p.kind = 'manager' AND p.target_id IS NOT NULL",
    ),
)
assert {entity for entity, _ in _RULES} == ENTITIES


def rebuild(conn: Connection, shop_id: int) -> int:
    """Build a shop's manager entries afresh from its rows and feed (the demo's bulk load, a
    database from before the people of a shop); returns how many there are."""
    conn.execute(delete(_reach).where(_reach.c.shop_id == shop_id))
    total = 0
    for entity, rule in _RULES:
        result = conn.execute(
            text(
                "INSERT INTO manager_feed (shop_id, manager_id, entity, key, seq, gone)"
                " SELECT f.shop_id, r.mid, f.entity, f.key, f.seq, :gone"
                f" FROM ({rule}) r JOIN feed f ON f.shop_id = :shop AND f.entity = :entity"
                " AND f.key = CAST(r.rid AS VARCHAR(64)) AND f.payload IS NOT NULL"
            ),
            {"shop": shop_id, "entity": entity, "gone": False},
        )
        total += int(result.rowcount)
    log.info("shop %d: %d manager feed entries built", shop_id, total)
    return total


def live_entries(conn: Connection, shop_id: int) -> set[tuple[int, str, str, int]]:
    """(manager, entity, key, seq) of every row a manager sees now: what ``rebuild`` makes."""
    return {
        (int(m), str(e), str(k), int(s))
        for m, e, k, s in conn.execute(
            select(_reach.c.manager_id, _reach.c.entity, _reach.c.key, _reach.c.seq).where(
                _reach.c.shop_id == shop_id, _reach.c.gone.is_(False)
            )
        )
    }
