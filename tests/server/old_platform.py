"""A platform database from before migrations, with its data, on SQLite or PostgreSQL.

``data/platform_before_migrations.json.gz`` holds what the platform wrote then: the schema as
``create_all`` made it on SQLite, every row of every table, and the sign-in tokens two
desktops were given. On SQLite the old database is rebuilt from that very schema; on
PostgreSQL from the first revision (which the SQLite test proves to be the same schema),
without the revision table, as ``create_all`` left it.
"""

from __future__ import annotations

import gzip
import json
import sqlite3
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import Boolean, MetaData, insert, text

from server.db import make_engine
from server.migrate import FIRST_REVISION, alembic_config

DATA = Path(__file__).with_name("data") / "platform_before_migrations.json.gz"


@dataclass(frozen=True)
class OldPlatform:
    now: int
    tokens: dict[str, str]
    tables: dict[str, list[dict[str, Any]]]
    sqlite_schema: list[str]

    def rows(self, table: str) -> list[dict[str, Any]]:
        return self.tables[table]


def load() -> OldPlatform:
    doc = json.loads(gzip.decompress(DATA.read_bytes()))
    tables = {
        name: [dict(zip(t["columns"], row, strict=True)) for row in t["rows"]]
        for name, t in doc["tables"].items()
    }
    return OldPlatform(doc["now"], doc["tokens"], tables, doc["sqlite_schema"])


def build(url: str) -> OldPlatform:
    """Make the old database at ``url`` (which has no tables yet) and fill it."""
    old = load()
    engine = make_engine(url)
    try:
        if engine.dialect.name == "sqlite":
            path = engine.url.database
            assert path is not None
            with sqlite3.connect(path) as conn:
                for ddl in old.sqlite_schema:
                    conn.execute(ddl)
        else:
            from alembic import command

            with engine.begin() as conn:
                command.upgrade(alembic_config(conn), FIRST_REVISION)
                conn.execute(text("DROP TABLE alembic_version"))
        metadata = MetaData()
        metadata.reflect(engine)
        with engine.begin() as conn:
            for table in metadata.sorted_tables:
                rows = old.rows(table.name)
                flags = [c.name for c in table.columns if isinstance(c.type, Boolean)]
                typed = [{**r, **{f: bool(r[f]) for f in flags}} for r in rows]
                if typed:
                    conn.execute(insert(table), typed)
    finally:
        engine.dispose()
    return old
