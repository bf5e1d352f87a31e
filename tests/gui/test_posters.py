"""QR posters as the owner and her customers meet them: the code on paper and on a phone opens the
intended link, the pages come out right, the commission stays private, the studio follows the
owner's choices, and the command line does the same without a window."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
import unicodedata
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
import zxingcpp
from PIL import Image
from PySide6.QtCore import Qt
from PySide6.QtPrintSupport import QPrinter, QPrintPreviewDialog, QPrintPreviewWidget
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.posters.command import make_posters
from gui.posters.controls import PRODUCT, SHOP
from gui.posters.layouts import LAYOUTS
from gui.posters.render import (
    PosterJob,
    PosterOutputError,
    fetch_pictures,
    page_image,
    print_job,
    write_pdf,
    write_png,
)
from gui.posters.studio import PosterStudio
from gui.sync_controller import SyncController
from main import build_parser
from models import wire
from models.db import OutboxEntry, StoreManager
from models.images import PictureCache
from models.profile import Profile
from models.services.posters import PosterSubject, product_subjects, shop_subject
from models.sync.syncer import SyncOptions
from tests.gui.conftest import WhenShown
from tests.gui.test_main_window import open_window, settle
from tests.models.test_catalogue_shop import (
    CatalogueRows,
    catalogue_profile,
    picture_server,
    point_at,
    product_lookup,
)

ROOT = Path(__file__).resolve().parents[2]
PRODUCTS = 20
MANAGER_ID = 41


@pytest.fixture
def poster_shop(tmp_path: Path) -> Iterator[tuple[Profile, CatalogueRows]]:
    """A signed-in shop with a small catalogue and a store manager; its platform is away."""
    profile, rows = catalogue_profile(tmp_path / "shop", PRODUCTS, int(time.time()))
    with profile.write() as s:
        s.add(
            StoreManager(
                id=MANAGER_ID,
                name="王丽",
                phone_masked="139****1111",
                city="杭州",
                joined_at=0,
                status="active",
                current_stage_position=1,
                released_at=None,
            )
        )
    yield profile, rows
    profile.close()


@pytest.fixture
def profile(poster_shop: tuple[Profile, CatalogueRows]) -> Profile:
    return poster_shop[0]


def products(profile: Profile, n: int) -> list[PosterSubject]:
    return product_subjects(profile, list(range(1, n + 1)))


def decoded(picture: Path) -> list[str]:
    with Image.open(picture) as image:
        return sorted(r.text for r in zxingcpp.read_barcodes(image))


def pdf_pages_as_pictures(pdf: Path) -> list[Path]:
    """The PDF as a customer's phone sees it printed: pictures at 150 dpi, page by page."""
    stem = pdf.with_suffix("")
    subprocess.run(["pdftoppm", "-png", "-r", "150", str(pdf), str(stem)], check=True)
    return sorted(pdf.parent.glob(f"{stem.name}-*.png"))


def pdf_text(pdf: Path) -> str:
    done = subprocess.run(["pdftotext", str(pdf), "-"], check=True, capture_output=True, text=True)
    # Poppler reads some Han glyphs back as their Kangxi radicals (⼩ for 小); NFKC folds them.
    return unicodedata.normalize("NFKC", done.stdout)


# --- the code opens the intended link ------------------------------------------------------


@pytest.mark.parametrize("layout", ["a4", "a5", "share", "labels"])
def test_the_printed_code_opens_the_intended_link(
    profile: Profile, tmp_path: Path, layout: wire.PosterLayout
) -> None:
    subjects = products(profile, 3) if layout == "labels" else [shop_subject(profile)]
    job = PosterJob(tuple(subjects), layout)
    links = sorted(s.link for s in subjects)

    png = write_png(job, tmp_path / f"{layout}.png")
    assert png == [tmp_path / f"{layout}.png"]
    with Image.open(png[0]) as image:
        assert image.size == LAYOUTS[layout].png_pixels()
    assert decoded(png[0]) == links

    pdf = tmp_path / f"{layout}.pdf"
    assert write_pdf(job, pdf) == 1
    pages = pdf_pages_as_pictures(pdf)
    assert len(pages) == 1
    assert decoded(pages[0]) == links


def test_the_pdf_embeds_the_chinese_font(profile: Profile, tmp_path: Path) -> None:
    pdf = tmp_path / "a4.pdf"
    write_pdf(PosterJob(tuple(products(profile, 1)), "a4"), pdf)
    fonts = subprocess.run(
        ["pdffonts", str(pdf)], check=True, capture_output=True, text=True
    ).stdout.splitlines()[2:]
    cjk = [line for line in fonts if "CJK" in line]
    assert cjk, fonts
    assert all(" yes " in line for line in cjk)  # the "emb" column
    assert "小美的衣橱" in pdf_text(pdf)  # the shop's name, as text and not as a picture


def test_each_kind_of_poster_carries_its_own_attribution(profile: Profile, tmp_path: Path) -> None:
    from models.services.posters import manager_subject, sale_event_subject

    subjects = (
        shop_subject(profile),
        sale_event_subject(profile, 1),
        products(profile, 1)[0],
        manager_subject(profile, MANAGER_ID),
    )
    pdf = tmp_path / "kinds.pdf"
    assert write_pdf(PosterJob(subjects, "a5"), pdf) == 4
    found = [decoded(page) for page in pdf_pages_as_pictures(pdf)]
    assert found == [[s.link] for s in subjects]
    assert len({s.link for s in subjects}) == 4
    assert "王丽" in pdf_text(pdf)


# --- pages --------------------------------------------------------------------------------


def test_labels_fill_pages_of_eight_and_posters_take_a_page_each(
    profile: Profile, tmp_path: Path
) -> None:
    subjects = tuple(products(profile, 9))
    labels = tmp_path / "labels.pdf"
    assert write_pdf(PosterJob(subjects, "labels"), labels) == 2
    pages = pdf_pages_as_pictures(labels)
    assert len(pages) == 2
    assert decoded(pages[0]) == sorted(s.link for s in subjects[:8])
    assert decoded(pages[1]) == [subjects[8].link]

    posters = tmp_path / "posters.pdf"
    assert write_pdf(PosterJob(subjects[:3], "a4"), posters) == 3
    assert len(pdf_pages_as_pictures(posters)) == 3

    written = write_png(PosterJob(subjects, "labels"), tmp_path / "sheet.png")
    assert [p.name for p in written] == ["sheet-1.png", "sheet-2.png"]


def test_the_printer_gets_the_same_pages(profile: Profile, tmp_path: Path) -> None:
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    job = PosterJob(tuple(products(profile, 2)), "a5")
    print_job(job, printer)
    pages = pdf_pages_as_pictures(tmp_path / "printed.pdf")
    assert [decoded(p) for p in pages] == [[s.link] for s in job.subjects]


def test_a_file_that_cannot_be_written_is_an_error_and_leaves_nothing(
    profile: Profile, tmp_path: Path
) -> None:
    job = PosterJob((shop_subject(profile),), "a4")
    with pytest.raises(PosterOutputError):
        write_pdf(job, tmp_path / "missing" / "x.pdf")
    locked = tmp_path / "locked"
    locked.mkdir()
    locked.chmod(0o500)
    try:
        if os.access(locked, os.W_OK):
            pytest.skip("running as a user who may write anywhere")
        with pytest.raises(PosterOutputError):
            write_pdf(job, locked / "x.pdf")
        assert list(locked.iterdir()) == []
    finally:
        locked.chmod(0o700)


# --- the commission stays private --------------------------------------------------------


def test_the_commission_is_printed_only_when_asked(profile: Profile, tmp_path: Path) -> None:
    subjects = tuple(products(profile, 1))
    commission = subjects[0].commission_cents
    assert commission
    plain, shown = tmp_path / "plain.pdf", tmp_path / "shown.pdf"
    write_pdf(PosterJob(subjects, "a4", language="en"), plain)
    write_pdf(PosterJob(subjects, "a4", show_commission=True, language="en"), shown)
    assert "Commission" not in pdf_text(plain)
    assert "for you only" not in pdf_text(plain)
    assert "Commission" in pdf_text(shown)
    assert "for you only" in pdf_text(shown)
    chinese = tmp_path / "chinese.pdf"
    write_pdf(PosterJob(subjects, "a4", show_commission=True), chinese)
    assert "佣金" in pdf_text(chinese)
    assert "佣金" not in pdf_text(plain)

    label_plain = page_image(PosterJob(subjects, "labels"))
    label_shown = page_image(PosterJob(subjects, "labels", show_commission=True))
    assert label_plain != label_shown


# --- pictures --------------------------------------------------------------------------------


def test_product_pictures_from_the_platform_are_drawn(
    poster_shop: tuple[Profile, CatalogueRows], tmp_path: Path
) -> None:
    profile, rows = poster_shop
    subjects = tuple(products(profile, 2))
    placeholder = page_image(PosterJob(subjects, "a4"))
    with picture_server(product_lookup(rows)) as served:
        point_at(profile, served.url)
        cache = PictureCache.for_profile(profile)
        pictures = fetch_pictures(cache, subjects)
        assert set(pictures) == {1, 2}
        assert all(pictures.values())
    subjects = tuple(products(profile, 2))  # linked to the platform now pointed at
    job = PosterJob(subjects, "a4", pictures=pictures)
    assert page_image(job) != placeholder
    png = write_png(PosterJob(subjects[:1], "a4", pictures=pictures), tmp_path / "p.png")
    assert decoded(png[0]) == [subjects[0].link]


# --- the studio ----------------------------------------------------------------------------


@pytest.fixture
def studio(qtbot: QtBot, profile: Profile) -> Iterator[PosterStudio]:
    ws = PosterStudio(profile)
    qtbot.addWidget(ws)
    ws.resize(1200, 720)
    with qtbot.waitSignal(ws.preview_shown, timeout=20_000):
        ws.show()
    yield ws
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)


def shown_after(qtbot: QtBot, studio: PosterStudio, change: object) -> None:
    """Wait for the preview of what ``change`` (a callable) chose."""
    assert callable(change)
    with qtbot.waitSignal(studio.preview_shown, timeout=20_000):
        change()
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)


def test_the_studio_opens_on_the_shop_s_poster(studio: PosterStudio, profile: Profile) -> None:
    assert studio.title() == "Posters"
    assert studio.controls.kind.currentIndex() == SHOP
    job = studio.current_job()
    assert job is not None
    assert [s.link for s in job.subjects] == [shop_subject(profile).link]
    image = studio.preview_image()
    assert image is not None
    assert image.height() / image.width() == pytest.approx(297 / 210, rel=0.01)
    assert studio.preview.pixmap() is not None
    assert not studio.preview.pixmap().isNull()
    assert studio.controls.pdf_button.isEnabled()
    assert studio.pages.text() == "1 poster · 1 page"


def test_the_preview_follows_the_layout_and_the_subject(qtbot: QtBot, studio: PosterStudio) -> None:
    shown_after(qtbot, studio, lambda: studio.controls.layout_choice.setCurrentIndex(2))
    image = studio.preview_image()
    assert image is not None
    assert image.height() / image.width() == pytest.approx(1920 / 1080, rel=0.01)
    before = image

    shown_after(qtbot, studio, lambda: studio.controls.kind.setCurrentIndex(3))  # the manager
    job = studio.current_job()
    assert job is not None
    assert job.subjects[0].manager_name == "王丽"
    assert studio.preview_image() != before

    shown_after(qtbot, studio, lambda: studio.controls.kind.setCurrentIndex(PRODUCT))
    assert studio.current_job() is None  # no product chosen yet: nothing to print
    assert not studio.controls.print_button.isEnabled()
    assert studio.preview.text() == "Choose what the poster is for."


def test_products_from_the_catalogue_make_a_batch(qtbot: QtBot, studio: PosterStudio) -> None:
    with qtbot.waitSignal(studio.preview_shown, timeout=20_000):
        studio.show_products([3, 1, 2, 4, 5, 6, 7, 8, 9])
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    assert studio.controls.kind.currentIndex() == PRODUCT
    assert studio.controls.batch.chosen_ids() == [3, 1, 2, 4, 5, 6, 7, 8, 9]
    assert studio.pages.text() == "9 posters · 9 pages"

    shown_after(qtbot, studio, lambda: studio.controls.layout_choice.setCurrentIndex(3))
    assert studio.pages.text() == "9 posters · 2 pages"

    item = studio.controls.batch.list.item(0)
    shown_after(qtbot, studio, lambda: item.setCheckState(Qt.CheckState.Unchecked))
    assert studio.pages.text() == "8 posters · 1 page"


def test_an_export_writes_the_file_and_records_the_prints(
    qtbot: QtBot, studio: PosterStudio, profile: Profile, tmp_path: Path
) -> None:
    with qtbot.waitSignal(studio.preview_shown, timeout=20_000):
        studio.show_products([1, 2])
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    with qtbot.waitSignal(studio.local_action_done, timeout=20_000):
        task = studio.export_pdf(tmp_path / "two.pdf")
        assert task is not None
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    assert "two.pdf" in studio.controls.status.text()
    assert [decoded(p) for p in pdf_pages_as_pictures(tmp_path / "two.pdf")] == [
        [s.link] for s in products(profile, 2)
    ]
    with profile.read() as s:
        entries = s.query(OutboxEntry).filter(OutboxEntry.kind == "poster.printed").all()
    payloads = sorted(json.loads(e.payload)["target_id"] for e in entries)
    assert payloads == [1, 2]
    assert all(json.loads(e.payload)["layout"] == "a4" for e in entries)


def test_print_shows_the_preview_and_records_what_was_printed(
    qtbot: QtBot, studio: PosterStudio, profile: Profile, when_shown: WhenShown
) -> None:
    previewed: list[int] = []

    def look_then(answer: str) -> Callable[[QPrintPreviewDialog], None]:
        def act(dialog: QPrintPreviewDialog) -> None:
            preview = dialog.findChild(QPrintPreviewWidget)
            assert preview is not None
            previewed.append(preview.pageCount())
            getattr(dialog, answer)()

        return act

    when_shown(QPrintPreviewDialog, look_then("reject"))
    task = studio.print_posters()
    assert task is not None
    qtbot.waitUntil(lambda: bool(previewed) and not tasks.running(), timeout=20_000)
    assert "Sent to the printer" not in studio.controls.status.text()

    when_shown(QPrintPreviewDialog, look_then("accept"))
    with qtbot.waitSignal(studio.local_action_done, timeout=20_000):
        studio.print_posters()
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    assert previewed == [1, 1]
    assert studio.controls.status.text() == "Sent to the printer."
    with profile.read() as s:
        entries = s.query(OutboxEntry).filter(OutboxEntry.kind == "poster.printed").all()
    assert [json.loads(e.payload)["kind"] for e in entries] == ["shop"]


def test_a_cancelled_batch_leaves_no_file_and_no_record(
    qtbot: QtBot, studio: PosterStudio, profile: Profile, tmp_path: Path
) -> None:
    with qtbot.waitSignal(studio.preview_shown, timeout=20_000):
        studio.show_products(range(1, PRODUCTS + 1))
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    task = studio.export_pdf(tmp_path / "all.pdf")
    assert task is not None
    assert studio.controls.cancel_button.isVisibleTo(studio)
    studio.controls.cancel_button.click()
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    assert studio.controls.status.text() == "Cancelled; no file was written."
    assert list(tmp_path.glob("*all*")) == []
    assert not studio.controls.cancel_button.isVisibleTo(studio)
    with profile.read() as s:
        assert s.query(OutboxEntry).filter(OutboxEntry.kind == "poster.printed").count() == 0


def test_a_failed_export_says_so_and_records_nothing(
    qtbot: QtBot, studio: PosterStudio, profile: Profile, tmp_path: Path
) -> None:
    task = studio.export_png(tmp_path / "missing" / "shop.png")
    assert task is not None
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)
    assert "could not be written" in studio.controls.status.text()
    with profile.read() as s:
        assert s.query(OutboxEntry).filter(OutboxEntry.kind == "poster.printed").count() == 0
    assert studio.controls.png_button.isEnabled()


def test_make_posters_in_the_catalogue_opens_the_studio_on_that_product(
    qtbot: QtBot, profile: Profile
) -> None:
    controller = SyncController(profile, options=SyncOptions(retries=0, timeout=5.0))
    window = open_window(qtbot, profile, controller)
    try:
        window.show_workspace(window.catalogue)
        qtbot.waitUntil(lambda: window.catalogue.current_card() is not None, timeout=20_000)
        card = window.catalogue.current_card()
        assert card is not None
        with qtbot.waitSignal(window.posters.preview_shown, timeout=20_000):
            window.catalogue.make_posters.click()
        qtbot.waitUntil(
            lambda: window.posters.controls.batch.chosen_ids() == [card.id], timeout=20_000
        )
        assert window.current_workspace() is window.posters
        settle(qtbot, window)
    finally:
        controller.stop()


# --- the command line ----------------------------------------------------------------------


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=120,
        check=False,
    )


def test_the_command_line_makes_posters_of_catalogue_products(
    profile: Profile, tmp_path: Path
) -> None:
    folder = str(profile.folder)
    listed = run_main("catalogue", "--profile", folder, "--json")
    assert listed.returncode == 0, listed.stderr
    rows = json.loads(listed.stdout)
    assert len(rows) == PRODUCTS
    assert {"id", "title", "category", "price_cents", "commission_cents"} <= set(rows[0])
    ids = [str(row["id"]) for row in rows[:9]]

    out = tmp_path / "sheet.pdf"
    made = run_main(
        "posters", "--profile", folder, "--product", *ids, "--layout", "labels", "--out", str(out)
    )
    assert made.returncode == 0, made.stderr
    pages = pdf_pages_as_pictures(out)
    assert len(pages) == 2
    links = {s.link for s in product_subjects(profile, [int(i) for i in ids])}
    assert set(decoded(pages[0]) + decoded(pages[1])) == links
    with profile.read() as s:
        assert s.query(OutboxEntry).filter(OutboxEntry.kind == "poster.printed").count() == 9

    shop_png = str(tmp_path / "shop.png")
    shop = run_main(
        "posters", "--profile", folder, "--shop", "--layout", "share", "--out", shop_png
    )
    assert shop.returncode == 0, shop.stderr
    assert decoded(tmp_path / "shop.png") == [shop_subject(profile).link]


def test_the_command_line_says_what_went_wrong(
    profile: Profile, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    def posters(*args: str) -> tuple[int, str]:
        parsed = build_parser().parse_args(["posters", *args])
        code = make_posters(parsed)
        return code, capsys.readouterr().err

    folder, pdf = str(profile.folder), str(tmp_path / "x.pdf")
    code, said = posters("--profile", folder, "--product", "1", "987654", "--out", pdf)
    assert code != 0
    assert "The product (987654) is not on this computer" in said

    code, said = posters("--profile", folder, "--shop", "--out", str(tmp_path / "no" / "x.pdf"))
    assert code != 0
    assert "no folder" in said

    code, said = posters("--profile", folder, "--shop", "--out", str(tmp_path / "x.gif"))
    assert code != 0
    assert ".pdf or .png" in said

    code, said = posters("--profile", str(tmp_path / "new"), "--shop", "--out", pdf)
    assert code != 0
    assert "sign in" in said
    assert list(tmp_path.glob("*.pdf")) == []
    with profile.read() as s:
        assert s.query(OutboxEntry).filter(OutboxEntry.kind == "poster.printed").count() == 0
