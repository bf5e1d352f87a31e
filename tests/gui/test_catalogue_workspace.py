"""The catalogue workspace as the owner uses it: by keyboard, with filters, events and picks."""

from __future__ import annotations

from collections.abc import Iterator

import orjson
import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.catalogue.pictures import PictureLoader
from gui.catalogue.product_model import COLUMNS
from gui.catalogue.product_views import GRID, LIST
from gui.catalogue.workspace import CatalogueWorkspace
from models.changes import Changes
from models.services.catalogue import ProductCard, ProductSort, Sort
from models.services.catalogue_events import SaleEventCard
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


@pytest.fixture
def workspace(qtbot: QtBot, catalogue_shop: CatalogueShop) -> Iterator[CatalogueWorkspace]:
    ws = CatalogueWorkspace(catalogue_shop.profile)
    qtbot.addWidget(ws)
    ws.resize(1200, 720)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    settle(qtbot, *loaders_of(ws))
    yield ws
    settle(qtbot, ws.pictures, ws.detail_pictures)


def loaders_of(ws: CatalogueWorkspace) -> tuple[PictureLoader, PictureLoader]:
    return ws.pictures, ws.detail_pictures


def current(ws: CatalogueWorkspace) -> ProductCard:
    card = ws.current_card()
    assert card is not None
    return card


def shown_ids(qtbot: QtBot, ws: CatalogueWorkspace) -> list[int]:
    ids = []
    for row in range(ws.model.rowCount()):

        def arrived(r: int = row) -> bool:
            return ws.model.card_at(r) is not None

        qtbot.waitUntil(arrived, timeout=10_000)
        card = ws.model.card_at(row)
        assert card is not None
        ids.append(card.id)
    settle(qtbot, *loaders_of(ws))
    return ids


def test_it_opens_on_every_product_best_sellers_first(
    workspace: CatalogueWorkspace, catalogue_shop: CatalogueShop
) -> None:
    best = catalogue_shop.sql("SELECT id FROM product ORDER BY sales_count DESC, id DESC")[0][0]
    assert workspace.model.rowCount() == len(catalogue_shop.rows.products)
    assert current(workspace).id == best
    assert workspace.heading.text() == "All products"
    assert workspace.summary.text().startswith(f"{len(catalogue_shop.rows.products):,} products")
    assert workspace.detail.detail is not None
    assert workspace.detail.detail.card.id == best


def test_arrows_walk_the_grid_and_space_picks_then_drops(
    qtbot: QtBot, workspace: CatalogueWorkspace, catalogue_shop: CatalogueShop
) -> None:
    grid = workspace.grid
    grid.setFocus()
    first = current(workspace)
    QTest.keyClick(grid, Qt.Key.Key_Right)
    second = current(workspace)
    assert second.id != first.id
    qtbot.waitUntil(
        lambda: (
            workspace.detail.detail is not None and workspace.detail.detail.card.id == second.id
        ),
        timeout=10_000,
    )
    assert workspace.detail.pick.text() == "Pick for my shop"

    QTest.keyClick(grid, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: current(workspace).picked, timeout=10_000)
    settle(qtbot, *loaders_of(workspace))
    assert current(workspace).pick_sync == "pending"
    assert workspace.detail.pick.text() == "Drop from my shop"
    assert workspace.detail.sync_state.text() == "Waiting to sync"
    assert workspace.my_picks.text() == "My picks (1)"
    outbox = catalogue_shop.sql("SELECT kind, payload FROM outbox")
    assert [(k, orjson.loads(p)) for k, p in outbox] == [
        ("product_pick.set", {"product_id": second.id, "picked": True})
    ]

    QTest.keyClick(grid, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: not current(workspace).picked, timeout=10_000)
    settle(qtbot, *loaders_of(workspace))
    assert workspace.my_picks.text() == "My picks (0)"
    assert catalogue_shop.sql("SELECT picked FROM product_pick") == [(0,)]


def test_my_picks_shows_only_the_picked(
    qtbot: QtBot, workspace: CatalogueWorkspace, catalogue_shop: CatalogueShop
) -> None:
    workspace.grid.setFocus()
    for _ in range(2):
        QTest.keyClick(workspace.grid, Qt.Key.Key_Space)
        settle(qtbot, *loaders_of(workspace))
        QTest.keyClick(workspace.grid, Qt.Key.Key_Right)
    picked = sorted(i for (i,) in catalogue_shop.sql("SELECT product_id FROM product_pick"))
    assert len(picked) == 2
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        QTest.mouseClick(workspace.my_picks, Qt.MouseButton.LeftButton)
    settle(qtbot, *loaders_of(workspace))
    assert sorted(shown_ids(qtbot, workspace)) == picked
    assert workspace.heading.text() == "My picks"
    # Dropping one from the detail pane; the list keeps it until read again.
    with qtbot.waitSignal(workspace.picks_changed, timeout=10_000):
        QTest.mouseClick(workspace.detail.pick, Qt.MouseButton.LeftButton)
    settle(qtbot, *loaders_of(workspace))
    with qtbot.waitSignal(workspace.model.reloaded, timeout=10_000):
        workspace.refresh()
    settle(qtbot, *loaders_of(workspace))
    assert len(shown_ids(qtbot, workspace)) == 1
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        QTest.mouseClick(workspace.my_picks, Qt.MouseButton.LeftButton)
    settle(qtbot, *loaders_of(workspace))
    assert workspace.model.rowCount() == len(catalogue_shop.rows.products)


def test_choosing_a_running_event_shows_its_products(
    qtbot: QtBot, workspace: CatalogueWorkspace, catalogue_shop: CatalogueShop
) -> None:
    events = workspace.events
    assert events.phase().value == "current"
    events.list.setFocus()
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        QTest.keyClick(events.list, Qt.Key.Key_Down)
    chosen = events.chosen_event()
    assert isinstance(chosen, SaleEventCard)
    assert chosen.starts_at <= catalogue_shop.now < chosen.ends_at
    expected = catalogue_shop.sql(
        "SELECT id FROM product WHERE sale_event_id = ? ORDER BY sales_count DESC, id DESC",
        chosen.id,
    )
    assert shown_ids(qtbot, workspace) == [i for (i,) in expected]
    assert workspace.heading.text() == chosen.title
    assert "ends in" in workspace.summary.text()
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        QTest.mouseClick(events.all_products, Qt.MouseButton.LeftButton)
    assert workspace.model.rowCount() == len(catalogue_shop.rows.products)
    settle(qtbot, *loaders_of(workspace))


class Clock:
    def __init__(self, now: int) -> None:
        self.now = now

    def __call__(self) -> float:
        return float(self.now)


def test_upcoming_events_count_down_and_open(qtbot: QtBot, catalogue_shop: CatalogueShop) -> None:
    clock = Clock(catalogue_shop.now)
    ws = CatalogueWorkspace(catalogue_shop.profile, clock=clock)
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.events.loaded, timeout=20_000):
        ws.show()
    events = ws.events
    with qtbot.waitSignal(events.loaded, timeout=10_000):
        events.phases.setCurrentIndex(1)
    upcoming = catalogue_shop.sql(
        "SELECT id, starts_at FROM sale_event WHERE starts_at > ? ORDER BY starts_at, id",
        clock.now,
    )
    assert [e.id for e in events.model.events] == [i for i, _s in upcoming]
    assert events.count_label.text() == f"{len(upcoming)} sale events coming up"
    first_id, starts_at = upcoming[0]
    assert "starts in" in str(events.model.index(0).data())

    clock.now = starts_at - 65
    qtbot.waitUntil(
        lambda: str(events.model.index(0).data()).endswith("starts in 01:05"), timeout=5_000
    )
    clock.now = starts_at + 1
    qtbot.waitUntil(lambda: first_id not in [e.id for e in events.model.events], timeout=5_000)
    settle(qtbot, *loaders_of(ws))
    assert events.count_label.text().startswith(f"{len(upcoming) - 1} sale event")
    ws.pictures.cancel()
    settle(qtbot, *loaders_of(ws))


def test_filters_narrow_both_products_and_events(
    qtbot: QtBot, workspace: CatalogueWorkspace, catalogue_shop: CatalogueShop
) -> None:
    filters = workspace.filters
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        filters.choose_category("家居家纺")
    settle(qtbot, *loaders_of(workspace))
    assert {e.category for e in workspace.events.model.events} == {"家居家纺"}
    brands = filters.offered_brands()
    assert brands
    assert {
        c
        for (c,) in catalogue_shop.sql(
            f"SELECT DISTINCT category FROM brand WHERE id IN ({','.join(map(str, brands))})"
        )
    } == {"家居家纺"}
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        filters.in_stock.setChecked(True)
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        filters.min_price.setValue(100)
    expected = catalogue_shop.sql(
        "SELECT id FROM product p WHERE category = '家居家纺' AND retail_price_cents >= 10000 "
        "AND EXISTS (SELECT 1 FROM sku WHERE sku.product_id = p.id AND stock > 0) "
        "ORDER BY sales_count DESC, id DESC"
    )
    assert shown_ids(qtbot, workspace) == [i for (i,) in expected]
    assert "家居家纺" in workspace.summary.text()
    assert "in stock" in workspace.summary.text()

    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        QTest.mouseClick(filters.clear, Qt.MouseButton.LeftButton)
    settle(qtbot, *loaders_of(workspace))
    assert workspace.model.rowCount() == len(catalogue_shop.rows.products)


def test_search_finds_words_typed_in_chinese(
    qtbot: QtBot, workspace: CatalogueWorkspace, catalogue_shop: CatalogueShop
) -> None:
    search = workspace.filters.search
    search.setFocus()
    search.setText("连衣裙")
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        search.returnPressed.emit()
    expected = {p["id"] for p in catalogue_shop.rows.products if "连衣裙" in p["title"]}
    assert set(shown_ids(qtbot, workspace)) == expected
    assert "matching “连衣裙”" in workspace.summary.text()
    search.setText("没有这种商品")
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        search.returnPressed.emit()
    assert workspace.model.rowCount() == 0
    assert "No product matches these filters." in workspace.summary.text()
    assert workspace.detail.detail is None
    settle(qtbot, *loaders_of(workspace))


def test_sorting_by_menu_and_by_header_agree(
    qtbot: QtBot, workspace: CatalogueWorkspace, catalogue_shop: CatalogueShop
) -> None:
    sort = workspace.sort
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        sort.setCurrentIndex(workspace.sort_choices.index((ProductSort.PRICE, False)))
        sort.activated.emit(sort.currentIndex())
    cheapest = catalogue_shop.sql("SELECT id FROM product ORDER BY retail_price_cents, id LIMIT 1")[
        0
    ][0]
    assert current(workspace).id == cheapest
    header = workspace.table.horizontalHeader()
    assert header.sortIndicatorSection() == COLUMNS.index(ProductSort.PRICE)
    workspace.show_view(LIST)
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        header.setSortIndicator(COLUMNS.index(ProductSort.COMMISSION), Qt.SortOrder.DescendingOrder)
    assert workspace.model.product_sort == Sort(ProductSort.COMMISSION, descending=True)
    assert workspace.sort_choices[sort.currentIndex()] == (ProductSort.COMMISSION, True)
    with qtbot.waitSignal(workspace.model.loaded, timeout=10_000):
        header.setSortIndicator(COLUMNS.index(ProductSort.STOCK), Qt.SortOrder.AscendingOrder)
    assert sort.currentIndex() == -1  # no menu entry: the menu says it follows the list
    settle(qtbot, *loaders_of(workspace))


def test_grid_and_list_keep_the_same_product(qtbot: QtBot, workspace: CatalogueWorkspace) -> None:
    workspace.grid.setFocus()
    QTest.keyClick(workspace.grid, Qt.Key.Key_Right)
    QTest.keyClick(workspace.grid, Qt.Key.Key_Right)
    chosen = current(workspace)
    QTest.mouseClick(workspace.list_button, Qt.MouseButton.LeftButton)
    assert workspace.views.currentIndex() == LIST
    assert workspace.table.hasFocus()
    assert workspace.table.currentIndex().row() == workspace.model.row_of(chosen.id)
    QTest.keyClick(workspace.table, Qt.Key.Key_Down)
    below = current(workspace)
    assert below.id != chosen.id
    QTest.keyClick(workspace.table, Qt.Key.Key_Space)
    qtbot.waitUntil(lambda: current(workspace).picked, timeout=10_000)
    workspace.show_view(GRID)
    assert current(workspace).id == below.id
    settle(qtbot, *loaders_of(workspace))


def test_in_chinese_the_catalogue_speaks_chinese(
    qtbot: QtBot, qapp: QApplication, catalogue_shop: CatalogueShop
) -> None:
    i18n.install(qapp, "zh_CN")
    ws = CatalogueWorkspace(catalogue_shop.profile)
    qtbot.addWidget(ws)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    settle(qtbot, *loaders_of(ws))
    assert ws.title() == "选品中心"
    assert ws.heading.text() == "全部商品"
    assert ws.my_picks.text() == "我的选品（0）"
    assert "距结束" in str(ws.events.model.index(0).data())
    assert ws.detail.pick.text() == "选入本店"
    assert QCoreApplication.translate("catalogue", "earn %1") == "赚%1"
    ws.pictures.cancel()
    settle(qtbot, *loaders_of(ws))


def test_a_sync_while_hidden_reads_again_when_shown(
    qtbot: QtBot, catalogue_shop: CatalogueShop
) -> None:
    ws = CatalogueWorkspace(catalogue_shop.profile)
    qtbot.addWidget(ws)
    ws.take_changes(Changes.of_entities("product"))  # hidden: nothing is read yet
    assert ws.is_stale()
    assert not tasks.running()
    assert ws.model.rowCount() == 0
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    assert ws.model.rowCount() == len(catalogue_shop.rows.products)
    settle(qtbot, *loaders_of(ws))
