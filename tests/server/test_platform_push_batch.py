"""A push batch in one transaction: in order, exactly once, and a refusal stays its own."""

from __future__ import annotations

import threading
from collections.abc import Callable

from sqlalchemy import Engine, func, select, text

from models import wire
from server.db.desk import OrderReview, ReleaseDecision
from server.db.engine import write_begin
from server.db.orders import Order
from server.db.platform import Feed, FeedPartition
from server.db.shops import Customer, ReleaseRequest
from tests.server.conftest import Desk, mutation, upserted

_REFUSED_NOTE = "拒收"


def _orders_of(engine: Engine, shop_id: int, count: int) -> list[int]:
    with engine.connect() as conn:
        return list(
            conn.scalars(
                select(Order.id).where(Order.shop_id == shop_id).order_by(Order.id).limit(count)
            )
        )


def _review(order_id: int, note: str, mutation_id: str | None = None) -> dict[str, object]:
    payload = {"order_id": order_id, "reviewed": True, "flag": "none", "note": note}
    return mutation("order_review.set", payload, mutation_id)


def _reviews(engine: Engine, shop_id: int) -> dict[int, str]:
    with engine.connect() as conn:
        rows = conn.execute(
            select(OrderReview.order_id, OrderReview.note).where(OrderReview.shop_id == shop_id)
        )
        return {r.order_id: r.note for r in rows}


def _refuse_a_note_in_the_database(engine: Engine) -> None:
    """A rule of the database the platform's own checks know nothing of."""
    with write_begin(engine) as conn:
        if conn.dialect.name == "sqlite":
            conn.execute(
                text(
                    "CREATE TRIGGER no_such_note BEFORE INSERT ON order_review"
                    f" WHEN NEW.note = '{_REFUSED_NOTE}'"
                    " BEGIN SELECT RAISE(ABORT, 'the note is refused'); END"
                )
            )
            return
        conn.execute(
            text(
                "CREATE FUNCTION no_such_note() RETURNS trigger LANGUAGE plpgsql AS $$"
                f" BEGIN IF NEW.note = '{_REFUSED_NOTE}' THEN"
                " RAISE EXCEPTION 'the note is refused' USING ERRCODE = 'check_violation';"
                " END IF; RETURN NEW; END $$"
            )
        )
        conn.execute(
            text(
                "CREATE TRIGGER no_such_note BEFORE INSERT ON order_review"
                " FOR EACH ROW EXECUTE FUNCTION no_such_note()"
            )
        )


def test_a_row_the_database_refuses_is_refused_alone(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    first, second, third = _orders_of(engine, shop.shop_id, 3)
    _refuse_a_note_in_the_database(engine)
    batch = [
        _review(first, "好"),
        _review(second, _REFUSED_NOTE),
        mutation("product_pick.set", {"product_id": 1, "picked": True}),
        _review(third, "也好"),
    ]
    results = shop.push(*batch)
    assert [(r.status, r.code) for r in results] == [
        ("applied", ""),
        ("rejected", "not_recorded"),
        ("applied", ""),
        ("applied", ""),
    ]
    assert "could not record" in results[1].reason
    assert _reviews(engine, shop.shop_id) == {first: "好", third: "也好"}
    again = shop.push(*batch)
    assert [(r.status, r.outcome) for r in again] == [
        ("duplicate", "applied"),
        ("duplicate", "rejected"),
        ("duplicate", "applied"),
        ("duplicate", "applied"),
    ]
    pages, _ = desk().login("demo1").pull_all()
    assert {r["order_id"] for r in upserted(pages, "order_review")} == {first, third}


def test_the_same_mutation_twice_in_one_batch_has_one_effect(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    first, second = _orders_of(engine, shop.shop_id, 2)
    results = shop.push(
        _review(first, "第一次", "twice-in-a-batch"),
        _review(second, "另一单"),
        _review(first, "改过的", "twice-in-a-batch"),
    )
    assert [(r.status, r.outcome) for r in results] == [
        ("applied", "applied"),
        ("applied", "applied"),
        ("duplicate", "applied"),
    ]
    assert _reviews(engine, shop.shop_id) == {first: "第一次", second: "另一单"}


def test_a_batch_applies_in_order_around_a_release_decision(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    [order_id] = _orders_of(engine, shop.shop_id, 1)
    request_id, manager_id = _pending_request(engine, shop.shop_id)
    decide = {"request_id": request_id, "decision": "approve", "reason": "她做得很好"}
    poster = {
        "id": "after",
        "kind": "manager",
        "target_id": manager_id,
        "layout": "a4",
        "copies": 1,
    }
    results = shop.push(
        _review(order_id, "决定之前"),
        mutation("release.decide", decide),
        mutation("release.decide", decide),
        _review(order_id, "决定之后"),
        mutation("poster.printed", poster),
    )
    assert [(r.status, r.code) for r in results] == [
        ("applied", ""),
        ("applied", ""),
        ("rejected", "already_decided"),
        ("applied", ""),
        ("applied", ""),
    ]
    assert _reviews(engine, shop.shop_id) == {order_id: "决定之后"}


def _pending_request(engine: Engine, shop_id: int) -> tuple[int, int]:
    with engine.connect() as conn:
        row = conn.execute(
            select(ReleaseRequest.id, ReleaseRequest.store_manager_id)
            .where(ReleaseRequest.shop_id == shop_id, ReleaseRequest.status == "pending")
            .order_by(ReleaseRequest.id)
        ).first()
    assert row is not None
    return int(row.id), int(row.store_manager_id)


def test_a_mixed_batch_pushed_twice_at_once_has_one_effect(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    orders = _orders_of(engine, shop.shop_id, 30)
    request_id, _ = _pending_request(engine, shop.shop_id)
    customers_before, shops_before = _customers_and_shops(engine)
    batch = [
        *(_review(order_id, f"第{n}单") for n, order_id in enumerate(orders[:15])),
        mutation("release.decide", {"request_id": request_id, "decision": "approve", "reason": ""}),
        mutation("product_pick.set", {"product_id": 2, "picked": True}),
        *(_review(order_id, f"后{n}单") for n, order_id in enumerate(orders[15:])),
    ]
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
        decisions = conn.scalar(
            select(func.count())
            .select_from(ReleaseDecision)
            .where(ReleaseDecision.shop_id == shop.shop_id)
        )
        new_shop = conn.scalar(select(func.max(FeedPartition.shop_id)))
        arrived = conn.scalar(
            select(func.count()).select_from(Customer).where(Customer.shop_id == new_shop)
        )
    assert decisions == 1
    assert len(_reviews(engine, shop.shop_id)) == len(orders)
    # One shop opened, and the leavers arrived there once each.
    customers_after, shops_after = _customers_and_shops(engine)
    assert shops_after == shops_before + 1
    assert arrived
    assert customers_after == customers_before + arrived


def _customers_and_shops(engine: Engine) -> tuple[int, int]:
    with engine.connect() as conn:
        customers = conn.scalar(select(func.count()).select_from(Customer)) or 0
        shops = conn.scalar(select(func.count()).select_from(FeedPartition)) or 0
    return customers, shops


def test_a_batch_takes_one_run_of_feed_numbers(desk: Callable[[], Desk], engine: Engine) -> None:
    shop = desk().login("demo1")
    orders = _orders_of(engine, shop.shop_id, wire.MAX_PUSH_BATCH)

    def last_seq() -> int:
        with engine.connect() as conn:
            return int(
                conn.scalar(
                    select(FeedPartition.last_seq).where(FeedPartition.shop_id == shop.shop_id)
                )
                or 0
            )

    before = last_seq()
    results = shop.push(*(_review(order_id, f"批{n}") for n, order_id in enumerate(orders)))
    assert {r.status for r in results} == {"applied"}
    assert last_seq() == before + len(orders)
    with engine.connect() as conn:
        seqs = sorted(
            conn.scalars(
                select(Feed.seq).where(Feed.shop_id == shop.shop_id, Feed.entity == "order_review")
            )
        )
    assert seqs == list(range(before + 1, before + len(orders) + 1))


def test_a_number_no_column_can_hold_is_refused_alone(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    [order_id] = _orders_of(engine, shop.shop_id, 1)
    results = shop.push(
        _review(10**30, "太大"),
        mutation("product_pick.set", {"product_id": -(2**70), "picked": True}),
        mutation("release.decide", {"request_id": 2**64, "decision": "approve", "reason": ""}),
        _review(order_id, "正常"),
    )
    assert [(r.status, r.code) for r in results] == [
        ("rejected", "invalid_payload"),
        ("rejected", "invalid_payload"),
        ("rejected", "invalid_payload"),
        ("applied", ""),
    ]
