"""Demo data: deterministic, believable, and shaped so every feature has something to show."""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Iterator
from datetime import timedelta
from pathlib import Path

import orjson
import pytest
from sqlalchemy import Engine, func, select, text

from models import wire
from server.db import make_engine
from server.db.catalogue import CatalogueFeed
from server.db.platform import Feed
from server.db.schema import CATALOGUE_TABLES
from server.seed import seed
from server.seed.calendar import day_start
from tests.server.conftest import ANCHOR, SEED, seed_small

_MASKED_PHONE = re.compile(r"^1[3-9]\d\*{4}\d{4}$")


def _feed_digest(engine: Engine) -> str:
    digest = hashlib.sha256()
    with engine.connect() as conn:
        catalogue = conn.execute(
            select(
                CatalogueFeed.entity, CatalogueFeed.key, CatalogueFeed.seq, CatalogueFeed.payload
            ).order_by(CatalogueFeed.seq)
        )
        shops = conn.execute(
            select(Feed.shop_id, Feed.entity, Feed.key, Feed.seq, Feed.payload).order_by(
                Feed.shop_id, Feed.seq
            )
        )
        for row in [*catalogue, *shops]:
            digest.update(repr(tuple(row)).encode())
    return digest.hexdigest()


def _payloads(engine: Engine, entity: str) -> list[dict[str, object]]:
    feed = CatalogueFeed if entity in CATALOGUE_TABLES else Feed
    with engine.connect() as conn:
        texts = conn.scalars(select(feed.payload).where(feed.entity == entity))
        return [orjson.loads(t) for t in texts if t is not None]


@pytest.fixture
def template_engine(sqlite_template: Path) -> Iterator[Engine]:
    engine = make_engine(str(sqlite_template))
    yield engine
    engine.dispose()


def test_the_same_seed_gives_the_same_platform_on_any_database(
    empty_db_url: str, template_engine: Engine
) -> None:
    engine = make_engine(empty_db_url)
    try:
        seed_small(engine)
        assert _feed_digest(engine) == _feed_digest(template_engine)
    finally:
        engine.dispose()


def test_another_seed_gives_another_platform(tmp_path: Path, template_engine: Engine) -> None:
    engine = make_engine(str(tmp_path / "other.sqlite3"))
    try:
        seed_small(engine, SEED + 1)
        assert _feed_digest(engine) != _feed_digest(template_engine)
    finally:
        engine.dispose()


def test_every_shop_has_a_pending_release_request(template_engine: Engine) -> None:
    with template_engine.connect() as conn:
        pending = conn.execute(
            text(
                "SELECT s.code, count(r.id) FROM shop s LEFT JOIN release_request r"
                " ON r.shop_id = s.shop_id AND r.status = 'pending'"
                " WHERE s.released_from_shop_id IS NULL GROUP BY s.code"
            )
        ).all()
    assert pending
    assert all(count >= 1 for _, count in pending)


def test_phone_numbers_are_only_ever_masked(template_engine: Engine) -> None:
    people = _payloads(template_engine, "customer") + _payloads(template_engine, "store_manager")
    assert people
    assert all(_MASKED_PHONE.match(str(p["phone_masked"])) for p in people)
    whole_phone = re.compile(r"(?<!\d)1[3-9]\d{9}(?!\d)")
    for person in people:
        assert not any(whole_phone.search(str(value)) for value in person.values()), person


def test_rows_hang_together(template_engine: Engine) -> None:
    with template_engine.connect() as conn:
        assert conn.exec_driver_sql("PRAGMA foreign_key_check").all() == []
        numbers = conn.execute(
            text('SELECT count(order_no), count(DISTINCT order_no) FROM "order"')
        ).one()
        assert numbers[0] == numbers[1]
        cheap = conn.scalar(
            text("SELECT count(*) FROM product WHERE supply_price_cents >= retail_price_cents")
        )
        assert cheap == 0
        rates = conn.execute(
            text("SELECT min(commission_rate_bp), max(commission_rate_bp) FROM product")
        ).one()
        assert 500 <= rates[0] <= rates[1] <= 3000
        # A customer belongs to the store of the first paid order.
        mismatched = conn.scalar(
            text(
                """
                SELECT count(*) FROM customer c
                JOIN customer_binding b ON b.shop_id = c.shop_id AND b.customer_id = c.id
                  AND b.event = 'first_order'
                JOIN "order" o ON o.shop_id = c.shop_id AND o.customer_id = c.id
                  AND o.paid_at = c.first_order_at AND o.status IN ('paid', 'shipped', 'completed')
                WHERE coalesce(o.store_manager_id, 0) != coalesce(c.store_manager_id, 0)
                """
            )
        )
        assert mismatched == 0


def test_sales_look_like_the_platforms(template_engine: Engine) -> None:
    today = day_start(ANCHOR)
    with template_engine.connect() as conn:
        by_category: dict[str, int] = dict(
            conn.execute(
                text(
                    "SELECT category, sum(unit_price_cents * quantity) FROM order_item"
                    " GROUP BY category"
                )
            ).all()
        )
        statuses_today = Counter(
            conn.scalars(text('SELECT status FROM "order" WHERE placed_at >= :t'), {"t": today})
        )
        last = conn.scalar(text('SELECT max(placed_at) FROM "order"'))
        first = conn.scalar(text('SELECT min(placed_at) FROM "order"'))
    assert set(by_category) == set(wire.CATEGORIES)
    top_four = sum(by_category[c] for c in wire.CATEGORIES[:4])
    assert top_four > sum(by_category.values()) / 2
    assert statuses_today["paid"]
    assert statuses_today["pending_payment"]
    assert today <= last < today + 86_400
    assert first < day_start(ANCHOR - timedelta(days=600))


def test_seeding_refuses_a_database_with_data(sqlite_template: Path, tmp_path: Path) -> None:
    engine = make_engine(str(sqlite_template))
    try:
        with pytest.raises(RuntimeError):
            seed(engine, 1, 1, 10, ANCHOR)
    finally:
        engine.dispose()


def test_a_big_catalogue_is_within_reach(tmp_path: Path) -> None:
    engine = make_engine(str(tmp_path / "catalogue.sqlite3"))
    try:
        summary = seed(engine, 3, 0, 0, ANCHOR, products=20_000)
        assert summary.rows["product"] == 20_000
        with engine.connect() as conn:
            entries = conn.scalar(select(func.count()).select_from(CatalogueFeed))
            assert entries == sum(summary.rows.values())
    finally:
        engine.dispose()
