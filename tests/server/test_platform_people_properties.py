"""A property over every route and random runs of the platform: whatever the platform does
(orders placed and paid, releases approved, its hourly activity) and whatever the shop's people
ask of any route, a store manager's token never reads or changes a row of another sub-store
or of the owner's own store, an assistant's release decisions and withdrawals are refused in
words, a disabled person's next request is refused, and every applied action names its person.
"""

from __future__ import annotations

import contextlib
import random
import uuid
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, Engine, select, text

from models import wire
from server.db.desk import OrderReview
from server.db.engine import write_begin
from server.db.people import Person
from server.db.platform import AppliedMutation
from server.db.schema import ENTITY_TABLES
from server.db.shops import ReleaseRequest, StoreManager
from server.push.refusal import Refused
from server.push.release import decide
from server.rows import load_rows, save_rows
from server.runner import PlatformThread
from server.simulation import orders, stages
from server.simulation.activity import PlatformActivity
from server.simulation.pace import Pace
from server.simulation.shelf import Offer, load_shelf
from tests.server.conftest import NOW, Desk, FixedClock
from tests.server.people_checks import Mirror, manager_sees, pull_into, shop_keys
from tests.server.test_platform_doors import PUBLIC, _routes

HOUR = 3_600
PACE = Pace(orders_per_hour=6, new_customer_share=0.3, stray_share=0.2)
SHOP = 1  # demo1
PEOPLE = ("assistant", "m1", "m3", "m4")
PUSH_KINDS = tuple(wire.MUTATION_PAYLOADS)
# Whose row a call aims at, from the caller's side.
TARGETS = ("own", "other_sub_store", "owners_store")
SIGNED_IN_ROUTES = (
    "GET /v1/pull",
    "POST /v1/push",
    "GET /v1/images/product/{product_id}.png",
    "POST /v1/people",
    "POST /v1/people/{person_id}/disable",
    "POST /v1/people/{person_id}/enable",
    "POST /v1/logout",
)


@dataclass(repr=False)
class Someone:
    """A person of demo1 at a computer of their own, with the mirror their pulls built."""

    user: str
    desk: Desk
    person_id: int = 0
    manager_id: int | None = None
    mirror: Mirror = field(default_factory=dict)
    cursor: str = wire.START_CURSOR

    def sign_in(self) -> None:
        self.desk.login("demo1", user=self.user)
        assert self.desk.signed_in is not None
        self.person_id = self.desk.signed_in.person_id
        self.manager_id = self.desk.signed_in.store_manager_id


class World:
    """The platform, its clock and database, and demo1's people at their computers."""

    def __init__(
        self,
        engine: Engine,
        clock: FixedClock,
        owner: Desk,
        people: dict[str, Someone],
        shelf: list[Offer],
    ) -> None:
        self.engine, self.clock, self.owner, self.people = engine, clock, owner, people
        self.shelf = shelf
        self.activity = PlatformActivity(seed=3, pace=PACE, last=NOW)

    def __repr__(self) -> str:
        # Hypothesis names the fixture in a falsifying example: the mirrors would be megabytes.
        return "World(demo1)"


@pytest.fixture
def world(
    platform: PlatformThread, engine: Engine, clock: FixedClock, desk: Callable[[], Desk]
) -> World:
    assert _routes(platform.db_url) == PUBLIC | set(SIGNED_IN_ROUTES)
    people = {user: Someone(user, desk()) for user in PEOPLE}
    for someone in people.values():
        someone.sign_in()
    with engine.connect() as conn:
        shelf = load_shelf(conn)
    return World(engine, clock, desk().login("demo1"), people, shelf)


def _status(conn: Connection, user: str) -> str:
    found = conn.scalar(
        select(Person.status).where(Person.shop_id == SHOP, Person.user_name == user)
    )
    return str(found)


def _order_of(conn: Connection, manager_id: int | None, target: str, rng: random.Random) -> int:
    if target == "own" and manager_id is not None:
        where = f"store_manager_id = {manager_id}"
    elif target == "other_sub_store":
        where = f"store_manager_id IS NOT NULL AND store_manager_id != {manager_id or 0}"
    else:
        where = "store_manager_id IS NULL"
    ids = conn.execute(
        text(f'SELECT id FROM "order" WHERE shop_id = {SHOP} AND {where} ORDER BY id LIMIT 40')
    ).scalars()
    found = list(ids)
    return int(rng.choice(found)) if found else 10**9


def _manager_of(conn: Connection, manager_id: int | None, target: str) -> int | None:
    if target == "own":
        return manager_id if manager_id is not None else 1
    if target == "owners_store":
        return None
    others = conn.execute(
        text(f"SELECT id FROM store_manager WHERE shop_id = {SHOP} AND id != {manager_id or 0}")
    ).scalars()
    return int(min(others))


def _payload(conn: Connection, who: Someone, kind: str, target: str, rng: random.Random) -> Any:
    if kind == "order_review.set":
        order_id = _order_of(conn, who.manager_id, target, rng)
        return {"order_id": order_id, "reviewed": True, "flag": "none", "note": who.user}
    if kind == "product_pick.set":
        return {"product_id": rng.randint(1, 50), "picked": rng.random() < 0.5}
    if kind == "release.decide":
        found = conn.scalar(
            select(ReleaseRequest.id).where(ReleaseRequest.shop_id == SHOP).order_by(text("id"))
        )
        return {"request_id": found or 1, "decision": "decline", "reason": "还要再看看"}
    if kind == "withdrawal.request":
        return {"id": uuid.uuid4().hex, "amount_cents": 1_000}
    manager = _manager_of(conn, who.manager_id, target)
    poster_kind = "shop" if manager is None else "manager"
    target_id = SHOP if manager is None else manager
    return {
        "id": uuid.uuid4().hex,
        "kind": poster_kind,
        "target_id": target_id,
        "layout": "a4",
        "copies": 1,
    }


def _call(world: World, who: Someone, step: tuple[Any, ...]) -> None:
    route, kind, target, seed = step
    rng = random.Random(seed)
    http = who.desk.http
    if route == "GET /v1/pull":
        _pull(world, who)
    elif route == "POST /v1/push":
        _push(world, who, kind, target, rng)
    elif route == "GET /v1/images/product/{product_id}.png":
        # The catalogue is everybody's.
        assert http.get("/v1/images/product/1.png", params={"size": 120}).status_code == 200
    elif route == "POST /v1/people":
        body = {"user_name": f"p{seed}", "display_name": "新人", "role": "assistant"}
        _forbidden(http.post("/v1/people", json=body))
    elif route.startswith("POST /v1/people/"):
        other = world.people[PEOPLE[seed % len(PEOPLE)]]
        action = route.rsplit("/", 1)[1]
        _forbidden(http.post(f"/v1/people/{other.person_id}/{action}"))
    else:
        assert http.post("/v1/logout", json={}).status_code == 200
        assert http.get("/v1/pull").status_code == 401
        who.sign_in()


def _forbidden(response: httpx.Response) -> None:
    assert response.status_code == 403, response.text
    error = wire.ErrorBody.model_validate_json(response.content)
    assert error.code == wire.ERR_FORBIDDEN
    assert "owner" in error.message


def _pull(world: World, who: Someone) -> None:
    who.cursor = pull_into(who.mirror, who.desk.pull_page, who.cursor)
    with world.engine.connect() as conn:
        if who.manager_id is not None:
            wrong = _differences(shop_keys(who.mirror), manager_sees(conn, SHOP, who.manager_id))
            assert not wrong, f"{who.user} holds rows not hers, or misses hers: {wrong}"
        else:
            assert not set(who.mirror) & wire.OWNER_ONLY_ENTITIES


def _differences(held: dict[str, set[str]], hers: dict[str, set[str]]) -> dict[str, Any]:
    """A few keys per entity held and not hers (+) or hers and not held (-)."""
    found: dict[str, Any] = {}
    for entity in set(held) | set(hers):
        extra = sorted(held.get(entity, set()) - hers.get(entity, set()))[:5]
        missing = sorted(hers.get(entity, set()) - held.get(entity, set()))[:5]
        if extra or missing:
            found[entity] = {"+": extra, "-": missing}
    return found


def _push(world: World, who: Someone, kind: str, target: str, rng: random.Random) -> None:
    with world.engine.connect() as conn:
        payload = _payload(conn, who, kind, target, rng)
        before = _reviews(conn)
    sent = {"id": uuid.uuid4().hex, "kind": kind, "payload": payload, "created_at": NOW}
    [result] = who.desk.push(sent)
    role = "manager" if who.manager_id is not None else "assistant"
    may = wire.may_push(role, kind)
    if role == "manager" and kind == "poster.printed":
        may = payload["kind"] == "manager" and payload["target_id"] == who.manager_id
    if not may:
        assert (result.status, result.code) == ("rejected", "not_allowed"), result
        assert len(result.reason.split()) >= 5  # a sentence, in words
        if role == "assistant":
            assert "owner" in result.reason
        with world.engine.connect() as conn:
            assert _reviews(conn) == before
    with world.engine.connect() as conn:
        claimed = conn.execute(
            select(AppliedMutation.person_id, AppliedMutation.actor).where(
                AppliedMutation.shop_id == SHOP, AppliedMutation.mutation_id == sent["id"]
            )
        ).one()
        assert (claimed.person_id, claimed.actor) == (who.person_id, who.user)
        if result.status == "applied" and kind == "order_review.set":
            actor = conn.scalar(
                select(OrderReview.actor).where(
                    OrderReview.shop_id == SHOP, OrderReview.order_id == payload["order_id"]
                )
            )
            assert actor == who.user


def _reviews(conn: Connection) -> list[tuple[Any, ...]]:
    rows = conn.execute(
        text(f"SELECT order_id, note, actor FROM order_review WHERE shop_id = {SHOP}")
    )
    return sorted(tuple(r) for r in rows)


def _disable(world: World, who: Someone, route: str) -> None:
    owner = world.owner.http
    assert owner.post(f"/v1/people/{who.person_id}/disable").status_code == 200
    http = who.desk.http
    if route == "GET /v1/pull":
        refused = http.get("/v1/pull")
    elif route == "POST /v1/push":
        refused = http.post("/v1/push", json={"mutations": []})
    elif route == "GET /v1/images/product/{product_id}.png":
        refused = http.get("/v1/images/product/1.png")
    elif route == "POST /v1/logout":
        refused = http.post("/v1/logout", json={})
    else:
        refused = http.post(f"/v1/people/{who.person_id}/enable")
    assert refused.status_code == 401, route
    again = http.post(
        "/v1/login", json={"shop_code": "demo1", "user": who.user, "password": "demo"}
    )
    assert again.status_code == 401
    assert "disabled" in wire.ErrorBody.model_validate_json(again.content).message
    assert owner.post(f"/v1/people/{who.person_id}/enable").status_code == 200
    who.sign_in()


def _platform_step(world: World, op: str, value: int, seed: int) -> None:
    rng = random.Random(seed)
    world.clock.now += HOUR
    now = world.clock.now
    with write_begin(world.engine) as conn:
        if op == "orders":
            orders.place_orders(conn, SHOP, value, now, rng=rng, shelf=world.shelf, pace=PACE)
        elif op == "pay":
            paid = orders.settle_pending(conn, SHOP, now, chance=0.8, rng=rng, pace=PACE)
            stages.count_sales(conn, SHOP, paid, now)
        elif op == "release":
            pending = conn.scalar(
                select(ReleaseRequest.id).where(
                    ReleaseRequest.shop_id == SHOP, ReleaseRequest.status == "pending"
                )
            )
            if pending is not None:
                payload = wire.ReleaseDecisionPayload(
                    request_id=pending, decision="approve", reason=""
                )
                with contextlib.suppress(Refused):
                    decide(conn, SHOP, payload, now, uuid.uuid4().hex)
        elif op in ("move", "rebind"):
            _move(conn, op, rng)
        else:
            world.clock.now += value * HOUR
            world.activity(conn, world.clock.now)


def _move(conn: Connection, op: str, rng: random.Random) -> None:
    """The platform re-attributes an order, or binds a customer elsewhere: rows leave one
    manager's sight and come into another's."""
    entity = "order" if op == "move" else "customer"
    table = ENTITY_TABLES[entity]
    ids = list(conn.scalars(select(table.c.id).where(table.c.shop_id == SHOP).limit(400)))
    managers = [None, *conn.scalars(select(StoreManager.id).where(StoreManager.shop_id == SHOP))]
    chosen = rng.sample(ids, min(3, len(ids)))
    rows = load_rows(conn, entity, SHOP, table.c.id.in_(chosen))
    save_rows(
        conn, entity, [{**row, "store_manager_id": rng.choice(managers)} for row in rows], SHOP
    )


_step = st.one_of(
    st.tuples(
        st.just("platform"),
        st.sampled_from(["orders", "pay", "release", "tick", "move", "rebind"]),
        st.integers(1, 6),
        st.integers(0, 10_000),
    ),
    st.tuples(
        st.just("call"),
        st.sampled_from(PEOPLE),
        st.sampled_from(SIGNED_IN_ROUTES),
        st.sampled_from(PUSH_KINDS),
        st.sampled_from(TARGETS),
        st.integers(0, 10_000),
    ),
    st.tuples(st.just("disable"), st.sampled_from(PEOPLE), st.sampled_from(SIGNED_IN_ROUTES)),
)


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(steps=st.lists(_step, min_size=1, max_size=10))
def test_every_route_keeps_each_person_within_their_role(
    world: World, steps: list[tuple[Any, ...]]
) -> None:
    for step in steps:
        if step[0] == "platform":
            _platform_step(world, step[1], step[2], step[3])
            continue
        who = world.people[step[1]]
        with world.engine.connect() as conn:
            status = _status(conn, who.user)
        if status == "disabled":
            # Released by the platform: she signs in to her own shop now, never to this one.
            assert who.desk.http.get("/v1/pull").status_code == 401
            continue
        if step[0] == "disable":
            _disable(world, who, step[2])
        else:
            _call(world, who, step[2:])
    # At the end every person's computer holds exactly what their role may see.
    for who in world.people.values():
        with world.engine.connect() as conn:
            gone = _status(conn, who.user) == "disabled"
        if not gone:
            _pull(world, who)


def test_the_property_reaches_every_signed_in_route(platform: PlatformThread) -> None:
    """A new route fails here until the property above calls it."""
    assert _routes(platform.db_url) - PUBLIC == set(SIGNED_IN_ROUTES)
    assert Path(__file__).exists()
