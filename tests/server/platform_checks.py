"""Invariants of a platform database that every test of its rules can ask for."""

from __future__ import annotations

from collections import defaultdict
from datetime import datetime, timedelta, timezone
from typing import Any

import orjson
from sqlalchemy import Connection, select, text

from server.db.base import Base
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


# Moments planned ahead by their nature: a sale event's dates, a stage's deadline, the arrival
# of a promised customer. Every other moment a platform holds has happened.
PLANNED_AHEAD = frozenset(
    {
        ("sale_event", "starts_at"),
        ("sale_event", "ends_at"),
        ("task_progress", "deadline_at"),
        ("scheduled_allocation", "arrives_at"),
    }
)


def moment_columns() -> list[tuple[str, str]]:
    """Every (table, column) of the platform that holds a moment."""
    return [
        (table.name, column.name)
        for table in Base.metadata.sorted_tables
        for column in table.columns
        if column.name == "at" or column.name.endswith("_at")
    ]


def later_than(conn: Connection, now: int) -> dict[tuple[str, str], int]:
    """How many moments of each column lie after ``now`` (columns planned ahead left out)."""
    found: dict[tuple[str, str], int] = {}
    for table, column in moment_columns():
        if (table, column) in PLANNED_AHEAD:
            continue
        later = conn.scalar(
            text(f'SELECT count(*) FROM "{table}" WHERE "{column}" > :now'), {"now": now}
        )
        if later:
            found[(table, column)] = int(later)
    return found


def order_numbers_off_their_day(conn: Connection) -> list[str]:
    """Order numbers whose date is not the day in China their order was placed."""
    china = timezone(timedelta(hours=8))
    return [
        number
        for number, placed in conn.execute(text('SELECT order_no, placed_at FROM "order"'))
        if number[2:10] != datetime.fromtimestamp(placed, china).strftime("%Y%m%d")
    ]


# A stage's window, written out once more in plain SQL: payments after it began, up to the
# earliest of its deadline, its completion and now.
_WINDOW = """
    o.shop_id = p.shop_id AND o.store_manager_id = p.store_manager_id
    AND o.status IN ('paid', 'shipped', 'completed')
    AND o.paid_at > p.started_at
    AND o.paid_at <= CASE
        WHEN p.completed_at IS NOT NULL AND p.completed_at < p.deadline_at
             AND p.completed_at < :now THEN p.completed_at
        WHEN p.deadline_at < :now THEN p.deadline_at
        ELSE :now END
"""


def stage_rows(conn: Connection, now: int) -> list[Any]:
    """Every stage row with its targets and what its window holds."""
    return list(
        conn.execute(
            text(
                f"""
                SELECT p.shop_id, p.id, p.store_manager_id, p.status, p.started_at,
                       p.deadline_at, p.completed_at, p.sales_cents, p.customers_count,
                       s.position, s.sales_target_cents, s.customers_target,
                       (SELECT coalesce(sum(o.amount_cents), 0) FROM "order" o
                        WHERE {_WINDOW}) AS window_sales,
                       (SELECT count(DISTINCT o.customer_id) FROM "order" o
                        WHERE {_WINDOW}) AS window_customers
                FROM task_progress p JOIN task_stage s ON s.id = p.stage_id
                ORDER BY p.shop_id, p.store_manager_id, p.started_at, p.id
                """
            ),
            {"now": now},
        )
    )


def assert_stage_figures_are_their_windows(
    conn: Connection, now: int, *, refunds_since: bool = False
) -> None:
    """Every stage counts exactly its window, and is completed when its targets are met.

    With ``refunds_since`` (a platform that has lived on), a refund may have taken a completed
    stage back below its targets: it stays completed, but no other stage meets them."""
    rows = stage_rows(conn, now)
    assert rows
    off = [
        r
        for r in rows
        if (r.sales_cents, r.customers_count) != (r.window_sales, r.window_customers)
    ]
    assert off == [], off[:5]
    for r in rows:
        met = r.sales_cents >= r.sales_target_cents and r.customers_count >= r.customers_target
        if refunds_since and r.status == "completed":
            continue
        assert met == (r.status == "completed"), r


def first_payment_stores_off(conn: Connection) -> list[Any]:
    """Customers bound by a payment whose store is not the one of their first paid order."""
    return list(
        conn.execute(
            text(
                """
                SELECT c.shop_id, c.id, c.store_manager_id, c.first_order_at, f.store
                FROM customer c JOIN (
                    SELECT o.shop_id, o.customer_id, o.paid_at,
                           coalesce(o.store_manager_id, 0) AS store,
                           row_number() OVER (PARTITION BY o.shop_id, o.customer_id
                                              ORDER BY o.paid_at, o.id) AS n
                    FROM "order" o WHERE o.status IN ('paid', 'shipped', 'completed')
                ) f ON f.shop_id = c.shop_id AND f.customer_id = c.id AND f.n = 1
                WHERE c.bound_via IN ('own', 'manager')
                  AND (coalesce(c.store_manager_id, 0) != f.store
                       OR c.first_order_at != f.paid_at)
                """
            )
        )
    )
