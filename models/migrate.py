"""Alembic, driven from code: the migrations travel with the package, no alembic.ini needed.

Alembic itself is imported only when a database is not at the newest revision already: at an
ordinary start, one query answers that.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, inspect

from models.errors import ProfileForeign

MIGRATIONS = Path(__file__).with_name("migrations")
# Full-text indexes and their shadow tables: made by hand in migrations, not from the models.
SEARCH_TABLES = tuple(
    f"{index}{suffix}"
    for index in ("customer_search", "product_search")
    for suffix in ("", "_data", "_idx", "_content", "_docsize", "_config")
)


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """What autogenerate compares: everything but the full-text indexes."""
    return not (type_ == "table" and name in SEARCH_TABLES)


if TYPE_CHECKING:
    from alembic.config import Config


def newest_revision() -> str:
    """The newest revision by its file name: revisions are numbered in one line, 0001, 0002, …"""
    names = (p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return max(names)


def is_current(path: Path) -> bool:
    """Whether the database at ``path`` is one of ours at the newest revision (no alembic).

    A file that is busy or cannot be read raises: only a missing table means "not current".
    """
    from models.profile_file import connect_read_only

    try:
        with connect_read_only(path) as conn:
            found = conn.execute("SELECT version_num FROM alembic_version").fetchall()
            conn.execute("SELECT 1 FROM sync_state LIMIT 1").fetchall()
    except sqlite3.OperationalError as exc:
        if "no such table" in str(exc):
            return False
        raise
    return found == [(newest_revision(),)]


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def revision_of(conn: Connection) -> str:
    """The schema revision of an existing database; ProfileForeign when it is not ours."""
    tables = set(inspect(conn).get_table_names())
    if not tables:
        # A database with nothing in it was not made by us: ours are made whole.
        raise ProfileForeign("this database is empty; it was not made by Zhanggui", kind="empty")
    if "alembic_version" not in tables or "sync_state" not in tables:
        raise ProfileForeign("this database was not made by Zhanggui")
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    revision = MigrationContext.configure(conn).get_current_revision()
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise ProfileForeign(
            f"this database was made by a newer version of Zhanggui (schema {revision})",
            kind="newer_version",
        )
    return revision


def upgrade_to_head(conn: Connection) -> None:
    from alembic import command

    command.upgrade(alembic_config(conn), "head")
