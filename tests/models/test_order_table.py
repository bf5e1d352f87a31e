"""The order table's pages equal a direct SQL query, and paging returns every order once."""

from __future__ import annotations

import sqlite3
from typing import Any

import pytest

from models.profile import Profile
from models.search import spaced
from models.services.order_table import (
    OWN_STORE,
    OrderFilter,
    Sort,
    SortColumn,
    count_by_status,
    count_orders,
    fetch_page,
)
from models.services.reviews import review_order


def all_pages(profile: Profile, f: OrderFilter, sort: Sort, size: int = 97) -> list[int]:
    """Walk the whole table as a scrolling owner would: page after page by sort key."""
    ids: list[int] = []
    after: tuple[Any, ...] | None = None
    while True:
        page = fetch_page(profile, f, sort, limit=size, after=after)
        ids += [r.id for r in page]
        if len(page) < size:
            return ids
        after = page[-1].sort_key


def direct(profile: Profile, sql: str, *args: object) -> list[Any]:
    with sqlite3.connect(profile.db_path) as conn:
        return [row[0] for row in conn.execute(sql, args)]


def test_every_sort_column_pages_through_every_order_once(synced_profile: Profile) -> None:
    total = count_orders(synced_profile, OrderFilter())
    expected = set(direct(synced_profile, 'SELECT id FROM "order"'))
    assert total == len(expected) > 0
    for column in SortColumn:
        for descending in (True, False):
            ids = all_pages(synced_profile, OrderFilter(), Sort(column, descending))
            assert len(ids) == total, column
            assert set(ids) == expected, column


def test_paid_orders_by_amount_equal_sql(synced_profile: Profile) -> None:
    f = OrderFilter(status="paid")
    shown = all_pages(synced_profile, f, Sort(SortColumn.AMOUNT, descending=True))
    assert shown == direct(
        synced_profile,
        'SELECT id FROM "order" WHERE status = ? ORDER BY amount_cents DESC, id DESC',
        "paid",
    )


def test_own_store_in_a_category_and_a_date_range_equal_sql(synced_profile: Profile) -> None:
    since, until = direct(synced_profile, 'SELECT min(placed_at) FROM "order"')[0], 1_900_000_000
    since += 86_400 * 200
    f = OrderFilter(store=OWN_STORE, category="时尚女装", since=since, until=until)
    shown = all_pages(synced_profile, f, Sort(SortColumn.PLACED_AT, descending=False))
    assert shown == direct(
        synced_profile,
        'SELECT id FROM "order" WHERE store_manager_id IS NULL AND category = ? '
        "AND placed_at >= ? AND placed_at < ? ORDER BY placed_at, id",
        "时尚女装",
        since,
        until,
    )
    assert shown


def test_a_managers_orders_by_status_equal_sql(synced_profile: Profile) -> None:
    manager = direct(
        synced_profile,
        'SELECT store_manager_id FROM "order" WHERE store_manager_id IS NOT NULL '
        "GROUP BY store_manager_id ORDER BY count(*) DESC LIMIT 1",
    )[0]
    shown = all_pages(synced_profile, OrderFilter(store=manager), Sort(SortColumn.STATUS))
    assert shown == direct(
        synced_profile,
        'SELECT id FROM "order" WHERE store_manager_id = ? '
        "ORDER BY status DESC, placed_at DESC, id DESC",
        manager,
    )


def test_search_finds_a_customer_by_two_chinese_characters(synced_profile: Profile) -> None:
    name = direct(synced_profile, "SELECT id FROM customer ORDER BY id LIMIT 1")[0]
    with sqlite3.connect(synced_profile.db_path) as conn:
        full_name = conn.execute("SELECT name FROM customer WHERE id = ?", (name,)).fetchone()[0]
    part = full_name[-2:] if len(full_name) >= 2 else full_name
    shown = set(all_pages(synced_profile, OrderFilter(text=part), Sort()))
    expected = set(
        direct(
            synced_profile,
            'SELECT o.id FROM "order" o JOIN customer c ON c.id = o.customer_id '
            "WHERE instr(c.name, ?) > 0 OR instr(o.order_no, ?) = 1 OR o.id IN "
            "(SELECT i.order_id FROM order_item i JOIN product p ON p.id = i.product_id "
            "WHERE instr(p.title, ?) > 0 OR instr(p.category, ?) > 0)",
            part,
            part.upper(),
            part,
            part,
        )
    )
    assert shown == expected
    assert shown
    assert spaced(part).split() == list(part)


def test_search_by_product_words_and_order_number(synced_profile: Profile) -> None:
    order_no = direct(synced_profile, 'SELECT order_no FROM "order" ORDER BY id LIMIT 1')
    with sqlite3.connect(synced_profile.db_path) as conn:
        number = conn.execute('SELECT order_no FROM "order" LIMIT 1').fetchone()[0]
    shown = all_pages(synced_profile, OrderFilter(text=number), Sort())
    assert len(shown) == 1
    assert order_no


@pytest.mark.parametrize("state", ["problem", "follow_up", "reviewed", "unreviewed"])
def test_review_filters_equal_sql(synced_profile: Profile, state: str) -> None:
    numbers = direct(synced_profile, 'SELECT order_no FROM "order" ORDER BY id LIMIT 12')
    for i, number in enumerate(numbers):
        review_order(
            synced_profile,
            number,
            reviewed=i % 2 == 0,
            flag=("none", "problem", "follow_up")[i % 3],
        )
    shown = all_pages(synced_profile, OrderFilter(review=state), Sort())
    condition = {
        "problem": "coalesce(r.flag, 'none') = 'problem'",
        "follow_up": "coalesce(r.flag, 'none') = 'follow_up'",
        "reviewed": "coalesce(r.reviewed, 0) = 1",
        "unreviewed": "coalesce(r.reviewed, 0) = 0",
    }[state]
    assert shown == direct(
        synced_profile,
        'SELECT o.id FROM "order" o LEFT JOIN order_review r ON r.order_id = o.id '
        f"WHERE {condition} ORDER BY o.placed_at DESC, o.id DESC",
    )


def test_offsets_from_both_ends_cover_the_table_once(synced_profile: Profile) -> None:
    f, sort, size = OrderFilter(), Sort(SortColumn.AMOUNT), 50
    total = count_orders(synced_profile, f)
    ids: list[int] = []
    for start in range(0, total, size):
        if start <= total // 2:
            page = fetch_page(synced_profile, f, sort, limit=size, offset=start)
        else:
            n = min(size, total - start)
            page = fetch_page(
                synced_profile, f, sort, limit=n, offset=total - start - n, from_end=True
            )
        ids += [r.id for r in page]
    assert ids == all_pages(synced_profile, f, sort)


def test_status_counts_equal_sql(synced_profile: Profile) -> None:
    counts = count_by_status(synced_profile, OrderFilter(status="paid"))
    with sqlite3.connect(synced_profile.db_path) as conn:
        expected = dict(conn.execute('SELECT status, count(*) FROM "order" GROUP BY status'))
    assert {k: v for k, v in counts.items() if v} == expected
