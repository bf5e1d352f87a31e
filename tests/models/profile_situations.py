"""Real situations a profile can be found in: held by another program, on a full disk, empty,
or another program's file. Shared by the models and the gui tests."""

from __future__ import annotations

import contextlib
import os
import sqlite3
import subprocess
import sys
from collections.abc import Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import pytest

from models.profile import DB_NAME, Profile

_HOLDER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA locking_mode=EXCLUSIVE")
conn.execute("BEGIN EXCLUSIVE")
conn.execute("INSERT INTO saved_view (name, filters, created_at) VALUES ('held', '{}', 0)")
print("holding", flush=True)
time.sleep(float(sys.argv[2]))
conn.execute("ROLLBACK")
conn.close()
print("released", flush=True)
time.sleep(60)
"""

_WRITER = """
import sqlite3, sys, time
conn = sqlite3.connect(sys.argv[1], isolation_level=None, timeout=30)
conn.execute("PRAGMA busy_timeout=30000")
print("writing", flush=True)
n = 0
while True:
    conn.execute("BEGIN IMMEDIATE")
    conn.execute("INSERT INTO saved_view (name, filters, created_at) VALUES (?, '', 0)", (f"v{n}",))
    conn.execute("DELETE FROM saved_view WHERE name = ?", (f"v{n - 1}",))
    conn.execute("COMMIT")
    n += 1
"""


def made_profile(folder: Path) -> Path:
    Profile.open(folder).close()
    return folder / DB_NAME


@contextmanager
def _child(script: str, *args: str, ready: str) -> Iterator[subprocess.Popen[str]]:
    child = subprocess.Popen(
        [sys.executable, "-c", script, *args], stdout=subprocess.PIPE, text=True
    )
    try:
        assert child.stdout is not None
        assert child.stdout.readline().strip() == ready
        yield child
    finally:
        child.kill()
        child.communicate()


@contextmanager
def held_by_another_program(path: Path, seconds: float = 60.0) -> Iterator[subprocess.Popen[str]]:
    """Another process holds the database in an exclusive write for ``seconds``."""
    with _child(_HOLDER, str(path), str(seconds), ready="holding") as child:
        yield child


@contextmanager
def written_by_another_program(path: Path) -> Iterator[None]:
    """Another process writes the database in one short transaction after another."""
    with _child(_WRITER, str(path), ready="writing"):
        yield


@contextmanager
def small_disk(where: Path, size: str = "3m") -> Iterator[Path]:
    """A small tmpfs mounted at ``where``; the test is skipped where mounting is impossible."""
    where.mkdir(parents=True, exist_ok=True)
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(where)],
        capture_output=True,
        text=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip(f"cannot mount a small disk here: {mounted.stderr.strip() or 'not root'}")
    try:
        yield where
    finally:
        subprocess.run(["umount", "-l", str(where)], check=False, capture_output=True)


def fill(disk: Path) -> None:
    """Write until the disk has no room left."""
    with contextlib.suppress(OSError), (disk / "filler").open("wb") as f:
        while True:
            f.write(b"\0" * 65536)
            f.flush()
    with contextlib.suppress(OSError), (disk / "filler-small").open("wb") as f:
        while True:
            f.write(b"\0" * 512)
            f.flush()
    assert os.statvfs(disk).f_bavail == 0


def empty_file(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DB_NAME
    path.write_bytes(b"")
    return path


def empty_database(folder: Path) -> Path:
    """A SQLite file with nothing in it, as another tool leaves one."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DB_NAME
    with closing(sqlite3.connect(path)) as conn:
        conn.execute("PRAGMA user_version = 7")
    return path


def another_programs_database(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / DB_NAME
    with closing(sqlite3.connect(path)) as conn, conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('红烧肉')")
    return path


def open_files() -> int:
    return len(os.listdir("/proc/self/fd"))
