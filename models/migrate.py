"""Alembic, driven from code: the migrations travel with the package, no alembic.ini needed."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
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


def alembic_config(connection: Connection | None = None) -> Config:
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def head_revision() -> str:
    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def revision_of(conn: Connection) -> str | None:
    """The schema revision of an existing database; ProfileForeign when it is not ours."""
    tables = set(inspect(conn).get_table_names())
    if not tables:
        return None
    if "alembic_version" not in tables or "sync_state" not in tables:
        raise ProfileForeign("this database was not made by Zhanggui")
    revision = MigrationContext.configure(conn).get_current_revision()
    known = {s.revision for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()}
    if revision not in known:
        raise ProfileForeign(
            f"this database was made by a newer version of Zhanggui (schema {revision})"
        )
    return revision


def upgrade_to_head(conn: Connection) -> None:
    command.upgrade(alembic_config(conn), "head")
