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
from itertools import repeat
from typing import Any

from sqlalchemy import Connection, Engine, Index, Table, bindparam, update

from server.auth import shared_demo_hash
from server.db.base import Base, table_of
from server.db.catalogue import CatalogueFeed, CatalogueFeedState
from server.db.people import PersonSecret
from server.db.platform import Feed, FeedPartition, ShopCredential
from server.db.schema import ENTITY_TABLES, KEY_COLUMNS, TEXT_KEY_ENTITIES
from server.feed import CATALOGUE_STATE_ID
from server.rows import feed_of, set_id_counters
from server.seed.packing import Packed, pack

log = logging.getLogger(__name__)

_SHOP_FEED_COLUMNS = ("shop_id", "entity", "key", "seq", "payload")
_CATALOGUE_FEED_COLUMNS = ("entity", "key", "seq", "payload")


class BulkLoad:
    def __init__(self, conn: Connection) -> None:
        self.conn = conn
        self.next_seq: dict[int | None, int] = {}
        self.counts: Counter[str] = Counter()
        # The highest id written per shop (None: the catalogue) and entity.
        self.highest: dict[tuple[int | None, str], int] = {}

    def write(self, entity: str, rows: Sequence[dict[str, Any]], shop_id: int | None) -> None:
        self.write_packed(pack(entity, rows, shop_id))

    def rewrite(self, entity: str, rows: Sequence[dict[str, Any]], shop_id: int) -> None:
        """Overwrite rows written earlier, their feed entries included (they keep their
        numbers): nobody can have read them yet."""
        packed = pack(entity, rows, shop_id)
        table = ENTITY_TABLES[entity]
        columns = [c.name for c in table.columns]
        keys = [c.name for c in table.primary_key.columns]
        changes = []
        for record in packed.records:
            values = dict(zip(columns, record, strict=True))
            changes.append({f"x_{c}": v for c, v in values.items()})
        self.conn.execute(
            update(table)
            .where(*(table.c[k] == bindparam(f"x_{k}") for k in keys))
            .values({c: bindparam(f"x_{c}") for c in columns if c not in keys}),
            changes,
        )
        feed = table_of(Feed)
        self.conn.execute(
            update(feed)
            .where(
                feed.c.shop_id == shop_id,
                feed.c.entity == entity,
                feed.c.key == bindparam("x_key"),
            )
            .values(payload=bindparam("x_payload")),
            [
                {"x_key": key, "x_payload": payload}
                for key, payload in zip(packed.keys, packed.payloads, strict=True)
            ],
        )

    def write_packed(self, packed: Packed) -> None:
        if not packed.records:
            return
        entity = packed.entity
        owner = feed_of(entity, packed.shop_id)
        first = self.next_seq.get(owner, 1)
        seqs = range(first, first + len(packed.keys))
        table = ENTITY_TABLES[entity]
        self._copy(table, [c.name for c in table.columns], packed.records)
        if owner is None:
            self._copy(
                table_of(CatalogueFeed),
                _CATALOGUE_FEED_COLUMNS,
                list(zip(repeat(entity), packed.keys, seqs, packed.payloads, strict=False)),
            )
        else:
            self._copy(
                table_of(Feed),
                _SHOP_FEED_COLUMNS,
                list(
                    zip(
                        repeat(owner),
                        repeat(entity),
                        packed.keys,
                        seqs,
                        packed.payloads,
                        strict=False,
                    )
                ),
            )
        self.next_seq[owner] = first + len(packed.keys)
        self.counts[entity] += len(packed.keys)
        # A shop's own id comes from the list of shops, not from a counter of its own.
        if KEY_COLUMNS[entity] == "id" and entity not in TEXT_KEY_ENTITIES and entity != "shop":
            top = max(int(key) for key in packed.keys)
            self.highest[(owner, entity)] = max(top, self.highest.get((owner, entity), 0))

    def add_shop_login(self, shop_id: int, code: str, password: str) -> None:
        self._copy(
            table_of(ShopCredential),
            ("shop_id", "shop_code", "password_hash"),
            [(shop_id, code, shared_demo_hash(password))],
        )
        self._copy(
            table_of(FeedPartition), ("shop_id", "last_seq", "horizon_seq"), [(shop_id, 0, 0)]
        )

    def add_person_logins(self, shop_id: int, person_ids: list[int], password: str) -> None:
        """Passwords of a demo shop's people other than its owner (the shop's own is hers)."""
        self._copy(
            table_of(PersonSecret),
            ("shop_id", "person_id", "password_hash", "signup_sha256", "signup_expires_at"),
            [
                (shop_id, person_id, shared_demo_hash(password), None, None)
                for person_id in person_ids
            ],
        )

    def finish(self, last_ids: dict[int, dict[str, int]]) -> None:
        """Write back the feeds' numbers and each shop's id counters (ids taken or written)."""
        for owner, next_seq in self.next_seq.items():
            if owner is None:
                state = table_of(CatalogueFeedState)
                where = state.c.id == CATALOGUE_STATE_ID
            else:
                state = table_of(FeedPartition)
                where = state.c.shop_id == owner
            self.conn.execute(update(state).where(where).values(last_seq=next_seq - 1))
        counters: dict[int | None, dict[str, int]] = {
            shop_id: dict(taken) for shop_id, taken in last_ids.items()
        }
        for (owner, entity), top in self.highest.items():
            mine = counters.setdefault(owner, {})
            mine[entity] = max(top, mine.get(entity, 0))
        for owner, mine in counters.items():
            set_id_counters(self.conn, owner, mine)

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
