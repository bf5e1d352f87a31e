"""Engines for SQLite (the demo and the tests) and PostgreSQL (production)."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, create_engine, event

log = logging.getLogger(__name__)

# Writers queue for the SQLite file lock instead of failing; a push batch can hold it a while.
SQLITE_BUSY_TIMEOUT_MS = 30_000
WRITE_OPTION = "platform_write"


def database_url(target: str) -> str:
    """Accept a URL or a plain file path, which means a SQLite file."""
    return target if "://" in target else f"sqlite:///{target}"


def make_engine(url: str) -> Engine:
    url = database_url(url)
    if url.startswith("sqlite"):
        engine = create_engine(
            url, pool_size=8, max_overflow=24, pool_timeout=60, hide_parameters=True
        )
        event.listen(engine, "connect", _sqlite_connect)
        event.listen(engine, "begin", _sqlite_begin)
        return engine
    # Errors never carry the statement's values: they may be a customer's, or a client's.
    # No ping before each use: it is one more round trip on every request, for the rare
    # connection the server dropped (recycled hourly; a dropped one fails once, the pool then
    # starts afresh and the desktop retries).
    return create_engine(url, pool_size=8, max_overflow=24, pool_recycle=3600, hide_parameters=True)


def _sqlite_connect(dbapi_connection: Any, _record: Any) -> None:
    # Transactions are begun by _sqlite_begin, so that a reading pull sees one snapshot and a
    # writer can take the write lock up front.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
    cursor.close()


def _sqlite_begin(conn: Connection) -> None:
    # A deferred transaction that reads before it writes cannot wait for the lock when another
    # writer got in between (SQLITE_BUSY_SNAPSHOT), so writers take the lock at BEGIN.
    immediate = conn.get_execution_options().get(WRITE_OPTION, False)
    conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")


@contextmanager
def write_begin(engine: Engine) -> Iterator[Connection]:
    """A connection inside a transaction that will write; committed on a clean exit."""
    with engine.connect() as conn:
        conn.execution_options(**{WRITE_OPTION: True})
        with conn.begin():
            yield conn


@contextmanager
def read_begin(engine: Engine) -> Iterator[Connection]:
    """A connection inside a read-only transaction that sees one snapshot for all its queries."""
    with engine.connect() as conn:
        if engine.dialect.name == "postgresql":
            conn.execution_options(isolation_level="REPEATABLE READ", postgresql_readonly=True)
        with conn.begin():
            yield conn


@contextmanager
def read_once(engine: Engine) -> Iterator[Connection]:
    """A connection for one statement, which sees one snapshot by itself: on PostgreSQL it runs
    without BEGIN and COMMIT around it, two round trips fewer."""
    if engine.dialect.name != "postgresql":
        with read_begin(engine) as conn:
            yield conn
        return
    with engine.connect() as conn:
        conn.execution_options(isolation_level="AUTOCOMMIT")
        yield conn
