"""Fixtures shared by every test package: real platform databases and profiles."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from tests.platform_process import PlatformProcess, seed_platform

SEED_ORDERS = 1500


@pytest.fixture(scope="session")
def seeded_platform_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A platform database with two demo shops, seeded once per test run."""
    db = tmp_path_factory.mktemp("seeded") / "platform.sqlite3"
    seed_platform(db, seed=7, shops=2, orders=SEED_ORDERS)
    return db


@pytest.fixture
def platform(seeded_platform_db: Path, tmp_path: Path) -> Iterator[PlatformProcess]:
    """A running platform on a loopback port, over this test's own copy of the seeded data."""
    folder = tmp_path / "platform"
    folder.mkdir()
    db = folder / "platform.sqlite3"
    shutil.copy(seeded_platform_db, db)
    server = PlatformProcess(db)
    server.start()
    yield server
    server.stop()


@pytest.fixture
def profile_folder(tmp_path: Path) -> Callable[[str], Path]:
    def make(name: str) -> Path:
        return tmp_path / "profiles" / name

    return make
