"""The sync tests run against a real platform process on SQLite and, when a PostgreSQL server
is configured (ZHANGGUI_TEST_PG_URL), on PostgreSQL too."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import postgres
from tests.conftest import SEED_ORDERS
from tests.platform_process import PlatformProcess, seed_platform


@pytest.fixture(scope="session")
def seeded_pg_template(tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    """A PostgreSQL database seeded like ``seeded_platform_db``, copied for each test."""
    admin = postgres.admin_url()
    if admin is None:
        pytest.skip(f"{postgres.PG_ENV} is not set")
    url = postgres.create(admin, prefix="zg_sync_template")
    logs = tmp_path_factory.mktemp("pg-seeded")
    seed_platform(url, seed=7, shops=2, orders=SEED_ORDERS, logs=logs)
    yield url
    postgres.drop(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def platform(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[PlatformProcess]:
    """A running platform on a loopback port, over this test's own copy of the seeded data."""
    folder = tmp_path / "platform"
    folder.mkdir()
    if request.param == "postgres":
        admin = postgres.admin_url()
        if admin is None:
            pytest.skip(f"{postgres.PG_ENV} is not set")
        template: str = request.getfixturevalue("seeded_pg_template")
        server = PlatformProcess(postgres.create(admin, template), logs=folder)
    else:
        seeded: Path = request.getfixturevalue("seeded_platform_db")
        db = folder / "platform.sqlite3"
        shutil.copy(seeded, db)
        server = PlatformProcess(db)
    server.start()
    yield server
    server.stop()
    if isinstance(server.db, str):
        postgres.drop_with_backups(server.db)
