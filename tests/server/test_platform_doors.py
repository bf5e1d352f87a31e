"""Doors that lock: tokens that name their shop, end after 30 days unused and can be revoked;
sign-ins throttled after ten failures; password hashes raised to today's cost."""

from __future__ import annotations

import hashlib
import secrets
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx
from fastapi.routing import iter_route_contexts
from sqlalchemy import Engine, create_engine, select, text, update

from models import wire
from server import auth
from server.api.app import create_app
from server.db.desk import OrderReview
from server.db.engine import make_engine
from server.db.orders import Order
from server.db.platform import ShopCredential, ShopToken
from server.db.schema import create_schema
from server.runner import PlatformThread
from server.tokens import IDLE_SECONDS, TOUCH_SECONDS
from tests.server.conftest import Desk, FixedClock, mutation

DAY = 86_400


def _login(desk: Desk, shop_code: str, password: str, address: str = "") -> httpx.Response:
    headers = {"X-Forwarded-For": address} if address else {}
    return desk.http.post(
        "/v1/login", json={"shop_code": shop_code, "password": password}, headers=headers
    )


def _code(response: httpx.Response) -> str:
    return wire.ErrorBody.model_validate_json(response.content).code


def test_a_token_names_its_shop_and_only_a_digest_is_kept(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo2")
    shop_part, _, secret = shop.token.partition(".")
    assert int(shop_part) == shop.shop_id
    with engine.connect() as conn:
        stored = conn.execute(select(ShopToken).where(ShopToken.shop_id == shop.shop_id)).all()
    assert [row.token_sha256 for row in stored] == [hashlib.sha256(secret.encode()).hexdigest()]
    assert shop.token not in str(stored)


def test_a_token_of_one_shop_with_another_shops_number_is_refused(
    desk: Callable[[], Desk],
) -> None:
    first, second = desk().login("demo1"), desk().login("demo2")
    _, _, secret = first.token.partition(".")
    forged = f"{second.shop_id}.{secret}"
    response = first.http.get("/v1/pull", headers={"Authorization": f"Bearer {forged}"})
    assert response.status_code == 401
    assert _code(response) == wire.ERR_AUTH


def test_a_token_ends_after_thirty_days_unused_and_use_keeps_it(
    desk: Callable[[], Desk], clock: FixedClock
) -> None:
    kept, idle = desk().login("demo1"), desk().login("demo1")
    start = clock.now
    for day in (10, 20, 29, 45):
        clock.now = start + day * DAY
        assert kept.pull().status_code == 200, day
    clock.now = start + IDLE_SECONDS + 1
    ended = idle.pull()
    assert ended.status_code == 401
    assert _code(ended) == wire.ERR_SESSION_EXPIRED
    assert "sign in again" in ended.json()["message"]
    # Ended for good: it does not come back when the clock is wound back.
    clock.now = start
    assert _code(idle.pull()) == wire.ERR_AUTH


def test_use_is_written_down_at_most_once_an_hour(
    desk: Callable[[], Desk], engine: Engine, clock: FixedClock
) -> None:
    shop = desk().login("demo1")
    start = clock.now

    def last_used() -> int:
        with engine.connect() as conn:
            return int(conn.scalar(select(ShopToken.last_used_at)) or 0)

    clock.now = start + TOUCH_SECONDS - 1
    assert shop.pull().status_code == 200
    assert last_used() == start
    clock.now = start + TOUCH_SECONDS
    assert shop.pull().status_code == 200
    assert last_used() == start + TOUCH_SECONDS


def test_logout_ends_this_computers_sign_in_only(desk: Callable[[], Desk]) -> None:
    here, there = desk().login("demo1"), desk().login("demo1")
    response = here.http.post("/v1/logout", json={"everywhere": False})
    assert response.status_code == 200
    assert wire.LogoutResponse.model_validate_json(response.content).signed_out == 1
    assert _code(here.pull()) == wire.ERR_AUTH
    assert there.pull().status_code == 200


def test_logout_everywhere_ends_every_sign_in_of_the_shop_and_no_other(
    desk: Callable[[], Desk],
) -> None:
    here, there, other_shop = desk().login("demo1"), desk().login("demo1"), desk().login("demo2")
    response = here.http.post("/v1/logout", json={"everywhere": True})
    assert wire.LogoutResponse.model_validate_json(response.content).signed_out == 2
    assert _code(here.pull()) == wire.ERR_AUTH
    assert _code(there.pull()) == wire.ERR_AUTH
    assert other_shop.pull().status_code == 200


def test_logins_past_thirty_days_unused_are_forgotten_at_the_next_login(
    desk: Callable[[], Desk], engine: Engine, clock: FixedClock
) -> None:
    for _ in range(3):
        desk().login("demo1")
    clock.now += IDLE_SECONDS + 1
    desk().login("demo1")
    with engine.connect() as conn:
        tokens = conn.scalars(select(ShopToken.last_used_at)).all()
    assert tokens == [clock.now]


# --- every route, whatever the token ---------------------------------------------------------

# Routes that answer without a sign-in, on purpose.
PUBLIC = frozenset(
    {
        "GET /v1/health",
        "POST /v1/login",
        "POST /v1/signup",
        "GET /share",
        "GET /health",
        "GET /ready",
        "GET /metrics",
        "GET /openapi.json",
        "HEAD /openapi.json",
    }
)


def _signed_in_calls(order_id: int) -> dict[str, Callable[[Desk], httpx.Response]]:
    """One call per signed-in route; a route missing here fails the test below."""
    return {
        "GET /v1/pull": lambda d: d.pull(),
        "POST /v1/push": lambda d: d.http.post(
            "/v1/push",
            json={
                "mutations": [
                    mutation(
                        "order_review.set",
                        {"order_id": order_id, "reviewed": True, "flag": "none", "note": ""},
                    )
                ]
            },
        ),
        "GET /v1/images/product/{product_id}.png": lambda d: d.http.get(
            "/v1/images/product/1.png", params={"size": 120}
        ),
        "POST /v1/people": lambda d: d.http.post(
            "/v1/people",
            json={"user_name": "helper", "display_name": "帮手", "role": "assistant"},
        ),
        "POST /v1/people/{person_id}/disable": lambda d: d.http.post("/v1/people/2/disable"),
        "POST /v1/people/{person_id}/enable": lambda d: d.http.post("/v1/people/2/enable"),
        "POST /v1/logout": lambda d: d.http.post("/v1/logout", json={}),
    }


def _routes(db_url: str) -> set[str]:
    app = create_app(db_url, create=False)
    app.state.platform.engine.dispose()
    return {
        f"{method} {context.path}"
        for context in iter_route_contexts(app.routes)
        for method in context.methods or ()
    }


def _reviews_of(engine: Engine, order_id: int) -> dict[int, bool]:
    """Each shop's review of its order ``order_id``: reviewed or not."""
    with engine.connect() as conn:
        rows = conn.execute(
            select(OrderReview.shop_id, OrderReview.reviewed).where(
                OrderReview.order_id == order_id
            )
        ).all()
    return {int(shop): bool(reviewed) for shop, reviewed in rows}


def _has_order(engine: Engine, shop_id: int, order_id: int) -> bool:
    with engine.connect() as conn:
        found = conn.scalar(select(Order.id).where(Order.shop_id == shop_id, Order.id == order_id))
    return found is not None


def _an_order_of(engine: Engine, shop_id: int) -> int:
    with engine.connect() as conn:
        return int(conn.scalar(select(Order.id).where(Order.shop_id == shop_id)) or 0)


def test_every_route_is_public_on_purpose_or_refuses_revoked_and_expired_tokens(
    platform: PlatformThread, desk: Callable[[], Desk], engine: Engine, clock: FixedClock
) -> None:
    calls = _signed_in_calls(_an_order_of(engine, 1))
    assert _routes(platform.db_url) == PUBLIC | set(calls)

    revoked = desk().login("demo1")
    assert revoked.http.post("/v1/logout", json={}).status_code == 200
    expired = desk().login("demo1")
    clock.now += IDLE_SECONDS + 1
    for route, call in calls.items():
        refused = call(revoked)
        assert (refused.status_code, _code(refused)) == (401, wire.ERR_AUTH), route
        assert refused.headers["www-authenticate"] == "Bearer"
    for route, call in calls.items():
        refused = call(expired)
        # The first request finds the sign-in ended and forgets it; later ones find nothing.
        assert refused.status_code == 401, route
        assert _code(refused) in (wire.ERR_SESSION_EXPIRED, wire.ERR_AUTH), route
    fresh = desk().login("demo1")
    for route, call in calls.items():
        assert call(fresh).status_code == 200, route


def test_another_shops_token_reaches_only_that_shop(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    owner, other = desk().login("demo1"), desk().login("demo2")
    order_id = _an_order_of(engine, owner.shop_id)
    calls = _signed_in_calls(order_id)
    before = _reviews_of(engine, order_id)
    # Ids count per shop: pushed with demo2's token, the number names demo2's own order, if it
    # has one by that id, and never demo1's.
    [result] = wire.PushResponse.model_validate_json(calls["POST /v1/push"](other).content).results
    after = _reviews_of(engine, order_id)
    assert after.get(owner.shop_id) == before.get(owner.shop_id)
    if _has_order(engine, other.shop_id, order_id):
        assert result.status == "applied"
        assert after[other.shop_id] is True
    else:
        assert (result.status, result.code) == ("rejected", "unknown_order")
    # The catalogue is shared: the same picture for both.
    picture = calls["GET /v1/images/product/{product_id}.png"]
    assert picture(other).content == picture(owner).content
    # Signing demo2 out everywhere leaves demo1 signed in.
    assert other.http.post("/v1/logout", json={"everywhere": True}).status_code == 200
    assert owner.pull().status_code == 200
    page = wire.PULL_PAGE_ADAPTER.validate_json(owner.pull().content)
    shops = page.upserts.get("shop", [])
    assert {row["id"] for row in shops} <= {owner.shop_id}


# --- throttling ------------------------------------------------------------------------------


def test_ten_failures_then_429_until_the_window_ends_then_the_right_password(
    desk: Callable[[], Desk], clock: FixedClock
) -> None:
    client = desk()
    for attempt in range(10):
        refused = _login(client, "demo1", f"wrong-{attempt}")
        assert (refused.status_code, _code(refused)) == (401, wire.ERR_BAD_LOGIN), attempt
    throttled = _login(client, "demo1", "demo")
    assert throttled.status_code == 429
    assert _code(throttled) == wire.ERR_THROTTLED
    assert int(throttled.headers["retry-after"]) == 15 * 60
    # Another address and another shop code are not held back by these failures.
    assert _login(client, "demo1", "demo", address="203.0.113.9").status_code == 200
    assert _login(client, "demo2", "demo").status_code == 200
    clock.now += 10 * 60
    later = _login(client, "demo1", "demo")
    assert later.status_code == 429
    assert int(later.headers["retry-after"]) == 5 * 60
    clock.now += 5 * 60
    assert _login(client, "demo1", "demo").status_code == 200
    # A success clears the count: ten more failures are needed to be throttled again.
    for attempt in range(10):
        assert _login(client, "demo1", f"again-{attempt}").status_code == 401
    assert _login(client, "demo1", "demo").status_code == 429


def test_guesses_sent_at_once_are_counted_before_they_are_checked(
    desk: Callable[[], Desk],
) -> None:
    clients = [desk() for _ in range(4)]
    with ThreadPoolExecutor(4) as pool:
        statuses = list(
            pool.map(lambda n: _login(clients[n % 4], "demo2", f"guess-{n}").status_code, range(20))
        )
    assert sorted(statuses) == [401] * 10 + [429] * 10


def test_an_unknown_shop_code_is_throttled_like_a_known_one(desk: Callable[[], Desk]) -> None:
    client = desk()
    statuses = [_login(client, "nobody", "x").status_code for _ in range(11)]
    assert statuses == [401] * 10 + [429]


# --- password hashes -------------------------------------------------------------------------


def test_an_old_hash_is_raised_to_todays_cost_at_the_next_sign_in(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    salt = secrets.token_bytes(16)
    old = hashlib.scrypt(b"demo", salt=salt, n=2**14, r=8, p=1, dklen=32)
    with engine.begin() as conn:
        conn.execute(
            update(ShopCredential)
            .where(ShopCredential.shop_code == "demo1")
            .values(password_hash=f"scrypt${2**14}$8$1${salt.hex()}${old.hex()}")
        )
    desk().login("demo1")
    with engine.connect() as conn:
        stored = conn.scalar(
            select(ShopCredential.password_hash).where(ShopCredential.shop_code == "demo1")
        )
    assert stored is not None
    assert stored.startswith(f"scrypt${auth.SCRYPT_N}$8$1$")
    assert auth.verify_password("demo", stored)
    assert not auth.is_outdated(stored)
    desk().login("demo1")


def test_an_older_platform_database_keeps_its_passwords(tmp_path: Path) -> None:
    """A platform at the schema before sign-ins by shop (revision 0002) upgrades with its
    passwords; its tokens, which cannot be routed by shop, are dropped."""
    from alembic import command

    from server.migrate import alembic_config

    path = tmp_path / "old.sqlite3"
    old = create_engine(f"sqlite:///{path}")
    with old.begin() as conn:
        command.upgrade(alembic_config(conn), "0002")
        conn.execute(
            text("INSERT INTO shop_credential VALUES (7, 'old7', :hash)"),
            {"hash": auth.hash_password("secret")},
        )
        conn.execute(text("INSERT INTO shop_token VALUES ('ab', 7, 1)"))
    old.dispose()
    engine = make_engine(str(path))
    create_schema(engine)
    with engine.connect() as conn:
        found = auth.find_credential(conn, "old7")
        assert conn.scalar(select(ShopToken.shop_id)) is None
    engine.dispose()
    assert found is not None
    assert auth.check_password(found, "secret") is not None
