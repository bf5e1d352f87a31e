"""A first pull into an empty mirror writes millions of rows: building the big tables'
secondary indexes once at the end is several times cheaper than keeping them up to date row by
row. Every pull ends by making sure the indexes exist, so a crash in between heals itself at the
next sync.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, Table, select

from models.db import Order, OrderItem, table_of

log = logging.getLogger(__name__)

BULK_TABLES: tuple[Table, ...] = (table_of(Order), table_of(OrderItem))


def is_empty_mirror(conn: Connection) -> bool:
    return conn.scalar(select(table_of(Order).c.id).limit(1)) is None


def drop_bulk_indexes(conn: Connection) -> None:
    for table in BULK_TABLES:
        for index in table.indexes:
            conn.exec_driver_sql(f'DROP INDEX IF EXISTS "{index.name}"')
    log.info("building the order indexes after the first pull")


def ensure_indexes(conn: Connection) -> None:
    for table in BULK_TABLES:
        for index in table.indexes:
            index.create(conn, checkfirst=True)
    conn.exec_driver_sql("PRAGMA optimize")
