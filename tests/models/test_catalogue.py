"""The catalogue's services against what SQL says of the same rows."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest

from models.errors import InvalidInput
from models.profile import Profile
from models.services.catalogue import (
    CatalogueFilter,
    ProductSort,
    Sort,
    UnknownProduct,
    count_products,
    fetch_products,
    pick_product,
    picked_count,
    product_cards,
    product_detail,
)
from models.services.catalogue_events import (
    EventPhase,
    brand_choices,
    event_counts,
    sale_event,
    sale_events,
)
from tests.models.test_catalogue_shop import CatalogueRows, catalogue_profile

NOW = 1_800_000_000


@pytest.fixture(scope="module")
def shop_template(
    tmp_path_factory: pytest.TempPathFactory,
) -> tuple[Path, CatalogueRows]:
    folder = tmp_path_factory.mktemp("catalogue") / "shop"
    profile, rows = catalogue_profile(folder, 1_200, NOW)
    profile.close()
    return folder, rows


@pytest.fixture
def shop(
    shop_template: tuple[Path, CatalogueRows], tmp_path: Path
) -> Iterator[tuple[Profile, CatalogueRows]]:
    """A copy of one catalogue shop, for this test to change as it likes."""
    template, rows = shop_template
    shutil.copytree(template, tmp_path / "shop")
    profile = Profile.open(tmp_path / "shop")
    yield profile, rows
    profile.close()


def sql(profile: Profile, query: str, *args: object) -> list[tuple[object, ...]]:
    with sqlite3.connect(profile.db_path) as conn:
        return conn.execute(query, args).fetchall()


STOCK = "(SELECT coalesce(sum(stock), 0) FROM sku WHERE sku.product_id = p.id)"
CASES = [
    (CatalogueFilter(), Sort(), "1", "p.sales_count DESC, p.id DESC"),
    (
        CatalogueFilter(category="时尚女装"),
        Sort(ProductSort.PRICE, descending=False),
        "p.category = '时尚女装'",
        "p.retail_price_cents, p.id",
    ),
    (
        CatalogueFilter(min_price_cents=10_000, max_price_cents=30_000),
        Sort(ProductSort.COMMISSION),
        "p.retail_price_cents BETWEEN 10000 AND 30000",
        "p.commission_rate_bp DESC, p.id DESC",
    ),
    (
        CatalogueFilter(min_commission_bp=2_000, in_stock=True),
        Sort(ProductSort.STOCK),
        f"p.commission_rate_bp >= 2000 AND {STOCK} > 0",
        f"{STOCK} DESC, p.id DESC",
    ),
    (
        CatalogueFilter(brand_id=3),
        Sort(ProductSort.NEWEST),
        "p.brand_id = 3",
        "p.created_at DESC, p.id DESC",
    ),
    (
        CatalogueFilter(sale_event_id=7),
        Sort(ProductSort.TITLE, descending=False),
        "p.sale_event_id = 7",
        "p.title, p.id",
    ),
    (
        CatalogueFilter(category="美妆个护"),
        Sort(ProductSort.BRAND, descending=False),
        "p.category = '美妆个护'",
        "(SELECT name FROM brand WHERE brand.id = p.brand_id), p.id",
    ),
]


@pytest.mark.parametrize(("f", "sort", "where", "order"), CASES)
def test_products_come_in_the_order_and_number_sql_says(
    shop: tuple[Profile, CatalogueRows], f: CatalogueFilter, sort: Sort, where: str, order: str
) -> None:
    profile, _rows = shop
    expected = [
        i for (i,) in sql(profile, f"SELECT p.id FROM product p WHERE {where} ORDER BY {order}")
    ]
    assert expected, "the case must show something"
    assert count_products(profile, f) == len(expected)
    shown: list[int] = []
    offset = 0
    while offset < len(expected):
        page = fetch_products(profile, f, sort, limit=100, offset=offset)
        shown.extend(card.id for card in page)
        offset += 100
    assert shown == expected


def test_a_card_has_the_figures_of_its_rows(shop: tuple[Profile, CatalogueRows]) -> None:
    profile, rows = shop
    card = product_cards(profile, [42])[0]
    product = rows.products[41]
    skus = [s for s in rows.skus if s["product_id"] == 42]
    brand = rows.brands[product["brand_id"] - 1]
    assert (card.title, card.brand_name, card.category) == (
        product["title"],
        brand["name"],
        product["category"],
    )
    assert card.stock == sum(s["stock"] for s in skus)
    assert (
        card.commission_cents
        == product["retail_price_cents"] * product["commission_rate_bp"] // 10_000
    )
    assert not card.picked
    assert card.pick_sync == ""


def test_search_finds_words_of_titles_and_brands(shop: tuple[Profile, CatalogueRows]) -> None:
    profile, rows = shop
    dresses = CatalogueFilter(text="连衣裙")
    expected = {p["id"] for p in rows.products if "连衣裙" in p["title"]}
    found = {c.id for c in fetch_products(profile, dresses, Sort(), limit=1_000)}
    assert found == expected
    assert expected
    brand = rows.brands[4]
    by_brand = fetch_products(profile, CatalogueFilter(text=brand["name"]), Sort(), limit=1_000)
    assert {c.id for c in by_brand} == {
        p["id"] for p in rows.products if p["brand_id"] == brand["id"]
    }
    both = CatalogueFilter(text=f"连衣裙 {brand['name'][:2]}")
    assert {c.id for c in fetch_products(profile, both, Sort(), limit=1_000)} <= expected
    for odd in ('"', "100%", "a_b", "*", "😀", "OR"):
        assert count_products(profile, CatalogueFilter(text=odd)) >= 0


def test_a_page_is_asked_for_sensibly(shop: tuple[Profile, CatalogueRows]) -> None:
    profile, _rows = shop
    with pytest.raises(InvalidInput):
        fetch_products(profile, CatalogueFilter(), Sort(), limit=0)
    with pytest.raises(InvalidInput):
        fetch_products(profile, CatalogueFilter(), Sort(), limit=10, offset=-1)
    assert fetch_products(profile, CatalogueFilter(), Sort(), limit=10, offset=10**6) == []


def test_the_detail_lists_the_skus_and_the_event(shop: tuple[Profile, CatalogueRows]) -> None:
    profile, rows = shop
    product = next(p for p in rows.products if p["sale_event_id"] is not None)
    detail = product_detail(profile, product["id"])
    assert detail is not None
    expected = sql(
        profile,
        "SELECT id, spec, stock, supply_price_cents, retail_price_cents, commission_cents "
        "FROM sku WHERE product_id = ? ORDER BY id",
        product["id"],
    )
    assert [
        (s.id, s.spec, s.stock, s.supply_price_cents, s.retail_price_cents, s.commission_cents)
        for s in detail.skus
    ] == expected
    assert detail.sale_event is not None
    assert detail.sale_event.id == product["sale_event_id"]
    assert product_detail(profile, 10**9) is None


def test_picking_writes_the_pick_and_its_outbox_entry(
    shop: tuple[Profile, CatalogueRows],
) -> None:
    profile, _rows = shop
    state = pick_product(profile, 5, True, now=NOW)
    pick_product(profile, 9, True, now=NOW)
    pick_product(profile, 9, False, now=NOW + 1)
    assert sql(profile, "SELECT product_id, picked FROM product_pick ORDER BY product_id") == [
        (5, 1),
        (9, 0),
    ]
    outbox = sql(profile, "SELECT id, kind, entity_key, payload, status FROM outbox")
    assert [(k, key, st) for _i, k, key, _p, st in outbox] == [
        ("product_pick.set", "5", "pending"),
        ("product_pick.set", "9", "pending"),
        ("product_pick.set", "9", "pending"),
    ]
    assert outbox[0][0] == state.mutation_id
    assert orjson.loads(str(outbox[2][3])) == {"product_id": 9, "picked": False}
    mine = fetch_products(profile, CatalogueFilter(picked_only=True), Sort(), limit=10)
    assert [(c.id, c.picked, c.pick_sync) for c in mine] == [(5, True, "pending")]
    assert picked_count(profile) == 1


def test_an_unknown_product_is_refused_and_nothing_written(
    shop: tuple[Profile, CatalogueRows],
) -> None:
    profile, _rows = shop
    with pytest.raises(UnknownProduct):
        pick_product(profile, 10**9, True)
    assert sql(profile, "SELECT count(*) FROM outbox") == [(0,)]
    assert sql(profile, "SELECT count(*) FROM product_pick") == [(0,)]


def test_a_refused_pick_says_why(shop: tuple[Profile, CatalogueRows]) -> None:
    profile, _rows = shop
    pick_product(profile, 11, True, now=NOW)
    with sqlite3.connect(profile.db_path) as conn:
        conn.execute("UPDATE outbox SET status = 'rejected', reject_reason = 'sold out for good'")
    detail = product_detail(profile, 11)
    assert detail is not None
    assert detail.card.pick_sync == "rejected"
    assert detail.reject_reason == "sold out for good"


@pytest.mark.parametrize(
    ("phase", "where", "order"),
    [
        (EventPhase.CURRENT, "starts_at <= :now AND ends_at > :now", "ends_at, id"),
        (EventPhase.UPCOMING, "starts_at > :now", "starts_at, id"),
        (EventPhase.ENDED, "ends_at <= :now", "ends_at DESC, id DESC"),
    ],
)
def test_sale_events_of_each_phase(
    shop: tuple[Profile, CatalogueRows], phase: EventPhase, where: str, order: str
) -> None:
    profile, _rows = shop
    with sqlite3.connect(profile.db_path) as conn:
        expected = conn.execute(
            "SELECT e.id, (SELECT count(*) FROM product p WHERE p.sale_event_id = e.id) "
            f"FROM sale_event e WHERE {where} AND category = '母婴童装' ORDER BY {order}",
            {"now": NOW},
        ).fetchall()
    events = sale_events(profile, phase, now=NOW, category="母婴童装")
    assert [(e.id, e.product_count) for e in events] == expected
    assert all(e.phase(NOW) is phase for e in events)
    assert event_counts(profile, now=NOW, category="母婴童装")[phase] == len(expected)
    one = sale_event(profile, events[0].id)
    assert one == events[0]


def test_events_of_one_brand(shop: tuple[Profile, CatalogueRows]) -> None:
    profile, _rows = shop
    every = [e for phase in EventPhase for e in sale_events(profile, phase, now=NOW, brand_id=2)]
    assert sorted(e.id for e in every) == [
        i for (i,) in sql(profile, "SELECT id FROM sale_event WHERE brand_id = 2 ORDER BY id")
    ]
    assert sale_event(profile, 10**9) is None


def test_brand_choices_of_a_category(shop: tuple[Profile, CatalogueRows]) -> None:
    profile, _rows = shop
    expected = sql(
        profile,
        "SELECT id, name FROM brand WHERE category = '食品生鲜' "
        "AND id IN (SELECT brand_id FROM product) ORDER BY name, id",
    )
    assert [(b.id, b.name) for b in brand_choices(profile, "食品生鲜")] == expected
    assert (
        len(brand_choices(profile))
        == sql(profile, "SELECT count(DISTINCT brand_id) FROM product")[0][0]
    )


@pytest.mark.parametrize("key", [ProductSort.PRICE, ProductSort.COMMISSION, ProductSort.SALES])
def test_the_offered_sorts_read_an_index_not_a_sort(
    shop: tuple[Profile, CatalogueRows], key: ProductSort
) -> None:
    profile, _rows = shop
    from models.services.catalogue import _ids_query

    query = _ids_query(CatalogueFilter(), Sort(key)).limit(100).offset(5_000)
    with profile.read() as s:
        compiled = query.compile(s.get_bind(), compile_kwargs={"literal_binds": True})
        plan = " ".join(
            str(r[-1]) for r in s.connection().exec_driver_sql(f"EXPLAIN QUERY PLAN {compiled}")
        )
    assert "TEMP B-TREE" not in plan
    assert "USING" in plan
    assert "INDEX" in plan
