"""Bulk loading of seeded rows: entity tables and feed entries, numbered by the loader itself.

Seeding owns an empty database, so it hands out feed numbers from its own counters and writes
them back at the end instead of bumping the partition row per statement. Rows go to the driver
as plain tuples (executemany on SQLite, COPY on PostgreSQL), which is several times faster than
letting SQLAlchemy turn a million dicts into parameters.
"""

from __future__ import annotations

import logging
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any

from sqlalchemy import Connection, Engine, Index, Table, update

from server.auth import shared_demo_hash
from server.db.base import Base, table_of
from server.db.platform import Feed, FeedPartition, ShopCredential
from server.db.schema import ENTITY_TABLES
from server.rows import partition_of, set_id_counters
from server.seed.packing import Packed, pack

log = logging.getLogger(__name__)

_FEED_COLUMNS = ("partition_id", "entity", "key", "seq", "payload")


class BulkLoad:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.next_seq: dict[int, int] = {}
        self.counts: Counter[str] = Counter()
        self._feed = table_of(Feed)

    def write(self, entity: str, rows: Sequence[dict[str, Any]], shop_id: int | None) -> None:
        self.write_packed(pack(entity, rows, shop_id))

    def write_packed(self, packed: Packed) -> None:
        if not packed.records:
            return
        entity = packed.entity
        partition = partition_of(entity, packed.shop_id)
        first = self.next_seq.get(partition, 1)
        entries = [
            (partition, entity, key, seq, payload)
            for seq, key, payload in zip(
                range(first, first + len(packed.keys)), packed.keys, packed.payloads, strict=True
            )
        ]
        table = ENTITY_TABLES[entity]
        self._copy(table, [c.name for c in table.columns], packed.records)
        self._copy(self._feed, _FEED_COLUMNS, entries)
        self.next_seq[partition] = first + len(entries)
        self.counts[entity] += len(entries)

    def add_shop_login(self, shop_id: int, code: str, password: str) -> None:
        self._copy(
            table_of(ShopCredential),
            ("shop_id", "shop_code", "password_hash"),
            [(shop_id, code, shared_demo_hash(password))],
        )
        self._copy(
            table_of(FeedPartition), ("partition_id", "last_seq", "horizon_seq"), [(shop_id, 0, 0)]
        )

    def finish(self, last_ids: dict[str, int]) -> None:
        for partition, next_seq in self.next_seq.items():
            self.conn.execute(
                update(FeedPartition)
                .where(FeedPartition.partition_id == partition)
                .values(last_seq=next_seq - 1)
            )
        set_id_counters(self.conn, last_ids)

    def _copy(self, table: Table, columns: Sequence[str], records: list[tuple[Any, ...]]) -> None:
        preparer = self.conn.dialect.identifier_preparer
        names = ", ".join(preparer.quote(c) for c in columns)
        if self.conn.dialect.name == "postgresql":
            driver = self.conn.connection.driver_connection
            assert driver is not None
            with driver.cursor() as cursor:
                sql = f"COPY {preparer.format_table(table)} ({names}) FROM STDIN"
                with cursor.copy(sql) as copy:
                    for record in records:
                        copy.write_row(record)
            return
        marks = ", ".join("?" * len(columns))
        sql = f"INSERT INTO {preparer.format_table(table)} ({names}) VALUES ({marks})"
        self.conn.exec_driver_sql(sql, records)


def _secondary_indexes() -> list[Index]:
    return [index for table in Base.metadata.sorted_tables for index in table.indexes]


@contextmanager
def bulk_load(engine: Engine) -> Iterator[BulkLoad]:
    """One transaction for the whole load: a failed seed leaves the database as it was."""
    sqlite = engine.dialect.name == "sqlite"
    if sqlite:
        engine.dispose()  # leaving WAL mode needs the only connection to the file
    with engine.connect() as conn:
        driver: Any = conn.connection.driver_connection
        if sqlite:
            # Safe while nobody else uses the half-loaded file (a failed load still rolls
            # back); the connection is thrown away afterwards so none of this reaches a served
            # request. A rollback journal writes each new page once, WAL would write it twice.
            mode = driver.execute("PRAGMA journal_mode=DELETE").fetchone()[0]
            log.debug("bulk load journal mode: %s", mode)
            driver.execute("PRAGMA synchronous=OFF")
            driver.execute("PRAGMA cache_size=-262144")
            driver.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                # Indexes are cheaper built once over sorted data than kept up row by row.
                indexes = _secondary_indexes()
                for index in indexes:
                    index.drop(conn)
                load = BulkLoad(conn)
                yield load
                for index in indexes:
                    index.create(conn)
        finally:
            if sqlite:
                driver.execute("PRAGMA journal_mode=WAL")
                conn.invalidate()
