"""Platform fixtures: seeded databases (SQLite files, and PostgreSQL when configured), running
servers on loopback ports, and signed-in desks that talk to them over HTTP."""

from __future__ import annotations

import os
import shutil
import uuid
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any, cast

import httpx
import pytest
from sqlalchemy import Engine

from models import wire
from server.db import make_engine
from server.runner import PlatformThread
from server.seed import seed
from server.seed.calendar import day_start
from tests.pg import PG_ENV, PgServer, prepare_schema
from tests.server.statements import recording

ANCHOR = date(2026, 11, 24)
# Noon in China on the anchor day: where the seeded history ends, and "now" for every test
# that stamps rows.
NOW = day_start(ANCHOR) + 12 * 3600
SEED = 11
SHOPS = 2
ORDERS = 1200


@pytest.fixture(autouse=True)
def every_statement_names_its_shop() -> Iterator[None]:
    """Each test fails if the platform ran a statement on a shop table without its shop."""
    with recording() as log:
        yield
    problems = log.problems()
    assert not problems, "statements without their shop:\n" + "\n".join(problems)


def seed_small(engine: Engine, seed_value: int = SEED) -> None:
    seed(engine, seed_value, SHOPS, ORDERS, ANCHOR, now=NOW, products=400, brands=60, helpers=0)


class FixedClock:
    def __init__(self, now: int = NOW) -> None:
        self.now = now

    def __call__(self) -> int:
        return self.now


# --- databases ---------------------------------------------------------------------------


@pytest.fixture(scope="session")
def sqlite_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("platform-template") / "platform.sqlite3"
    engine = make_engine(str(path))
    seed_small(engine)
    engine.dispose()
    return path


class PgDatabases:
    """Fresh databases on the configured server: blank, at the newest schema (partitioned by
    shop when the run asks for it), or seeded, each cloned from a template made once."""

    def __init__(self, admin_url: str) -> None:
        self.server = PgServer(admin_url)
        self.schema_template = self.server.create(prefix="zg_schema")
        prepare_schema(self.server.url(self.schema_template))
        self.template = self.server.create(template=self.schema_template, prefix="zg_template")
        engine = make_engine(self.server.url(self.template))
        seed_small(engine)
        engine.dispose()

    def url(self, name: str) -> str:
        return self.server.url(name)

    def fresh(self, seeded: bool) -> str:
        """A seeded platform, or one at the newest schema with no data yet."""
        template = self.template if seeded else self.schema_template
        return self.server.url(self.server.create(template=template))

    def blank(self) -> str:
        """A database with no tables at all."""
        return self.server.url(self.server.create())

    def close(self) -> None:
        self.server.close()


@pytest.fixture(scope="session")
def pg_databases() -> Iterator[PgDatabases]:
    admin_url = os.environ.get(PG_ENV)
    if not admin_url:
        pytest.skip(f"{PG_ENV} is not set")
    databases = PgDatabases(admin_url)
    yield databases
    databases.close()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def backend(request: pytest.FixtureRequest) -> str:
    if request.param == "postgres" and not os.environ.get(PG_ENV):
        pytest.skip(f"{PG_ENV} is not set")
    return str(request.param)


@pytest.fixture
def db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    """A freshly seeded platform database of this test's own."""
    if backend == "postgres":
        databases: PgDatabases = request.getfixturevalue("pg_databases")
        return databases.fresh(seeded=True)
    template: Path = request.getfixturevalue("sqlite_template")
    path = tmp_path / "platform.sqlite3"
    shutil.copy(template, path)
    return f"sqlite:///{path}"


@pytest.fixture
def empty_db_url(backend: str, request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if backend == "postgres":
        databases: PgDatabases = request.getfixturevalue("pg_databases")
        return databases.fresh(seeded=False)
    return f"sqlite:///{tmp_path / 'empty.sqlite3'}"


@pytest.fixture
def engine(db_url: str) -> Iterator[Engine]:
    """Direct access to the platform's database, to check what the API did."""
    engine = make_engine(db_url)
    yield engine
    engine.dispose()


# --- servers and desks -----------------------------------------------------------------


@pytest.fixture
def clock() -> FixedClock:
    return FixedClock()


@pytest.fixture
def platform(db_url: str, clock: FixedClock) -> Iterator[PlatformThread]:
    server = PlatformThread(db_url, clock=clock)
    server.start()
    yield server
    server.stop()


@dataclass
class Desk:
    """One computer of a shop, talking to the platform over HTTP like the desktop does."""

    http: httpx.Client
    shop_id: int = 0
    token: str = ""
    signed_in: wire.LoginResponse | None = None
    results: list[wire.MutationResult] = field(default_factory=list)

    def login(self, shop_code: str, password: str = "demo", user: str = "") -> Desk:
        body = {"shop_code": shop_code, "password": password}
        if user:
            body["user"] = user
        response = self.http.post("/v1/login", json=body)
        assert response.status_code == 200, response.text
        login = wire.LoginResponse.model_validate_json(response.content)
        self.shop_id, self.token = login.shop_id, login.token
        self.signed_in = login
        self.http.headers["Authorization"] = f"Bearer {login.token}"
        return self

    def pull(
        self, cursor: str = wire.START_CURSOR, limit: int = wire.MAX_PULL_LIMIT
    ) -> httpx.Response:
        return self.http.get("/v1/pull", params={"cursor": cursor, "limit": limit})

    def pull_page(
        self, cursor: str = wire.START_CURSOR, limit: int = wire.MAX_PULL_LIMIT
    ) -> wire.PullPage:
        response = self.pull(cursor, limit)
        assert response.status_code == 200, response.text
        return wire.PULL_PAGE_ADAPTER.validate_json(response.content)

    def pull_all(
        self, cursor: str = wire.START_CURSOR, limit: int = wire.MAX_PULL_LIMIT
    ) -> tuple[list[wire.PullPage], str]:
        pages: list[wire.PullPage] = []
        while True:
            page = self.pull_page(cursor, limit)
            pages.append(page)
            cursor = page.next_cursor
            if not page.more:
                return pages, cursor

    def push(self, *mutations: dict[str, Any]) -> list[wire.MutationResult]:
        response = self.http.post("/v1/push", json={"mutations": list(mutations)})
        assert response.status_code == 200, response.text
        return wire.PushResponse.model_validate_json(response.content).results


def mutation(kind: str, payload: dict[str, Any], mutation_id: str | None = None) -> dict[str, Any]:
    return {
        "id": mutation_id or uuid.uuid4().hex,
        "kind": kind,
        "payload": payload,
        "created_at": NOW,
    }


def upserted(pages: list[wire.PullPage], entity: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = []
    for page in pages:
        rows.extend(cast(dict[str, list[dict[str, Any]]], page.upserts).get(entity, []))
    return rows


def deleted(pages: list[wire.PullPage], entity: str) -> list[int | str]:
    keys: list[int | str] = []
    for page in pages:
        keys.extend(cast(dict[str, list[int | str]], page.deletes).get(entity, []))
    return keys


@pytest.fixture
def desk(platform: PlatformThread) -> Iterator[Callable[[], Desk]]:
    clients: list[httpx.Client] = []

    def make() -> Desk:
        client = httpx.Client(
            base_url=platform.url,
            headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)},
            timeout=30,
        )
        clients.append(client)
        return Desk(client)

    yield make
    for client in clients:
        client.close()
