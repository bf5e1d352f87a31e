"""A profile: one folder, one shop, one SQLite database.

Opening a profile checks the file before touching it (``models.profile_file``), copies an older
schema aside before upgrading it, and creates a new file whole at the newest schema.
"""

from __future__ import annotations

import logging
import os
import sqlite3
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.orm import Session, sessionmaker

from models.errors import ProfileDiskFull, ProfileUnwritable
from models.migrate import head_revision, is_current, revision_of, upgrade_to_head
from models.profile_file import (
    backup_database,
    busy_wait,
    check_database_file,
    create_database,
    problem_of,
    told_apart,
)
from models.profile_place import default_profile_folder

log = logging.getLogger(__name__)

DB_NAME = "zhanggui.sqlite3"


def _on_connect(dbapi_connection: sqlite3.Connection, _record: Any) -> None:
    # Let SQLAlchemy's "begin" event issue BEGIN, so a writer can ask for IMMEDIATE.
    dbapi_connection.isolation_level = None
    cursor = dbapi_connection.cursor()
    cursor.execute("PRAGMA journal_mode=WAL")
    cursor.execute("PRAGMA foreign_keys=ON")
    cursor.execute("PRAGMA synchronous=NORMAL")
    cursor.execute("PRAGMA busy_timeout=15000")
    # 4 MB a connection: the OS caches the file too, and every pooled connection has its own;
    # the table reads pages by index seeks, so a larger cache bought memory and no speed.
    cursor.execute("PRAGMA cache_size=-4096")
    cursor.close()


def _on_begin(conn: Any) -> None:
    # A write transaction takes the write lock up front: a deferred one that reads and then
    # writes can fail at once with "database is locked" when another writer came in between.
    mode = conn.get_execution_options().get("sqlite_begin", "DEFERRED")
    conn.exec_driver_sql(f"BEGIN {mode}")


def make_engine(path: Path) -> Engine:
    engine = create_engine(f"sqlite:///{path}", pool_size=4, max_overflow=4)
    event.listen(engine, "connect", _on_connect)
    event.listen(engine, "begin", _on_begin)
    return engine


@dataclass
class Profile:
    folder: Path
    engine: Engine
    writer: Engine
    _sessions: sessionmaker[Session]
    _write_sessions: sessionmaker[Session]

    @property
    def db_path(self) -> Path:
        return self.folder / DB_NAME

    @classmethod
    def open(cls, folder: Path | None = None) -> Profile:
        folder = (folder or default_profile_folder()).expanduser().resolve()
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            problem = problem_of(exc, folder / DB_NAME)
            if isinstance(problem, ProfileDiskFull):
                raise problem from exc
            raise ProfileUnwritable(f"cannot create {folder}: {exc.strerror}") from exc
        if not os.access(folder, os.W_OK | os.X_OK):
            raise ProfileUnwritable(f"{folder} is not writable")
        path = folder / DB_NAME
        _keep_private(folder)
        with told_apart(path):
            check_database_file(path)
            if path.exists():
                _migrate(path)
            else:
                create_database(path)
            engine = make_engine(path)
            try:
                # The first connection turns WAL on and makes its files: a full disk or a
                # busy file shows here, not at the owner's first click.
                with engine.connect() as conn:
                    conn.exec_driver_sql("SELECT 1 FROM sync_state LIMIT 1").all()
            except BaseException:
                engine.dispose()
                raise
        _keep_private(*folder.glob(f"{path.stem}*.sqlite3*"))
        writer = engine.execution_options(sqlite_begin="IMMEDIATE")
        return cls(
            folder=folder,
            engine=engine,
            writer=writer,
            _sessions=sessionmaker(engine, expire_on_commit=False),
            _write_sessions=sessionmaker(writer, expire_on_commit=False),
        )

    @contextmanager
    def read(self) -> Iterator[Session]:
        """A session for reading; what it sees is one consistent snapshot."""
        with self._sessions.begin() as session:
            yield session

    @contextmanager
    def write(self) -> Iterator[Session]:
        """A session for one user action: committed when the block ends, rolled back on error."""
        with self._write_sessions.begin() as session:
            yield session

    def close(self) -> None:
        self.engine.dispose()


def _keep_private(*paths: Path) -> None:
    """Readable by their owner only: the database holds the shop's sign-in and its customers.

    SQLite gives its -wal and -shm files the mode of the database file.
    """
    if os.name == "nt":  # the user's own profile folder is private there already
        return
    for path in paths:
        try:
            path.chmod(0o700 if path.is_dir() else 0o600)
        except OSError as exc:
            log.warning("cannot make %s private: %s", path, exc.strerror)


def _migrate(path: Path) -> None:
    """Bring an existing database of ours to the newest schema, copying it aside first."""
    if is_current(path):
        return
    engine = create_engine(f"sqlite:///{path}", connect_args={"timeout": busy_wait()})
    try:
        with engine.connect() as conn:
            current = revision_of(conn)
        head = head_revision()
        if current == head:
            return
        copy = backup_database(path, current)
        log.info(
            "upgrading %s from %s to %s; the old file is kept at %s", path, current, head, copy
        )
        with engine.begin() as conn:
            upgrade_to_head(conn)
    finally:
        engine.dispose()
