"""The log file: in the profile folder, five files of 1 MB at most, with nothing personal in it."""

from __future__ import annotations

import json
import logging
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from pydantic import BaseModel, ValidationError
from sqlalchemy import create_engine, text
from sqlalchemy.exc import IntegrityError

from models.db import SyncState
from models.log_file import (
    KEPT_FILES,
    LOG_NAME,
    MAX_BYTES,
    last_lines,
    log_folder,
    start_log_file,
    stop_log_file,
)
from models.log_privacy import HIDDEN, scrub
from models.profile import Profile
from tests.platform_process import MAIN, PlatformProcess

log = logging.getLogger("tests.log_file")

TOKEN = "3f9a7c1e5b2d4f608a1c3e5f7b9d1a2c"
PHONE = "13812345678"
SECRETS = (TOKEN, PHONE, "138****5678", "xiaomei@example.com", "11010519491231002X", "s3cret!")


@pytest.fixture
def logged(tmp_path: Path) -> Iterator[Path]:
    """A profile folder whose log file is being written; the file's folder."""
    folder = tmp_path / "profile"
    assert start_log_file(folder) is not None
    yield log_folder(folder)
    stop_log_file(folder)


def log_text(folder: Path) -> str:
    return "".join(p.read_text(encoding="utf-8") for p in sorted(folder.glob(f"{LOG_NAME}*")))


def test_the_log_rotates_at_one_megabyte_and_keeps_five_files(logged: Path) -> None:
    line = "order page applied " + "x" * 3980
    for n in range(6 * MAX_BYTES // len(line)):
        log.info("%s %d", line, n)

    files = sorted(p.name for p in logged.glob(f"{LOG_NAME}*"))
    assert files == [LOG_NAME, *(f"{LOG_NAME}.{n}" for n in range(1, KEPT_FILES))]
    assert all((logged / name).stat().st_size <= MAX_BYTES for name in files)
    # the newest lines are in the current file, the oldest ones are gone
    last = last_lines(logged, 1)[0]
    assert last.endswith(f"{line} {6 * MAX_BYTES // len(line) - 1}")
    assert f"{line} 0\n" not in log_text(logged)


def test_tokens_passwords_and_customers_details_never_reach_the_log(logged: Path) -> None:
    log.info("pull with Authorization: Bearer %s", TOKEN)
    log.info("login body %s", json.dumps({"shop_code": "demo1", "password": "s3cret!"}))
    log.info("state token=%s cursor=12:40", TOKEN)
    log.info("customer phone %s, masked %s, mail %s", PHONE, "138****5678", "xiaomei@example.com")
    log.info("identity card 11010519491231002X")
    try:
        raise RuntimeError(f"the platform refused token {TOKEN!r} for {PHONE}")
    except RuntimeError:
        log.exception("sync failed")

    written = log_text(logged)
    for secret in SECRETS:
        assert secret not in written
    assert "sync failed" in written
    assert "RuntimeError: the platform refused token" in written
    assert "cursor=12:40" in written
    assert written.count(HIDDEN) >= 4


def test_values_quoted_by_sql_and_validation_errors_are_hidden(
    logged: Path, tmp_path: Path
) -> None:
    engine = create_engine(f"sqlite:///{tmp_path / 'x.sqlite3'}")
    with engine.begin() as conn:
        conn.execute(text("CREATE TABLE customer (id INTEGER PRIMARY KEY, name TEXT)"))
        conn.execute(text("INSERT INTO customer VALUES (1, '王小美')"))
    # In the app the values are variables: a traceback shows the line, never the value.
    again = {"id": 1, "name": "李雷"}
    typed = {"age": "张三 13812345678"}
    try:
        with engine.begin() as conn:
            conn.execute(text("INSERT INTO customer VALUES (:id, :name)"), again)
    except IntegrityError:
        log.exception("could not write a customer")
    engine.dispose()

    class Person(BaseModel):
        age: int

    try:
        Person.model_validate(typed)
    except ValidationError:
        log.exception("bad payload")

    written = log_text(logged)
    assert "UNIQUE constraint failed: customer.id" in written
    assert "李雷" not in written
    assert "张三" not in written
    assert f"[parameters: {HIDDEN}]" in written


def test_a_token_without_digits_is_hidden_and_a_long_function_name_is_not() -> None:
    token = "AbCdEfGhIjKlMnOpQrStUvWxYz_-AbCdEfGhIjKlMnOpQ"
    assert scrub(f"answer {token}") == f"answer {HIDDEN}"
    name = "test_a_verbose_sign_in_and_sync_from_the_command_line"
    assert scrub(f"in {name}") == f"in {name}"
    mutation = "4b3e1f2a-9c8d-4e7f-a6b5-c4d3e2f1a0b9"
    assert scrub(f"pushed {mutation}") == f"pushed {mutation}"


def test_the_home_folder_is_written_as_a_tilde() -> None:
    home = Path.home()
    assert scrub(f"opened {home / 'shop' / 'zhanggui.sqlite3'}") == (
        f"opened {Path('~') / 'shop' / 'zhanggui.sqlite3'}"
    )
    assert scrub("order ZG2026112400000123 paid at 1764000000") == (
        "order ZG2026112400000123 paid at 1764000000"
    )


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), *args], check=False, capture_output=True, text=True, timeout=120
    )


def test_a_verbose_sign_in_and_sync_from_the_command_line_log_no_token(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    folder = profile_folder("cli")
    done = run(
        "-v",
        "login",
        "--profile",
        str(folder),
        "--platform",
        platform.url,
        "--shop",
        "demo1",
        "--password",
        "demo",
    )
    assert done.returncode == 0, done.stderr
    assert run("-v", "sync", "--profile", str(folder)).returncode == 0

    profile = Profile.open(folder)
    with profile.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        token = state.token
    profile.close()
    written = log_text(log_folder(folder))
    assert "POST" in written
    assert "/v1/pull" in written
    assert token not in written
