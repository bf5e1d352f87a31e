"""Export posters of products as the studio does, in a process of its own, and say how long it
took and how much memory the process needed at its peak.

    python -m tests.benchmarks.posters_run PROFILE LAYOUT COUNT FIRST OUT.pdf

Takes COUNT products of the profile's catalogue from the FIRST-th (by id), prints one JSON line.
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from sqlalchemy import select

from gui.app import application
from gui.posters.order import PosterOrder, prepare
from gui.posters.render import write_pdf
from models.db import Product
from models.images import PictureCache
from models.profile import Profile
from tests.benchmarks.peak import peak_mb


def main(folder: str, layout: str, count: int, first: int, out: str) -> None:
    application()
    profile = Profile.open(Path(folder))
    with profile.read() as s:
        ids = tuple(s.scalars(select(Product.id).order_by(Product.id).offset(first).limit(count)))
    assert len(ids) == count, f"the catalogue has fewer than {first + count} products"
    before_mb = peak_mb()
    cache = PictureCache.for_profile(profile)
    started = time.perf_counter()
    job = prepare(profile, PosterOrder("product", ids, layout, show_commission=False))  # type: ignore[arg-type]
    with cache.session(job.picture_size()) as pictures:
        pages = write_pdf(job, Path(out), pictures=pictures)
    seconds = time.perf_counter() - started
    print(
        json.dumps(
            {
                "seconds": seconds,
                "pages": pages,
                "fetched": cache.fetches,
                "peak_mb": peak_mb(),
                "before_mb": before_mb,
                "pdf_mb": Path(out).stat().st_size / 1e6,
            }
        ),
        flush=True,
    )
    profile.close()


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]), sys.argv[5])
