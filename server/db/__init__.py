"""The platform's tables: every shop's data keyed by shop first, the catalogue, and the feed."""

from server.db.base import Base
from server.db.engine import make_engine, write_begin
from server.db.schema import (
    CATALOGUE_TABLES,
    ENTITY_TABLES,
    KEY_COLUMNS,
    create_schema,
    entity_table,
)

__all__ = [
    "CATALOGUE_TABLES",
    "ENTITY_TABLES",
    "KEY_COLUMNS",
    "Base",
    "create_schema",
    "entity_table",
    "make_engine",
    "write_begin",
]
