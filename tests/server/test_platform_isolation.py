"""A shop can neither read nor change another shop's data, whatever it sends."""

from __future__ import annotations

from collections.abc import Callable

from sqlalchemy import Engine, select

from server.db.desk import OrderReview
from server.db.orders import Order
from server.db.schema import CATALOGUE_TABLES, KEY_COLUMNS
from server.db.shops import ReleaseRequest, StoreManager
from tests.server.conftest import Desk, mutation, upserted
from tests.server.test_platform_release import _snapshot


def test_a_shop_pulls_only_its_own_rows(desk: Callable[[], Desk], engine: Engine) -> None:
    first, second = desk().login("demo1"), desk().login("demo2")
    first_pages, _ = first.pull_all()
    second_pages, _ = second.pull_all()
    for entity in ("shop", "customer", "order", "order_item", "store_manager", "release_request"):
        key = KEY_COLUMNS[entity]
        mine = {row[key] for row in upserted(first_pages, entity)}
        theirs = {row[key] for row in upserted(second_pages, entity)}
        assert mine
        assert theirs
        assert not mine & theirs, entity
    with engine.connect() as conn:
        second_orders = set(conn.scalars(select(Order.id).where(Order.shop_id == second.shop_id)))
    assert not {row["id"] for row in upserted(first_pages, "order")} & second_orders
    for entity in CATALOGUE_TABLES:
        assert upserted(first_pages, entity) == upserted(second_pages, entity)


def test_a_shop_cannot_change_another_shops_rows(desk: Callable[[], Desk], engine: Engine) -> None:
    intruder, owner = desk().login("demo1"), desk().login("demo2")
    with engine.connect() as conn:
        order_id = conn.scalar(select(Order.id).where(Order.shop_id == owner.shop_id))
        request_id = conn.scalar(
            select(ReleaseRequest.id).where(
                ReleaseRequest.shop_id == owner.shop_id, ReleaseRequest.status == "pending"
            )
        )
        manager_id = conn.scalar(
            select(StoreManager.id).where(StoreManager.shop_id == owner.shop_id)
        )
    before = _snapshot(engine, frozenset({"order_review", "poster_print"}))
    _, owner_cursor = owner.pull_all()

    results = intruder.push(
        mutation(
            "order_review.set",
            {"order_id": order_id, "reviewed": True, "flag": "problem", "note": ""},
        ),
        mutation("release.decide", {"request_id": request_id, "decision": "approve", "reason": ""}),
        mutation(
            "poster.printed",
            {"id": "x1", "kind": "manager", "target_id": manager_id, "layout": "a4", "copies": 1},
        ),
        mutation(
            "poster.printed",
            {"id": "x2", "kind": "shop", "target_id": owner.shop_id, "layout": "a4", "copies": 1},
        ),
        # A shop named in the payload is not the caller's to choose: refused, not obeyed.
        mutation(
            "order_review.set",
            {
                "order_id": order_id,
                "reviewed": True,
                "flag": "none",
                "note": "",
                "shop_id": owner.shop_id,
            },
        ),
    )
    assert [(r.status, r.code) for r in results] == [
        ("rejected", "unknown_order"),
        ("rejected", "unknown_request"),
        ("rejected", "unknown_target"),
        ("rejected", "unknown_target"),
        ("rejected", "invalid_payload"),
    ]
    assert _snapshot(engine, frozenset({"order_review", "poster_print"})) == before
    with engine.connect() as conn:
        assert conn.scalar(select(OrderReview.order_id)) is None
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
