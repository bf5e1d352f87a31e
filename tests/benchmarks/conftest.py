"""A platform with one shop of 1,000,000 orders, seeded once and kept between runs."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.platform_process import MAIN, PlatformProcess, seed_platform

BENCH_ORDERS = int(os.environ.get("ZHANGGUI_BENCH_ORDERS", "1000000"))
CACHE = Path(os.environ.get("ZHANGGUI_BENCH_CACHE", "/tmp/zhanggui-bench"))
# A profile that has already pulled the bench shop, to measure the views again without a pull;
# the benchmarks that talk to the platform (sync, push) need the platform it pulled from.
PULLED = os.environ.get("ZHANGGUI_BENCH_PROFILE", "")


@pytest.fixture(scope="session")
def million_platform_db() -> Path:
    db = CACHE / f"platform-{BENCH_ORDERS}.sqlite3"
    if not db.exists():
        CACHE.mkdir(parents=True, exist_ok=True)
        partial = db.with_suffix(".partial")
        partial.unlink(missing_ok=True)
        seed_platform(partial, seed=1, shops=1, orders=BENCH_ORDERS)
        partial.rename(db)
    return db


@pytest.fixture(scope="session")
def million_platform(
    million_platform_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[PlatformProcess]:
    folder = tmp_path_factory.mktemp("bench-platform")
    db = folder / "platform.sqlite3"
    shutil.copy(million_platform_db, db)
    server = PlatformProcess(db)
    server.start()
    yield server
    server.stop()


@pytest.fixture(scope="session")
def million_profile(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A profile that has pulled the whole shop (the pull itself is measured separately)."""
    if PULLED:
        return Path(PULLED)
    million_platform: PlatformProcess = request.getfixturevalue("million_platform")
    folder = tmp_path_factory.mktemp("bench-profile")
    # In processes of their own, so that the pull's memory is not counted against the views.
    for command in (
        ["login", "--platform", million_platform.url, "--shop", "demo1", "--password", "demo"],
        ["sync"],
    ):
        subprocess.run(
            [sys.executable, str(MAIN), command[0], "--profile", str(folder), *command[1:]],
            check=True,
            capture_output=True,
        )
    return folder
