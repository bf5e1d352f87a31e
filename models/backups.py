"""Daily copies of the profile's database, and putting one back without losing what the owner did.

A backup is SQLite's online copy of the whole file, taken while the app works, once a local day,
into ``backups/zhanggui-YYYY-MM-DD.sqlite3``; the newest seven are kept.

Restoring puts the backup's mirror back with the backup's own sync cursor, so the next sync pulls
everything the platform changed since, as it would for a computer that was switched off that day.
What the owner wrote on this computer since the backup is carried over from the current database:
the outbox with its answers (actions the platform already applied stay answered and are not sent
again; the ones still waiting are sent once), the owner's own rows, and the sign-in. The current
database is kept aside, never deleted.

A restore has two steps, so that an app can keep working while the slow one runs:
``prepare_restore`` copies and upgrades the backup beside the profile; ``finish_restore``, with
every connection to the profile closed, carries the owner's rows over and swaps the files.
"""

from __future__ import annotations

import datetime as dt
import logging
import os
import sqlite3
import time
from collections.abc import Callable, Iterator
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from sqlalchemy import create_engine

from models.db import Base
from models.errors import (
    BackupDamaged,
    BackupOtherShop,
    ProfileCorrupt,
    ProfileError,
    ProfileForeign,
    SyncBusy,
)
from models.migrate import is_current, revision_of, upgrade_to_head
from models.profile import DB_NAME
from models.profile_file import check_database_file
from models.sync.lock import sync_lock

log = logging.getLogger(__name__)

BACKUP_FOLDER: Final = "backups"
KEPT_BACKUPS: Final = 7
KEPT_ASIDE: Final = 3
PREFIX: Final = "zhanggui-"
SUFFIX: Final = ".sqlite3"
STAGING_NAME: Final = "zhanggui.restoring.sqlite3"
ASIDE_PREFIX: Final = "zhanggui.before-restore-"
LOCK_WAIT_SECONDS: Final = 30.0
# In models/db/local.py but not carried over whole: the sign-in is, the cursor is not.
NOT_CARRIED: Final = frozenset({"sync_state"})
# What the sign-in keeps from the current database: a newer token, a moved platform address.
SIGN_IN_COLUMNS: Final = ("platform_url", "shop_id", "shop_code", "shop_name", "token")


@dataclass(frozen=True)
class Backup:
    path: Path
    day: dt.date
    taken_at: int  # seconds since the epoch, when the copy was finished
    size_bytes: int


@dataclass(frozen=True)
class PreparedRestore:
    backup: Backup
    staging: Path


@dataclass(frozen=True)
class RestoreReport:
    backup: Backup
    kept_aside: Path | None  # the database as it was, or None when there was none
    carried_over: bool  # False when the current database could not be read
    actions_carried: int  # outbox entries of the current database kept
    actions_to_send: int  # of those, the ones the next sync sends


def backup_folder(profile_folder: Path) -> Path:
    return profile_folder / BACKUP_FOLDER


def list_backups(profile_folder: Path) -> list[Backup]:
    """The profile's backups, newest first."""
    found: list[Backup] = []
    for path in backup_folder(profile_folder).glob(f"{PREFIX}*{SUFFIX}"):
        try:
            day = dt.date.fromisoformat(path.name[len(PREFIX) : -len(SUFFIX)])
            stat = path.stat()
        except (ValueError, OSError):
            continue
        found.append(Backup(path, day, int(stat.st_mtime), stat.st_size))
    return sorted(found, key=lambda b: b.day, reverse=True)


def take_daily_backup(profile_folder: Path, today: dt.date | None = None) -> Backup | None:
    """Copy the profile's database unless today's copy exists; None when there was no need."""
    day = today or dt.date.today()
    source = profile_folder / DB_NAME
    if not source.exists() or any(b.day == day for b in list_backups(profile_folder)):
        return None
    folder = backup_folder(profile_folder)
    folder.mkdir(parents=True, exist_ok=True, mode=0o700)
    target = folder / f"{PREFIX}{day.isoformat()}{SUFFIX}"
    started = time.monotonic()
    _copy_database(source, target)
    log.info(
        "backup %s taken in %.1f s (%d bytes)",
        target.name,
        time.monotonic() - started,
        target.stat().st_size,
    )
    _prune(list_backups(profile_folder)[KEPT_BACKUPS:])
    return next(b for b in list_backups(profile_folder) if b.day == day)


def restore_backup(
    profile_folder: Path, backup: Backup, close: Callable[[], None] = lambda: None
) -> RestoreReport:
    """Both steps at once, for a profile no app holds open (or whose app calls ``close``)."""
    return finish_restore(profile_folder, prepare_restore(profile_folder, backup), close)


def prepare_restore(profile_folder: Path, backup: Backup) -> PreparedRestore:
    """Copy the backup beside the profile and bring it to the newest schema.

    Raises BackupDamaged when the backup cannot be read; the profile is not touched.
    """
    try:
        check_database_file(backup.path)
    except (ProfileCorrupt, ProfileForeign) as error:
        raise BackupDamaged(str(error)) from error
    staging = profile_folder / STAGING_NAME
    _remove_database(staging)
    try:
        _copy_database(backup.path, staging)
        if not is_current(staging):
            engine = create_engine(f"sqlite:///{staging}")
            try:
                with engine.begin() as conn:
                    if revision_of(conn) is None:
                        raise BackupDamaged(f"{backup.path.name} holds no shop's database")
                    upgrade_to_head(conn)
            finally:
                engine.dispose()
    except (sqlite3.DatabaseError, ProfileError) as error:
        _remove_database(staging)
        raise BackupDamaged(f"{backup.path.name} cannot be used: {error}") from error
    except BaseException:
        _remove_database(staging)
        raise
    return PreparedRestore(backup, staging)


def finish_restore(
    profile_folder: Path, prepared: PreparedRestore, close: Callable[[], None] = lambda: None
) -> RestoreReport:
    """Carry the owner's rows over into the prepared copy and put it in the profile's place.

    ``close`` must leave no connection open to the profile's database: it is called once the
    sync lock is held, right before the files are swapped.
    """
    live = profile_folder / DB_NAME
    with _waiting_sync_lock(profile_folder):
        try:
            carried, to_send = _carry_over(live, prepared.staging)
            carried_over = True
        except BackupOtherShop:
            _remove_database(prepared.staging)
            raise
        except sqlite3.DatabaseError as error:
            log.warning("the current database cannot be read, nothing carried over: %s", error)
            carried, to_send, carried_over = 0, _pending(prepared.staging), False
        close()
        aside = _set_aside(live)
        os.replace(prepared.staging, live)
        _private(live)
    _prune(_aside_files(profile_folder)[KEPT_ASIDE:])
    log.info(
        "restored the backup of %s: %d actions carried over, %d to send",
        prepared.backup.day,
        carried,
        to_send,
    )
    return RestoreReport(prepared.backup, aside, carried_over, carried, to_send)


def discard_restore(prepared: PreparedRestore) -> None:
    _remove_database(prepared.staging)


def owner_tables() -> list[str]:
    """The tables of what the owner wrote on this computer: those of models/db/local.py."""
    names = {
        str(getattr(mapper.local_table, "name", ""))
        for mapper in Base.registry.mappers
        if mapper.class_.__module__ == "models.db.local"
    }
    return sorted(names - NOT_CARRIED - {""})


# --- the parts ---------------------------------------------------------------------------


def _copy_database(source: Path, target: Path) -> None:
    """An online copy: consistent while the app reads and writes, one self-contained file."""
    partial = target.with_name(f".{target.name}.partial")
    _remove_database(partial)
    fd = os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
    os.close(fd)
    try:
        # One step: in WAL mode the copy reads one snapshot and no writer waits for it, where a
        # copy in steps would start over at every write of the app.
        with _connect(source) as src, _connect(partial) as copy:
            src.backup(copy)
            copy.execute("PRAGMA journal_mode=DELETE")
        os.replace(partial, target)
    except BaseException:
        _remove_database(partial)
        raise


def _connect(path: Path) -> sqlite3.Connection:
    conn = sqlite3.connect(path, timeout=15.0, isolation_level=None)
    conn.execute("PRAGMA busy_timeout=15000")
    return conn


def _carry_over(live: Path, staging: Path) -> tuple[int, int]:
    """Copy the owner's rows from ``live`` into ``staging``; (entries carried, entries pending)."""
    if not live.exists() or live.stat().st_size == 0:
        return 0, _pending(staging)
    conn = _connect(staging)
    try:
        conn.execute("ATTACH DATABASE ? AS live", (str(live),))
        conn.execute("BEGIN IMMEDIATE")
        try:
            _check_same_shop(conn)
            carried = _carry_outbox(conn)
            for table in owner_tables():
                if table != "outbox":
                    _replace_rows(conn, table)
            _carry_sign_in(conn)
            conn.execute("COMMIT")
        except BaseException:
            conn.execute("ROLLBACK")
            raise
        to_send = conn.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()
        return carried, int(to_send[0])
    finally:
        conn.close()


def _check_same_shop(conn: sqlite3.Connection) -> None:
    ours = conn.execute("SELECT shop_code, shop_id FROM live.sync_state").fetchone()
    theirs = conn.execute("SELECT shop_code, shop_id FROM main.sync_state").fetchone()
    if ours and theirs and ours[1] != theirs[1]:
        raise BackupOtherShop(own_shop=str(ours[0]), other_shop=str(theirs[0]))


def _carry_outbox(conn: sqlite3.Connection) -> int:
    # The current outbox knows every action of the backup and what became of it since, except
    # the answered ones it pruned, which the backup keeps as they were.
    columns = _shared_columns(conn, "outbox")
    conn.execute(
        "DELETE FROM main.outbox WHERE id IN (SELECT id FROM live.outbox)"
        " OR position IN (SELECT position FROM live.outbox)"
    )
    conn.execute(f"INSERT INTO main.outbox ({columns}) SELECT {columns} FROM live.outbox")
    return int(conn.execute("SELECT count(*) FROM live.outbox").fetchone()[0])


def _replace_rows(conn: sqlite3.Connection, table: str) -> None:
    columns = _shared_columns(conn, table)
    if not columns:
        return
    conn.execute(f'DELETE FROM main."{table}"')
    conn.execute(f'INSERT INTO main."{table}" ({columns}) SELECT {columns} FROM live."{table}"')


def _carry_sign_in(conn: sqlite3.Connection) -> None:
    row = conn.execute(f"SELECT {', '.join(SIGN_IN_COLUMNS)} FROM live.sync_state").fetchone()
    if row is None:
        return
    if conn.execute("SELECT 1 FROM main.sync_state").fetchone() is None:
        # A backup from before the first sign-in: an empty mirror that starts from the start.
        conn.execute(
            f"INSERT INTO main.sync_state (id, {', '.join(SIGN_IN_COLUMNS)}, cursor, epoch,"
            " last_error) VALUES (1, ?, ?, ?, ?, ?, '0:0', NULL, '')",
            row,
        )
        return
    assignments = ", ".join(f"{name} = ?" for name in SIGN_IN_COLUMNS)
    conn.execute(f"UPDATE main.sync_state SET {assignments}, last_error = ''", row)


def _shared_columns(conn: sqlite3.Connection, table: str) -> str:
    def names(schema: str) -> list[str]:
        return [r[1] for r in conn.execute(f'PRAGMA {schema}.table_info("{table}")')]

    theirs = set(names("live"))
    return ", ".join(f'"{name}"' for name in names("main") if name in theirs)


def _pending(path: Path) -> int:
    with _connect(path) as conn:
        return int(
            conn.execute("SELECT count(*) FROM outbox WHERE status = 'pending'").fetchone()[0]
        )


def _set_aside(live: Path) -> Path | None:
    """Move the current database (and its write-ahead log) aside; its path, or None."""
    if not live.exists():
        return None
    try:
        with _connect(live) as conn:
            conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.DatabaseError:
        log.warning("the current database could not be checkpointed; its log is kept beside it")
    aside = live.with_name(f"{ASIDE_PREFIX}{time.strftime('%Y%m%d-%H%M%S')}{SUFFIX}")
    os.replace(live, aside)
    for suffix in ("-wal", "-shm"):
        side = Path(f"{live}{suffix}")
        if not side.exists():
            continue
        if suffix == "-wal" and side.stat().st_size > 0:
            os.replace(side, Path(f"{aside}{suffix}"))
        else:
            side.unlink()
    return aside


def _aside_files(profile_folder: Path) -> list[Backup]:
    found = []
    for path in profile_folder.glob(f"{ASIDE_PREFIX}*{SUFFIX}"):
        stat = path.stat()
        found.append(Backup(path, dt.date.fromtimestamp(stat.st_mtime), int(stat.st_mtime), 0))
    return sorted(found, key=lambda b: b.path.name, reverse=True)


def _prune(old: list[Backup]) -> None:
    for backup in old:
        _remove_database(backup.path)
        log.info("removed the old copy %s", backup.path.name)


def _remove_database(path: Path) -> None:
    for suffix in ("", "-wal", "-shm", "-journal"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def _private(path: Path) -> None:
    if os.name == "posix":
        path.chmod(0o600)


@contextmanager
def _waiting_sync_lock(folder: Path) -> Iterator[None]:
    """The profile's sync lock, waiting for a running sync to end rather than failing."""
    deadline = time.monotonic() + LOCK_WAIT_SECONDS
    with ExitStack() as stack:
        while True:
            try:
                stack.enter_context(sync_lock(folder))
                break
            except SyncBusy:
                if time.monotonic() > deadline:
                    raise
                time.sleep(0.1)
        yield
