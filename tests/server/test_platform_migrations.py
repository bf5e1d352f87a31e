"""The platform's migrations: they build what the models say, and an old database comes along
with its data, its desktops' sign-ins and the actions it already applied."""

from __future__ import annotations

import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any, cast

import httpx
import orjson
import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import Engine, func, inspect, select, text

from models import wire
from server.db import make_engine
from server.db.base import Base
from server.db.catalogue import CatalogueFeed, CatalogueFeedState, CatalogueIdCounter
from server.db.platform import Feed, FeedPartition, IdCounter
from server.db.schema import CATALOGUE_TABLES, create_schema
from server.migrate import (
    FIRST_REVISION,
    SchemaTooNew,
    alembic_config,
    current_revision,
    include_name,
    include_object,
    newest_revision,
)
from server.runner import PlatformThread
from tests.platform_process import MAIN
from tests.server import old_platform
from tests.server.conftest import PgDatabases

CATALOGUE = sorted(CATALOGUE_TABLES)


@pytest.fixture
def blank_db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A database with no tables at all."""
    if backend == "postgres":
        databases: PgDatabases = request.getfixturevalue("pg_databases")
        return databases.blank()
    return f"sqlite:///{tmp_path / 'blank.sqlite3'}"


@pytest.fixture
def blank_engine(blank_db_url: str) -> Iterator[Engine]:
    engine = make_engine(blank_db_url)
    yield engine
    engine.dispose()


def differences(engine: Engine) -> list[Any]:
    with engine.connect() as conn:
        context = MigrationContext.configure(
            conn,
            opts={
                "compare_type": True,
                "include_name": include_name,
                "include_object": include_object,
            },
        )
        return list(compare_metadata(context, Base.metadata))


def test_the_migrations_build_exactly_what_the_models_say(blank_engine: Engine) -> None:
    create_schema(blank_engine)
    assert differences(blank_engine) == []
    with blank_engine.connect() as conn:
        assert current_revision(conn) == newest_revision()


def test_the_databases_of_this_run_match_the_models(empty_db_url: str) -> None:
    """Also when the shop tables are hash-partitioned (the partitioned test mode)."""
    engine = make_engine(empty_db_url)
    try:
        create_schema(engine)
        assert differences(engine) == []
    finally:
        engine.dispose()


def test_the_revisions_go_down_and_up_again(blank_engine: Engine) -> None:
    create_schema(blank_engine)
    with blank_engine.begin() as conn:
        command.downgrade(alembic_config(conn), FIRST_REVISION)
        assert current_revision(conn) == FIRST_REVISION
    create_schema(blank_engine)
    assert differences(blank_engine) == []


def test_the_first_revision_is_the_schema_the_platform_had(tmp_path: Path) -> None:
    """Revision 0001 builds, table for table, what create_all built before migrations."""
    old = make_engine(str(tmp_path / "old.sqlite3"))
    first = make_engine(str(tmp_path / "first.sqlite3"))
    try:
        old_platform.build(str(old.url))
        with first.begin() as conn:
            command.upgrade(alembic_config(conn), FIRST_REVISION)
        assert _shape(old) == _shape(first)
    finally:
        old.dispose()
        first.dispose()


def _shape(engine: Engine) -> dict[str, Any]:
    found = inspect(engine)
    return {
        table: {
            "columns": [
                (c["name"], str(c["type"]), c["nullable"]) for c in found.get_columns(table)
            ],
            "primary_key": found.get_pk_constraint(table),
            "foreign_keys": sorted(str(fk) for fk in found.get_foreign_keys(table)),
            "unique": sorted(str(u) for u in found.get_unique_constraints(table)),
            "indexes": sorted(str(i) for i in found.get_indexes(table)),
        }
        for table in found.get_table_names()
        if table != "alembic_version"
    }


@pytest.fixture
def old_db(blank_db_url: str) -> tuple[str, old_platform.OldPlatform]:
    return blank_db_url, old_platform.build(blank_db_url)


def test_an_old_database_upgrades_with_all_its_data(
    old_db: tuple[str, old_platform.OldPlatform],
) -> None:
    url, old = old_db
    engine = make_engine(url)
    try:
        create_schema(engine)
        assert differences(engine) == []
        with engine.connect() as conn:
            assert current_revision(conn) == newest_revision()
            for table in Base.metadata.sorted_tables:
                if table.name in old.tables and table.name not in _REKEYED:
                    rows = [dict(r._mapping) for r in conn.execute(select(table))]
                    expected = [_as_upgraded(table.name, r) for r in old.rows(table.name)]
                    if table.name == "meta":
                        # The managers' feeds were built once, at the first start after.
                        expected.append({"key": "manager_feed", "value": "built"})
                    assert _rows(rows) == _rows(expected), table.name
            _assert_feeds_moved(conn, old)
            _assert_counters_per_shop(conn, old)
    finally:
        engine.dispose()


# Rebuilt by their migrations (sign-ins were dropped: each computer signs in again once).
_REKEYED = frozenset({"feed", "feed_partition", "id_counter", "shop_token"})
# Until the people of a shop, the owner was the only one to sign in and act.
_ACTED = frozenset(
    {"order_review", "product_pick", "release_decision", "poster_print", "withdrawal_request"}
)


def _as_upgraded(table: str, row: dict[str, Any]) -> dict[str, Any]:
    if table in _ACTED:
        return {**row, "actor": "owner"}
    if table == "applied_mutation":
        return {**row, "person_id": 1, "actor": "owner"}
    return row


def _payload_upgraded(entity: str, payload: str | None) -> str | None:
    if payload is None or entity not in _ACTED:
        return payload
    return orjson.dumps({**orjson.loads(payload), "actor": "owner"}).decode()


def _rows(rows: list[dict[str, Any]]) -> list[bytes]:
    return sorted(
        orjson.dumps({k: _plain(v) for k, v in r.items()}, option=orjson.OPT_SORT_KEYS)
        for r in rows
    )


def _plain(value: Any) -> Any:
    return int(value) if isinstance(value, bool) else value


def _assert_feeds_moved(conn: Any, old: old_platform.OldPlatform) -> None:
    entries = old.rows("feed")
    catalogue = {
        (e["entity"], e["key"]): (e["seq"], e["payload"]) for e in entries if e["partition_id"] == 0
    }
    shops = {
        (e["partition_id"], e["entity"], e["key"]): (e["seq"], e["payload"])
        for e in entries
        if e["partition_id"] != 0
    }
    assert catalogue
    assert {r.entity for r in conn.execute(select(CatalogueFeed.entity).distinct())} == set(
        CATALOGUE
    )
    moved = {
        (r.entity, r.key): (r.seq, r.payload)
        for r in conn.execute(
            select(
                CatalogueFeed.entity, CatalogueFeed.key, CatalogueFeed.seq, CatalogueFeed.payload
            )
        )
    }
    assert moved == catalogue
    kept = {
        (r.shop_id, r.entity, r.key): (r.seq, orjson.loads(r.payload) if r.payload else None)
        for r in conn.execute(select(Feed.shop_id, Feed.entity, Feed.key, Feed.seq, Feed.payload))
        if r.entity != "person"
    }
    assert kept == {
        row: (seq, orjson.loads(_payload_upgraded(row[1], payload) or "null"))
        for row, (seq, payload) in shops.items()
    }
    owners = {
        r.shop_id: (r.seq, orjson.loads(r.payload or "{}")["role"])
        for r in conn.execute(
            select(Feed.shop_id, Feed.seq, Feed.payload).where(Feed.entity == "person")
        )
    }
    heads = {
        p["partition_id"]: (p["last_seq"], p["horizon_seq"]) for p in old.rows("feed_partition")
    }
    state = conn.execute(select(CatalogueFeedState.last_seq, CatalogueFeedState.horizon_seq)).one()
    assert tuple(state) == heads.pop(0)
    shop_heads = {
        r.shop_id: (r.last_seq, r.horizon_seq)
        for r in conn.execute(
            select(FeedPartition.shop_id, FeedPartition.last_seq, FeedPartition.horizon_seq)
        )
    }
    # Each shop's owner is a person of its feed, numbered after everything before.
    assert shop_heads == {shop: (last + 1, horizon) for shop, (last, horizon) in heads.items()}
    assert owners == {shop: (last + 1, "owner") for shop, (last, _) in heads.items()}


def _assert_counters_per_shop(conn: Any, old: old_platform.OldPlatform) -> None:
    global_last = {c["entity"]: c["last_id"] for c in old.rows("id_counter")}
    shops = {p["partition_id"] for p in old.rows("feed_partition")} - {0}
    catalogue = dict(
        conn.execute(select(CatalogueIdCounter.entity, CatalogueIdCounter.last_id)).all()
    )
    assert catalogue == {e: last for e, last in global_last.items() if e in CATALOGUE_TABLES}
    per_shop = {
        (r.shop_id, r.entity): r.last_id
        for r in conn.execute(select(IdCounter.shop_id, IdCounter.entity, IdCounter.last_id))
    }
    # Every shop continues from the old platform-wide counter: no id it hands out is taken.
    assert per_shop == {
        (shop, entity): last
        for shop in shops
        for entity, last in global_last.items()
        if entity not in CATALOGUE_TABLES and entity != "shop"
    } | {(shop, "person"): 1 for shop in shops}


def test_an_upgraded_platform_serves_its_old_desktops_exactly_once(
    old_db: tuple[str, old_platform.OldPlatform],
) -> None:
    url, old = old_db
    old_feed = old.rows("feed")
    shop_id = 2
    catalogue_seq = max(e["seq"] for e in old_feed if e["partition_id"] == 0)
    shop_seq = max(e["seq"] for e in old_feed if e["partition_id"] == shop_id)
    with PlatformThread(url, clock=lambda: old.now) as platform:
        headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
        with httpx.Client(base_url=platform.url, headers=headers, timeout=30) as http:
            # The sign-ins of before did not name their shop: each computer signs in once more,
            # with the password it always had, and carries on from its cursor.
            stale = http.get("/v1/pull", headers={"Authorization": f"Bearer {old.tokens['demo2']}"})
            assert stale.status_code == 401, stale.text
            signed_in = http.post("/v1/login", json={"shop_code": "demo2", "password": "demo"})
            assert signed_in.status_code == 200, signed_in.text
            http.headers["Authorization"] = f"Bearer {signed_in.json()['token']}"
            caught_up = http.get(
                "/v1/pull", params={"cursor": wire.format_cursor(catalogue_seq, shop_seq)}
            )
            assert caught_up.status_code == 200, caught_up.text
            page = wire.PULL_PAGE_ADAPTER.validate_json(caught_up.content)
            # What came since: the owner as a person of the shop, signed in just now.
            assert page.more is False
            assert [p["user_name"] for p in cast(dict[str, Any], page.upserts)["person"]] == [
                "owner"
            ]

            snapshot = wire.PULL_PAGE_ADAPTER.validate_json(
                http.get("/v1/pull", params={"cursor": wire.START_CURSOR}).content
            )
            upserts = cast(dict[str, list[Any]], snapshot.upserts)
            served = sum(len(rows) for entity, rows in upserts.items() if entity != "person")
            live = [e for e in old_feed if e["partition_id"] in (0, shop_id) and e["payload"]]
            assert served == len(live)
            # The owner's person was numbered twice since: made, then signed in.
            assert snapshot.next_cursor == wire.format_cursor(catalogue_seq, shop_seq + 2)

            again = [
                {"id": e["mutation_id"], "kind": e["kind"], "payload": {}, "created_at": old.now}
                for e in old.rows("applied_mutation")
                if e["shop_id"] == shop_id
            ]
            answers = http.post("/v1/push", json={"mutations": again}).json()["results"]
            first = {e["mutation_id"]: e for e in old.rows("applied_mutation")}
            assert [(a["status"], a["outcome"], a["reason"]) for a in answers] == [
                ("duplicate", first[a["id"]]["outcome"], first[a["id"]]["reason"]) for a in answers
            ]


def test_platform_migrate_upgrades_and_exits(tmp_path: Path) -> None:
    db = tmp_path / "old.sqlite3"
    old_platform.build(f"sqlite:///{db}")
    done = subprocess.run(
        [sys.executable, str(MAIN), "platform", "--db", str(db), "--migrate"],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=MAIN.parent,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    engine = make_engine(str(db))
    try:
        with engine.connect() as conn:
            assert current_revision(conn) == newest_revision()
            assert (conn.scalar(select(func.count()).select_from(CatalogueFeed)) or 0) > 0
    finally:
        engine.dispose()


def test_a_database_from_a_newer_platform_is_refused(blank_engine: Engine) -> None:
    create_schema(blank_engine)
    with blank_engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999'"))
    with pytest.raises(SchemaTooNew, match="9999"):
        create_schema(blank_engine)
