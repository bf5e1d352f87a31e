"""Throwaway PostgreSQL databases for the tests that run a real platform process on it."""

from __future__ import annotations

import hashlib
import os
import uuid
from pathlib import Path
from typing import Final

from sqlalchemy import create_engine, make_url, text
from sqlalchemy.pool import NullPool

PG_ENV: Final = "ZHANGGUI_TEST_PG_URL"


def admin_url() -> str | None:
    return os.environ.get(PG_ENV) or None


def _execute(url: str, sql: str) -> None:
    engine = create_engine(url, isolation_level="AUTOCOMMIT", poolclass=NullPool)
    try:
        with engine.connect() as conn:
            conn.execute(text(sql))
    finally:
        engine.dispose()


def with_database(url: str, name: str) -> str:
    return make_url(url).set(database=name).render_as_string(hide_password=False)


def database_of(url: str) -> str:
    name = make_url(url).database
    assert name, url
    return name


def create(admin: str, template: str | None = None, prefix: str = "zg_sync") -> str:
    """A new database (a copy of ``template``, a URL, when given); returns its URL."""
    name = f"{prefix}_{uuid.uuid4().hex[:12]}"
    copy = f' TEMPLATE "{database_of(template)}"' if template else ""
    _execute(admin, f'CREATE DATABASE "{name}"{copy}')
    return with_database(admin, name)


def drop(url: str) -> None:
    name = database_of(url)
    _execute(with_database(url, "postgres"), f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def drop_with_backups(url: str) -> None:
    """Drop a database and every copy ``named_after`` made of it."""
    name = database_of(url)
    engine = create_engine(with_database(url, "postgres"), poolclass=NullPool)
    try:
        with engine.connect() as conn:
            copies = list(
                conn.execute(
                    text("SELECT datname FROM pg_database WHERE datname LIKE :prefix"),
                    {"prefix": f"{name}_bk_%"},
                ).scalars()
            )
    finally:
        engine.dispose()
    for copy in [*copies, name]:
        drop(with_database(url, copy))


def clone(source: str, target: str) -> None:
    """Make ``target`` a copy of ``source`` (both URLs on one server); nobody may be connected."""
    drop(target)
    admin = with_database(source, "postgres")
    _execute(admin, f'CREATE DATABASE "{database_of(target)}" TEMPLATE "{database_of(source)}"')


def named_after(url: str, path: Path) -> str:
    """The URL of a database on the same server standing for the backup file ``path``."""
    digest = hashlib.sha1(str(path).encode()).hexdigest()[:10]
    return with_database(url, f"{database_of(url)}_bk_{digest}")
