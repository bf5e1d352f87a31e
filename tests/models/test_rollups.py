"""The chart series against the order and customer tables themselves, across syncs that add,
change, cancel and delete orders, a re-snapshot, and a change of the computer's zone."""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections import defaultdict
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import Engine, select

from models import wire
from models.db import SyncState
from models.profile import Profile
from models.services import sales_charts as charts
from models.services.account import login
from models.sync import rollups
from models.sync.reset import reset_mirror
from models.sync.syncer import sync
from server.db.engine import make_engine, write_begin
from server.db.schema import ENTITY_TABLES
from server.rows import delete_rows, load_rows, new_ids, save_rows
from tests.platform_process import PlatformProcess

DAY = 86_400
SALES = ",".join(f"'{s}'" for s in wire.PAID_ORDER_STATUSES)
SALE_DAY = "(coalesce(paid_at, placed_at) + :off) / 86400"


@pytest.fixture
def shop(platform: PlatformProcess, profile_folder: Callable[[str], Path]) -> Iterator[Profile]:
    profile = Profile.open(profile_folder("charts"))
    login(profile, platform.url, "demo1", "demo")
    sync(profile)
    yield profile
    profile.close()


@pytest.fixture
def platform_engine(platform: PlatformProcess) -> Iterator[Engine]:
    engine = make_engine(str(platform.db))
    yield engine
    engine.dispose()


def direct(profile: Profile, sql: str, offset: int) -> list[Any]:
    with sqlite3.connect(profile.db_path) as conn:
        return conn.execute(sql, {"off": offset}).fetchall()


def whole_span(profile: Profile) -> tuple[dt.date, dt.date]:
    span = charts.sales_span(profile)
    assert span is not None
    return span.first, span.last


def keyed(times: list[int], values: list[int], offset: int, key: str) -> dict[str, int]:
    """A series as {bucket label: value} with zero buckets left out, the way SQL groups it."""
    labels = {"day": "%Y-%m-%d", "week": "%Y-%m-%d", "month": "%Y-%m"}[key]
    return {
        dt.datetime.fromtimestamp(t + offset, dt.UTC).strftime(labels): v
        for t, v in zip(times, values, strict=True)
        if v
    }


# SQLite's own calendar, independent of the service's bucket arithmetic.
BUCKET_SQL = {
    "day": "date({t} + :off, 'unixepoch')",
    "week": "date({t} + :off, 'unixepoch', 'weekday 0', '-6 days')",
    "month": "strftime('%Y-%m', {t} + :off, 'unixepoch')",
}


def assert_series_equal_the_tables(profile: Profile, offset: int) -> None:
    first, last = whole_span(profile)
    paid_time = "coalesce(paid_at, placed_at)"
    for granularity in charts.GRANULARITIES:
        bucket = BUCKET_SQL[granularity].format(t=paid_time)
        sales = charts.sales_series(profile, first, last, granularity)
        rows = direct(
            profile,
            f'SELECT {bucket}, sum(amount_cents), count(*), sum(commission_cents) FROM "order" '
            f"WHERE status IN ({SALES}) GROUP BY 1",
            offset,
        )
        assert keyed(sales.times, sales.amount_cents, offset, granularity) == {
            r[0]: r[1] for r in rows if r[1]
        }
        assert keyed(sales.times, sales.orders, offset, granularity) == {r[0]: r[2] for r in rows}
        assert keyed(sales.times, sales.commission_cents, offset, granularity) == {
            r[0]: r[3] for r in rows if r[3]
        }

        by_category = charts.category_series(profile, first, last, granularity)
        expected: dict[str, dict[str, int]] = defaultdict(dict)
        for b, category, amount in direct(
            profile,
            f'SELECT {bucket}, category, sum(amount_cents) FROM "order" '
            f"WHERE status IN ({SALES}) GROUP BY 1, 2",
            offset,
        ):
            if amount:
                expected[category][b] = amount
        got = {
            s.key: keyed(by_category.times, s.values, offset, granularity)
            for s in by_category.series
        }
        assert got == expected

        by_store = charts.store_series(profile, first, last, granularity, top=None)
        expected = defaultdict(dict)
        for b, store, amount in direct(
            profile,
            f"SELECT {bucket}, coalesce(store_manager_id, 'own'), sum(amount_cents) "
            f'FROM "order" WHERE status IN ({SALES}) GROUP BY 1, 2',
            offset,
        ):
            if amount:
                expected[str(store)][b] = amount
        got = {s.key: keyed(by_store.times, s.values, offset, granularity) for s in by_store.series}
        assert got == expected
        assert by_store.series[0].key == "own"
        names = dict(direct(profile, "SELECT id, name FROM store_manager", offset))
        assert all(s.name == names[int(s.key)] for s in by_store.series[1:])

        growth = charts.growth_series(profile, first, last, granularity)
        expected = defaultdict(dict)
        for b, source, customers in direct(
            profile,
            f"SELECT {BUCKET_SQL[granularity].format(t='bound_at')}, bound_via, count(*) "
            "FROM customer GROUP BY 1, 2",
            offset,
        ):
            expected[source][b] = customers
        got = {
            s.key: keyed(growth.times, s.values, offset, granularity)
            for s in growth.series
            if any(s.values)
        }
        assert got == expected
        releases = direct(
            profile,
            "SELECT r.decided_at, m.name FROM release_request r JOIN store_manager m "
            "ON m.id = r.store_manager_id WHERE r.status = 'approved' ORDER BY r.decided_at",
            offset,
        )
        assert [(m.at, m.manager_name) for m in growth.releases] == [tuple(r) for r in releases]

    daily = charts.sales_series(profile, first, last, "day")
    amounts = dict(zip(daily.times, daily.amount_cents, strict=True))
    for t, average in list(zip(daily.average_times, daily.average_cents, strict=True))[6:]:
        week = [amounts[t - n * DAY] for n in range(7)]
        assert average == round(sum(week) / 7)


def shop_id_of(profile: Profile) -> int:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        return int(state.shop_id)


def change_the_shop(engine: Engine, shop_id: int) -> None:
    """New, repriced, cancelled, refunded, re-dated and deleted orders; new and moved customers."""
    with write_begin(engine) as conn:
        orders = load_rows(conn, "order", shop_id)
        paid = [o for o in orders if o["status"] in wire.PAID_ORDER_STATUSES]
        waiting = [o for o in orders if o["status"] == "pending_payment"]
        latest = max(o["placed_at"] for o in orders)
        fresh = []
        for n, (new_id, model) in enumerate(
            zip(new_ids(conn, "order", 30, shop_id), paid, strict=False)
        ):
            at = latest + 3600 * (n + 1) * 5
            fresh.append(
                {
                    **model,
                    "id": new_id,
                    "order_no": f"RT{new_id:014d}",
                    "placed_at": at,
                    "paid_at": at + 60,
                    "status": "paid",
                    "amount_cents": 10_000 + n,
                    "category": wire.CATEGORIES[n % len(wire.CATEGORIES)],
                }
            )
        save_rows(conn, "order", fresh, shop_id)
        changed = [
            *({**o, "amount_cents": o["amount_cents"] * 2 + 1} for o in paid[:40]),
            *({**o, "status": "cancelled"} for o in paid[40:60]),
            *({**o, "status": "refunded"} for o in paid[60:70]),
            *({**o, "paid_at": o["paid_at"] - 9 * DAY} for o in paid[70:80]),
            *({**o, "store_manager_id": None, "category": "食品生鲜"} for o in paid[80:90]),
            *({**o, "status": "paid", "paid_at": o["placed_at"] + 30} for o in waiting[:5]),
        ]
        save_rows(conn, "order", changed, shop_id)
        # Orders a statement paid stay for good; newer ones may go.
        gone = [o["id"] for o in reversed(paid[90:]) if o["completed_at"] is None][:10]
        items = load_rows(
            conn, "order_item", shop_id, ENTITY_TABLES["order_item"].c.order_id.in_(gone)
        )
        delete_rows(conn, "order_item", [i["id"] for i in items], shop_id)
        delete_rows(conn, "order", gone, shop_id)

        customers = load_rows(conn, "customer", shop_id)
        arrivals = [
            {**c, "id": new_id, "bound_at": latest + DAY, "bound_via": "public_domain"}
            for new_id, c in zip(new_ids(conn, "customer", 5, shop_id), customers, strict=False)
        ]
        moved = [{**c, "bound_via": "transferred_in"} for c in customers[:3]]
        save_rows(conn, "customer", [*arrivals, *moved], shop_id)


def test_the_series_equal_the_tables_after_the_first_pull(shop: Profile) -> None:
    assert_series_equal_the_tables(shop, rollups.local_utc_offset())


def test_the_series_stay_right_through_syncs_that_change_orders(
    shop: Profile, platform_engine: Engine
) -> None:
    before = charts.sales_series(shop, *whole_span(shop), "month")
    change_the_shop(platform_engine, shop_id_of(shop))
    report = sync(shop)
    assert report.pulled.upserted["order"] >= 100
    assert report.pulled.deleted["order"] == 10
    after = charts.sales_series(shop, *whole_span(shop), "month")
    assert after.amount_cents != before.amount_cents
    assert_series_equal_the_tables(shop, rollups.local_utc_offset())


def test_a_re_snapshot_counts_everything_again(shop: Profile, platform_engine: Engine) -> None:
    with shop.writer.begin() as conn:
        conn.exec_driver_sql("UPDATE store_sales_day SET amount_cents = amount_cents + 1")
        reset_mirror(conn, "test")
    assert charts.sales_span(shop) is None
    change_the_shop(platform_engine, shop_id_of(shop))
    sync(shop)
    assert_series_equal_the_tables(shop, rollups.local_utc_offset())


def test_a_new_zone_counts_the_days_again(shop: Profile, monkeypatch: pytest.MonkeyPatch) -> None:
    eight_hours = 8 * 3600
    assert rollups.local_utc_offset() != eight_hours or pytest.skip("already at UTC+8")
    monkeypatch.setattr(rollups, "local_utc_offset", lambda now=None: eight_hours)
    assert_series_equal_the_tables(shop, eight_hours)
    with sqlite3.connect(shop.db_path) as conn:
        assert conn.execute("SELECT utc_offset, stale FROM rollup_state").fetchone() == (
            eight_hours,
            0,
        )


def test_a_shop_without_sales_has_no_span(tmp_path: Path) -> None:
    profile = Profile.open(tmp_path / "empty")
    try:
        assert charts.sales_span(profile) is None
        today = dt.date(2026, 11, 24)
        empty = charts.sales_series(profile, today - dt.timedelta(days=29), today, "day")
        assert len(empty.times) == 30
        assert not any(empty.amount_cents)
        assert charts.buckets(charts.day_number(today), charts.day_number(today), "week") == [
            charts.day_number(dt.date(2026, 11, 23))
        ]
    finally:
        profile.close()
