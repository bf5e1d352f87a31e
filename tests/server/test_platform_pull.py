"""Pulling the feed: every row exactly once, catalogue first, deletions, and expired cursors."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from typing import cast

import pytest
from sqlalchemy import Engine, func, select

from models import wire
from server import feed, maintenance
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


def _delete_some_rows(engine: Engine, shop_id: int) -> None:
    with write_begin(engine) as conn:
        delete_rows(
            conn, "traffic_allocation", [_first_key(engine, "traffic_allocation", shop_id)], shop_id
        )
        delete_rows(conn, "product", [2])


def test_a_snapshot_started_after_a_purge_completes_however_many_pages_it_has(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    _delete_some_rows(engine, shop.shop_id)
    dropped, partitions = maintenance.purge_all_tombstones(engine)
    assert dropped == 2
    assert partitions >= 3  # the catalogue and both shops

    pages, cursor = shop.pull_all(limit=97)
    assert len(pages) > 10
    pulled: Counter[tuple[str, str]] = Counter()
    for entity in wire.ENTITIES:
        pulled.update((entity, str(row[KEY_COLUMNS[entity]])) for row in upserted(pages, entity))
    assert pulled == _keys_in_database(engine, shop.shop_id)
    # Caught up, the next sync goes on from there.
    again = shop.pull_page(cursor)
    assert not again.more
    assert not again.upserts


def test_a_purge_in_the_middle_of_a_snapshot_expires_it(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    maintenance.purge_all_tombstones(engine)
    first = shop.pull_page(limit=97)
    second = shop.pull_page(first.next_cursor, limit=97)
    # Rows the snapshot already holds are deleted, then forgotten before it reaches them.
    _delete_some_rows(engine, shop.shop_id)
    maintenance.purge_all_tombstones(engine)
    response = shop.pull(second.next_cursor, limit=97)
    assert response.status_code == 410
    assert wire.ErrorBody.model_validate_json(response.content).code == wire.ERR_CURSOR_EXPIRED


def test_cursors_of_the_older_form_are_still_understood(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    shop = desk().login("demo1")
    _, cursor = shop.pull_all()
    assert "@" not in cursor
    _delete_some_rows(engine, shop.shop_id)
    _, caught_up = shop.pull_all(cursor)
    maintenance.purge_all_tombstones(engine)
    # One that had seen every deletion carries on; one that had not must take a snapshot.
    assert shop.pull(caught_up).status_code == 200
    assert shop.pull(cursor).status_code == 410


def test_a_horizon_beyond_the_platforms_history_has_expired(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    first = shop.pull_page(limit=97)
    catalogue_seq, shop_seq = wire.parse_cursor(first.next_cursor)
    response = shop.pull(f"{catalogue_seq}:{shop_seq}@{10**12}:0")
    assert response.status_code == 410


@pytest.mark.parametrize(
    "cursor", ["1:2@", "1:2@3", "1:2@a:b", "1:2@3:4@5:6", "1:2@-3:4", "1:2@3:４", "@1:2"]
)
def test_bad_horizons_are_bad_requests(desk: Callable[[], Desk], cursor: str) -> None:
    response = desk().login("demo1").pull(cursor)
    assert response.status_code == 400, response.text[:300]


def test_the_cursor_form_reads_back() -> None:
    assert wire.format_cursor(5, 7) == "5:7"
    assert wire.format_cursor(5, 7, 3, 7) == "5:7"
    assert wire.format_cursor(5, 7, 0, 9) == "5:7@0:9"
    assert wire.read_cursor("5:7@0:9") == wire.Cursor(5, 7, 0, 9)
    assert wire.read_cursor("5:7") == wire.Cursor(5, 7, 0, 0)
    assert wire.parse_cursor("5:7@0:9") == (5, 7)
    longest = wire.format_cursor(*([2**63 - 2] * 2), *([2**63 - 1] * 2))
    assert len(longest) <= wire.MAX_CURSOR_LENGTH
