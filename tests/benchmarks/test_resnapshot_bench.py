"""A re-snapshot of the whole shop after a new epoch: time, peak memory, and the swap's lock.

The anchor copies the same rows in raw sqlite3, from the mirror into tables with the mirror's
columns and primary keys only (what the snapshot file holds), with no network and no parsing.
"""

from __future__ import annotations

import json
import shutil
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from models.profile import DB_NAME
from models.sync.snapshot import SNAPSHOT_TABLES
from tests.benchmarks.conftest import BENCH_ORDERS
from tests.platform_process import MAIN, PlatformProcess

RESNAPSHOT_SCRIPT = """
import json, sys, time
from pathlib import Path
import models.sync.syncer as syncer
from models.profile import Profile
swap = {}
def timed(*args, replace=syncer.replace_mirror):
    start = time.perf_counter()
    try:
        return replace(*args)
    finally:
        swap["seconds"] = time.perf_counter() - start
syncer.replace_mirror = timed
import models.sync.swap as swapping
def locked(*args, write=swapping._swap):
    start = time.perf_counter()
    try:
        return write(*args)
    finally:
        swap["locked_seconds"] = time.perf_counter() - start
swapping._swap = locked
def staged(*args, stage=swapping._stage):
    start = time.perf_counter()
    try:
        return stage(*args)
    finally:
        swap["stage_seconds"] = swap.get("stage_seconds", 0.0) + time.perf_counter() - start
swapping._stage = staged
import models.sync.bulk as bulk
def build(*args, make=bulk.build_index):
    start = time.perf_counter()
    try:
        return make(*args)
    finally:
        swap["longest_index_seconds"] = max(
            swap.get("longest_index_seconds", 0.0), time.perf_counter() - start
        )
bulk.build_index = build
profile = Profile.open(Path(sys.argv[1]))
start = time.perf_counter()
report = syncer.sync(profile)
seconds = time.perf_counter() - start
from tests.benchmarks.peak import peak_mb as _peak
peak_mb = _peak()
print(json.dumps({"seconds": seconds, "swap_seconds": swap.get("seconds"), "peak_mb": peak_mb,
                  "locked_seconds": swap.get("locked_seconds"),
                  "longest_index_seconds": swap.get("longest_index_seconds", 0.0),
                  "stage_seconds": swap.get("stage_seconds", 0.0),
                  "resets": report.resets, "pages": report.pages, "changed": report.pulled.total}))
"""


@pytest.fixture
def epoch_platform(
    million_platform_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PlatformProcess]:
    """A platform of its own, so that its new epoch touches no other benchmark."""
    folder = tmp_path_factory.mktemp("epoch-platform")
    db = folder / "platform.sqlite3"
    shutil.copy(million_platform_db, db)
    server = PlatformProcess(db)
    server.start()
    yield server
    server.stop()


def _run(*args: str) -> str:
    done = subprocess.run(
        [sys.executable, *args], check=False, capture_output=True, text=True, cwd=MAIN.parent
    )
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


def raw_copy_seconds(profile_db: Path, target: Path) -> float:
    """The anchor: the mirror's rows copied into primary-key-only tables in raw sqlite3."""
    with closing(sqlite3.connect(target, isolation_level=None)) as conn:
        conn.execute("PRAGMA journal_mode=WAL")
        conn.execute("PRAGMA synchronous=NORMAL")
        for table in SNAPSHOT_TABLES.values():
            columns = ", ".join(f'"{c.name}"' for c in table.columns)
            keys = ", ".join(f'"{c.name}"' for c in table.primary_key.columns)
            conn.execute(f'CREATE TABLE "{table.name}" ({columns}, PRIMARY KEY ({keys}))')
        conn.execute("ATTACH DATABASE ? AS mirror", (str(profile_db),))
        start = time.perf_counter()
        conn.execute("BEGIN")
        for table in SNAPSHOT_TABLES.values():
            conn.execute(f'INSERT INTO "{table.name}" SELECT * FROM mirror."{table.name}"')
        conn.execute("COMMIT")
        return time.perf_counter() - start


def age_the_mirror(profile_db: Path, share: float) -> int:
    """Make ``share`` of the mirror's orders differ from the platform's, as an old mirror does."""
    with closing(sqlite3.connect(profile_db, isolation_level=None)) as conn:
        conn.execute("BEGIN")
        changed = conn.execute(
            "UPDATE \"order\" SET status = 'pending_payment' WHERE id % 100 < ?",
            (int(share * 100),),
        ).rowcount
        conn.execute("COMMIT")
    return int(changed)


# A first pull of the whole shop comes before the re-snapshot: minutes on a busy machine.
@pytest.mark.timeout(1800)
@pytest.mark.parametrize("aged", [0.0, 0.5], ids=["mirror-current", "half-the-orders-changed"])
def test_a_resnapshot_of_the_whole_shop(
    epoch_platform: PlatformProcess, tmp_path: Path, benchmark: BenchmarkFixture, aged: float
) -> None:
    folder = tmp_path / "profile"
    _run(str(MAIN), "login", "--profile", str(folder), "--platform", epoch_platform.url,
         "--shop", "demo1", "--password", "demo")  # fmt: skip
    _run(str(MAIN), "sync", "--profile", str(folder))
    anchor = raw_copy_seconds(folder / DB_NAME, tmp_path / "anchor.sqlite3")
    age_the_mirror(folder / DB_NAME, aged)
    epoch_platform.stop()
    epoch_platform.start("--new-epoch")

    def resnapshot() -> dict[str, float]:
        return json.loads(_run("-c", RESNAPSHOT_SCRIPT, str(folder)))  # type: ignore[no-any-return]

    result = benchmark.pedantic(resnapshot, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    benchmark.extra_info.update(result, anchor_seconds=anchor)
    assert result["resets"] == 1
    assert (result["changed"] > 0) == (aged > 0)
    print(
        f"\nre-snapshot of {BENCH_ORDERS:,} orders: {result['seconds']:.1f} s "
        f"({result['pages']:.0f} pages), of which the swap {result['swap_seconds']:.2f} s "
        f"(staged in {result['stage_seconds']:.2f} s, 100,000 rows a transaction; "
        f"write lock held {result['locked_seconds']:.2f} s, then at most "
        f"{result['longest_index_seconds']:.2f} s for each index built after it); "
        f"peak {result['peak_mb']:.0f} MB; {result['changed']:.0f} rows changed. "
        f"Raw sqlite3 copy of the same rows: {anchor:.2f} s "
        f"(x{result['seconds'] / anchor:.1f})"
    )
