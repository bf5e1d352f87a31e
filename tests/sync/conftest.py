"""The sync tests run against a platform on SQLite and, when one is configured, on PostgreSQL
(hash-partitioned by shop when the run asks for it)."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import SEED_ORDERS
from tests.pg import PG_ENV, PgServer, prepare_schema
from tests.platform_process import PlatformProcess, seed_platform


def pytest_collection_modifyitems(items: list[pytest.Item]) -> None:
    """Mark the sync tests, so a run can choose where their PostgreSQL variants run (``./dev
    test`` runs them once, on the partitioned layout)."""
    here = Path(__file__).parent
    for item in items:
        if item.path.is_relative_to(here):
            item.add_marker(pytest.mark.sync)


class SeededPg:
    """One seeded PostgreSQL platform (seeded through the command line, like the SQLite one),
    and a clone of it for each test."""

    def __init__(self, admin_url: str, folder: Path) -> None:
        self.server = PgServer(admin_url)
        self.template = self.server.create(prefix="zg_sync")
        url = self.server.url(self.template)
        prepare_schema(url)
        seed_platform(url, seed=7, shops=2, orders=SEED_ORDERS, folder=folder)

    def fresh(self) -> str:
        return self.server.url(self.server.create(template=self.template))

    def close(self) -> None:
        self.server.close()


@pytest.fixture(scope="session")
def seeded_pg(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SeededPg]:
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"{PG_ENV} is not set")
    seeded = SeededPg(admin_url, tmp_path_factory.mktemp("seeded-pg"))
    yield seeded
    seeded.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def platform(
    request: pytest.FixtureRequest, seeded_platform_db: Path, tmp_path: Path
) -> Iterator[PlatformProcess]:
    """A running platform on a loopback port, over this test's own copy of the seeded data."""
    folder = tmp_path / "platform"
    folder.mkdir()
    if request.param == "postgres":
        seeded: SeededPg = request.getfixturevalue("seeded_pg")
        server = PlatformProcess(seeded.fresh(), folder=folder, pg=seeded.server)
    else:
        db = folder / "platform.sqlite3"
        shutil.copy(seeded_platform_db, db)
        server = PlatformProcess(db)
    server.start()
    yield server
    server.stop()
