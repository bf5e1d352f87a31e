"""Product pictures in the catalogue: fetched off the GUI thread, a placeholder until they come."""

from __future__ import annotations

import threading
from collections.abc import Iterable, Iterator

import pytest
from PySide6.QtGui import QPixmap
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.catalogue.pictures import MAX_WANTED, PictureLoader
from gui.catalogue.product_model import PICTURE_ROLE
from gui.catalogue.workspace import CatalogueWorkspace
from models import wire
from models.images import GRID_SIZE, PictureCache
from tests.models.test_catalogue_shop import (
    CatalogueShop,
    PictureServer,
    catalogue_shop,
    catalogue_template,
    picture_server,
    point_at,
    product_lookup,
)

__all__ = ["catalogue_shop", "catalogue_template"]


def settle(qtbot: QtBot, *loaders: PictureLoader) -> None:
    """Until no work runs and no loader is about to ask for pictures."""

    def idle() -> bool:
        return not tasks.running() and not any(loader.busy() for loader in loaders)

    qtbot.waitUntil(idle, timeout=20_000)


class ThreadRecorder:
    """Wraps a cache's batch fetch to note the threads it ran on."""

    def __init__(self, cache: PictureCache) -> None:
        self.threads: set[int] = set()
        self.asked: list[int] = []
        self._pictures = cache.pictures
        cache.pictures = self  # type: ignore[method-assign]

    def __call__(
        self, product_ids: Iterable[int], size: int = GRID_SIZE, **options: object
    ) -> dict[int, bytes | None]:
        self.threads.add(threading.get_ident())
        ids = list(product_ids)
        self.asked.extend(ids)
        return self._pictures(ids, size, **options)  # type: ignore[arg-type]


@pytest.fixture
def served(catalogue_shop: CatalogueShop) -> Iterator[PictureServer]:
    with picture_server(product_lookup(catalogue_shop.rows), delay=0.05) as server:
        point_at(catalogue_shop.profile, server.url)
        yield server


def is_placeholder(shown: object, loader: PictureLoader) -> bool:
    return isinstance(shown, QPixmap) and shown.cacheKey() == loader.placeholder().cacheKey()


def open_workspace(qtbot: QtBot, shop: CatalogueShop) -> CatalogueWorkspace:
    ws = CatalogueWorkspace(shop.profile)
    qtbot.addWidget(ws)
    ws.resize(1200, 720)
    return ws


def test_pictures_arrive_in_the_background_after_a_placeholder(
    qtbot: QtBot, catalogue_shop: CatalogueShop, served: PictureServer
) -> None:
    ws = open_workspace(qtbot, catalogue_shop)
    recorder = ThreadRecorder(ws.picture_cache)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    first = ws.model.index(0, 0)
    assert is_placeholder(first.data(PICTURE_ROLE), ws.pictures)
    card = ws.current_card()
    assert card is not None
    qtbot.waitUntil(lambda: ws.pictures.pixmap(card.id) is not None, timeout=20_000)
    settle(qtbot, ws.pictures, ws.detail_pictures)
    picture = first.data(PICTURE_ROLE)
    assert isinstance(picture, QPixmap)
    assert not is_placeholder(picture, ws.pictures)
    assert not picture.isNull()
    settle(qtbot)
    assert recorder.threads
    assert threading.get_ident() not in recorder.threads
    # Only what the grid shows was asked for, not the whole catalogue.
    assert 0 < len(set(recorder.asked)) < 60
    request = served.requests[0]
    assert request[wire.PROTOCOL_HEADER.lower()] == str(wire.PROTOCOL_VERSION)
    assert request["authorization"] == "Bearer token-of-demo7"
    # The detail pane shows the same product bigger, through its own loader.
    qtbot.waitUntil(lambda: ws.detail_pictures.pixmap(card.id) is not None, timeout=20_000)
    settle(qtbot, ws.pictures, ws.detail_pictures)
    assert ws.detail.picture.pixmap().width() > picture.width()


def test_pictures_are_kept_on_disk(
    qtbot: QtBot, catalogue_shop: CatalogueShop, served: PictureServer
) -> None:
    ws = open_workspace(qtbot, catalogue_shop)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    card = ws.current_card()
    assert card is not None
    qtbot.waitUntil(lambda: ws.pictures.pixmap(card.id) is not None, timeout=20_000)
    settle(qtbot, ws.pictures, ws.detail_pictures)
    asked = len(served.requests)
    again = open_workspace(qtbot, catalogue_shop)
    with qtbot.waitSignal(again.model.loaded, timeout=20_000):
        again.show()
    qtbot.waitUntil(lambda: again.pictures.pixmap(card.id) is not None, timeout=20_000)
    settle(qtbot, again.pictures, again.detail_pictures)
    assert f"/v1/images/product/{card.id}.png" not in served.paths()[asked:]
    assert (catalogue_shop.profile.folder / "images").is_dir()


def test_without_a_platform_the_placeholder_stays(
    qtbot: QtBot, catalogue_shop: CatalogueShop
) -> None:
    ws = open_workspace(qtbot, catalogue_shop)  # signed in to an unreachable platform
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    settle(qtbot, ws.pictures, ws.detail_pictures)
    card = ws.current_card()
    assert card is not None
    assert ws.pictures.pixmap(card.id) is None
    assert is_placeholder(ws.model.index(0, 0).data(PICTURE_ROLE), ws.pictures)
    assert not tasks.running()  # a failed picture is not asked for again at once
    assert ws.picture_cache.fetches <= 1  # the cache went quiet after the first refusal


def test_a_fast_scroll_asks_only_for_what_is_still_wanted(
    qtbot: QtBot, catalogue_shop: CatalogueShop, served: PictureServer
) -> None:
    cache = PictureCache.for_profile(catalogue_shop.profile)
    recorder = ThreadRecorder(cache)
    loader = PictureLoader(cache, 100)
    for product_id in range(1, 401):
        assert loader.pixmap(product_id) is None
    settle(qtbot, loader)
    asked = set(recorder.asked)
    assert len(asked) <= MAX_WANTED
    assert {400, 399, 398} <= asked  # the newest wishes come first
    # Those scrolled past before the view settled were forgotten.
    assert not asked & set(range(1, 401 - MAX_WANTED))
    assert loader.pixmap(400) is not None
