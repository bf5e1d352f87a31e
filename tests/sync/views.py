"""What the platform serves a shop, and what a profile holds, in one comparable shape."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import orjson
from sqlalchemy import Connection, create_engine, select, text
from sqlalchemy.pool import NullPool

from models import wire
from models.db import CLIENT_TABLES, MIRROR_TABLES, SyncState
from models.profile import Profile
from tests.server.people_checks import manager_sees

View = dict[str, set[bytes]]


def canonical(row: dict[str, object]) -> bytes:
    return orjson.dumps(row, option=orjson.OPT_SORT_KEYS)


@contextmanager
def platform_connection(db: Path | str) -> Iterator[Connection]:
    """A read of the platform's database: a SQLite file or a PostgreSQL URL."""
    engine = create_engine(f"sqlite:///{db}" if isinstance(db, Path) else db, poolclass=NullPool)
    try:
        with engine.connect() as conn:
            yield conn
    finally:
        engine.dispose()


def server_view(
    db: Path | str, shop_id: int, role: str = "owner", store_manager_id: int | None = None
) -> View:
    """Every live row of the feeds the platform serves ``shop_id`` that ``role`` may see (a
    manager's sub-store by plain SQL of its rows): that person's view of the shop."""
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
        hers = None
        if role == "manager":
            assert store_manager_id is not None
            hers = manager_sees(conn, shop_id, store_manager_id)
    for entity, payload in rows:
        if not wire.may_see(role, entity):
            continue
        row = orjson.loads(payload)
        key = str(row[wire.ENTITY_KEYS[entity]])
        outside = hers is not None and entity not in wire.CATALOGUE_ENTITIES
        if outside and hers is not None and key not in hers.get(entity, set()):
            continue
        view[entity].add(canonical(row))
    return dict(view)


def signed_in_as(profile: Profile) -> tuple[str, int | None]:
    """The role of the person signed in to the profile, and a manager's sub-store."""
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        return str(state.role), state.store_manager_id


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
    """The profile holds exactly what the platform serves the person signed in to it."""
    mirror, server = mirror_view(profile), server_view(db, shop_id, *signed_in_as(profile))
    assert mirror.keys() == server.keys()
    for entity in server:
        missing = len(server[entity] - mirror[entity])
        extra = len(mirror[entity] - server[entity])
        assert (missing, extra) == (0, 0), f"{entity}: {missing} missing, {extra} extra"


def busiest_manager(db: Path | str, shop_code: str = "demo1") -> str:
    """The user name of the shop's store manager (still with it) whose sub-store sold most."""
    with platform_connection(db) as conn:
        found = conn.execute(
            text(
                "SELECT p.user_name FROM person p JOIN shop s ON s.shop_id = p.shop_id"
                ' AND s.id = p.shop_id JOIN "order" o ON o.shop_id = p.shop_id'
                " AND o.store_manager_id = p.store_manager_id"
                " WHERE s.code = :code AND p.role = 'manager' AND p.status = 'active'"
                " GROUP BY p.user_name ORDER BY count(*) DESC, p.user_name LIMIT 1"
            ),
            {"code": shop_code},
        ).scalar_one()
    return str(found)
