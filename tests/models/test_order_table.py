"""The order table's pages equal a direct SQL query, and paging returns every order once."""

from __future__ import annotations

import re
import sqlite3
from typing import Any

import pytest

from models.profile import Profile
from models.search import spaced
from models.services import order_table
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


def walk_by_offsets(profile: Profile, f: OrderFilter, sort: Sort, size: int) -> list[int]:
    """Every page fetched by offset, from the nearer end, as a view jumping about would."""
    total = count_orders(profile, f)
    ids: list[int] = []
    for start in range(0, total, size):
        if start <= total // 2:
            page = fetch_page(profile, f, sort, limit=size, offset=start)
        else:
            n = min(size, total - start)
            page = fetch_page(profile, f, sort, limit=n, offset=total - start - n, from_end=True)
        ids += [r.id for r in page]
    return ids


@pytest.mark.parametrize("descending", [True, False])
def test_the_store_sort_puts_the_own_store_at_one_end_and_equals_sql(
    synced_profile: Profile, descending: bool
) -> None:
    direction = "DESC" if descending else "ASC"
    expected = direct(
        synced_profile,
        'SELECT id FROM "order" ORDER BY coalesce(store_manager_id, 0) '
        f"{direction}, placed_at {direction}, id {direction}",
    )
    own = set(direct(synced_profile, 'SELECT id FROM "order" WHERE store_manager_id IS NULL'))
    assert 0 < len(own) < len(expected)
    sort = Sort(SortColumn.STORE, descending)
    assert all_pages(synced_profile, OrderFilter(), sort) == expected
    assert walk_by_offsets(synced_profile, OrderFilter(), sort, 61) == expected
    # A page that crosses from the managers' orders into the own store's continues there.
    edge = len(expected) - len(own) if descending else len(own)
    page = fetch_page(synced_profile, OrderFilter(), sort, limit=10, offset=edge - 5)
    assert [r.id for r in page] == expected[edge - 5 : edge + 5]
    assert [r.store_manager_id is None for r in page] == (
        [False] * 5 + [True] * 5 if descending else [True] * 5 + [False] * 5
    )


def review_some(profile: Profile, count: int) -> None:
    """Orders in every review state, some of them written twice."""
    # Spread over the table, so that jumps land before, among and after them.
    numbers = direct(
        profile,
        'SELECT order_no FROM "order" WHERE id % 11 = 0 ORDER BY placed_at DESC LIMIT ?',
        count,
    )
    for i, number in enumerate(numbers):
        review_order(
            profile, number, reviewed=i % 2 == 0, flag=("none", "problem", "follow_up")[i % 3]
        )
    # Written back to "not reviewed, no flag": such an order sorts with those never reviewed.
    review_order(profile, numbers[0], reviewed=False, flag="none")


@pytest.mark.parametrize("descending", [True, False])
def test_the_review_sort_equals_sql_in_runs_of_review_states(
    synced_profile: Profile, descending: bool
) -> None:
    review_some(synced_profile, 40)
    direction = "DESC" if descending else "ASC"
    expected = direct(
        synced_profile,
        'SELECT o.id FROM "order" o LEFT JOIN order_review r ON r.order_id = o.id ORDER BY '
        f"coalesce(r.reviewed, 0) {direction}, coalesce(r.flag, 'none') {direction}, "
        f"o.placed_at {direction}, o.id {direction}",
    )
    sort = Sort(SortColumn.REVIEW, descending)
    assert all_pages(synced_profile, OrderFilter(), sort, size=7) == expected
    assert walk_by_offsets(synced_profile, OrderFilter(), sort, 13) == expected
    shown = fetch_page(synced_profile, OrderFilter(), sort, limit=40)
    states = [(r.reviewed, r.flag) for r in shown]
    if descending:
        assert states[0] == (True, "problem")
    else:
        assert states[0] == (False, "follow_up")
        assert states[7] == (False, "none")  # follow-up flags, then every order not reviewed


def test_the_review_sort_with_a_filter_equals_sql(synced_profile: Profile) -> None:
    review_some(synced_profile, 30)
    f = OrderFilter(status="completed")
    expected = direct(
        synced_profile,
        'SELECT o.id FROM "order" o LEFT JOIN order_review r ON r.order_id = o.id '
        "WHERE o.status = 'completed' ORDER BY coalesce(r.reviewed, 0) DESC, "
        "coalesce(r.flag, 'none') DESC, o.placed_at DESC, o.id DESC",
    )
    assert walk_by_offsets(synced_profile, f, Sort(SortColumn.REVIEW), 50) == expected


def a_common_product_word(profile: Profile) -> str:
    """Two characters of the product title bought most often: a search matching many orders."""
    title = direct(
        profile,
        "SELECT p.title FROM order_item i JOIN product p ON p.id = i.product_id "
        "GROUP BY p.id ORDER BY count(*) DESC LIMIT 1",
    )[0]
    found = re.search(r"[\u4e00-\u9fff]{2}", str(title))
    assert found is not None
    return found.group(0)


@pytest.mark.parametrize("dense", [False, True])
def test_a_search_counts_and_shows_each_matching_order_once(
    synced_profile: Profile, monkeypatch: pytest.MonkeyPatch, dense: bool
) -> None:
    # Whether pages walk the sort's index or gather the matches first, the rows are the same.
    monkeypatch.setattr(order_table, "DENSE_FACTOR", 0 if dense else 10**12)
    word = a_common_product_word(synced_profile)
    expected = direct(
        synced_profile,
        'SELECT id FROM "order" WHERE id IN (SELECT i.order_id FROM order_item i '
        "JOIN product p ON p.id = i.product_id WHERE instr(p.title, ?) > 0 "
        "OR instr(p.category, ?) > 0) OR customer_id IN (SELECT id FROM customer "
        "WHERE instr(name, ?) > 0 OR instr(city, ?) > 0) ORDER BY placed_at DESC, id DESC",
        word,
        word,
        word,
        word,
    )
    f = OrderFilter(text=word)
    assert count_orders(synced_profile, f) == len(expected) > 100
    assert all_pages(synced_profile, f, Sort()) == expected
    assert walk_by_offsets(synced_profile, f, Sort(), 40) == expected
    paid = OrderFilter(text=word, status="completed")
    assert count_orders(synced_profile, paid) == len(all_pages(synced_profile, paid, Sort()))


def test_a_search_of_two_words_counts_the_orders_matching_both(synced_profile: Profile) -> None:
    word = a_common_product_word(synced_profile)
    number = direct(synced_profile, 'SELECT order_no FROM "order" ORDER BY id LIMIT 1')[0]
    both = OrderFilter(text=f"{word} {number}")
    only_number = OrderFilter(text=number)
    shown = all_pages(synced_profile, both, Sort())
    assert count_orders(synced_profile, both) == len(shown) <= 1
    assert set(shown) <= set(all_pages(synced_profile, only_number, Sort()))
    assert count_orders(synced_profile, OrderFilter(text="没有这种东西")) == 0


@pytest.mark.parametrize("column", list(SortColumn))
@pytest.mark.parametrize("descending", [True, False])
def test_an_order_s_position_is_where_the_pages_put_it(
    synced_profile: Profile, column: SortColumn, descending: bool
) -> None:
    for order_no in direct(synced_profile, 'SELECT order_no FROM "order" ORDER BY id LIMIT 5'):
        review_order(synced_profile, order_no, reviewed=True, flag="follow_up")
    for f in (OrderFilter(), OrderFilter(status="paid"), OrderFilter(store=OWN_STORE)):
        sort = Sort(column, descending)
        ids = all_pages(synced_profile, f, sort, size=500)
        sample = ids[:3] + ids[len(ids) // 2 : len(ids) // 2 + 3] + ids[-3:]
        for order_id in sample:
            assert order_table.position_of(synced_profile, f, sort, order_id) == ids.index(order_id)
    outside = direct(synced_profile, "SELECT id FROM \"order\" WHERE status != 'paid' LIMIT 1")[0]
    assert (
        order_table.position_of(synced_profile, OrderFilter(status="paid"), Sort(), outside) is None
    )
