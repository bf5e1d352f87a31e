"""A customer's timeline explains every ledger entry, in time order, with their orders."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.profile import Profile
from models.services import customer_timeline as timeline
from models.services.customer_timeline import customer_timeline
from tests.models.customer_fixtures import RELEASE, build_shop


@pytest.fixture
def hand_built(tmp_path: Path) -> Iterator[tuple[Profile, int]]:
    profile = Profile.open(tmp_path / "hand-built")
    now = int(time.time())
    build_shop(profile, now)
    yield profile, now
    profile.close()


def test_a_customer_who_left_with_a_released_manager(hand_built: tuple[Profile, int]) -> None:
    profile, now = hand_built
    found = customer_timeline(profile, 3, now)
    assert found is not None
    assert found.customer.status == "left"
    assert [(e.kind, e.manager_name, e.release_request_id) for e in found.entries] == [
        (timeline.BOUND_OWN, "", None),
        (timeline.LEFT_WITH_MANAGER, "李娜", RELEASE),
    ]
    assert found.entries[0].at < found.entries[1].at
    assert found.first_order is not None
    assert found.first_order.order_no == "ZG0000000000000005"
    assert found.latest_order is not None
    assert found.latest_order.store_name == "李娜"
    assert found.orders == 2


def test_bound_to_a_sub_store_then_left(hand_built: tuple[Profile, int]) -> None:
    profile, now = hand_built
    found = customer_timeline(profile, 4, now)
    assert found is not None
    assert [(e.kind, e.manager_name) for e in found.entries] == [
        (timeline.BOUND_MANAGER, "李娜"),
        (timeline.LEFT_WITH_MANAGER, "李娜"),
    ]


def test_allocations_say_why_and_whether_they_have_arrived(
    hand_built: tuple[Profile, int],
) -> None:
    profile, now = hand_built
    arrived, coming, growth = (customer_timeline(profile, c, now) for c in (5, 6, 7))
    assert arrived is not None
    assert coming is not None
    assert growth is not None
    assert [(e.kind, e.release_request_id, e.upcoming) for e in arrived.entries] == [
        (timeline.ALLOCATED_AFTER_RELEASE, RELEASE, False)
    ]
    assert [(e.kind, e.upcoming) for e in coming.entries] == [
        (timeline.ALLOCATED_AFTER_RELEASE, True)
    ]
    assert [e.kind for e in growth.entries] == [timeline.ALLOCATED]
    assert coming.first_order is None
    assert coming.orders == 0


def test_no_paid_order_means_no_change_of_owner(hand_built: tuple[Profile, int]) -> None:
    profile, now = hand_built
    found = customer_timeline(profile, 8, now)
    assert found is not None
    assert found.entries == []
    assert found.orders == 1
    assert found.customer.paid_orders == 0
    assert customer_timeline(profile, 999, now) is None


def test_every_ledger_entry_of_a_synced_shop_is_explained(synced_profile: Profile) -> None:
    with sqlite3.connect(synced_profile.db_path) as conn:
        customers = [
            row[0]
            for row in conn.execute(
                "SELECT customer_id FROM customer_binding GROUP BY event ORDER BY event"
            )
        ]
        customers += [
            row[0]
            for row in conn.execute(
                "SELECT id FROM customer WHERE id NOT IN "
                "(SELECT customer_id FROM customer_binding) LIMIT 1"
            )
        ]
    assert len(customers) >= 2
    now = int(time.time())
    for customer_id in customers:
        found = customer_timeline(synced_profile, customer_id, now)
        assert found is not None
        with sqlite3.connect(synced_profile.db_path) as conn:
            ledger = conn.execute(
                "SELECT at, event FROM customer_binding WHERE customer_id = ? ORDER BY at, id",
                (customer_id,),
            ).fetchall()
        assert [e.at for e in found.entries] == [at for at, _ in ledger]
        assert all(e.kind != timeline.OTHER for e in found.entries)
