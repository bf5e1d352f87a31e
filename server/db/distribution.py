"""Spreading the shops' tables: hash partitions by shop_id, and Citus when it is installed.

A Citus cluster distributes each shop table by ``shop_id`` and copies the tables every shop
shares (the catalogue, sign-in, meta) to every node as reference tables. Declarative hash
partitioning by ``shop_id`` imposes the same rules on keys (every primary key, unique constraint
and foreign key carries the partition column), so a PostgreSQL partitioned that way proves the
schema and every statement fit a distributed cluster; the test suite runs on one.

Both are applied after the migrations, at every start, to whatever is not placed yet: a shop
table a later revision adds is distributed (or partitioned like the others) when the platform
next starts.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Collection

from sqlalchemy import Connection, Table, UniqueConstraint, text
from sqlalchemy.schema import AddConstraint, CreateIndex, CreateTable, ForeignKeyConstraint

from server.db.schema import REFERENCE_TABLES, shop_tables

log = logging.getLogger(__name__)

SHOP_COLUMN = "shop_id"
_PARTITION = re.compile(r".+__shops\d+")


def is_partition_name(name: str) -> bool:
    """Whether a table is one hash partition of a shop table (not a table of the models)."""
    return bool(_PARTITION.fullmatch(name))


def _partition_name(table: str, remainder: int) -> str:
    return f"{table}__shops{remainder}"


def keyed_by_shop(table: Table) -> bool:
    """A table can be spread by shop only if every key it has starts from shop_id."""
    if SHOP_COLUMN not in table.primary_key.columns:
        return False
    return all(
        SHOP_COLUMN in constraint.columns
        for constraint in table.constraints
        if isinstance(constraint, UniqueConstraint)
    )


def spreadable_shop_tables() -> list[Table]:
    """Shop tables in the order they can be spread: a referenced table before its referrers."""
    tables = []
    for table in shop_tables():
        if keyed_by_shop(table):
            tables.append(table)
        else:
            log.warning("%s is not keyed by shop_id: it cannot be spread by shop", table.name)
    return tables


def distribution_plan() -> list[tuple[str, str]]:
    """(table, "reference" or "distributed"), in the order Citus must place them."""
    from server.db.base import Base

    reference = [t.name for t in Base.metadata.sorted_tables if t.name in REFERENCE_TABLES]
    return [(name, "reference") for name in reference] + [
        (table.name, "distributed") for table in spreadable_shop_tables()
    ]


def settle(conn: Connection) -> None:
    """Place whatever is not placed yet: partitions like the others, Citus when installed."""
    if conn.dialect.name != "postgresql":
        return
    partitions = partition_count(conn)
    if partitions:
        partition_by_shop(conn, partitions)
    distribute_if_citus(conn)


# --- Citus ---------------------------------------------------------------------------------


def has_citus(conn: Connection) -> bool:
    return bool(conn.scalar(text("SELECT count(*) FROM pg_extension WHERE extname = 'citus'")))


def distribute_if_citus(conn: Connection) -> list[str]:
    """With the citus extension: reference tables for what every shop shares, the shop
    tables distributed by shop_id and co-located, so a shop's rows live on one node together.
    Returns the tables placed now."""
    if conn.dialect.name != "postgresql" or not has_citus(conn):
        return []
    placed = set(conn.scalars(text("SELECT logicalrelid::regclass::text FROM pg_dist_partition")))
    quote = conn.dialect.identifier_preparer.quote
    first_distributed: str | None = None
    done: list[str] = []
    for name, kind in distribution_plan():
        relation = quote(name)
        if kind == "distributed" and first_distributed is None:
            first_distributed = relation
        if relation in placed or name in placed:
            continue
        if kind == "reference":
            conn.execute(text("SELECT create_reference_table(:t)"), {"t": relation})
        else:
            colocate = "default" if relation == first_distributed else first_distributed
            conn.execute(
                text("SELECT create_distributed_table(:t, :column, colocate_with => :with)"),
                {"t": relation, "column": SHOP_COLUMN, "with": colocate},
            )
        done.append(name)
        log.info("citus: %s is now a %s table", name, kind)
    return done


# --- hash partitions ---------------------------------------------------------------------------


def partitioned_tables(conn: Connection) -> set[str]:
    return set(
        conn.scalars(
            text(
                "SELECT c.relname FROM pg_partitioned_table p"
                " JOIN pg_class c ON c.oid = p.partrelid"
                " JOIN pg_namespace n ON n.oid = c.relnamespace"
                " WHERE n.nspname = current_schema()"
            )
        )
    )


def partition_count(conn: Connection) -> int:
    """How many hash partitions the partitioned shop tables have; 0 when none is partitioned."""
    found = conn.scalar(
        text(
            "SELECT max(cnt) FROM (SELECT count(*) AS cnt FROM pg_inherits i"
            " JOIN pg_partitioned_table p ON p.partrelid = i.inhparent"
            " GROUP BY i.inhparent) AS counted"
        )
    )
    return int(found or 0)


def partition_by_shop(
    conn: Connection, partitions: int, only: Collection[str] | None = None
) -> list[str]:
    """Rebuild every plain shop table (or those named in ``only``) as ``partitions`` hash
    partitions by shop_id, rows and all; returns the tables rebuilt. Run inside one
    transaction: all of them or none."""
    if conn.dialect.name != "postgresql":
        raise RuntimeError("hash partitions by shop need PostgreSQL")
    if partitions < 1:
        raise ValueError("at least one partition")
    already = partitioned_tables(conn)
    spreadable = spreadable_shop_tables()
    wanted = [t for t in spreadable if t.name not in already and (only is None or t.name in only)]
    if not wanted:
        return []
    names = {t.name for t in wanted}
    touched = [
        fk
        for table in shop_tables()
        for fk in table.foreign_key_constraints
        if table.name in names or fk.referred_table.name in names
    ]
    preparer = conn.dialect.identifier_preparer
    for fk in touched:
        conn.exec_driver_sql(
            f"ALTER TABLE {preparer.format_table(fk.table)}"
            f" DROP CONSTRAINT IF EXISTS {_constraint_name(conn, fk)}"
        )
    for table in wanted:
        _rebuild_partitioned(conn, table, partitions)
    for fk in touched:
        conn.execute(AddConstraint(fk))
    log.info("partitioned by shop (%d each): %s", partitions, ", ".join(sorted(names)))
    return sorted(names)


def _constraint_name(conn: Connection, fk: ForeignKeyConstraint) -> str:
    name = conn.dialect.identifier_preparer.format_constraint(fk)
    assert name is not None
    return name


def _rebuild_partitioned(conn: Connection, table: Table, partitions: int) -> None:
    preparer = conn.dialect.identifier_preparer
    name = preparer.format_table(table)
    plain = preparer.quote(f"{table.name}__plain")
    conn.exec_driver_sql(f"ALTER TABLE {name} RENAME TO {plain}")
    # The old table's constraints and indexes free their names for the new table's.
    for constraint in conn.execute(
        text(
            "SELECT conname FROM pg_constraint WHERE conrelid = CAST(:t AS regclass)"
            " AND contype IN ('p', 'u')"
        ),
        {"t": f"{table.name}__plain"},
    ).scalars():
        conn.exec_driver_sql(f"ALTER TABLE {plain} DROP CONSTRAINT {preparer.quote(constraint)}")
    for index in table.indexes:
        conn.exec_driver_sql(f"DROP INDEX IF EXISTS {preparer.quote(str(index.name))}")
    create = CreateTable(table, include_foreign_key_constraints=[])
    ddl = str(create.compile(dialect=conn.dialect)).strip()
    conn.exec_driver_sql(f"{ddl} PARTITION BY HASH ({SHOP_COLUMN})")
    for remainder in range(partitions):
        part = preparer.quote(_partition_name(table.name, remainder))
        conn.exec_driver_sql(
            f"CREATE TABLE {part} PARTITION OF {name}"
            f" FOR VALUES WITH (MODULUS {partitions}, REMAINDER {remainder})"
        )
    for index in table.indexes:
        conn.execute(CreateIndex(index))
    columns = ", ".join(preparer.quote(c.name) for c in table.columns)
    conn.exec_driver_sql(f"INSERT INTO {name} ({columns}) SELECT {columns} FROM {plain}")
    conn.exec_driver_sql(f"DROP TABLE {plain}")
