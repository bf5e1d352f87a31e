"""Pulls by person: the owner's idle sync (the platform's hottest path) must stay as fast as
before the people of a shop, and a manager's pulls read only her entries. Each figure has a raw
anchor: the same rows read with plain sqlite3 on the same database, in the same run."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path
from typing import cast

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import select

from models import wire
from server import tokens
from server.api.pulling import pull_page
from server.api.state import PlatformState
from server.db import make_engine
from server.db.engine import write_begin
from server.db.people import Person
from server.people import caller_of
from server.seed import seed
from tests.benchmarks.conftest import CACHE
from tests.server.conftest import ANCHOR, NOW

ORDERS = 100_000
ROUNDS = 300


@pytest.fixture(scope="module")
def people_db() -> Path:
    db = CACHE / f"people-{ORDERS}.sqlite3"
    if not db.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = db.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        engine = make_engine(str(partial))
        seed(engine, 5, 1, ORDERS, ANCHOR, products=2_000, brands=100, helpers=0)
        engine.dispose()
        partial.rename(db)
    return db


def _token(state: PlatformState, user: str) -> str:
    with write_begin(state.engine) as conn:
        row = conn.execute(
            select(Person.__table__).where(Person.shop_id == 1, Person.user_name == user)
        ).one()
        return tokens.issue_token(conn, 1, NOW, caller_of({**row._mapping}, 1))


def _busiest_manager(db: Path) -> str:
    with sqlite3.connect(db) as conn:
        (manager,) = conn.execute(
            'SELECT store_manager_id FROM "order" WHERE shop_id = 1 AND store_manager_id'
            " IS NOT NULL GROUP BY 1 ORDER BY count(*) DESC LIMIT 1"
        ).fetchone()
    return f"m{manager}"


def _raw(db: Path, sql: str, params: tuple[object, ...]) -> Callable[[], int]:
    conn = sqlite3.connect(db, check_same_thread=False)

    def run() -> int:
        return len(conn.execute(sql, params).fetchall())

    return run


def _seconds(work: Callable[[], object], rounds: int = ROUNDS) -> float:
    work()
    start = time.perf_counter()
    for _ in range(rounds):
        work()
    return (time.perf_counter() - start) / rounds


@pytest.mark.parametrize("user", ["owner", "manager"])
def test_an_idle_sync_by_person(people_db: Path, user: str, benchmark: BenchmarkFixture) -> None:
    engine = make_engine(str(people_db))
    state = PlatformState(engine=engine, clock=lambda: NOW)
    name = _busiest_manager(people_db) if user == "manager" else "owner"
    token = _token(state, name)
    cursor = wire.START_CURSOR
    while True:
        _, body = pull_page(state, token, cursor, wire.MAX_PULL_LIMIT)
        page = wire.PULL_PAGE_ADAPTER.validate_json(body)
        cursor = page.next_cursor
        if not page.more:
            break

    def idle() -> bytes:
        return pull_page(state, token, cursor, wire.MAX_PULL_LIMIT)[1]

    body = benchmark(idle)
    assert wire.PULL_PAGE_ADAPTER.validate_json(body).upserts == {}
    # The anchor: the token's row and both feeds' heads, read raw.
    anchor = _seconds(
        _raw(
            people_db,
            "SELECT t.last_used_at, t.role, p.last_seq, c.last_seq FROM shop_token t,"
            " feed_partition p, catalogue_feed_state c WHERE t.shop_id = ? AND p.shop_id = ?",
            (1, 1),
        )
    )
    assert benchmark.stats is not None
    mean = benchmark.stats.stats.mean
    benchmark.extra_info.update(anchor_s=anchor, ratio=mean / anchor)
    print(f"\nidle sync of the {user}: {mean * 1e3:.3f} ms; raw {anchor * 1e3:.3f} ms")
    engine.dispose()


def test_a_managers_first_page(people_db: Path, benchmark: BenchmarkFixture) -> None:
    engine = make_engine(str(people_db))
    state = PlatformState(engine=engine, clock=lambda: NOW)
    name = _busiest_manager(people_db)
    token = _token(state, name)
    # Past the catalogue: the first page of her own rows.
    catalogue_last = (
        sqlite3.connect(people_db)
        .execute("SELECT last_seq FROM catalogue_feed_state")
        .fetchone()[0]
    )
    cursor = wire.format_cursor(catalogue_last, 0)

    def first_page() -> bytes:
        return pull_page(state, token, cursor, wire.MAX_PULL_LIMIT)[1]

    body = benchmark(first_page)
    upserts = cast(dict[str, list[object]], wire.PULL_PAGE_ADAPTER.validate_json(body).upserts)
    rows = sum(len(v) for v in upserts.values())
    assert rows > 0
    anchor = _seconds(
        _raw(
            people_db,
            "SELECT r.entity, r.key, r.seq, f.payload FROM manager_feed r JOIN feed f"
            " ON f.shop_id = r.shop_id AND f.entity = r.entity AND f.key = r.key"
            " WHERE r.shop_id = ? AND r.manager_id = ? AND r.seq > 0 ORDER BY r.seq LIMIT ?",
            (1, int(name[1:]), wire.MAX_PULL_LIMIT),
        ),
        rounds=20,
    )
    assert benchmark.stats is not None
    mean = benchmark.stats.stats.mean
    benchmark.extra_info.update(anchor_s=anchor, ratio=mean / anchor, rows=rows)
    print(f"\nmanager's first page ({rows} rows): {mean * 1e3:.1f} ms; raw {anchor * 1e3:.1f} ms")
    engine.dispose()
