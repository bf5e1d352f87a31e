"""Keys by shop: every shop table is keyed by shop_id first, and every statement names its shop.

The shop tables are whatever the models declare beyond the tables every shop shares, so a
table added later is held to the same rules without being listed here.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import Engine, Table, UniqueConstraint, select

from models import wire
from server import feed
from server import pull as feed_pages
from server.db.base import Base
from server.db.distribution import distribution_plan, keyed_by_shop
from server.db.engine import read_begin
from server.db.orders import Order
from server.db.schema import REFERENCE_TABLES, shop_tables
from tests.server.conftest import Desk, mutation
from tests.server.statements import AWAITING_SHOP_KEY, recording, shop_table_names, unkeyed_tables


def _params() -> list[object]:
    return [
        pytest.param(
            table,
            id=table.name,
            marks=[pytest.mark.xfail(strict=True, reason=AWAITING_SHOP_KEY[table.name])]
            if table.name in AWAITING_SHOP_KEY
            else [],
        )
        for table in shop_tables()
    ]


@pytest.mark.parametrize("table", _params())
def test_every_key_of_a_shop_table_carries_its_shop(table: Table) -> None:
    assert "shop_id" in table.primary_key.columns, "the primary key"
    for constraint in table.constraints:
        if isinstance(constraint, UniqueConstraint):
            assert "shop_id" in constraint.columns, constraint.name
    for index in table.indexes:
        if index.unique:
            assert "shop_id" in index.columns, index.name
    for foreign_key in table.foreign_key_constraints:
        pairs = {e.parent.name: e.column for e in foreign_key.elements}
        assert "shop_id" in pairs, f"{foreign_key.name} leaves the shop"
        assert pairs["shop_id"].name == "shop_id", f"{foreign_key.name} changes shop"
        assert foreign_key.referred_table.name not in REFERENCE_TABLES
    assert keyed_by_shop(table)


def test_tables_every_shop_shares_point_at_no_shop() -> None:
    tables = Base.metadata.tables
    assert set(tables) >= REFERENCE_TABLES, "a shared table the models no longer have"
    for name in REFERENCE_TABLES:
        for foreign_key in tables[name].foreign_key_constraints:
            assert foreign_key.referred_table.name in REFERENCE_TABLES, foreign_key.name
    assert {t.name for t in shop_tables()} == set(tables) - REFERENCE_TABLES


def test_citus_places_shared_tables_first_then_each_shop_table_after_what_it_references() -> None:
    plan = distribution_plan()
    kinds = [kind for _, kind in plan]
    assert kinds == sorted(kinds, key=lambda kind: kind != "reference")
    assert {name for name, kind in plan if kind == "reference"} == REFERENCE_TABLES
    placed: set[str] = set()
    tables = Base.metadata.tables
    for name, kind in plan:
        if kind == "distributed":
            for foreign_key in tables[name].foreign_key_constraints:
                assert foreign_key.referred_table.name in placed, (name, foreign_key.name)
        placed.add(name)
    spread = {t.name for t in shop_tables() if keyed_by_shop(t)}
    assert {name for name, kind in plan if kind == "distributed"} == spread
    assert spread == {t.name for t in shop_tables()} - set(AWAITING_SHOP_KEY)


@pytest.mark.parametrize(
    "statement",
    [
        'SELECT "order".id FROM "order" WHERE "order".shop_id = ? AND "order".id IN (?, ?)',
        "SELECT entity, key, seq, payload FROM feed WHERE shop_id = %s AND seq > %s",
        "UPDATE id_counter SET last_id=(id_counter.last_id + ?) WHERE id_counter.shop_id = ?"
        " AND id_counter.entity = ? RETURNING id_counter.last_id",
        "INSERT INTO order_review (shop_id, order_id, reviewed) VALUES (?, ?, ?)",
        "SELECT customer.id FROM customer WHERE customer.status = ? AND (EXISTS (SELECT * FROM"
        ' "order" WHERE "order".shop_id = customer.shop_id AND "order".customer_id ='
        " customer.id)) AND customer.shop_id = ?",
        "SELECT product.id FROM product WHERE product.id IN (?, ?)",
        "SELECT max(shop_credential.shop_id) FROM shop_credential",
    ],
)
def test_the_statement_check_passes_what_names_its_shop(statement: str) -> None:
    assert unkeyed_tables(statement) == []


@pytest.mark.parametrize(
    ("statement", "loose"),
    [
        ('SELECT "order".id FROM "order" WHERE "order".id = ?', ["order"]),
        # A column list is no condition: walking every shop's plans is a scan across shops.
        (
            "SELECT DISTINCT shop_id FROM scheduled_allocation WHERE arrives_at <= ?",
            ["scheduled_allocation"],
        ),
        ("SELECT shop.id FROM shop WHERE shop.shop_id = shop.id", ["shop"]),
        ("INSERT INTO feed (entity, key, seq) VALUES (?, ?, ?)", ["feed"]),
        ("DELETE FROM feed WHERE feed.seq <= ?", ["feed"]),
        (
            'SELECT c.id FROM customer AS c JOIN "order" AS o ON o.shop_id = c.shop_id'
            " WHERE o.status = ?",
            ["customer", "order"],
        ),
    ],
)
def test_the_statement_check_finds_a_shop_table_without_its_shop(
    statement: str, loose: list[str]
) -> None:
    assert unkeyed_tables(statement) == loose


def test_the_log_sees_what_the_platform_runs_for_a_push(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    with engine.connect() as conn:
        order_id = conn.scalar(select(Order.id).where(Order.shop_id == shop.shop_id).limit(1))
    with recording() as log:
        review = {"order_id": order_id, "reviewed": True, "flag": "none", "note": "看过"}
        shop.push(mutation("order_review.set", review))
        # The page read as the pull route runs it, on a connection of the platform's engine:
        # whatever another desktop left the feeds at, both are read from their start.
        with read_begin(engine) as conn:
            feed_pages.read_page(conn, shop.shop_id, wire.START_CURSOR, 10)
            catalogue_end = (feed.position(conn, None) or (0, 0))[0]
            feed_pages.read_page(conn, shop.shop_id, wire.format_cursor(catalogue_end, 0), 10)
    # The page read runs on the driver's cursor, and is heard all the same.
    assert any("FROM feed WHERE shop_id" in statement for statement, _ in log.seen)
    assert any("FROM catalogue_feed" in statement for statement, _ in log.seen)
    touched = {
        table
        for statement, _ in log.seen
        for table in shop_table_names()
        if table in statement.replace('"', "")
    }
    assert {"applied_mutation", "order", "order_review", "feed", "feed_partition"} <= touched
    assert log.problems() == []
