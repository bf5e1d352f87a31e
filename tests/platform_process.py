"""The real platform in its own process on a loopback port, driven through its command line."""

from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import BinaryIO

import httpx

from models import wire
from tests.pg import PgServer

ROOT = Path(__file__).resolve().parents[1]
MAIN = ROOT / "main.py"


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def seed_platform(
    db: Path | str, *, seed: int, shops: int, orders: int, folder: Path | None = None
) -> None:
    """Seed a platform database (a file or a URL) through the command line, then stop it."""
    platform = PlatformProcess(db, folder=folder)
    platform.start(
        "--seed",
        str(seed),
        "--shops",
        str(shops),
        "--orders",
        str(orders),
        "--anchor",
        "2026-11-24",
    )
    platform.stop()


def is_database_url(db: Path | str) -> bool:
    return isinstance(db, str) and "://" in db


@dataclass
class PlatformProcess:
    # A SQLite file, or a PostgreSQL URL (then ``folder`` holds the log and ``pg`` the server).
    db: Path | str
    port: int = field(default_factory=free_port)
    process: subprocess.Popen[bytes] | None = None
    folder: Path | None = None
    pg: PgServer | None = None
    # Variables set for the platform's process only, such as its time zone.
    env: dict[str, str] = field(default_factory=dict)

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}"

    @property
    def sqlite_file(self) -> Path:
        """The database file, for a test that reads a SQLite platform with plain sqlite3."""
        assert isinstance(self.db, Path), "this platform runs on PostgreSQL"
        return self.db

    @property
    def log_path(self) -> Path:
        folder = self.folder or (self.db.parent if isinstance(self.db, Path) else Path("."))
        return folder / f"platform-{self.port}.log"

    def start(self, *extra: str, timeout: float = 120.0) -> None:
        with self.log_path.open("ab") as log:
            self._spawn(log, extra)
        self._wait_until_healthy(timeout)

    def _spawn(self, log: BinaryIO, extra: tuple[str, ...]) -> None:
        self.process = subprocess.Popen(
            [
                sys.executable,
                str(MAIN),
                "platform",
                "--db",
                str(self.db),
                "--port",
                str(self.port),
                *extra,
            ],
            stdout=log,
            stderr=subprocess.STDOUT,
            cwd=ROOT,
            env={**os.environ, "PYTHONUNBUFFERED": "1", **self.env},
        )

    def _wait_until_healthy(self, timeout: float) -> None:
        assert self.process is not None
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"the platform exited: {self.log_text()[-2000:]}")
            try:
                r = httpx.get(
                    f"{self.url}/v1/health",
                    timeout=1.0,
                    headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)},
                )
                if r.status_code == 200:
                    return
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        raise RuntimeError("the platform did not come up")

    def log_text(self) -> str:
        path = self.log_path
        return path.read_text(errors="replace") if path.exists() else ""

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process = None

    def kill(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait()
        self.process = None

    def backup(self, target: Path) -> None:
        """Copy the platform's database as an operator's backup would."""
        if not isinstance(self.db, Path):
            assert self.pg is not None
            self.pg.dump(self._pg_name(), target)
            return
        import sqlite3
        from contextlib import closing

        with closing(sqlite3.connect(self.db)) as source, closing(sqlite3.connect(target)) as copy:
            source.backup(copy)

    def restore(self, backup: Path) -> None:
        self.stop()
        if not isinstance(self.db, Path):
            assert self.pg is not None
            self.pg.restore(self._pg_name(), backup)
            return
        for suffix in ("", "-wal", "-shm"):
            Path(f"{self.db}{suffix}").unlink(missing_ok=True)
        shutil.copy(backup, self.db)

    def _pg_name(self) -> str:
        from sqlalchemy import make_url

        name = make_url(str(self.db)).database
        assert name is not None
        return name
