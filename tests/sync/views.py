"""What the platform serves a shop, and what a profile holds, in one comparable shape."""

from __future__ import annotations

import sqlite3
from collections import defaultdict
from pathlib import Path

import orjson
from sqlalchemy import select

from models.db import CLIENT_TABLES, MIRROR_TABLES
from models.profile import Profile

View = dict[str, set[bytes]]


def canonical(row: dict[str, object]) -> bytes:
    return orjson.dumps(row, option=orjson.OPT_SORT_KEYS)


def server_view(db: Path, shop_id: int) -> View:
    """Every live row of the feed the platform serves ``shop_id``: its view of that shop."""
    view: View = defaultdict(set)
    with sqlite3.connect(db) as conn:
        rows = conn.execute(
            "SELECT entity, payload FROM catalogue_feed WHERE payload IS NOT NULL"
            " UNION ALL SELECT entity, payload FROM feed WHERE shop_id = ? AND payload IS NOT NULL",
            (shop_id,),
        ).fetchall()
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


def applied_mutations(db: Path, shop_id: int) -> dict[str, str]:
    """Mutation id -> outcome, as the platform recorded them for ``shop_id``."""
    with sqlite3.connect(db) as conn:
        return dict(
            conn.execute(
                "SELECT mutation_id, outcome FROM applied_mutation WHERE shop_id = ?", (shop_id,)
            ).fetchall()
        )


def assert_mirror_equals_server(profile: Profile, db: Path, shop_id: int) -> None:
    mirror, server = mirror_view(profile), server_view(db, shop_id)
    assert mirror.keys() == server.keys()
    for entity in server:
        missing = len(server[entity] - mirror[entity])
        extra = len(mirror[entity] - server[entity])
        assert (missing, extra) == (0, 0), f"{entity}: {missing} missing, {extra} extra"
