"""Fixtures shared by every test package: real platform databases and profiles."""

from __future__ import annotations

import importlib.util
import os
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from models.profile import Profile
from tests.platform_process import PlatformProcess, seed_platform

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

SEED_ORDERS = 1500


def pytest_addoption(parser: pytest.Parser) -> None:
    # The models and platform tests also run where neither Qt nor pytest-qt is installed; with
    # --strict-config, pytest-qt's settings in pyproject.toml would stop them there.
    if importlib.util.find_spec("pytestqt") is None:
        unused = "pytest-qt's setting, unused without Qt"
        parser.addini("qt_api", unused)
        parser.addini("qt_log_level_fail", unused)
        parser.addini("qt_log_ignore", unused, type="linelist")


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


@pytest.fixture(scope="session")
def synced_profile_template(
    seeded_platform_db: Path, tmp_path_factory: pytest.TempPathFactory
) -> Path:
    """A profile of demo1 that pulled the seeded platform once; tests get copies of it."""
    from models.services.account import login
    from models.sync.syncer import sync

    folder = tmp_path_factory.mktemp("synced")
    db = folder / "platform.sqlite3"
    shutil.copy(seeded_platform_db, db)
    server = PlatformProcess(db)
    server.start()
    try:
        profile = Profile.open(folder / "profile")
        login(profile, server.url, "demo1", "demo")
        sync(profile)
        profile.close()
    finally:
        server.stop()
    return folder / "profile"


@pytest.fixture
def synced_profile(synced_profile_template: Path, tmp_path: Path) -> Iterator[Profile]:
    """A copy of a fully synced demo1 profile (its platform is not running)."""
    folder = tmp_path / "synced-profile"
    shutil.copytree(synced_profile_template, folder)
    profile = Profile.open(folder)
    yield profile
    profile.close()
