"""Many desktops against one platform (DESIGN section 5): 1,000 shops' desktops syncing with
nothing to do, 200 taking a first pull of 5,000 orders each at once, and 200 pushing 50
actions each at once, on SQLite (one process) and on PostgreSQL (two worker processes).

Beside each figure stands a raw anchor: the same statements run straight on the database
driver in this process, one after another, with no HTTP and no framework in between.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
from pytest_benchmark.fixture import BenchmarkFixture
from sqlalchemy import Engine, create_engine, make_url, select, text

from models import wire
from server import feed
from server.db.engine import make_engine, write_begin
from server.db.orders import Order
from server.db.platform import FeedPartition, ShopCredential
from server.seed import seed
from server.tokens import issue_token
from tests.benchmarks import load
from tests.benchmarks.conftest import CACHE
from tests.platform_process import PlatformProcess

IDLE_SHOPS = int(os.environ.get("ZHANGGUI_LOAD_IDLE_SHOPS", "1000"))
BUSY_SHOPS = int(os.environ.get("ZHANGGUI_LOAD_BUSY_SHOPS", "200"))
BUSY_ORDERS = 5_000
PUSHED = 50
# Offered rate of the idle desktops, and for how long.
IDLE_RATE = float(os.environ.get("ZHANGGUI_LOAD_IDLE_RATE", "600"))
IDLE_SECONDS = float(os.environ.get("ZHANGGUI_LOAD_IDLE_SECONDS", "15"))
PG_WORKERS = 2
ANCHOR = dt.date(2026, 11, 24)
PG_ENV = "ZHANGGUI_TEST_PG_URL"


def _seed(engine: Engine, shops: int, orders: int) -> None:
    seed(engine, 5, shops, orders, ANCHOR, products=1_000, brands=100)


@dataclass
class Platform:
    """A seeded platform database (idle shops and busy shops) and the URL to serve it."""

    kind: str
    idle_url: str
    busy_url: str


def _sqlite_copy(name: str, shops: int, orders: int, folder: Path) -> str:
    cached = CACHE / f"load-{name}-{shops}x{orders}.sqlite3"
    if not cached.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = cached.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        engine = make_engine(str(partial))
        _seed(engine, shops, orders)
        engine.dispose()
        partial.rename(cached)
    target = folder / f"{name}.sqlite3"
    shutil.copy(cached, target)
    return f"sqlite:///{target}"


@pytest.fixture(scope="module", params=["sqlite", "postgres"])
def seeded(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[Platform]:
    folder = tmp_path_factory.mktemp(f"load-{request.param}")
    if request.param == "sqlite":
        yield Platform(
            "sqlite",
            _sqlite_copy("idle", IDLE_SHOPS, 20, folder),
            _sqlite_copy("busy", BUSY_SHOPS, BUSY_ORDERS, folder),
        )
        return
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"{PG_ENV} is not set")
    admin = create_engine(admin_url, isolation_level="AUTOCOMMIT")
    names = [f"zg_load_{kind}_{uuid.uuid4().hex[:8]}" for kind in ("idle", "busy")]
    urls = []
    for name, (shops, orders) in zip(
        names, ((IDLE_SHOPS, 20), (BUSY_SHOPS, BUSY_ORDERS)), strict=True
    ):
        with admin.connect() as conn:
            conn.execute(text(f'CREATE DATABASE "{name}"'))
        url = make_url(admin_url).set(database=name).render_as_string(hide_password=False)
        engine = make_engine(url)
        _seed(engine, shops, orders)
        with engine.connect() as conn:
            conn.execute(text("ANALYZE"))
        engine.dispose()
        urls.append(url)
    yield Platform("postgres", urls[0], urls[1])
    with admin.connect() as conn:
        for name in names:
            conn.execute(text(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)'))
    admin.dispose()


def _desks(url: str, count: int) -> list[tuple[int, str, str]]:
    """(shop id, token, the cursor of a desktop that is up to date) for the first demo shops."""
    engine = make_engine(url)
    try:
        with engine.connect() as conn:
            shops = (
                conn.execute(
                    select(ShopCredential.shop_id)
                    .where(ShopCredential.shop_code.like("demo%"))
                    .order_by(ShopCredential.shop_id)
                    .limit(count)
                )
                .scalars()
                .all()
            )
            heads = dict(conn.execute(select(FeedPartition.shop_id, FeedPartition.last_seq)).all())
            catalogue = feed.position(conn, None)
        now = int(time.time())
        with write_begin(engine) as conn:
            tokens = [issue_token(conn, shop_id, now) for shop_id in shops]
    finally:
        engine.dispose()
    catalogue_last = catalogue[0] if catalogue else 0
    return [
        (shop_id, token, wire.format_cursor(catalogue_last, heads[shop_id]))
        for shop_id, token in zip(shops, tokens, strict=True)
    ]


def _batches(url: str, desks: list[tuple[int, str, str]]) -> list[tuple[str, list[dict[str, Any]]]]:
    engine = make_engine(url)
    now = int(time.time())
    batches = []
    try:
        with engine.connect() as conn:
            for shop_id, token, _cursor in desks:
                orders = conn.scalars(
                    select(Order.id)
                    .where(Order.shop_id == shop_id)
                    .order_by(Order.id)
                    .limit(PUSHED)
                ).all()
                mutations = [
                    {
                        "id": str(uuid.uuid4()),
                        "kind": "order_review.set",
                        "payload": {
                            "order_id": order_id,
                            "reviewed": True,
                            "flag": "none",
                            "note": "已核对",
                        },
                        "created_at": now,
                    }
                    for order_id in orders
                ]
                batches.append((token, mutations))
    finally:
        engine.dispose()
    return batches


# --- raw anchors: the same statements on the driver, one after another -----------------------

# What the platform asks for a sync with nothing to do: one statement.
_GLANCE_SQL = (
    "SELECT (SELECT last_used_at FROM shop_token"
    " WHERE shop_id = {shop} AND token_sha256 = {digest}),"
    " EXISTS (SELECT 1 FROM scheduled_allocation WHERE shop_id = {shop} AND arrives_at <= {now}),"
    " (SELECT last_seq FROM feed_partition WHERE partition_id = 0),"
    " (SELECT horizon_seq FROM feed_partition WHERE partition_id = 0),"
    " (SELECT last_seq FROM feed_partition WHERE partition_id = {shop}),"
    " (SELECT horizon_seq FROM feed_partition WHERE partition_id = {shop}),"
    " (SELECT value FROM meta WHERE key = 'epoch')"
)
_PAGE_SQL = (
    "SELECT entity, key, seq, payload FROM feed WHERE partition_id = {m} AND seq > {m}"
    " ORDER BY seq LIMIT {m}"
)


def _driver(url: str) -> tuple[Any, str]:
    """A plain DB-API connection and its parameter mark."""
    parsed = make_url(url)
    if parsed.get_backend_name() == "sqlite":
        return sqlite3.connect(parsed.database or "", isolation_level=None), "?"
    import psycopg

    target = parsed.set(drivername="postgresql").render_as_string(hide_password=False)
    return psycopg.connect(target, autocommit=True), "%s"


def _raw_idle(url: str, desks: list[tuple[int, str, str]], seconds: float) -> dict[str, Any]:
    conn, mark = _driver(url)
    names = ("shop", "digest", "now")
    named = {n: f":{n}" if mark == "?" else f"%({n})s" for n in names}
    sql = _GLANCE_SQL.format(**named)
    cursor = conn.cursor()
    latencies = []
    started = time.perf_counter()
    n = 0
    while time.perf_counter() - started < seconds:
        shop_id, token, _position = desks[n % len(desks)]
        digest = hashlib.sha256(token.partition(".")[2].encode()).hexdigest()
        one = time.perf_counter()
        cursor.execute(sql, {"shop": shop_id, "digest": digest, "now": int(time.time())})
        cursor.fetchall()
        latencies.append(time.perf_counter() - one)
        n += 1
    elapsed = time.perf_counter() - started
    conn.close()
    outcome = load.Outcome(latencies=latencies, done=n, seconds=elapsed)
    return outcome.figures("syncs")


def _raw_pulls(url: str, shops: list[int]) -> dict[str, Any]:
    conn, mark = _driver(url)
    page_sql = _PAGE_SQL.format(m=mark)
    cursor = conn.cursor()
    latencies = []
    started = time.perf_counter()
    for shop_id in shops:
        positions = {0: 0, shop_id: 0}
        for partition in (0, shop_id):
            while True:
                one = time.perf_counter()
                cursor.execute(page_sql, (partition, positions[partition], wire.MAX_PULL_LIMIT))
                rows = cursor.fetchall()
                latencies.append(time.perf_counter() - one)
                if len(rows) < wire.MAX_PULL_LIMIT:
                    break
                positions[partition] = rows[-1][2]
    elapsed = time.perf_counter() - started
    conn.close()
    return load.Outcome(latencies=latencies, done=len(shops), seconds=elapsed).figures("pulls")


def _raw_pushes(
    url: str, batches: list[tuple[str, list[dict[str, Any]]]], desks: list[tuple[int, str, str]]
) -> dict[str, Any]:
    """Each batch's rows written in one transaction: claims, reviews, numbered feed entries."""
    conn, mark = _driver(url)
    cursor = conn.cursor()

    def marks(n: int) -> str:
        return ", ".join([mark] * n)

    latencies = []
    started = time.perf_counter()
    done = 0
    for (shop_id, _token, _cursor), (_, mutations) in zip(desks, batches, strict=True):
        now = int(time.time())
        one = time.perf_counter()
        cursor.execute("BEGIN")
        cursor.executemany(
            f"INSERT INTO applied_mutation VALUES ({marks(7)})",
            [(shop_id, "raw-" + m["id"], m["kind"], "applied", "", "", now) for m in mutations],
        )
        reviews = [
            (shop_id, m["payload"]["order_id"], True, "none", "已核对", now) for m in mutations
        ]
        cursor.executemany(
            f"INSERT INTO order_review VALUES ({marks(6)}) ON CONFLICT (shop_id, order_id)"
            " DO UPDATE SET reviewed = excluded.reviewed, note = excluded.note,"
            " updated_at = excluded.updated_at",
            reviews,
        )
        cursor.execute(
            f"UPDATE feed_partition SET last_seq = last_seq + {mark} WHERE partition_id = {mark}"
            " RETURNING last_seq",
            (len(mutations), shop_id),
        )
        last = cursor.fetchone()[0]
        first = last - len(mutations) + 1
        cursor.executemany(
            f"INSERT INTO feed VALUES ({marks(5)}) ON CONFLICT (partition_id, entity, key)"
            " DO UPDATE SET seq = excluded.seq, payload = excluded.payload",
            [
                (shop_id, "order_review", str(r[1]), first + i, json.dumps({"order_id": r[1]}))
                for i, r in enumerate(reviews)
            ],
        )
        cursor.execute("COMMIT")
        latencies.append(time.perf_counter() - one)
        done += len(mutations)
    elapsed = time.perf_counter() - started
    conn.close()
    return load.Outcome(latencies=latencies, done=done, seconds=elapsed).figures("actions")


# --- the benchmark ---------------------------------------------------------------------------


def _serve(url: str, kind: str, folder: Path) -> PlatformProcess:
    server = PlatformProcess(url, folder=folder)
    extra = ("--workers", str(PG_WORKERS)) if kind == "postgres" else ()
    server.start(*extra)
    return server


def _line(name: str, figures: dict[str, Any], raw: dict[str, Any], unit: str) -> str:
    ours, anchor = figures[f"{unit}_per_s"], raw[f"{unit}_per_s"]
    ratio = ours / anchor if anchor else 0.0
    return (
        f"{name:<34} {ours:>8} {unit}/s  p50 {figures['p50_ms']:>7} ms"
        f"  p99 {figures['p99_ms']:>7} ms  errors {figures['errors']:>3}"
        f"  | raw {anchor:>8} {unit}/s  p50 {raw['p50_ms']:>6} ms  | {ratio:.2f} of raw"
    )


# Seeding a million orders into PostgreSQL takes a few minutes before anything is measured.
@pytest.mark.timeout(3600)
def test_many_desktops_against_one_platform(
    seeded: Platform, tmp_path: Path, benchmark: BenchmarkFixture
) -> None:
    """Budget on PostgreSQL: >= 500 idle syncs/s, p99 <= 100 ms, no errors; pull p50 no slower
    than on SQLite."""
    results: dict[str, Any] = {}

    def measure() -> None:
        idle = _desks(seeded.idle_url, IDLE_SHOPS)
        busy = _desks(seeded.busy_url, BUSY_SHOPS)
        batches = _batches(seeded.busy_url, busy)
        idle_desks = [(token, cursor) for _shop, token, cursor in idle]
        server = _serve(seeded.idle_url, seeded.kind, tmp_path / "idle")
        try:
            # Every desktop opens its connection and syncs once or twice before the clock starts.
            idle_syncs = load.idle_syncs(
                server.port, idle_desks, rate=IDLE_RATE, seconds=IDLE_SECONDS, warm_up=3
            )
            results["idle"] = load.run(idle_syncs).figures("syncs")
            # The same desktops as fast as each can go: the platform's capacity, queues and all.
            flat_out = load.idle_syncs(server.port, idle_desks, rate=5 * IDLE_RATE, seconds=8)
            results["capacity"] = load.run(flat_out).figures("syncs")
        finally:
            server.stop()
        results["idle_raw"] = _raw_idle(seeded.idle_url, idle, seconds=3)
        server = _serve(seeded.busy_url, seeded.kind, tmp_path / "busy")
        try:
            results["pull"] = load.run(
                load.first_pulls(server.port, [token for _shop, token, _cursor in busy])
            ).figures("pulls")
            results["push"] = load.run(load.pushes(server.port, batches)).figures("actions")
        finally:
            server.stop()
        results["pull_raw"] = _raw_pulls(seeded.busy_url, [shop for shop, _t, _c in busy])
        results["push_raw"] = _raw_pushes(seeded.busy_url, batches, busy)

    for folder in ("idle", "busy"):
        (tmp_path / folder).mkdir()
    benchmark.pedantic(measure, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    benchmark.extra_info.update(results)
    print(f"\n{seeded.kind}, {os.cpu_count()} cores:")
    print(
        _line(
            f"{IDLE_SHOPS} desktops syncing, nothing to do",
            results["idle"],
            results["idle_raw"],
            "syncs",
        )
    )
    print(_line("the same, as fast as they can", results["capacity"], results["idle_raw"], "syncs"))
    print(
        _line(
            f"{BUSY_SHOPS} first pulls of {BUSY_ORDERS} orders",
            results["pull"],
            results["pull_raw"],
            "pulls",
        )
    )
    print(
        _line(
            f"{BUSY_SHOPS} pushes of {PUSHED} actions",
            results["push"],
            results["push_raw"],
            "actions",
        )
    )
    for phase in ("idle", "pull", "push"):
        assert results[phase]["errors"] == 0, (phase, results[phase]["first_errors"])
