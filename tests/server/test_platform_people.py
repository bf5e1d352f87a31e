"""The people of a shop on the platform: who signs in, what each role's feed carries, what each
role may push, and who did each applied action."""

from __future__ import annotations

import uuid
from collections.abc import Callable
from typing import Any, cast

import httpx
from sqlalchemy import Engine, select

from models import wire
from server.db.engine import write_begin
from server.db.orders import Order
from server.db.platform import AppliedMutation
from server.db.shops import Customer
from server.rows import load_rows, save_rows
from tests.server.conftest import Desk, mutation, upserted
from tests.server.people_checks import Mirror, manager_sees, pull_into, shop_keys


def _error(response: httpx.Response) -> wire.ErrorBody:
    return wire.ErrorBody.model_validate_json(response.content)


def _login(desk: Desk, shop_code: str, user: str, password: str = "demo") -> httpx.Response:
    body = {"shop_code": shop_code, "password": password, "user": user}
    return desk.http.post("/v1/login", json=body)


def _mirror_of(desk: Desk, cursor: str = wire.START_CURSOR) -> tuple[Mirror, str]:
    mirror: Mirror = {}
    return mirror, pull_into(mirror, desk.pull_page, cursor)


def _first_order_of(engine: Engine, shop_id: int, manager_id: int | None) -> int:
    with engine.connect() as conn:
        found = conn.scalar(
            select(Order.id)
            .where(
                Order.shop_id == shop_id,
                Order.store_manager_id.is_(None)
                if manager_id is None
                else Order.store_manager_id == manager_id,
            )
            .order_by(Order.id)
        )
    assert found is not None
    return int(found)


def test_every_demo_person_signs_in_with_their_role(desk: Callable[[], Desk]) -> None:
    owner = desk().login("demo1")
    assistant = desk().login("demo1", user="assistant")
    manager = desk().login("demo1", user="m1")
    assert owner.signed_in is not None
    assert assistant.signed_in is not None
    assert manager.signed_in is not None
    assert (owner.signed_in.user, owner.signed_in.role) == ("owner", "owner")
    assert (assistant.signed_in.user, assistant.signed_in.role) == ("assistant", "assistant")
    assert (manager.signed_in.role, manager.signed_in.store_manager_id) == ("manager", 1)
    assert manager.signed_in.shop_id == owner.shop_id
    # Manager 2 of demo1 was released: she signs in to a shop of her own now.
    released = _login(desk(), "demo1", "m2")
    assert released.status_code == 401
    assert "disabled" in _error(released).message
    wrong = _login(desk(), "demo1", "assistant", "not-it")
    assert (wrong.status_code, _error(wrong).code) == (401, wire.ERR_BAD_LOGIN)


def test_an_assistant_pulls_the_shop_without_its_money_releases_or_people(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    owner, _ = _mirror_of(desk().login("demo1"))
    assistant, _ = _mirror_of(desk().login("demo1", user="assistant"))
    assert not set(assistant) & wire.OWNER_ONLY_ENTITIES
    assert {"person", "statement", "release_request"} <= set(owner)
    for entity in ("order", "customer", "product", "order_item", "order_review"):
        assert assistant.get(entity) == owner.get(entity), entity


def test_a_managers_feed_is_her_sub_store_and_the_catalogue(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    owner, _ = _mirror_of(desk().login("demo1"))
    for user, manager_id in (("m1", 1), ("m3", 3)):
        signed = desk().login("demo1", user=user)
        mine, _ = _mirror_of(signed)
        with engine.connect() as conn:
            expected = manager_sees(conn, signed.shop_id, manager_id)
        assert shop_keys(mine) == expected
        assert expected["order"]
        assert expected["customer"]
        # Each row she holds is the row the owner holds.
        for entity, rows in mine.items():
            assert rows.items() <= owner[entity].items(), entity
        assert mine["product"] == owner["product"]


def test_a_row_that_leaves_a_managers_sight_is_deleted_at_her_next_pull(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    m1, m3 = desk().login("demo1", user="m1"), desk().login("demo1", user="m3")
    first, first_cursor = _mirror_of(m1)
    third, third_cursor = _mirror_of(m3)
    shop_id = m1.shop_id
    order_id = _first_order_of(engine, shop_id, 1)
    with write_begin(engine) as conn:
        # The platform attributes a customer's orders in manager 1's sub-store to manager 3
        # after all, and binds the customer to the owner's own store.
        [order] = load_rows(conn, "order", shop_id, Order.id == order_id)
        bound = int(order["customer_id"])
        theirs = load_rows(
            conn,
            "order",
            shop_id,
            (Order.customer_id == bound) & (Order.store_manager_id == 1),
        )
        save_rows(conn, "order", [{**o, "store_manager_id": 3} for o in theirs], shop_id)
        [customer] = load_rows(conn, "customer", shop_id, Customer.id == bound)
        save_rows(conn, "customer", [{**customer, "store_manager_id": None}], shop_id)
    pages, _ = m1.pull_all(first_cursor)
    assert order_id in [d for p in pages for d in cast(dict[str, list[Any]], p.deletes)["order"]]
    pull_into(first, m1.pull_page, first_cursor)
    pull_into(third, m3.pull_page, third_cursor)
    assert str(order_id) not in first["order"]
    assert str(bound) not in first["customer"]
    assert third["order"][str(order_id)]["store_manager_id"] == 3
    with engine.connect() as conn:
        assert shop_keys(first) == manager_sees(conn, shop_id, 1)
        assert shop_keys(third) == manager_sees(conn, shop_id, 3)


def _claim(engine: Engine, shop_id: int, mutation_id: str) -> tuple[int, str]:
    with engine.connect() as conn:
        found = conn.execute(
            select(AppliedMutation.person_id, AppliedMutation.actor).where(
                AppliedMutation.shop_id == shop_id, AppliedMutation.mutation_id == mutation_id
            )
        ).one()
    return int(found.person_id), str(found.actor)


def test_pushes_are_checked_by_role_and_refusals_say_why_in_words(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    assistant = desk().login("demo1", user="assistant")
    manager = desk().login("demo1", user="m1")
    shop_id = assistant.shop_id
    order_id = _first_order_of(engine, shop_id, 1)
    review = {"order_id": order_id, "reviewed": True, "flag": "none", "note": "已核对"}
    decide = {"request_id": 2, "decision": "approve", "reason": ""}
    withdraw = {"id": uuid.uuid4().hex, "amount_cents": 1_000}

    asked = [
        mutation("order_review.set", review),
        mutation("product_pick.set", {"product_id": 1, "picked": True}),
        mutation("release.decide", decide),
        mutation("withdrawal.request", withdraw),
    ]
    results = assistant.push(*asked)
    assert [r.status for r in results] == ["applied", "applied", "rejected", "rejected"]
    assert {r.code for r in results[2:]} == {"not_allowed"}
    assert "owner" in results[2].reason
    assert "release" in results[2].reason
    assert "owner" in results[3].reason
    assert "money" in results[3].reason
    assert assistant.signed_in is not None
    for sent in asked:
        assert _claim(engine, shop_id, sent["id"]) == (assistant.signed_in.person_id, "assistant")

    own_poster: dict[str, Any] = {
        "id": uuid.uuid4().hex,
        "kind": "manager",
        "target_id": 1,
        "layout": "a4",
    }
    asked = [
        mutation("poster.printed", {**own_poster, "copies": 2}),
        mutation(
            "poster.printed", {**own_poster, "id": uuid.uuid4().hex, "target_id": 3, "copies": 1}
        ),
        mutation(
            "poster.printed",
            {**own_poster, "id": uuid.uuid4().hex, "kind": "shop", "target_id": None, "copies": 1},
        ),
        mutation("order_review.set", review),
        mutation("release.decide", decide),
    ]
    results = manager.push(*asked)
    assert [r.status for r in results] == ["applied", *["rejected"] * 4]
    assert all(r.code == "not_allowed" and "sub-store" in r.reason for r in results[1:4])
    assert manager.signed_in is not None
    assert _claim(engine, shop_id, asked[0]["id"]) == (manager.signed_in.person_id, "m1")

    # The owner's computers learn who did what, and the manager sees her poster.
    owner_pages, _ = desk().login("demo1").pull_all()
    [reviewed] = [r for r in upserted(owner_pages, "order_review") if r["order_id"] == order_id]
    assert reviewed["actor"] == "assistant"
    [printed] = [r for r in upserted(owner_pages, "poster_print") if r["id"] == own_poster["id"]]
    assert printed["actor"] == "m1"
    mine, _ = _mirror_of(manager)
    assert mine["poster_print"][own_poster["id"]]["copies"] == 2


def test_the_owner_adds_an_assistant_who_signs_up_once_with_the_code(
    desk: Callable[[], Desk],
) -> None:
    owner = desk().login("demo1")
    added = owner.http.post(
        "/v1/people", json={"user_name": "xiaoli", "display_name": "小李", "role": "assistant"}
    )
    assert added.status_code == 200, added.text
    answer = wire.AddPersonResponse.model_validate_json(added.content)
    assert answer.person["status"] == "invited"
    taken = owner.http.post(
        "/v1/people", json={"user_name": "xiaoli", "display_name": "又一个", "role": "assistant"}
    )
    assert taken.status_code == 409
    assert "xiaoli" in _error(taken).message

    early = _login(desk(), "demo1", "xiaoli", "whatever")
    assert early.status_code == 401
    assert "not signed up" in _error(early).message
    signup = {"shop_code": "demo1", "user": "xiaoli", "password": "s3cret!"}
    stranger = desk()
    wrong = stranger.http.post("/v1/signup", json={**signup, "signup_code": "WRONGCODE2"})
    assert (wrong.status_code, _error(wrong).code) == (401, wire.ERR_SIGNUP)
    right = stranger.http.post("/v1/signup", json={**signup, "signup_code": answer.signup_code})
    assert right.status_code == 200, right.text
    assert wire.LoginResponse.model_validate_json(right.content).role == "assistant"
    again = desk().http.post("/v1/signup", json={**signup, "signup_code": answer.signup_code})
    assert again.status_code == 401
    assert _login(desk(), "demo1", "xiaoli", "s3cret!").status_code == 200

    people = {p["user_name"]: p for p in upserted(owner.pull_all()[0], "person")}
    assert people["xiaoli"]["status"] == "active"
    assert people["xiaoli"]["last_sign_in_at"] is not None
    assert set(people) >= {"owner", "assistant", "m1", "xiaoli"}


def test_a_disabled_person_is_refused_at_once_and_only_the_owner_manages_people(
    desk: Callable[[], Desk],
) -> None:
    owner = desk().login("demo1")
    assistant = desk().login("demo1", user="assistant")
    manager = desk().login("demo1", user="m1")
    assert assistant.signed_in is not None
    for someone in (assistant, manager):
        refused = someone.http.post(f"/v1/people/{assistant.signed_in.person_id}/disable")
        assert (refused.status_code, _error(refused).code) == (403, wire.ERR_FORBIDDEN)
        assert "owner" in _error(refused).message
    assert assistant.pull().status_code == 200

    done = owner.http.post(f"/v1/people/{assistant.signed_in.person_id}/disable")
    assert done.status_code == 200
    assert wire.PersonResponse.model_validate_json(done.content).person["status"] == "disabled"
    assert assistant.pull().status_code == 401
    assert assistant.http.post("/v1/push", json={"mutations": []}).status_code == 401
    again = _login(desk(), "demo1", "assistant")
    assert again.status_code == 401
    assert "disabled" in _error(again).message
    # The others carry on.
    assert manager.pull().status_code == 200
    assert owner.pull().status_code == 200
    owner_itself = owner.http.post("/v1/people/1/disable")
    assert owner_itself.status_code == 409

    assert owner.http.post(f"/v1/people/{assistant.signed_in.person_id}/enable").status_code == 200
    assert _login(desk(), "demo1", "assistant").status_code == 200


def test_signing_out_everywhere_ends_only_that_persons_sign_ins(
    desk: Callable[[], Desk],
) -> None:
    owner = desk().login("demo1")
    first, second = desk().login("demo1", user="m1"), desk().login("demo1", user="m1")
    other = desk().login("demo1", user="assistant")
    assert first.http.post("/v1/logout", json={"everywhere": True}).status_code == 200
    assert first.pull().status_code == 401
    assert second.pull().status_code == 401
    assert other.pull().status_code == 200
    assert owner.pull().status_code == 200
