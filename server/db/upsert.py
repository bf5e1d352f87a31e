"""INSERT ... ON CONFLICT for the two databases the platform runs on, built once per table."""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, Table
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.sql.dml import Insert


def _insert(dialect: str, table: Table) -> sqlite.Insert | postgresql.Insert:
    if dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


@functools.cache
def _upsert_statement(dialect: str, table: Table) -> Insert:
    stmt = _insert(dialect, table)
    keys = [c.name for c in table.primary_key.columns]
    updates = {c.name: stmt.excluded[c.name] for c in table.columns if c.name not in keys}
    return stmt.on_conflict_do_update(index_elements=keys, set_=updates)


@functools.cache
def _claim_statement(dialect: str, table: Table) -> Insert:
    return _insert(dialect, table).on_conflict_do_nothing().returning(*table.primary_key.columns)


def upsert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows, overwriting every non-key column of a row that already exists.

    No two rows may share a key: PostgreSQL sends them in one statement.
    """
    if not rows:
        return
    conn.execute(_upsert_statement(conn.dialect.name, table), list(rows))


def insert_if_absent(conn: Connection, table: Table, row: Mapping[str, Any]) -> bool:
    """Insert one row unless its key is taken; True when this call inserted it.

    On PostgreSQL a concurrent insert of the same key waits for the other transaction and then
    reports the conflict, which is what makes a mutation id claimable exactly once.
    """
    # Built per call: a value may be an SQL expression (a subquery), not only a parameter.
    stmt = _insert(conn.dialect.name, table).values(dict(row)).on_conflict_do_nothing()
    return conn.execute(stmt.returning(*table.primary_key.columns)).first() is not None


def insert_absent(
    conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]
) -> list[tuple[Any, ...]]:
    """Insert the rows whose keys are free, all at once; the keys this call inserted.

    Rows must have distinct keys. A key another transaction is inserting makes this one wait
    for it, then count as taken.
    """
    if not rows:
        return []
    stmt = _claim_statement(conn.dialect.name, table)
    return [tuple(r) for r in conn.execute(stmt, list(rows))]
