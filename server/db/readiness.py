"""Whether the database can serve this platform: reachable, and with the schema it expects."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, inspect

from server.db.base import Base

log = logging.getLogger(__name__)


def schema_problem(conn: Connection) -> str:
    """What keeps the platform from serving on ``conn``'s database, or "" when nothing does."""
    present = set(inspect(conn).get_table_names())
    missing = sorted(set(Base.metadata.tables) - present)
    if missing:
        return f"tables missing: {', '.join(missing[:5])}"
    return migrations_problem(conn)


def migrations_problem(conn: Connection) -> str:
    """The hook for the platform's migrations: "" when the database is at their head.

    Until the platform's schema has migrations of its own, the tables checked above are the
    whole of what "at head" can mean; a migration history compares its recorded revision with
    its head revision here.
    """
    del conn
    return ""
