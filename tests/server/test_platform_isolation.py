"""A shop can neither read nor change another shop's data, whatever it sends."""

from __future__ import annotations

from collections.abc import Callable

import orjson
from sqlalchemy import Engine, select

from server.db.desk import OrderReview
from server.db.engine import write_begin
from server.db.orders import Order
from server.db.schema import CATALOGUE_TABLES, ENTITY_TABLES
from server.rows import load_rows, new_ids, save_rows
from tests.server.conftest import NOW, Desk, mutation, upserted
from tests.server.test_platform_release import _snapshot


def test_a_shop_pulls_only_its_own_rows(desk: Callable[[], Desk], engine: Engine) -> None:
    first, second = desk().login("demo1"), desk().login("demo2")
    first_pages, _ = first.pull_all()
    second_pages, _ = second.pull_all()
    for entity, table in ENTITY_TABLES.items():
        if entity in CATALOGUE_TABLES:
            continue
        for shop, pages in ((first, first_pages), (second, second_pages)):
            with engine.connect() as conn:
                stored = load_rows(conn, entity, shop.shop_id)
            # Ids are unique within a shop only: what each pulls is exactly its own rows.
            assert _as_set(upserted(pages, entity)) == _as_set(stored), entity
        assert table.name
    for entity in ("shop", "customer", "order", "store_manager"):
        assert _as_set(upserted(first_pages, entity)) != _as_set(upserted(second_pages, entity))
    for entity in CATALOGUE_TABLES:
        assert upserted(first_pages, entity) == upserted(second_pages, entity)


def _as_set(rows: list[dict[str, object]]) -> set[bytes]:
    return {orjson.dumps(row, option=orjson.OPT_SORT_KEYS) for row in rows}


def _rows_only_the_owner_has(engine: Engine, owner: int, intruder: int) -> dict[str, int]:
    """A new manager, her pending release request and an order: ids the intruder's shop lacks."""
    with write_begin(engine) as conn:
        manager = load_rows(conn, "store_manager", owner)[0]
        customer = load_rows(conn, "customer", owner)[0]
        order = load_rows(conn, "order", owner)[0]
        (manager_id,) = new_ids(conn, "store_manager", 1, owner)
        (request_id,) = new_ids(conn, "release_request", 1, owner)
        (order_id,) = new_ids(conn, "order", 1, owner)
        save_rows(conn, "store_manager", [{**manager, "id": manager_id}], owner)
        request = {
            "id": request_id,
            "store_manager_id": manager_id,
            "created_at": NOW,
            "status": "pending",
            "decided_at": None,
            "decision_reason": "",
            "new_shop_code": None,
        }
        save_rows(conn, "release_request", [request], owner)
        new_order = {**order, "id": order_id, "customer_id": customer["id"], "order_no": "ZGX1"}
        save_rows(conn, "order", [new_order], owner)
        for entity, key in (
            ("store_manager", manager_id),
            ("release_request", request_id),
            ("order", order_id),
        ):
            table = ENTITY_TABLES[entity]
            assert not load_rows(conn, entity, intruder, table.c.id == key)
    return {"manager": manager_id, "request": request_id, "order": order_id}


def test_a_shop_cannot_change_another_shops_rows(desk: Callable[[], Desk], engine: Engine) -> None:
    intruder, owner = desk().login("demo1"), desk().login("demo2")
    theirs = _rows_only_the_owner_has(engine, owner.shop_id, intruder.shop_id)
    before = _snapshot(engine, frozenset({"order_review", "poster_print"}))
    _, owner_cursor = owner.pull_all()

    results = intruder.push(
        mutation(
            "order_review.set",
            {"order_id": theirs["order"], "reviewed": True, "flag": "problem", "note": ""},
        ),
        mutation(
            "release.decide",
            {"request_id": theirs["request"], "decision": "approve", "reason": ""},
        ),
        mutation(
            "poster.printed",
            {
                "id": "x1",
                "kind": "manager",
                "target_id": theirs["manager"],
                "layout": "a4",
                "copies": 1,
            },
        ),
        mutation(
            "poster.printed",
            {"id": "x2", "kind": "shop", "target_id": owner.shop_id, "layout": "a4", "copies": 1},
        ),
        # A shop named in the payload is not the caller's to choose: refused, not obeyed.
        mutation(
            "order_review.set",
            {
                "order_id": theirs["order"],
                "reviewed": True,
                "flag": "none",
                "note": "",
                "shop_id": owner.shop_id,
            },
        ),
        # An id both shops have means the caller's own row.
        mutation("order_review.set", {"order_id": 1, "reviewed": True, "flag": "none", "note": ""}),
    )
    assert [(r.status, r.code) for r in results] == [
        ("rejected", "unknown_order"),
        ("rejected", "unknown_request"),
        ("rejected", "unknown_target"),
        ("rejected", "unknown_target"),
        ("rejected", "invalid_payload"),
        ("applied", ""),
    ]
    assert _snapshot(engine, frozenset({"order_review", "poster_print"})) == before
    with engine.connect() as conn:
        reviews = conn.execute(select(OrderReview.shop_id, OrderReview.order_id)).all()
    assert [tuple(r) for r in reviews] == [(intruder.shop_id, 1)]
    pages, _ = owner.pull_all(owner_cursor)
    assert not any(page.upserts for page in pages)


def test_a_token_names_its_shop_even_with_another_shops_mutation_ids(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    first, second = desk().login("demo1"), desk().login("demo2")
    with engine.connect() as conn:
        first_order = conn.scalar(select(Order.id).where(Order.shop_id == first.shop_id))
        second_order = conn.scalar(select(Order.id).where(Order.shop_id == second.shop_id))
    shared_id = "same-id-in-two-shops"
    review = {"reviewed": True, "flag": "none", "note": ""}
    [mine] = first.push(
        mutation("order_review.set", {"order_id": first_order, **review}, shared_id)
    )
    [theirs] = second.push(
        mutation("order_review.set", {"order_id": second_order, **review}, shared_id)
    )
    # Mutation ids are claimed per shop: one shop cannot pre-empt another's.
    assert mine.status == theirs.status == "applied"
