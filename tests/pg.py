"""Throwaway PostgreSQL databases for the tests, plain or hash-partitioned by shop.

With ``ZHANGGUI_TEST_PG_PARTITIONED`` set (to anything but 0), every database the tests get has
its shop tables hash-partitioned by shop_id before any row is written: the key rules of a
shop-distributed cluster (Citus) then hold for every statement the suite runs.
"""

from __future__ import annotations

import os
import subprocess
import uuid
from pathlib import Path

from sqlalchemy import Engine, create_engine, make_url, text

PG_ENV = "ZHANGGUI_TEST_PG_URL"
PARTITIONED_ENV = "ZHANGGUI_TEST_PG_PARTITIONED"
TEST_PARTITIONS = 4


def partitions() -> int:
    """How many partitions each shop table gets in this run; 0 for plain tables."""
    return TEST_PARTITIONS if os.environ.get(PARTITIONED_ENV, "0") not in ("", "0") else 0


def prepare_schema(url: str) -> None:
    """The newest schema, partitioned by shop when this run asks for it."""
    from server.db import make_engine
    from server.db.distribution import partition_by_shop
    from server.db.schema import create_schema

    engine = make_engine(url)
    try:
        create_schema(engine)
        if partitions():
            with engine.begin() as conn:
                partition_by_shop(conn, partitions())
    finally:
        engine.dispose()


def _bin(tool: str) -> str:
    found = sorted(Path("/usr/lib/postgresql").glob(f"*/bin/{tool}"))
    return str(found[-1]) if found else tool


class PgServer:
    """Creates and drops databases on the server the tests were given."""

    def __init__(self, admin_url: str) -> None:
        self.admin_url = make_url(admin_url)
        self.admin: Engine = create_engine(self.admin_url, isolation_level="AUTOCOMMIT")
        self.created: list[str] = []

    def url(self, name: str) -> str:
        return self.admin_url.set(database=name).render_as_string(hide_password=False)

    def libpq_url(self, name: str) -> str:
        """The same database as the command-line tools spell it."""
        return self.url(name).replace("postgresql+psycopg://", "postgresql://", 1)

    def execute(self, sql: str) -> None:
        with self.admin.connect() as conn:
            conn.execute(text(sql))

    def create(self, template: str | None = None, prefix: str = "zg") -> str:
        name = f"{prefix}_{uuid.uuid4().hex[:12]}"
        self.execute(f'CREATE DATABASE "{name}"' + (f' TEMPLATE "{template}"' if template else ""))
        self.created.append(name)
        return name

    def drop(self, name: str) -> None:
        self.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')

    def dump(self, name: str, target: Path) -> None:
        subprocess.run(
            [_bin("pg_dump"), "--format=custom", f"--file={target}", self.libpq_url(name)],
            check=True,
            capture_output=True,
        )

    def restore(self, name: str, dump: Path) -> None:
        """Replace the database with the dump, as an operator restoring a backup would."""
        self.drop(name)
        self.execute(f'CREATE DATABASE "{name}"')
        subprocess.run(
            [_bin("pg_restore"), "--no-owner", f"--dbname={self.libpq_url(name)}", str(dump)],
            check=True,
            capture_output=True,
        )

    def close(self) -> None:
        for name in reversed(self.created):
            self.drop(name)
        self.admin.dispose()
