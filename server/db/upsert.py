"""INSERT ... ON CONFLICT for the two databases the platform runs on, built once per table.

Many rows go to the driver in its own terms. On PostgreSQL, one array per column through
``unnest`` (sent in binary): one short statement whatever the number of rows, which the driver
parses once and the server plans once, where a VALUES list of thousands of parameters would be
new text for every batch. On SQLite, plain tuples to the driver's executemany.
"""

from __future__ import annotations

import functools
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Column, Connection, Table, select, tuple_
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.dialects.postgresql.base import PGDialect
from sqlalchemy.dialects.sqlite.base import SQLiteDialect

_PG = PGDialect()  # type: ignore[no-untyped-call]
_SQLITE = SQLiteDialect()
# Row values per lookup, well within SQLite's limit on parameters.
_SQLITE_CHUNK = 400


def _insert(dialect: str, table: Table) -> sqlite.Insert | postgresql.Insert:
    if dialect == "postgresql":
        return postgresql.insert(table)
    return sqlite.insert(table)


@functools.cache
def _pg_unnest(table: Table, on_conflict: str) -> str:
    """INSERT ... SELECT FROM unnest(one array per column) with the given conflict clause."""
    quote = _PG.identifier_preparer.quote
    names = [c.name for c in table.columns]
    arrays = ", ".join(f"%b::{c.type.compile(dialect=_PG)}[]" for c in table.columns)
    keys = ", ".join(quote(c.name) for c in table.primary_key.columns)
    others = [n for n in names if n not in {c.name for c in table.primary_key.columns}]
    if on_conflict == "update":
        assignments = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in others)
        tail = f"ON CONFLICT ({keys}) DO UPDATE SET {assignments}"
    else:
        tail = f"ON CONFLICT DO NOTHING RETURNING {keys}"
    return (
        f"INSERT INTO {_PG.identifier_preparer.format_table(table)}"
        f" ({', '.join(quote(n) for n in names)}) SELECT * FROM unnest({arrays}) {tail}"
    )


def _pg_columns(table: Table, rows: Sequence[Mapping[str, Any]]) -> tuple[list[Any], ...]:
    return tuple([row[c.name] for row in rows] for c in table.columns)


@functools.cache
def _sqlite_insert(table: Table, on_conflict: str) -> str:
    quote = _SQLITE.identifier_preparer.quote
    names = [c.name for c in table.columns]
    keys = [c.name for c in table.primary_key.columns]
    sql = (
        f"INSERT INTO {_SQLITE.identifier_preparer.format_table(table)}"
        f" ({', '.join(quote(n) for n in names)}) VALUES ({', '.join('?' * len(names))})"
    )
    if on_conflict == "update":
        others = [n for n in names if n not in keys]
        assignments = ", ".join(f"{quote(n)} = excluded.{quote(n)}" for n in others)
        sql += f" ON CONFLICT ({', '.join(quote(k) for k in keys)}) DO UPDATE SET {assignments}"
    return sql


def _sqlite_rows(table: Table, rows: Sequence[Mapping[str, Any]]) -> list[tuple[Any, ...]]:
    names = [c.name for c in table.columns]
    return [tuple(row[n] for n in names) for row in rows]


def _sqlite_taken(
    conn: Connection, key: list[Column[Any]], wanted: list[tuple[Any, ...]]
) -> set[tuple[Any, ...]]:
    """The keys among ``wanted`` already in the table, asked per value of the first key column
    (the shop), so each lookup names its shop."""
    first, rest = key[0], key[1:]
    by_first: dict[Any, list[tuple[Any, ...]]] = {}
    for k in wanted:
        by_first.setdefault(k[0], []).append(k[1:])
    taken: set[tuple[Any, ...]] = set()
    for value, tails in by_first.items():
        for start in range(0, len(tails), _SQLITE_CHUNK):
            chunk = tails[start : start + _SQLITE_CHUNK]
            query = select(*key).where(first == value)
            if len(rest) == 1:
                query = query.where(rest[0].in_([t[0] for t in chunk]))
            elif rest:
                query = query.where(tuple_(*rest).in_(chunk))
            taken.update(tuple(r) for r in conn.execute(query))
    return taken


def upsert(conn: Connection, table: Table, rows: Sequence[Mapping[str, Any]]) -> None:
    """Insert rows, overwriting every non-key column of a row that already exists.

    No two rows may share a key: PostgreSQL writes them in one statement.
    """
    if not rows:
        return
    if conn.dialect.name == "postgresql":
        conn.exec_driver_sql(_pg_unnest(table, "update"), _pg_columns(table, rows))
        return
    conn.exec_driver_sql(_sqlite_insert(table, "update"), _sqlite_rows(table, rows))


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

    Rows must have distinct keys. On PostgreSQL a key another transaction is inserting makes
    this one wait for it, then count as taken; on SQLite the caller holds the write lock (see
    ``write_begin``), so nobody else inserts meanwhile.
    """
    if not rows:
        return []
    if conn.dialect.name == "postgresql":
        found = conn.exec_driver_sql(_pg_unnest(table, "nothing"), _pg_columns(table, rows))
        return [tuple(r) for r in found]
    key = list(table.primary_key.columns)
    wanted = [tuple(row[c.name] for c in key) for row in rows]
    taken = _sqlite_taken(conn, key, wanted)
    free = [row for row, k in zip(rows, wanted, strict=True) if k not in taken]
    if free:
        conn.exec_driver_sql(_sqlite_insert(table, "plain"), _sqlite_rows(table, free))
    return [k for k in wanted if k not in taken]
