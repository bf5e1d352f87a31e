"""Pulling the feed: every row exactly once, catalogue first, deletions, and expired cursors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import cast

from sqlalchemy import Engine, func, select

from models import wire
from server import feed
from server.db.base import table_of
from server.db.engine import write_begin
from server.db.platform import Feed
from server.db.schema import CATALOGUE_TABLES, ENTITY_TABLES, KEY_COLUMNS
from server.rows import delete_rows
from tests.server.conftest import Desk, deleted, upserted


def _keys_in_database(engine: Engine, shop_id: int) -> Counter[tuple[str, str]]:
    keys: Counter[tuple[str, str]] = Counter()
    with engine.connect() as conn:
        for entity, table in ENTITY_TABLES.items():
            stmt = select(table.c[KEY_COLUMNS[entity]])
            if entity not in CATALOGUE_TABLES:
                stmt = stmt.where(table.c.shop_id == shop_id)
            keys.update((entity, str(key)) for key in conn.scalars(stmt))
    return keys


def test_paging_returns_every_row_exactly_once(desk: Callable[[], Desk], engine: Engine) -> None:
    shop = desk().login("demo1")
    pages, cursor = shop.pull_all(limit=997)
    assert len(pages) > 3
    pulled: Counter[tuple[str, str]] = Counter()
    for entity in wire.ENTITIES:
        key = KEY_COLUMNS[entity]
        pulled.update((entity, str(row[key])) for row in upserted(pages, entity))
    assert max(pulled.values()) == 1
    assert pulled == _keys_in_database(engine, shop.shop_id)
    assert all(len(p.upserts.get("order", [])) <= 997 for p in pages)

    again = shop.pull_page(cursor)
    assert not again.more
    assert again.next_cursor == cursor
    assert not again.upserts
    assert not again.deletes


def test_rows_arrive_as_the_contract_spells_them(desk: Callable[[], Desk]) -> None:
    pages, _ = desk().login("demo1").pull_all()
    order = upserted(pages, "order")[0]
    assert list(order) == list(wire.OrderRow.__annotations__)
    customer = upserted(pages, "customer")[0]
    assert list(customer) == list(wire.CustomerRow.__annotations__)


def test_catalogue_comes_before_the_shops_own_rows(desk: Callable[[], Desk]) -> None:
    pages, _ = desk().login("demo1").pull_all(limit=500)
    seen_shop_rows = False
    for page in pages:
        entities = set(page.upserts)
        if seen_shop_rows:
            assert not entities & CATALOGUE_TABLES
        if entities - CATALOGUE_TABLES:
            seen_shop_rows = True
            # The page that starts the shop's rows has taken the catalogue's last ones.
            catalogue_seq, _ = wire.parse_cursor(page.next_cursor)
    assert seen_shop_rows
    last_page = desk().login("demo1").pull_page(f"{catalogue_seq}:0", limit=1)
    assert not set(last_page.upserts) & CATALOGUE_TABLES


def test_deleted_rows_come_as_tombstones(desk: Callable[[], Desk], engine: Engine) -> None:
    shop = desk().login("demo1")
    _, cursor = shop.pull_all()
    with write_begin(engine) as conn:
        delete_rows(
            conn,
            "traffic_allocation",
            [_first_key(engine, "traffic_allocation", shop.shop_id)],
            shop.shop_id,
        )
        delete_rows(conn, "product", [1])
    pages, _ = shop.pull_all(cursor)
    assert deleted(pages, "product") == [1]
    assert len(deleted(pages, "traffic_allocation")) == 1
    assert isinstance(deleted(pages, "traffic_allocation")[0], int)
    assert not upserted(pages, "product")


def _first_key(engine: Engine, entity: str, shop_id: int) -> int:
    table = ENTITY_TABLES[entity]
    with engine.connect() as conn:
        key = conn.scalar(select(func.min(table.c.id)).where(table.c.shop_id == shop_id))
    assert isinstance(key, int)
    return key


_BAD_CURSORS = (
    "",
    "0",
    "a:b",
    "1:2:3",
    "-1:0",
    "0:-1",
    " 1:1",
    "1:1 ",
    "１:1",
    "9" * 30 + ":0",
    "0x1:0",
    "²:0",
)


def test_bad_cursors_and_limits_are_bad_requests(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    for cursor in _BAD_CURSORS:
        response = shop.pull(cursor)
        assert response.status_code == 400, (cursor, response.text[:300])
        assert wire.ErrorBody.model_validate_json(response.content).code == wire.ERR_BAD_REQUEST
    for limit in ("0", "-5", "many", "1.5"):
        response = shop.http.get("/v1/pull", params={"cursor": "0:0", "limit": limit})
        assert response.status_code == 400, (limit, response.text[:300])


def test_a_huge_limit_is_capped(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    # Beyond what a JSON number holds exactly is outside the range the contract states.
    beyond = shop.http.get("/v1/pull", params={"cursor": "0:0", "limit": str(10**40)})
    assert beyond.status_code == 400
    largest = str(wire.JSON_INT_MAX)
    response = shop.http.get("/v1/pull", params={"cursor": "0:0", "limit": largest})
    assert response.status_code == 200
    page = wire.PULL_PAGE_ADAPTER.validate_json(response.content)
    rows = cast(dict[str, list[object]], page.upserts)
    assert sum(len(entity_rows) for entity_rows in rows.values()) <= wire.MAX_PULL_LIMIT


def test_a_cursor_ahead_of_the_platform_has_expired(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    _, cursor = shop.pull_all()
    catalogue_seq, shop_seq = wire.parse_cursor(cursor)
    for ahead in (f"{catalogue_seq + 1}:{shop_seq}", f"{catalogue_seq}:{shop_seq + 50}"):
        response = shop.pull(ahead)
        assert response.status_code == 410
        assert wire.ErrorBody.model_validate_json(response.content).code == wire.ERR_CURSOR_EXPIRED


def test_a_cursor_below_the_purge_horizon_has_expired(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    _, old_cursor = shop.pull_all()
    with write_begin(engine) as conn:
        delete_rows(
            conn,
            "traffic_allocation",
            [_first_key(engine, "traffic_allocation", shop.shop_id)],
            shop.shop_id,
        )
    _, new_cursor = shop.pull_all(old_cursor)
    _, shop_seq = wire.parse_cursor(new_cursor)
    with write_begin(engine) as conn:
        assert feed.purge_tombstones(conn, shop.shop_id, shop_seq) == 1
        assert not conn.scalar(
            select(func.count()).select_from(table_of(Feed)).where(Feed.payload.is_(None))
        )

    response = shop.pull(old_cursor)
    assert response.status_code == 410
    assert wire.ErrorBody.model_validate_json(response.content).code == wire.ERR_CURSOR_EXPIRED
    # A client that had seen everything, and a fresh snapshot, both carry on.
    assert shop.pull(new_cursor).status_code == 200
    assert shop.pull(wire.START_CURSOR).status_code == 200
