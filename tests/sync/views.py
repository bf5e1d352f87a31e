"""What the platform serves a shop, and what a profile holds, in one comparable shape."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from sqlalchemy import Connection, create_engine, select, text

from models.db import CLIENT_TABLES, MIRROR_TABLES
from models.profile import Profile

View = dict[str, set[bytes]]


def canonical(row: dict[str, object]) -> bytes:
    return orjson.dumps(row, option=orjson.OPT_SORT_KEYS)


@contextmanager
def platform_connection(db: Path | str) -> Iterator[Connection]:
    """A read of the platform's database: a SQLite file or a PostgreSQL URL."""
    engine = create_engine(f"sqlite:///{db}" if isinstance(db, Path) else db)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def server_view(db: Path | str, shop_id: int) -> View:
    """Every live row of the feeds the platform serves ``shop_id``: its view of that shop."""
    view: View = defaultdict(set)
    with platform_connection(db) as conn:
        rows = conn.execute(
            text(
                "SELECT entity, payload FROM catalogue_feed WHERE payload IS NOT NULL"
                " UNION ALL SELECT entity, payload FROM feed"
                " WHERE shop_id = :shop AND payload IS NOT NULL"
            ),
            {"shop": shop_id},
        ).all()
    for entity, payload in rows:
        view[entity].add(canonical(orjson.loads(payload)))
    return dict(view)


def mirror_view(profile: Profile) -> View:
    view: View = {}
    with profile.engine.connect() as conn:
        for entity, table in {**MIRROR_TABLES, **CLIENT_TABLES}.items():
            rows = {canonical(dict(r)) for r in conn.execute(select(table)).mappings()}
            if rows:
                view[entity] = rows
    return view


def applied_mutations(db: Path | str, shop_id: int) -> dict[str, str]:
    """Mutation id -> outcome, as the platform recorded them for ``shop_id``."""
    with platform_connection(db) as conn:
        rows = conn.execute(
            text("SELECT mutation_id, outcome FROM applied_mutation WHERE shop_id = :shop"),
            {"shop": shop_id},
        ).all()
    return {str(mutation_id): str(outcome) for mutation_id, outcome in rows}


def assert_mirror_equals_server(profile: Profile, db: Path | str, shop_id: int) -> None:
    mirror, server = mirror_view(profile), server_view(db, shop_id)
    assert mirror.keys() == server.keys()
    for entity in server:
        missing = len(server[entity] - mirror[entity])
        extra = len(mirror[entity] - server[entity])
        assert (missing, extra) == (0, 0), f"{entity}: {missing} missing, {extra} extra"
