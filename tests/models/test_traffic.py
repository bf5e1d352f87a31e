"""Traffic compensation: the monthly figures equal direct SQL sums; the future is not counted."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.profile import Profile
from models.services.traffic import LOOKBACK_DAYS, TrafficCompensation, traffic_compensation
from tests.models.customer_fixtures import DAY, build_shop

PAID = "('paid', 'shipped', 'completed')"
MONTH = "strftime('%Y-%m', {}, 'unixepoch', 'localtime')"


@pytest.fixture
def hand_built(tmp_path: Path) -> Iterator[tuple[Profile, dt.datetime]]:
    profile = Profile.open(tmp_path / "hand-built")
    now = dt.datetime.now().astimezone()
    build_shop(profile, int(now.timestamp()))
    yield profile, now
    profile.close()


def by_month(profile: Profile, sql: str, *args: object) -> dict[str, int]:
    with sqlite3.connect(profile.db_path) as conn:
        return {month: int(value) for month, value in conn.execute(sql, args) if value}


def test_the_hand_built_release_and_its_compensation(
    hand_built: tuple[Profile, dt.datetime],
) -> None:
    profile, now = hand_built
    figures = traffic_compensation(profile, now)
    assert (figures.lost, figures.allocated, figures.net) == (2, 2, 0)
    # 400.00 + 150.00 within 90 days before leaving; the older order and the refund are not.
    assert figures.sales_lost_cents == 55_000
    assert figures.sales_brought_cents == 12_000 + 3_000 + 8_000
    assert figures.net_sales_cents == 23_000 - 55_000
    assert figures.upcoming == 1
    assert figures.upcoming_until == int(now.timestamp()) + 5 * DAY
    months = [(m.year, m.month) for m in figures.months]
    assert months == sorted(months)
    assert len(set(months)) == len(months)
    assert months[-1] == (now.year, now.month)

    only = traffic_compensation(profile, now, compensation_only=True)
    assert (only.lost, only.allocated, only.sales_brought_cents) == (2, 1, 15_000)


def test_allocations_in_the_future_are_counted_once_they_arrive(
    hand_built: tuple[Profile, dt.datetime],
) -> None:
    profile, now = hand_built
    later = now + dt.timedelta(days=6)
    figures = traffic_compensation(profile, later)
    assert (figures.allocated, figures.upcoming, figures.upcoming_until) == (3, 0, None)


def test_an_empty_shop_has_no_months(tmp_path: Path) -> None:
    profile = Profile.open(tmp_path / "empty")
    try:
        figures = traffic_compensation(profile, dt.datetime.now().astimezone())
        assert figures.months == []
        assert figures.lost == figures.allocated == 0
    finally:
        profile.close()


@pytest.mark.parametrize("only", [False, True])
def test_the_months_equal_direct_sql_sums(
    hand_built: tuple[Profile, dt.datetime], synced_profile: Profile, only: bool
) -> None:
    for profile, now in (hand_built, (synced_profile, dt.datetime.now().astimezone())):
        stamp = int(now.timestamp())
        reason = "AND reason = 'release_compensation'" if only else ""
        figures = traffic_compensation(profile, now, compensation_only=only)
        lost = by_month(
            profile,
            f"SELECT {MONTH.format('at')}, count(*) FROM customer_binding "
            "WHERE event = 'release_out' AND at <= ? GROUP BY 1",
            stamp,
        )
        allocated = by_month(
            profile,
            f"SELECT {MONTH.format('allocated_at')}, count(*) FROM traffic_allocation "
            f"WHERE allocated_at <= ? {reason} GROUP BY 1",
            stamp,
        )
        sales_lost = by_month(
            profile,
            f"SELECT {MONTH.format('b.at')}, sum(o.amount_cents) FROM customer_binding b "
            'JOIN "order" o ON o.customer_id = b.customer_id '
            f"WHERE b.event = 'release_out' AND b.at <= ? AND o.status IN {PAID} "
            "AND o.paid_at >= b.at - ? AND o.paid_at < b.at GROUP BY 1",
            stamp,
            LOOKBACK_DAYS * DAY,
        )
        brought = by_month(
            profile,
            f"SELECT {MONTH.format('o.paid_at')}, sum(o.amount_cents) FROM traffic_allocation a "
            'JOIN "order" o ON o.customer_id = a.customer_id '
            f"WHERE a.allocated_at <= ? {reason.replace('reason', 'a.reason')} "
            f"AND o.status IN {PAID} AND o.paid_at >= a.allocated_at AND o.paid_at <= ? "
            "GROUP BY 1",
            stamp,
            stamp,
        )

        def shown(attribute: str, figures: TrafficCompensation = figures) -> dict[str, int]:
            return {
                f"{m.year}-{m.month:02d}": getattr(m, attribute)
                for m in figures.months
                if getattr(m, attribute)
            }

        assert shown("lost") == lost
        assert shown("allocated") == allocated
        assert shown("sales_lost_cents") == sales_lost
        assert shown("sales_brought_cents") == brought
        assert figures.allocated == sum(allocated.values())
