"""What each person of a shop may see, written here in plain SQL from the rules of the issue
(not from the platform's own code), and a desk's mirror built by applying pulled pages."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, cast

from sqlalchemy import Connection, text

from models import wire

Mirror = dict[str, dict[str, dict[str, Any]]]
_PAID = ", ".join(f"'{status}'" for status in wire.PAID_ORDER_STATUSES)

# entity -> the keys of that entity a store manager (:m) of a shop (:shop) sees: her sub-store.
_MANAGER_SEES: dict[str, str] = {
    "shop": "SELECT id FROM shop WHERE shop_id = :shop AND id = :shop",
    "store_manager": "SELECT id FROM store_manager WHERE shop_id = :shop AND id = :m",
    "task_progress": "SELECT id FROM task_progress WHERE shop_id = :shop AND store_manager_id = :m",
    "release_request": (
        "SELECT id FROM release_request WHERE shop_id = :shop AND store_manager_id = :m"
    ),
    "order": 'SELECT id FROM "order" WHERE shop_id = :shop AND store_manager_id = :m',
    "order_item": (
        'SELECT i.id FROM order_item i JOIN "order" o ON o.shop_id = i.shop_id'
        " AND o.id = i.order_id WHERE i.shop_id = :shop AND o.store_manager_id = :m"
    ),
    "customer": (
        "SELECT id FROM customer WHERE shop_id = :shop AND (store_manager_id = :m OR id IN"
        ' (SELECT customer_id FROM "order" WHERE shop_id = :shop AND store_manager_id = :m'
        f" AND status IN ({_PAID})))"
    ),
    "customer_binding": (
        "SELECT id FROM customer_binding WHERE shop_id = :shop"
        " AND (to_manager_id = :m OR from_manager_id = :m)"
    ),
    "statement_line": (
        "SELECT id FROM statement_line WHERE shop_id = :shop AND kind = 'manager_share'"
        " AND store_manager_id = :m"
    ),
    "poster_print": (
        "SELECT id FROM poster_print WHERE shop_id = :shop AND kind = 'manager' AND target_id = :m"
    ),
}


def manager_sees(conn: Connection, shop_id: int, manager_id: int) -> dict[str, set[str]]:
    """The keys of every shop row the store manager may see, by entity (catalogue aside)."""
    seen = {
        entity: {
            str(k) for k in conn.execute(text(sql), {"shop": shop_id, "m": manager_id}).scalars()
        }
        for entity, sql in _MANAGER_SEES.items()
    }
    return {entity: keys for entity, keys in seen.items() if keys}


def apply_page(mirror: Mirror, page: wire.PullPage) -> None:
    """A desk applying one page: upserts overwrite by key, deletes remove."""
    for entity, rows in cast(dict[str, list[dict[str, Any]]], page.upserts).items():
        key = wire.ENTITY_KEYS[entity]
        for row in rows:
            mirror.setdefault(entity, {})[str(row[key])] = row
    for entity, keys in cast(dict[str, list[Any]], page.deletes).items():
        for gone in keys:
            mirror.get(entity, {}).pop(str(gone), None)


def pull_into(
    mirror: Mirror, pull: Callable[[str], wire.PullPage], cursor: str = wire.START_CURSOR
) -> str:
    """Pull every page from ``cursor`` into ``mirror``; returns the cursor reached."""
    while True:
        page = pull(cursor)
        apply_page(mirror, page)
        cursor = page.next_cursor
        if not page.more:
            return cursor


def shop_keys(mirror: Mirror) -> dict[str, set[str]]:
    """The mirror's keys by entity, without the catalogue and without empty entities."""
    return {
        entity: set(rows)
        for entity, rows in mirror.items()
        if rows and entity not in wire.CATALOGUE_ENTITIES
    }
