"""A first pull into an empty mirror writes millions of rows: building the big tables'
secondary indexes once at the end is several times cheaper than keeping them up to date row by
row. A re-snapshot that loads a big table again whole does the same. Every pull ends by making
sure the indexes exist, so a crash in between heals itself at the next sync.
"""

from __future__ import annotations

import logging
import time

from sqlalchemy import Connection, Engine, Index, Table, inspect, select

from models.db import Order, OrderItem, table_of

log = logging.getLogger(__name__)

BULK_TABLES: tuple[Table, ...] = (table_of(Order), table_of(OrderItem))


def is_empty_mirror(conn: Connection) -> bool:
    return conn.scalar(select(table_of(Order).c.id).limit(1)) is None


def drop_bulk_indexes(conn: Connection, tables: tuple[Table, ...] = BULK_TABLES) -> None:
    for table in tables:
        for index in table.indexes:
            conn.exec_driver_sql(f'DROP INDEX IF EXISTS main."{index.name}"')
    log.info("the order indexes are built after the rows are written")


def ensure_indexes(writer: Engine) -> None:
    """Build the big tables' missing indexes, each in a transaction of its own.

    Building one over a million orders takes a second or more; between two of them the owner's
    own actions get their turn at the write lock.
    """
    with writer.connect() as conn:
        present = {
            index["name"]
            for table in BULK_TABLES
            for index in inspect(conn).get_indexes(table.name)
        }
    for table in BULK_TABLES:
        for index in table.indexes:
            if index.name not in present:
                build_index(writer, index)
    with writer.begin() as conn:
        conn.exec_driver_sql("PRAGMA optimize")


def build_index(writer: Engine, index: Index) -> None:
    started = time.perf_counter()
    with writer.begin() as conn:
        index.create(conn, checkfirst=True)
    log.info("built %s in %.2f s", index.name, time.perf_counter() - started)
