"""The contract is the behaviour: schemathesis holds a real platform to its OpenAPI description,
signed in and not, and finds no 5xx and no answer the description does not state."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import httpx
import pytest

from models import wire
from tests.pg import PG_ENV
from tests.platform_process import PlatformProcess
from tests.server.conftest import PgDatabases

CONFIG = Path(__file__).with_name("schemathesis.toml")
# Bounded: a few hundred requests per run, half a minute or so on two busy cores.
MAX_EXAMPLES = 25
SEED = 9


def _schemathesis(server: PlatformProcess, folder: Path, *extra: str) -> None:
    command = [
        sys.executable,
        "-m",
        "schemathesis.cli",
        "--config-file",
        str(CONFIG),
        "--no-color",
        "run",
        f"{server.url}/openapi.json",
        "--checks",
        "all",
        "--phases",
        "examples,coverage,fuzzing",
        "--max-examples",
        str(MAX_EXAMPLES),
        "--workers",
        "1",
        "--seed",
        str(SEED),
        "--generation-database",
        "none",
        "--no-shrink",
        "--request-timeout",
        "30",
        *extra,
    ]
    done = subprocess.run(
        command, check=False, capture_output=True, text=True, cwd=folder, timeout=600
    )
    assert done.returncode == 0, done.stdout[-8000:] + done.stderr[-2000:]
    assert " passed" in done.stdout


def _token(server: PlatformProcess) -> str:
    answer = httpx.post(
        f"{server.url}/v1/login",
        json={"shop_code": "demo1", "password": "demo"},
        headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)},
        timeout=30,
    )
    assert answer.status_code == 200, answer.text
    return str(answer.json()["token"])


@pytest.fixture
def served(sqlite_template: Path, tmp_path: Path) -> PlatformProcess:
    db = tmp_path / "platform.sqlite3"
    shutil.copy(sqlite_template, db)
    return PlatformProcess(db)


def test_without_a_token_every_answer_is_in_the_contract(
    served: PlatformProcess, tmp_path: Path
) -> None:
    served.start()
    try:
        _schemathesis(served, tmp_path)
    finally:
        served.stop()


def test_signed_in_every_answer_is_in_the_contract(served: PlatformProcess, tmp_path: Path) -> None:
    served.start()
    try:
        # Signing out would end the token half-way; the logout route is covered without one.
        _schemathesis(
            served,
            tmp_path,
            "--header",
            f"Authorization: Bearer {_token(served)}",
            "--exclude-path",
            "/v1/logout",
        )
    finally:
        served.stop()


@pytest.mark.postgres
def test_signed_in_on_postgresql_every_answer_is_in_the_contract(
    pg_databases: PgDatabases, tmp_path: Path
) -> None:
    assert PG_ENV
    server = PlatformProcess(pg_databases.fresh(True), folder=tmp_path)
    server.start()
    try:
        _schemathesis(
            server,
            tmp_path,
            "--header",
            f"Authorization: Bearer {_token(server)}",
            "--exclude-path",
            "/v1/logout",
        )
    finally:
        server.stop()
