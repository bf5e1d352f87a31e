"""Budgets of DESIGN section 5 for sync: initial pull, an idle sync, a large push."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest
from pytest_benchmark.fixture import BenchmarkFixture

from models.profile import Profile
from models.services.orders import newest_orders
from models.services.reviews import review_order
from models.sync.syncer import sync
from tests.benchmarks.conftest import BENCH_ORDERS
from tests.platform_process import MAIN, PlatformProcess

PULL_SCRIPT = """
import json, sys, time
from pathlib import Path
from models.profile import Profile
from models.services.account import login
from models.sync.syncer import sync
profile = Profile.open(Path(sys.argv[1]))
login(profile, sys.argv[2], "demo1", "demo")
start = time.perf_counter()
report = sync(profile)
seconds = time.perf_counter() - start
from tests.benchmarks.peak import peak_mb as _peak
peak_mb = _peak()
print(json.dumps({"seconds": seconds, "peak_mb": peak_mb, "orders": report.pulled.upserted["order"],
                  "changes": report.pulled.total}))
"""


def test_initial_pull_of_the_whole_shop(
    million_platform: PlatformProcess, tmp_path: Path, benchmark: BenchmarkFixture
) -> None:
    """Budget: 60 s and 300 MB peak for 1,000,000 orders, in a process of its own."""

    def pull() -> dict[str, float]:
        folder = tmp_path / f"pull-{time.monotonic_ns()}"
        done = subprocess.run(
            [sys.executable, "-c", PULL_SCRIPT, str(folder), million_platform.url],
            check=True,
            capture_output=True,
            text=True,
            cwd=MAIN.parent,
        )
        shutil.rmtree(folder)
        return json.loads(done.stdout)  # type: ignore[no-any-return]

    result = benchmark.pedantic(pull, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    benchmark.extra_info.update(result)
    assert result["orders"] == BENCH_ORDERS
    print(
        f"\ninitial pull: {result['seconds']:.1f} s, peak {result['peak_mb']:.0f} MB, "
        f"{result['changes']:.0f} rows"
    )


def test_a_sync_with_nothing_to_do(million_profile: Path, benchmark: BenchmarkFixture) -> None:
    """Budget: 100 ms."""
    profile = Profile.open(million_profile)
    report = benchmark(sync, profile)
    assert report.pulled.total == 0


@pytest.mark.parametrize("actions", [10_000])
def test_pushing_ten_thousand_actions(
    million_profile: Path,
    million_platform: PlatformProcess,
    benchmark: BenchmarkFixture,
    actions: int,
) -> None:
    profile = Profile.open(million_profile)
    numbers = [line.order_no for line in newest_orders(profile, actions)]

    def queue() -> tuple[tuple[object, ...], dict[str, object]]:
        for i, order_no in enumerate(numbers):
            review_order(profile, order_no, reviewed=bool(i % 2), note=f"bench {time.time()}")
        return (profile,), {}

    report = benchmark.pedantic(sync, setup=queue, rounds=1, iterations=1)  # type: ignore[no-untyped-call]
    assert report.applied == actions
