"""The profile's database file: telling what a file is, copying it aside, making a new one.

Every look at the file goes through a connection that is closed again: one process may open and
check many profiles (the command line, tests, a long session), and SQLite's handles are files.
Problems are told apart because the owner acts differently on each: another program writing the
file is waited for and then named busy, a full disk is named full, and only a file SQLite itself
finds damaged is called damaged. An empty file, or a database that is not ours, is refused and
left alone; a new profile is built in a file of its own and put in place whole, so an empty or
half-made file is never one of ours.
"""

from __future__ import annotations

import contextlib
import errno
import logging
import os
import shutil
import sqlite3
import time
import uuid
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path
from typing import Final

from sqlalchemy import create_engine
from sqlalchemy.exc import DBAPIError

from models.errors import (
    ProfileBusy,
    ProfileCorrupt,
    ProfileDiskFull,
    ProfileError,
    ProfileForeign,
    ProfileUnwritable,
)

log = logging.getLogger(__name__)

SQLITE_MAGIC: Final = b"SQLite format 3\x00"
THOROUGH_CHECK_BYTES: Final = 64 * 1024 * 1024
# How long opening waits for another program that holds the file, before it says busy.
BUSY_WAIT_SECONDS = 10.0
# Below this much free space, an I/O error while writing is the disk being full.
LOW_SPACE_BYTES: Final = 1024 * 1024
_NEW_PREFIX: Final = ".new-"
_LEFTOVER_SECONDS: Final = 600
_BUSY_CODES: Final = frozenset({sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED})
_IO_CODES: Final = frozenset({sqlite3.SQLITE_IOERR, sqlite3.SQLITE_CANTOPEN})


def busy_wait() -> float:
    return BUSY_WAIT_SECONDS


def connect_read_only(path: Path) -> closing[sqlite3.Connection]:
    """A read-only connection to ``path`` that is closed when the ``with`` block ends."""
    return closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=busy_wait()))


def problem_of(exc: BaseException, path: Path) -> ProfileError | None:
    """The profile problem an OS or SQLite error stands for, when it is not damage."""
    if isinstance(exc, DBAPIError) and exc.orig is not None:
        exc = exc.orig
    if isinstance(exc, OSError) and exc.errno in (errno.ENOSPC, errno.EDQUOT):
        return ProfileDiskFull(f"the disk holding {path.parent} is full")
    if isinstance(exc, PermissionError):
        return ProfileUnwritable(f"cannot use {path}: {exc.strerror}")
    code = getattr(exc, "sqlite_errorcode", None)
    if code is None:
        return None
    primary = code & 0xFF
    if primary in _BUSY_CODES:
        return ProfileBusy(f"another program is writing {path}; it is still busy")
    if primary == sqlite3.SQLITE_FULL or (primary in _IO_CODES and _low_on_space(path)):
        return ProfileDiskFull(f"the disk holding {path.parent} is full")
    if primary == sqlite3.SQLITE_READONLY:
        return ProfileUnwritable(f"cannot write {path}")
    return None


def _low_on_space(path: Path) -> bool:
    try:
        return shutil.disk_usage(path.parent).free < LOW_SPACE_BYTES
    except OSError:
        return False


@contextmanager
def told_apart(path: Path) -> Iterator[None]:
    """Turn what goes wrong with the file into the profile problem it stands for."""
    try:
        yield
    except ProfileError:
        raise
    except (OSError, sqlite3.Error, DBAPIError) as exc:
        problem = problem_of(exc, path)
        if problem is None:
            raise
        raise problem from exc


def check_database_file(path: Path) -> None:
    """Raise a ProfileError when ``path`` exists and is not a usable database of ours."""
    if not path.exists():
        return
    if path.is_dir():
        raise ProfileForeign(f"{path} is a folder, not a database file", kind="folder")
    try:
        with path.open("rb") as f:
            header = f.read(len(SQLITE_MAGIC))
        size = path.stat().st_size
    except OSError as exc:
        problem = problem_of(exc, path) or ProfileCorrupt(f"cannot read {path}: {exc.strerror}")
        raise problem from exc
    if size == 0:
        raise ProfileForeign(f"{path} is empty; it is not a Zhanggui database", kind="empty")
    if header != SQLITE_MAGIC:
        raise ProfileForeign(
            f"{path} is not a Zhanggui database (it is not a SQLite file)", kind="not_a_database"
        )
    # Reading the whole schema finds a damaged header or schema page at once. A full
    # quick_check reads every page: cheap for a small file, but seconds for a million orders at
    # every start, so a big file relies on SQLite refusing a damaged page when it is read.
    thorough = size <= THOROUGH_CHECK_BYTES
    try:
        with connect_read_only(path) as conn:
            conn.execute("SELECT type, name, sql FROM sqlite_master").fetchall()
            result = conn.execute("PRAGMA quick_check").fetchone() if thorough else ("ok",)
    except sqlite3.DatabaseError as exc:
        damaged = problem_of(exc, path) or ProfileCorrupt(f"{path} is damaged: {exc}")
        raise damaged from exc
    if result is None or result[0] != "ok":
        raise ProfileCorrupt(f"{path} is damaged: {result[0] if result else 'no answer'}")


def backup_database(path: Path, revision: str | None) -> Path:
    """Copy the database aside, consistently even while it is in WAL mode."""
    stamp = time.strftime("%Y%m%d-%H%M%S")
    target = path.with_name(f"{path.stem}.before-{revision or 'none'}-{stamp}.sqlite3")
    try:
        with (
            closing(sqlite3.connect(path, timeout=busy_wait())) as source,
            closing(sqlite3.connect(target)) as copy,
        ):
            source.backup(copy)
    except BaseException:
        target.unlink(missing_ok=True)  # a half copy is no backup
        raise
    return target


def create_database(path: Path) -> None:
    """Make a new database at the newest schema and put it at ``path`` whole.

    It is built under a name of its own beside ``path`` and linked into place only when
    complete, so a crash or a full disk leaves no file at ``path``. When another process put a
    profile there first, that one is kept.
    """
    from models.migrate import upgrade_to_head

    _remove_leftovers(path)
    building = path.with_name(f"{_NEW_PREFIX}{uuid.uuid4().hex[:12]}-{path.name}")
    engine = create_engine(f"sqlite:///{building}")
    try:
        with told_apart(building), engine.begin() as conn:
            upgrade_to_head(conn)
        engine.dispose()
        with told_apart(building):
            _sync_file(building)
            _put_in_place(building, path)
    finally:
        engine.dispose()
        for suffix in ("-journal", "-wal", "-shm", ""):
            Path(f"{building}{suffix}").unlink(missing_ok=True)
    log.info("created a new profile database at %s", path)


def _put_in_place(building: Path, path: Path) -> None:
    try:
        os.link(building, path)  # fails when the name is taken: the first profile stays
    except FileExistsError:
        log.info("another process created %s first; using that one", path)
        return
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        # No hard links on this file system: a rename is the next best.
        if not path.exists():
            os.rename(building, path)
    _sync_folder(path.parent)


def _sync_file(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _sync_folder(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def _remove_leftovers(path: Path) -> None:
    """Delete new databases a crash left half made, once they are clearly abandoned."""
    now = time.time()
    for leftover in path.parent.glob(f"{_NEW_PREFIX}*-{path.name}*"):
        with contextlib.suppress(OSError):
            if now - leftover.stat().st_mtime > _LEFTOVER_SECONDS:
                leftover.unlink()
