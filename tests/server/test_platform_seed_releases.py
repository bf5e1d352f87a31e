"""The demo's release stories: a waiting request with customers who would leave and customers
who would stay, and an approved release months ago whose compensation has arrived."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import Engine, text

from server.db import make_engine
from server.ledger import ALLOCATION_DAYS
from server.push.release import leaving_customers
from server.seed.people import STORY_LEAVERS, STORY_STAYERS
from tests.server.conftest import NOW

DAY = 86_400


@pytest.fixture
def template_engine(sqlite_template: Path) -> Iterator[Engine]:
    engine = make_engine(str(sqlite_template))
    yield engine
    engine.dispose()


def test_demo1_waits_on_a_request_with_leavers_and_stayers(template_engine: Engine) -> None:
    with template_engine.connect() as conn:
        request = conn.execute(
            text(
                "SELECT r.id, r.store_manager_id, r.created_at FROM release_request r"
                " JOIN shop s ON s.shop_id = r.shop_id AND s.code = 'demo1'"
                " WHERE r.status = 'pending' AND r.new_shop_code IS NULL"
            )
        ).one()
        leaving = {c["id"] for c in leaving_customers(conn, 1, request.store_manager_id)}
        attached = set(
            conn.scalars(
                text(
                    "SELECT id FROM customer WHERE shop_id = 1 AND status = 'active'"
                    " AND store_manager_id = :m"
                ),
                {"m": request.store_manager_id},
            )
        )
    assert len(leaving) >= STORY_LEAVERS >= 12
    assert len(attached - leaving) >= STORY_STAYERS
    assert NOW - 7 * DAY < request.created_at < NOW, "a fresh request"


def test_an_earlier_release_left_months_of_aftermath(template_engine: Engine) -> None:
    with template_engine.connect() as conn:
        release = conn.execute(
            text(
                "SELECT r.id, r.store_manager_id, r.decided_at, r.new_shop_code, m.status"
                " FROM release_request r JOIN store_manager m"
                " ON m.shop_id = r.shop_id AND m.id = r.store_manager_id"
                " WHERE r.shop_id = 1 AND r.status = 'approved'"
            )
        ).one()
        left = set(
            conn.scalars(text("SELECT id FROM customer WHERE shop_id = 1 AND status = 'left'"))
        )
        moved_out = set(
            conn.scalars(
                text(
                    "SELECT customer_id FROM customer_binding WHERE shop_id = 1"
                    " AND event = 'release_out' AND release_request_id = :r"
                ),
                {"r": release.id},
            )
        )
        new_shop = conn.execute(
            text("SELECT id, code FROM shop WHERE released_from_shop_id = 1")
        ).one()
        arrived = set(
            conn.scalars(
                text("SELECT id FROM customer WHERE shop_id = :s AND bound_via = 'transferred_in'"),
                {"s": new_shop.id},
            )
        )
        later_orders = conn.scalar(
            text(
                'SELECT count(*) FROM "order" WHERE shop_id = 1 AND placed_at >= :t'
                " AND (store_manager_id = :m OR customer_id IN"
                " (SELECT id FROM customer WHERE shop_id = 1 AND status = 'left'))"
            ),
            {"t": release.decided_at, "m": release.store_manager_id},
        )
        allocations = conn.execute(
            text(
                "SELECT customer_id, allocated_at FROM traffic_allocation"
                " WHERE shop_id = 1 AND release_request_id = :r"
            ),
            {"r": release.id},
        ).all()
        brought = conn.scalar(
            text(
                'SELECT count(*) FROM "order" o JOIN traffic_allocation a'
                " ON a.shop_id = o.shop_id AND a.customer_id = o.customer_id"
                " WHERE o.shop_id = 1 AND a.release_request_id = :r"
                " AND o.status IN ('paid', 'shipped', 'completed')"
            ),
            {"r": release.id},
        )
    assert release.status == "released"
    assert release.decided_at < NOW - 120 * DAY, "months of data since"
    assert new_shop.code == release.new_shop_code
    assert left
    assert left == moved_out == arrived
    assert later_orders == 0, "nobody buys in a closed sub-store, nor a customer who left"
    assert allocations
    assert all(
        release.decided_at <= at <= release.decided_at + ALLOCATION_DAYS * DAY
        for _, at in allocations
    )
    assert len({at // DAY for _, at in allocations}) > 1
    assert brought > 0, "the newcomers bring sales"
