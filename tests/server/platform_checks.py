"""Invariants of a platform database that every test of its rules can ask for."""

from __future__ import annotations

from collections import defaultdict
from typing import Any

import orjson
from sqlalchemy import Connection, select

from server.db.platform import Feed
from server.db.schema import CATALOGUE_TABLES, ENTITY_TABLES, KEY_COLUMNS, wire_columns
from server.db.shops import Customer, CustomerBinding, Shop

Person = tuple[int, int]


def owners(conn: Connection) -> dict[Person, list[tuple[int, str]]]:
    """Every customer with the shops that hold a row of theirs, and its status there.

    Ids are unique within a shop: a person is (the shop they first came to, their id there).
    A customer who followed a released manager keeps their id in her new shop, whose
    ``released_from_shop_id`` names the shop they came from.
    """
    came_from = {
        row.id: row.released_from_shop_id
        for row in conn.execute(select(Shop.id, Shop.released_from_shop_id))
    }

    def person(shop_id: int, customer_id: int, bound_via: str) -> Person:
        origin = came_from.get(shop_id)
        if bound_via == "transferred_in" and origin is not None:
            return person(origin, customer_id, "")
        return (shop_id, customer_id)

    found: dict[Person, list[tuple[int, str]]] = defaultdict(list)
    for row in conn.execute(
        select(Customer.id, Customer.shop_id, Customer.status, Customer.bound_via)
    ):
        found[person(row.shop_id, row.id, row.bound_via)].append((row.shop_id, row.status))
    return found


def assert_one_owner_each(conn: Connection) -> None:
    for who, rows in owners(conn).items():
        active = [shop for shop, status in rows if status == "active"]
        assert len(active) == 1, f"customer {who} is active in shops {active}"


def replay_ledger(conn: Connection) -> dict[tuple[int, int], tuple[str, int | None]]:
    """(shop, customer) -> (status, store manager) as the ledger, read in order, has them."""
    state: dict[tuple[int, int], tuple[str, int | None]] = {}
    entries = conn.execute(
        select(CustomerBinding).order_by(
            CustomerBinding.shop_id, CustomerBinding.at, CustomerBinding.id
        )
    )
    for entry in entries:
        key = (entry.shop_id, entry.customer_id)
        if entry.event == "first_order":
            state[key] = ("active", entry.to_manager_id)
        elif entry.event in ("allocation", "transfer_in"):
            state[key] = ("active", None)
        elif entry.event == "release_out":
            state[key] = ("left", state.get(key, ("active", None))[1])
        else:  # pragma: no cover - the contract names no other event
            raise AssertionError(entry.event)
    return state


def assert_ledger_gives_bindings(conn: Connection) -> None:
    """Replaying the ledger gives every bound customer's store and status; a customer without
    an entry has never paid and is still where they first came in."""
    replayed = replay_ledger(conn)
    for row in conn.execute(select(Customer)):
        key = (row.shop_id, row.id)
        if key in replayed:
            assert replayed[key] == (row.status, row.store_manager_id), (key, replayed[key])
        else:
            assert (row.status, row.first_order_at) == ("active", None), key


def assert_feed_matches_tables(conn: Connection) -> None:
    """Every shop row is in its shop's feed exactly as stored, and the feed holds nothing else."""
    live: dict[tuple[int, str, str], Any] = {}
    for feed in conn.execute(select(Feed).where(Feed.payload.is_not(None))):
        live[(feed.shop_id, feed.entity, feed.key)] = orjson.loads(feed.payload)
    stored: dict[tuple[int, str, str], Any] = {}
    for entity, table in ENTITY_TABLES.items():
        if entity in CATALOGUE_TABLES:
            continue
        columns = wire_columns(entity)
        for row in conn.execute(select(table)).mappings():
            key = (row["shop_id"], entity, str(row[KEY_COLUMNS[entity]]))
            stored[key] = {c: row[c] for c in columns}
    assert live.keys() == stored.keys()
    assert live == stored


def assert_consistent(conn: Connection) -> None:
    assert_one_owner_each(conn)
    assert_ledger_gives_bindings(conn)
