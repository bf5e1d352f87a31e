"""Every table workspace keeps the owner's place through a refresh: the row she is on (by id),
where it is on screen, and the open detail."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QItemSelectionModel
from PySide6.QtWidgets import QAbstractItemView
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.catalogue.product_views import LIST
from gui.catalogue.workspace import CatalogueWorkspace
from gui.customers.workspace import CustomersWorkspace
from gui.managers.workspace import ManagersWorkspace
from gui.releases.workspace import ReleasesWorkspace
from gui.workspace import Workspace
from models.changes import Changes
from models.profile import Profile
from tests.models.test_catalogue_shop import CatalogueShop, catalogue_shop, catalogue_template

__all__ = ["catalogue_shop", "catalogue_template"]

Place = tuple[int | None, int]


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)


def open_page(qtbot: QtBot, page: Workspace) -> None:
    qtbot.addWidget(page)
    page.resize(1200, 700)
    page.show()
    settle(qtbot)
    settle(qtbot)


def go_to(qtbot: QtBot, view: QAbstractItemView, row: int) -> None:
    index = view.model().index(row, 0)
    view.selectionModel().setCurrentIndex(
        index,
        QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows,
    )
    view.scrollTo(index, QAbstractItemView.ScrollHint.PositionAtCenter)
    settle(qtbot)


def place(view: QAbstractItemView, id_at: Callable[[int], int | None]) -> Place:
    current = view.currentIndex()
    return id_at(current.row()), view.visualRect(current).top()


def keeps_place(
    qtbot: QtBot,
    page: Workspace,
    view: QAbstractItemView,
    id_at: Callable[[int], int | None],
    *,
    scrolled: bool = True,
) -> None:
    rows = view.model().rowCount()
    assert rows >= 3
    go_to(qtbot, view, rows // 2)
    before = place(view, id_at)
    assert before[0] is not None
    if scrolled:
        assert before[1] > 0, "the row is below the top of the view"
    page.take_changes(Changes.everything())
    settle(qtbot)
    settle(qtbot)
    assert place(view, id_at) == before


def test_the_catalogue_keeps_the_current_product(
    qtbot: QtBot, qtmodeltester: ModelTester, catalogue_shop: CatalogueShop
) -> None:
    page = CatalogueWorkspace(catalogue_shop.profile)
    open_page(qtbot, page)
    page.show_view(LIST)
    qtmodeltester.check(page.model)  # type: ignore[no-untyped-call]
    keeps_place(qtbot, page, page.table, page.model.id_at)
    card = page.current_card()
    assert card is not None
    assert page.detail.product_id() == card.id
    page.pictures.cancel()
    page.detail_pictures.cancel()
    settle(qtbot)


def test_customers_keep_the_current_customer(
    qtbot: QtBot, qtmodeltester: ModelTester, synced_profile: Profile
) -> None:
    page = CustomersWorkspace(synced_profile)
    open_page(qtbot, page)
    qtmodeltester.check(page.model)  # type: ignore[no-untyped-call]
    keeps_place(qtbot, page, page.table, page.model.id_at)


def test_the_managers_keep_the_current_manager(qtbot: QtBot, synced_profile: Profile) -> None:
    page = ManagersWorkspace(synced_profile)
    open_page(qtbot, page)

    def id_at(row: int) -> int | None:
        line = page.model.line_at(row)
        return line.id if line is not None else None

    keeps_place(qtbot, page, page.table, id_at, scrolled=False)
    line = page.current_line()
    assert line is not None
    assert page.detail.detail is not None
    assert page.detail.detail.id == line.id


def test_the_release_queue_keeps_the_current_request(qtbot: QtBot, synced_profile: Profile) -> None:
    page = ReleasesWorkspace(synced_profile)
    open_page(qtbot, page)

    def id_at(row: int) -> int | None:
        request = page.queue_model.row_at(row)
        return request.id if request is not None else None

    keeps_place(qtbot, page, page.queue, id_at, scrolled=False)
