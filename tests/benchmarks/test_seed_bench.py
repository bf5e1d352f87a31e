"""The seed of 3 demo shops of 100,000 orders each, beside its raw anchor: raw sqlite3 writing
the same rows into an empty schema and building the same indexes."""

from __future__ import annotations

import sqlite3
import time
from datetime import date
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture

from server.db import make_engine
from server.seed import SeedSummary, seed

SHOPS = 3
ORDERS = 100_000
ANCHOR = date(2026, 11, 24)


def _raw_copy(source: Path, target: Path) -> float:
    """Seconds raw sqlite3 takes to write every row of ``source`` into an empty copy of its
    schema, then to build its indexes, in one transaction as the seed does."""
    with sqlite3.connect(source) as conn:
        schema = conn.execute(
            "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL"
            " AND name NOT LIKE 'sqlite_%'"
        ).fetchall()
    target.unlink(missing_ok=True)
    conn = sqlite3.connect(target, isolation_level=None)
    try:
        conn.execute("PRAGMA journal_mode=DELETE")
        conn.execute("PRAGMA synchronous=OFF")
        conn.execute("PRAGMA cache_size=-262144")
        for kind, _, sql in schema:
            if kind == "table":
                conn.execute(sql)
        conn.execute("ATTACH DATABASE ? AS seeded", (str(source),))
        started = time.perf_counter()
        conn.execute("BEGIN")
        for kind, name, _ in schema:
            if kind == "table":
                conn.execute(f'INSERT INTO main."{name}" SELECT * FROM seeded."{name}"')
        for kind, _, sql in schema:
            if kind == "index":
                conn.execute(sql)
        conn.execute("COMMIT")
        return time.perf_counter() - started
    finally:
        conn.close()


def test_seeding_three_shops_of_100000_orders(tmp_path: Path, benchmark: BenchmarkFixture) -> None:
    db = tmp_path / "seeded.sqlite3"

    def run() -> SeedSummary:
        for stale in tmp_path.glob("seeded.sqlite3*"):
            stale.unlink()
        engine = make_engine(str(db))
        try:
            return seed(engine, 1, SHOPS, ORDERS, ANCHOR)
        finally:
            engine.dispose()

    summary = benchmark.pedantic(run, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    raw = _raw_copy(db, tmp_path / "raw.sqlite3")
    benchmark.extra_info.update(seed_seconds=summary.seconds, raw_seconds=raw)
    print(
        f"\nseed {SHOPS} x {ORDERS:,}: {summary.seconds:.1f} s; raw sqlite3 writing the same "
        f"{sum(summary.rows.values()):,} rows, their feed entries and indexes: {raw:.1f} s; "
        f"ratio {summary.seconds / raw:.1f}"
    )
    assert summary.rows["order"] == SHOPS * ORDERS
