"""100 A4 posters of products, with their pictures, to one PDF within 10 seconds.

The pictures were fetched once before (the shop's stored copies); each round reads the products,
the stored pictures and draws every page, as the studio's export does.

    ./dev bench -k posters
"""

from __future__ import annotations

import time
from pathlib import Path

from pytest_benchmark.fixture import BenchmarkFixture
from pytestqt.qtbot import QtBot

from gui.posters.render import PosterJob, fetch_pictures, write_pdf
from models.images import PictureCache
from models.services.posters import product_subjects, qr_modules
from tests.models.test_catalogue_shop import (
    catalogue_profile,
    picture_server,
    point_at,
    product_lookup,
)

POSTERS = 100
BUDGET_SECONDS = 10.0


def test_100_a4_posters_to_one_pdf(
    benchmark: BenchmarkFixture, qtbot: QtBot, tmp_path: Path
) -> None:
    profile, rows = catalogue_profile(tmp_path / "shop", POSTERS, int(time.time()))
    ids = [p["id"] for p in rows.products]
    with picture_server(product_lookup(rows)) as served:
        point_at(profile, served.url)
        stored = fetch_pictures(PictureCache.for_profile(profile), product_subjects(profile, ids))
        assert all(stored.values())
    out = tmp_path / "posters.pdf"

    seconds: list[float] = []

    def make() -> int:
        qr_modules.cache_clear()  # every round draws its codes anew, as a first export does
        started = time.perf_counter()
        subjects = product_subjects(profile, ids)
        pictures = fetch_pictures(PictureCache.for_profile(profile), subjects)
        pages = write_pdf(PosterJob(tuple(subjects), "a4", pictures=pictures), out)
        seconds.append(time.perf_counter() - started)
        return pages

    try:
        pages = benchmark.pedantic(make, rounds=3, iterations=1)  # type: ignore[no-untyped-call]
    finally:
        profile.close()
    assert pages == POSTERS
    assert out.stat().st_size > 0
    worst = max(seconds)
    print(f"\n{POSTERS} A4 posters: worst {worst:.2f} s, {out.stat().st_size / 1e6:.1f} MB")
    assert worst <= BUDGET_SECONDS, f"{worst:.2f} s over the budget of {BUDGET_SECONDS} s"
