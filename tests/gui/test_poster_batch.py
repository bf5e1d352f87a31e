"""Choosing the products of a poster batch as the owner does: results as she types, several
words, "no results", nothing ticked for her, tick all or none, ticks kept across searches; the
poster's language on its own; pictures fetched side by side and let go page by page."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QInputMethodEvent
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.posters.batch import ProductBatch
from gui.posters.controls import PRODUCT
from gui.posters.pages import AHEAD_PICTURES
from gui.posters.render import PosterJob, write_pdf
from gui.posters.studio import PosterStudio
from models.images import PictureCache
from models.profile import Profile
from models.services.posters import product_subjects
from tests.gui.test_posters import decoded, pdf_pages_as_pictures, pdf_text
from tests.models.test_catalogue_shop import (
    CatalogueRows,
    catalogue_profile,
    picture_server,
    point_at,
    product_lookup,
)

PRODUCTS = 1_200  # twenty brands, a few of each category


@pytest.fixture
def shop(tmp_path: Path) -> Iterator[tuple[Profile, CatalogueRows]]:
    profile, rows = catalogue_profile(tmp_path / "shop", PRODUCTS, int(time.time()))
    yield profile, rows
    profile.close()


@pytest.fixture
def batch(qtbot: QtBot, shop: tuple[Profile, CatalogueRows]) -> ProductBatch:
    widget = ProductBatch(shop[0])
    qtbot.addWidget(widget)
    widget.resize(360, 600)
    widget.show()
    return widget


def titles_with(profile: Profile, *words: str) -> set[int]:
    """The products whose title has every word, straight from the table."""
    query = "SELECT id FROM product WHERE " + " AND ".join("title LIKE ?" for _ in words)
    with sqlite3.connect(profile.db_path) as conn:
        return {i for (i,) in conn.execute(query, [f"%{w}%" for w in words])}


def type_words(qtbot: QtBot, batch: ProductBatch, text: str) -> None:
    """Type as an input method commits Chinese, then wait for the list as the owner would."""
    batch.search.setFocus()
    batch.search.clear()
    event = QInputMethodEvent("", [])
    event.setCommitString(text)
    with qtbot.waitSignal(batch.listed, timeout=10_000):
        QApplication.sendEvent(batch.search, event)
        assert batch.searching()  # nothing asked yet: the search waits for a pause
    qtbot.waitUntil(lambda: not tasks.running(), timeout=10_000)


def listed(batch: ProductBatch) -> list[int]:
    return [
        int(batch.list.item(r).data(Qt.ItemDataRole.UserRole)) for r in range(batch.list.count())
    ]


def test_results_come_as_the_owner_types_and_nothing_is_ticked_for_her(
    qtbot: QtBot, batch: ProductBatch, shop: tuple[Profile, CatalogueRows]
) -> None:
    profile = shop[0]
    type_words(qtbot, batch, "连衣裙")
    expected = titles_with(profile, "连衣裙")
    assert expected
    assert set(listed(batch)) == expected
    assert batch.chosen_ids() == []
    assert all(
        batch.list.item(r).checkState() == Qt.CheckState.Unchecked
        for r in range(batch.list.count())
    )
    assert batch.found_label.text() == f"{len(expected)} products found"
    assert batch.summary.text() == "Tick the products to make posters of."


def test_several_words_narrow_the_list(
    qtbot: QtBot, batch: ProductBatch, shop: tuple[Profile, CatalogueRows]
) -> None:
    profile, rows = shop
    brand = next(
        p["title"][1 : p["title"].index("】")] for p in rows.products if "连衣裙" in p["title"]
    )
    type_words(qtbot, batch, f"{brand} 连衣裙")
    expected = titles_with(profile, brand, "连衣裙")
    assert expected
    assert set(listed(batch)) == expected
    assert len(expected) < len(titles_with(profile, "连衣裙"))
    # A full-width space, as a Chinese input method types it, separates words too.
    type_words(qtbot, batch, f"连衣裙\u3000{brand}")
    assert set(listed(batch)) == expected


def test_a_search_that_finds_nothing_says_so(qtbot: QtBot, batch: ProductBatch) -> None:
    type_words(qtbot, batch, "潜水艇")
    assert batch.results.currentWidget() is batch.empty
    assert batch.empty.text() == "No products match “潜水艇”."
    assert not batch.tick_all.isEnabled()


def test_tick_all_and_none_and_ticks_kept_across_searches(
    qtbot: QtBot, batch: ProductBatch, shop: tuple[Profile, CatalogueRows]
) -> None:
    profile = shop[0]
    type_words(qtbot, batch, "连衣裙")
    dresses = listed(batch)
    with qtbot.waitSignal(batch.changed):
        batch.tick_all.click()
    assert batch.chosen_ids() == dresses
    assert batch.summary.text() == f"{len(dresses)} products ticked"

    type_words(qtbot, batch, "面膜")
    masks = listed(batch)
    assert masks
    assert not set(masks) & set(dresses)
    with qtbot.waitSignal(batch.changed):
        batch.list.item(0).setCheckState(Qt.CheckState.Checked)
    assert batch.chosen_ids() == [*dresses, masks[0]]

    type_words(qtbot, batch, "连衣裙")  # back again: her ticks are still there
    assert all(
        batch.list.item(r).checkState() == Qt.CheckState.Checked for r in range(batch.list.count())
    )
    with qtbot.waitSignal(batch.changed):
        batch.tick_none.click()
    assert batch.chosen_ids() == []
    assert not batch.tick_none.isEnabled()
    assert titles_with(profile, "面膜")


def test_the_studio_prints_the_shop_s_language_whatever_the_desk_speaks(
    qtbot: QtBot, shop: tuple[Profile, CatalogueRows], tmp_path: Path
) -> None:
    profile = shop[0]
    studio = PosterStudio(profile)
    qtbot.addWidget(studio)
    with qtbot.waitSignal(studio.preview_shown, timeout=20_000):
        studio.show()
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    assert studio.controls.language.currentData() == "zh_CN"  # the desk is in English
    assert studio.controls.language.currentText() == "简体中文"
    with qtbot.waitSignal(studio.preview_shown, timeout=20_000):
        studio.show_products([1])
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    assert studio.controls.kind.currentIndex() == PRODUCT

    def export(name: str) -> str:
        pdf = tmp_path / name
        with qtbot.waitSignal(studio.local_action_done, timeout=20_000):
            assert studio.export_pdf(pdf) is not None
        qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
        return pdf_text(pdf)

    chinese = export("chinese.pdf")
    assert "扫码购买" in chinese
    assert "Scan to buy" not in chinese
    with qtbot.waitSignal(studio.preview_shown, timeout=20_000):
        studio.controls.language.setCurrentIndex(studio.controls.language.findData("en"))
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    english = export("english.pdf")
    assert "Scan to buy" in english
    assert "扫码购买" not in english


def test_a_chinese_desk_can_print_english_posters(
    qapp: QApplication, shop: tuple[Profile, CatalogueRows], tmp_path: Path
) -> None:
    i18n.install(qapp, "zh_CN")
    subjects = tuple(product_subjects(shop[0], [1]))
    pdf = tmp_path / "english.pdf"
    write_pdf(PosterJob(subjects, "a4", language="en"), pdf)
    assert "Scan to buy" in pdf_text(pdf)
    write_pdf(PosterJob(subjects, "a4"), pdf)
    assert "扫码购买" in pdf_text(pdf)


def test_pictures_come_side_by_side_and_go_page_by_page(
    shop: tuple[Profile, CatalogueRows], tmp_path: Path
) -> None:
    profile, rows = shop
    ids = [p["id"] for p in rows.products[:80]]
    held: list[int] = []
    with picture_server(product_lookup(rows), delay=0.05) as served:
        point_at(profile, served.url)
        subjects = tuple(product_subjects(profile, ids))
        job = PosterJob(subjects, "labels")
        pdf = tmp_path / "labels.pdf"
        cache = PictureCache.for_profile(profile)
        with cache.session(job.picture_size()) as pictures:
            write_pdf(
                job, pdf, pictures=pictures, progress=lambda _d, _t: held.append(pictures.held())
            )
        assert served.most_in_flight > 1
        assert len(served.requests) == len(ids)
    assert max(held) <= AHEAD_PICTURES + job.paper.per_page
    pages = pdf_pages_as_pictures(pdf)
    assert len(pages) == 10
    assert decoded(pages[0]) == sorted(s.link for s in subjects[:8])
    # Fetched once, kept on disk: the next export asks the platform for nothing.
    assert all(cache.stored(i, job.picture_size()) for i in ids)
