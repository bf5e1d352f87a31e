"""The customer table's pages equal a direct SQL query, and paging returns every customer once."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from models.profile import Profile
from models.services.customers import (
    LEFT,
    OWN_STORE,
    CustomerFilter,
    CustomerRow,
    CustomerSort,
    Sort,
    count_customers,
    fetch_one,
    fetch_page,
)
from tests.models.customer_fixtures import build_shop

PAID = "('paid', 'shipped', 'completed')"
ORDER_BY = {
    CustomerSort.NAME: "c.name {d}, c.id {d}",
    CustomerSort.STORE: "c.status {d}, coalesce(m.name, '') {d}, c.id {d}",
    CustomerSort.VIA: "c.bound_via {d}, c.bound_at {d}, c.id {d}",
    CustomerSort.SINCE: "c.bound_at {d}, c.id {d}",
    CustomerSort.ORDERS: "coalesce(t.n, 0) {d}, c.id {d}",
    CustomerSort.SPENT: "coalesce(t.spent, 0) {d}, c.id {d}",
}


def all_pages(profile: Profile, f: CustomerFilter, sort: Sort, size: int = 17) -> list[CustomerRow]:
    """Walk the whole table as a scrolling owner would: page after page by sort key."""
    rows: list[CustomerRow] = []
    after: tuple[Any, ...] | None = None
    while True:
        page = fetch_page(profile, f, sort, limit=size, after=after)
        rows += page
        if len(page) < size:
            return rows
        after = page[-1].sort_key


def direct(profile: Profile, where: str, sort: Sort, *args: object) -> list[int]:
    d = "DESC" if sort.descending else "ASC"
    sql = (
        "SELECT c.id FROM customer c LEFT JOIN store_manager m ON m.id = c.store_manager_id "
        "LEFT JOIN (SELECT customer_id, count(*) AS n, sum(amount_cents) AS spent "
        f'FROM "order" WHERE status IN {PAID} GROUP BY customer_id) t ON t.customer_id = c.id '
        f"WHERE {where} ORDER BY {ORDER_BY[sort.column].format(d=d)}"
    )
    with sqlite3.connect(profile.db_path) as conn:
        return [row[0] for row in conn.execute(sql, args)]


@pytest.fixture
def hand_built(tmp_path: Path) -> Iterator[Profile]:
    profile = Profile.open(tmp_path / "hand-built")
    build_shop(profile, int(time.time()))
    yield profile
    profile.close()


def test_every_sort_pages_through_every_customer_once_as_sql_says(
    synced_profile: Profile,
) -> None:
    total = count_customers(synced_profile, CustomerFilter())
    assert total > 50
    for column in CustomerSort:
        for descending in (True, False):
            sort = Sort(column, descending)
            shown = [r.id for r in all_pages(synced_profile, CustomerFilter(), sort)]
            assert shown == direct(synced_profile, "1", sort), sort
            assert len(set(shown)) == total


def test_store_and_way_filters_equal_sql(synced_profile: Profile) -> None:
    with sqlite3.connect(synced_profile.db_path) as conn:
        manager = conn.execute(
            "SELECT store_manager_id FROM customer WHERE store_manager_id IS NOT NULL LIMIT 1"
        ).fetchone()[0]
    cases = [
        (CustomerFilter(store=OWN_STORE), "c.status = 'active' AND c.store_manager_id IS NULL"),
        (CustomerFilter(store=manager), f"c.status = 'active' AND c.store_manager_id = {manager}"),
        (CustomerFilter(store=LEFT), "c.status = 'left'"),
        (CustomerFilter(via="manager"), "c.bound_via = 'manager'"),
        (CustomerFilter(via="public_domain"), "c.bound_via = 'public_domain'"),
        (
            CustomerFilter(store=OWN_STORE, via="own"),
            "c.status = 'active' AND c.store_manager_id IS NULL AND c.bound_via = 'own'",
        ),
    ]
    for f, where in cases:
        for sort in (Sort(CustomerSort.SPENT), Sort(CustomerSort.NAME, descending=False)):
            expected = direct(synced_profile, where, sort)
            assert count_customers(synced_profile, f) == len(expected), f
            assert [r.id for r in all_pages(synced_profile, f, sort)] == expected, (f, sort)


def test_pages_by_offset_from_either_end_match_the_keyset_walk(synced_profile: Profile) -> None:
    sort = Sort(CustomerSort.ORDERS)
    walked = [r.id for r in all_pages(synced_profile, CustomerFilter(), sort, size=20)]
    middle = fetch_page(synced_profile, CustomerFilter(), sort, limit=20, offset=40)
    assert [r.id for r in middle] == walked[40:60]
    tail = fetch_page(synced_profile, CustomerFilter(), sort, limit=30, offset=0, from_end=True)
    assert [r.id for r in tail] == walked[-30:]


def test_paid_orders_and_spending_are_summed_per_customer(synced_profile: Profile) -> None:
    rows = fetch_page(synced_profile, CustomerFilter(), Sort(CustomerSort.SPENT), limit=20)
    with sqlite3.connect(synced_profile.db_path) as conn:
        for row in rows:
            n, spent = conn.execute(
                f'SELECT count(*), coalesce(sum(amount_cents), 0) FROM "order" '
                f"WHERE customer_id = ? AND status IN {PAID}",
                (row.id,),
            ).fetchone()
            assert (row.paid_orders, row.spent_cents) == (n, spent)
    assert rows[0].spent_cents >= rows[-1].spent_cents > 0


def test_the_hand_built_shop_reads_as_its_owner_knows_it(hand_built: Profile) -> None:
    left = all_pages(hand_built, CustomerFilter(store=LEFT), Sort(CustomerSort.NAME, False))
    assert [(r.name, r.left_with) for r in left] == [("王五", "李娜"), ("赵六", "李娜")]
    manager = all_pages(hand_built, CustomerFilter(store=1), Sort())
    assert [r.name for r in manager] == ["吴十", "李四"]
    assert manager[1].store_name == "王丽"
    zhang = fetch_one(hand_built, 1)
    assert zhang is not None
    assert (zhang.paid_orders, zhang.spent_cents) == (2, 30_000)
    public = all_pages(hand_built, CustomerFilter(via="public_domain"), Sort())
    assert [r.name for r in public] == ["孙八", "钱七", "周九"]


def test_the_search_finds_names_phones_and_cities(hand_built: Profile) -> None:
    def found(words: str) -> list[str]:
        return [r.name for r in all_pages(hand_built, CustomerFilter(text=words), Sort())]

    assert found("冬梅") == ["郑冬梅"]
    assert found("0002") == ["李四"]
    assert found("杭州") == ["张三", "王五"]
    assert found("杭州 王") == ["王五"]
    assert found("北京") == []
    assert count_customers(hand_built, CustomerFilter(text="杭州", store=LEFT)) == 1
