"""The platform's schema, migrated with Alembic driven from code (no alembic.ini).

Every start upgrades the database to the newest revision; a database that is there already costs
one query and no alembic import. A database made by ``create_all`` before the platform had
migrations holds exactly the first revision's schema: it is stamped with it, then upgraded, so
it keeps its data. Several platform processes may start at once: on PostgreSQL they take turns
through an advisory lock, on SQLite through the write lock.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Connection, Engine, ForeignKeyConstraint, inspect, text

from server.db.engine import WRITE_OPTION

if TYPE_CHECKING:
    from alembic.config import Config

log = logging.getLogger(__name__)

MIGRATIONS = Path(__file__).with_name("migrations")
# The schema as ``create_all`` made it before there were migrations.
FIRST_REVISION = "0001"
VERSION_TABLE = "alembic_version"
# Any number will do, as long as no other program on the same server takes it for itself.
_ADVISORY_LOCK = 0x7A67_6D69


class SchemaTooNew(RuntimeError):
    """The database was migrated by a newer platform than this one."""


def include_name(name: str | None, type_: str, _parent: object) -> bool:
    """What autogenerate compares: our tables, not the hash partitions that hold their rows."""
    if type_ == "table" and name is not None:
        from server.db.distribution import is_partition_name

        return not is_partition_name(name)
    return True


def include_object(
    item: object, _name: str | None, type_: str, _reflected: bool, _compare_to: object
) -> bool:
    """Nor the foreign keys PostgreSQL keeps from a partitioned table to each partition."""
    if type_ == "foreign_key_constraint" and isinstance(item, ForeignKeyConstraint):
        from server.db.distribution import is_partition_name

        return not is_partition_name(item.referred_table.name)
    return True


def alembic_config(connection: Connection | None = None) -> Config:
    from alembic.config import Config

    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    config.attributes["connection"] = connection
    return config


def newest_revision() -> str:
    """The newest revision by its file name: revisions are numbered in one line, 0001, 0002, …"""
    names = (p.name[:4] for p in (MIGRATIONS / "versions").glob("[0-9][0-9][0-9][0-9]_*.py"))
    return max(names)


def current_revision(conn: Connection) -> str | None:
    if VERSION_TABLE not in inspect(conn).get_table_names():
        return None
    return conn.execute(text(f"SELECT version_num FROM {VERSION_TABLE}")).scalar_one_or_none()


def is_current(engine: Engine) -> bool:
    with engine.connect() as conn:
        return current_revision(conn) == newest_revision()


def upgrade(engine: Engine) -> None:
    """Bring the database to the newest revision, then to its place in a distributed cluster."""
    from server.db import distribution

    if not is_current(engine):
        _upgrade(engine)
    if engine.dialect.name == "postgresql":
        with engine.begin() as conn:
            conn.execute(text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK})
            distribution.settle(conn)


def _upgrade(engine: Engine) -> None:
    from alembic import command
    from alembic.script import ScriptDirectory

    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:
            # A rebuilt table would otherwise be checked against rows that move a moment later;
            # the whole database is checked once at the end instead.
            _pragma(conn, "foreign_keys=OFF")
        # BEGIN IMMEDIATE on SQLite: a second platform starting now waits here.
        conn.execution_options(**{WRITE_OPTION: True})
        try:
            with conn.begin():
                if not sqlite:
                    conn.execute(
                        text("SELECT pg_advisory_xact_lock(:key)"), {"key": _ADVISORY_LOCK}
                    )
                revision = current_revision(conn)
                known = {
                    s.revision
                    for s in ScriptDirectory.from_config(alembic_config()).walk_revisions()
                }
                if revision is not None and revision not in known:
                    raise SchemaTooNew(
                        f"the platform database is at schema {revision}, newer than this platform"
                    )
                config = alembic_config(conn)
                if revision is None and _has_tables(conn):
                    log.info("a database from before migrations: taking it as %s", FIRST_REVISION)
                    command.stamp(config, FIRST_REVISION)
                command.upgrade(config, "head")
                if sqlite:
                    broken = conn.exec_driver_sql("PRAGMA foreign_key_check").fetchall()
                    if broken:
                        raise RuntimeError(f"the upgrade left rows without their parents: {broken}")
            log.info("platform schema at %s", current_revision(conn))
        finally:
            if sqlite:
                _pragma(conn, "foreign_keys=ON")


def _pragma(conn: Connection, setting: str) -> None:
    # Outside any transaction, where SQLite takes it into account.
    driver = conn.connection.driver_connection
    assert driver is not None
    driver.execute(f"PRAGMA {setting}")


def _has_tables(conn: Connection) -> bool:
    return bool(set(inspect(conn).get_table_names()) - {VERSION_TABLE})
