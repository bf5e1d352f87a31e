"""Shop tables hash-partitioned by shop_id: the same key rules as a shop-distributed cluster."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest
from sqlalchemy import Engine, func, select

from models import wire
from server.db import make_engine
from server.db.distribution import (
    distribute_if_citus,
    partition_by_shop,
    partition_count,
    partitioned_tables,
    spreadable_shop_tables,
)
from server.db.schema import create_schema, shop_tables
from server.runner import PlatformThread
from tests.pg import partitions
from tests.server.conftest import Desk, FixedClock, PgDatabases, seed_small
from tests.server.test_platform_migrations import differences

pytestmark = pytest.mark.postgres


@pytest.fixture
def plain_pg(pg_databases: PgDatabases) -> Iterator[Engine]:
    """A seeded PostgreSQL platform with plain tables, whatever the mode of this run."""
    engine = make_engine(pg_databases.blank())
    create_schema(engine)
    seed_small(engine)
    yield engine
    engine.dispose()


def _counts(engine: Engine) -> dict[str, int]:
    with engine.connect() as conn:
        return {
            t.name: int(conn.scalar(select(func.count()).select_from(t)) or 0)
            for t in shop_tables()
        }


def test_this_runs_databases_are_partitioned_when_it_asks(pg_databases: PgDatabases) -> None:
    if not partitions():
        pytest.skip("this run uses plain tables")
    engine = make_engine(pg_databases.fresh(seeded=True))
    try:
        with engine.connect() as conn:
            assert partitioned_tables(conn) == {t.name for t in spreadable_shop_tables()}
            assert partition_count(conn) == partitions()
    finally:
        engine.dispose()


def test_partitioning_keeps_every_row_and_what_desktops_pull(
    plain_pg: Engine, clock: FixedClock
) -> None:
    url = plain_pg.url.render_as_string(hide_password=False)
    first = _snapshot_of(url, clock)
    before = _counts(plain_pg)
    with plain_pg.begin() as conn:
        rebuilt = partition_by_shop(conn, 3)
    assert set(rebuilt) == {t.name for t in spreadable_shop_tables()}
    assert _counts(plain_pg) == before
    assert differences(plain_pg) == []
    assert _snapshot_of(url, clock) == first


def _snapshot_of(url: str, clock: FixedClock) -> list[bytes]:
    with PlatformThread(url, clock=clock) as platform:
        headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
        with httpx.Client(base_url=platform.url, headers=headers, timeout=30) as http:
            desk = Desk(http).login("demo2")
            pages, _ = desk.pull_all()
    return [page.model_dump_json().encode() for page in pages]


def test_a_shop_table_left_plain_is_partitioned_at_the_next_start(plain_pg: Engine) -> None:
    names = [t.name for t in spreadable_shop_tables()]
    with plain_pg.begin() as conn:
        partition_by_shop(conn, 2, only=[n for n in names if n != "order_review"])
        assert "order_review" not in partitioned_tables(conn)
    create_schema(plain_pg)  # what a platform does when it starts
    with plain_pg.connect() as conn:
        assert partitioned_tables(conn) == set(names)
    assert differences(plain_pg) == []


def test_without_citus_nothing_is_distributed(plain_pg: Engine) -> None:
    with plain_pg.begin() as conn:
        assert distribute_if_citus(conn) == []
