"""The catalogue's item models: Qt's model tester, and the rows they show against SQL."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.catalogue.event_model import SaleEventListModel
from gui.catalogue.pictures import PictureLoader
from gui.catalogue.product_model import (
    CARD_ROLE,
    COLUMNS,
    PAGE,
    PICTURE_ROLE,
    ProductTableModel,
)
from gui.catalogue.sku_model import SkuTableModel
from models.images import PictureCache
from models.services.catalogue import (
    CatalogueFilter,
    ProductCard,
    ProductSort,
    Sort,
    product_detail,
)
from models.services.catalogue_events import EventPhase, sale_events
from tests.models.test_catalogue_shop import (
    CatalogueShop,
    catalogue_shop,
    catalogue_template,
)

__all__ = ["catalogue_shop", "catalogue_template"]


def settle(qtbot: QtBot, *loaders: PictureLoader) -> None:
    """Until no work runs and no loader is about to ask for pictures."""

    def idle() -> bool:
        return not tasks.running() and not any(loader.busy() for loader in loaders)

    qtbot.waitUntil(idle, timeout=20_000)


def product_model(shop: CatalogueShop) -> ProductTableModel:
    loader = PictureLoader(PictureCache.for_profile(shop.profile), 120)
    model = ProductTableModel(shop.profile, loader)
    loader.setParent(model)
    return model


def every_card(qtbot: QtBot, model: ProductTableModel) -> list[ProductCard]:
    """Ask for every row as a scrolling view would, waiting for pages to arrive."""
    cards: list[ProductCard] = []
    for position in range(model.rowCount()):

        def arrived(p: int = position) -> bool:
            return model.card_at(p) is not None

        qtbot.waitUntil(arrived, timeout=10_000)
        card = model.card_at(position)
        assert card is not None
        cards.append(card)
    settle(qtbot, model.pictures)
    return cards


def test_the_product_model_passes_the_model_tester(
    qtbot: QtBot, qtmodeltester: ModelTester, catalogue_shop: CatalogueShop
) -> None:
    model = product_model(catalogue_shop)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(CatalogueFilter(category="时尚女装"), Sort(ProductSort.PRICE))
    settle(qtbot, model.pictures)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    settle(qtbot, model.pictures)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    settle(qtbot, model.pictures)


@pytest.mark.parametrize(
    "case",
    [
        (CatalogueFilter(), Sort(), "1", "sales_count DESC, id DESC"),
        (
            CatalogueFilter(min_commission_bp=1_500, in_stock=True),
            Sort(ProductSort.PRICE, descending=False),
            "commission_rate_bp >= 1500 "
            "AND EXISTS (SELECT 1 FROM sku WHERE sku.product_id = p.id AND stock > 0)",
            "retail_price_cents, id",
        ),
        (
            CatalogueFilter(category="美妆个护", max_price_cents=20_000),
            Sort(ProductSort.COMMISSION),
            "category = '美妆个护' AND retail_price_cents <= 20000",
            "commission_rate_bp DESC, id DESC",
        ),
    ],
)
def test_the_products_shown_are_what_sql_says(
    qtbot: QtBot, catalogue_shop: CatalogueShop, case: tuple[CatalogueFilter, Sort, str, str]
) -> None:
    f, sort, where, order = case
    model = product_model(catalogue_shop)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(f, sort)
    shown = [c.id for c in every_card(qtbot, model)]
    expected = [
        i for (i,) in catalogue_shop.sql(f"SELECT id FROM product p WHERE {where} ORDER BY {order}")
    ]
    assert shown == expected
    if f == CatalogueFilter():
        assert model.rowCount() > PAGE


def test_a_row_shows_the_products_figures(qtbot: QtBot, catalogue_shop: CatalogueShop) -> None:
    model = product_model(catalogue_shop)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.set_query(CatalogueFilter(), Sort(ProductSort.PRICE, descending=True))
    ((product_id, title, retail, rate),) = catalogue_shop.sql(
        "SELECT id, title, retail_price_cents, commission_rate_bp FROM product "
        "ORDER BY retail_price_cents DESC, id DESC LIMIT 1"
    )
    texts = [model.index(0, c).data() for c in range(len(COLUMNS))]
    assert texts[COLUMNS.index(ProductSort.TITLE)] == title
    assert texts[COLUMNS.index(ProductSort.PRICE)] == f"¥{retail // 100:,}.{retail % 100:02d}"
    commission = retail * rate // 10_000
    assert texts[COLUMNS.index(ProductSort.COMMISSION)].endswith(
        f"¥{commission // 100:,}.{commission % 100:02d}"
    )
    card = model.index(0, 0).data(CARD_ROLE)
    assert isinstance(card, ProductCard)
    assert card.id == product_id
    # No picture can be had from an unreachable platform: the drawn placeholder stands in.
    assert model.index(0, 0).data(PICTURE_ROLE) is not None
    settle(qtbot, model.pictures)


def test_the_sort_follows_the_header(qtbot: QtBot, catalogue_shop: CatalogueShop) -> None:
    model = product_model(catalogue_shop)
    with qtbot.waitSignal(model.loaded, timeout=20_000):
        model.sort(COLUMNS.index(ProductSort.SALES), Qt.SortOrder.AscendingOrder)
    assert model.product_sort == Sort(ProductSort.SALES, descending=False)
    first = model.card_at(0)
    assert first is not None
    assert first.sales_count == catalogue_shop.sql("SELECT min(sales_count) FROM product")[0][0]
    settle(qtbot, model.pictures)


def test_the_event_model_passes_the_model_tester_and_shows_sql_rows(
    qtmodeltester: ModelTester, catalogue_shop: CatalogueShop
) -> None:
    now = catalogue_shop.now
    events = sale_events(catalogue_shop.profile, EventPhase.UPCOMING, now=now)
    model = SaleEventListModel()
    model.set_events(events, EventPhase.UPCOMING, now)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    expected = catalogue_shop.sql(
        "SELECT title FROM sale_event WHERE starts_at > ? ORDER BY starts_at, id", now
    )
    shown = [str(model.index(r).data()).split("\n")[0] for r in range(model.rowCount())]
    assert shown == [t for (t,) in expected]
    assert all("starts in" in str(model.index(r).data()) for r in range(model.rowCount()))
    assert not model.tick(now + 1)
    assert model.tick(min(e.starts_at for e in events))


def test_the_sku_model_passes_the_model_tester_and_shows_sql_rows(
    qtmodeltester: ModelTester, catalogue_shop: CatalogueShop
) -> None:
    detail = product_detail(catalogue_shop.profile, 3)
    assert detail is not None
    model = SkuTableModel()
    model.set_skus(detail.skus)
    qtmodeltester.check(model)  # type: ignore[no-untyped-call]
    expected = catalogue_shop.sql("SELECT spec, stock FROM sku WHERE product_id = 3 ORDER BY id")
    shown = [(model.index(r, 0).data(), model.index(r, 1).data()) for r in range(model.rowCount())]
    assert shown == [(spec, f"{stock:,}") for spec, stock in expected]
