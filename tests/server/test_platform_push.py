"""Pushing mutations: applied once, answered again as duplicates, refusals never block."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Engine, func, select

from models import wire
from server.db.desk import OrderReview, PosterPrint, ProductPick
from server.db.orders import Order
from tests.server.conftest import NOW, Desk, mutation, upserted


def _orders_of(engine: Engine, shop_id: int, count: int) -> list[int]:
    with engine.connect() as conn:
        return list(
            conn.scalars(
                select(Order.id).where(Order.shop_id == shop_id).order_by(Order.id).limit(count)
            )
        )


def _review(
    order_id: int, note: str = "客户要求周五前发货", mutation_id: str | None = None
) -> dict[str, object]:
    payload = {"order_id": order_id, "reviewed": True, "flag": "follow_up", "note": note}
    return mutation("order_review.set", payload, mutation_id)


def test_a_review_is_applied_and_echoed_to_a_second_computer(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    first, second = desk().login("demo1"), desk().login("demo1")
    _, cursor = second.pull_all()
    order_id = _orders_of(engine, first.shop_id, 1)[0]
    [result] = first.push(_review(order_id))
    assert (result.status, result.outcome) == ("applied", "applied")

    pages, _ = second.pull_all(cursor)
    assert upserted(pages, "order_review") == [
        {
            "order_id": order_id,
            "reviewed": True,
            "flag": "follow_up",
            "note": "客户要求周五前发货",
            "updated_at": NOW,
            "actor": "owner",
        }
    ]


def test_a_retry_is_answered_with_the_first_result(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    order_id = _orders_of(engine, shop.shop_id, 1)[0]
    good = _review(order_id, mutation_id="retry-good-0001")
    bad = _review(10**12, mutation_id="retry-bad-00001")
    first = shop.push(good, bad)
    again = shop.push(good, bad)
    assert [r.status for r in first] == ["applied", "rejected"]
    assert [r.status for r in again] == ["duplicate", "duplicate"]
    assert [r.outcome for r in again] == ["applied", "rejected"]
    assert again[1].code == first[1].code == "unknown_order"
    assert again[1].reason == first[1].reason
    # The same id with a changed payload is still the same action: nothing new happens.
    changed = _review(order_id, note="改了", mutation_id="retry-good-0001")
    assert shop.push(changed)[0].status == "duplicate"
    with engine.connect() as conn:
        note = select(OrderReview.note).where(
            OrderReview.shop_id == shop.shop_id, OrderReview.order_id == order_id
        )
        assert conn.scalar(note) == "客户要求周五前发货"


def test_a_refused_mutation_does_not_stop_the_batch(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    orders = _orders_of(engine, shop.shop_id, 2)
    results = shop.push(
        _review(10**12),
        mutation("order_review.set", {"order_id": orders[0], "reviewed": "maybe"}),
        _review(orders[0]),
        mutation("product_pick.set", {"product_id": 1, "picked": True}),
        mutation("product_pick.set", {"product_id": 99_999_999, "picked": True}),
        mutation(
            "poster.printed",
            {"id": "poster-1", "kind": "product", "target_id": 1, "layout": "a4", "copies": 3},
        ),
        _review(orders[1]),
    )
    assert [(r.status, r.code) for r in results] == [
        ("rejected", "unknown_order"),
        ("rejected", "invalid_payload"),
        ("applied", ""),
        ("applied", ""),
        ("rejected", "unknown_product"),
        ("applied", ""),
        ("applied", ""),
    ]
    assert all(r.reason for r in results if r.status == "rejected")
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(OrderReview)) == 2
        assert conn.scalar(select(func.count()).select_from(ProductPick)) == 1
        assert conn.scalar(select(PosterPrint.copies)) == 3


def test_the_same_batch_pushed_twice_at_once_has_one_effect(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    orders = _orders_of(engine, shop.shop_id, 40)
    batch = [_review(order_id, note=f"第{n}单") for n, order_id in enumerate(orders)]
    answers: list[list[wire.MutationResult]] = []
    start = threading.Barrier(2)

    def deliver() -> None:
        computer = desk()
        computer.http.headers["Authorization"] = f"Bearer {shop.token}"
        start.wait()
        answers.append(computer.push(*batch))

    threads = [threading.Thread(target=deliver) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert len(answers) == 2
    for first, second in zip(*answers, strict=True):
        assert sorted([first.status, second.status]) == ["applied", "duplicate"]
        assert first.outcome == second.outcome == "applied"
    with engine.connect() as conn:
        assert conn.scalar(select(func.count()).select_from(OrderReview)) == len(orders)
    pages, _ = shop.pull_all()
    assert len(upserted(pages, "order_review")) == len(orders)


def test_a_poster_for_something_that_does_not_exist_is_refused(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    results = shop.push(
        mutation(
            "poster.printed",
            {"id": "p1", "kind": "manager", "target_id": 10**9, "layout": "a5", "copies": 1},
        ),
        mutation(
            "poster.printed",
            {"id": "p2", "kind": "sale_event", "target_id": None, "layout": "a5", "copies": 1},
        ),
        mutation(
            "poster.printed",
            {
                "id": "p3",
                "kind": "shop",
                "target_id": shop.shop_id + 1,
                "layout": "share",
                "copies": 1,
            },
        ),
        mutation(
            "poster.printed",
            {"id": "p4", "kind": "shop", "target_id": None, "layout": "labels", "copies": 1},
        ),
    )
    assert [(r.status, r.code) for r in results] == [
        ("rejected", "unknown_target"),
        ("rejected", "unknown_target"),
        ("rejected", "unknown_target"),
        ("applied", ""),
    ]


def test_batches_that_cannot_be_read_are_bad_requests(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    bodies: list[object] = [
        {},
        {"mutations": "all"},
        {
            "mutations": [
                {"id": "short", "kind": "order_review.set", "payload": {}, "created_at": 0}
            ]
        },
        {
            "mutations": [
                {"id": "long-enough-id", "kind": "shop.delete", "payload": {}, "created_at": 0}
            ]
        },
        {"mutations": [], "shop_id": 2},
        {"mutations": [mutation("product_pick.set", {"product_id": 1, "picked": True})] * 501},
    ]
    for body in bodies:
        response = shop.http.post("/v1/push", json=body)
        assert response.status_code == 400, response.text[:300]
        assert wire.ErrorBody.model_validate_json(response.content).code == wire.ERR_BAD_REQUEST
