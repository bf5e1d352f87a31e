"""Where a printed code leads: the platform's public address as announced with ``--public-url``,
the same after the platform moved to another port, and kept in the profile across a sync."""

from __future__ import annotations

import shutil
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from gui.posters.render import PosterJob, write_pdf, write_png
from models import wire
from models.db import Product, SyncState
from models.profile import Profile
from models.services.account import login
from models.services.posters import product_subjects, scene_of_link, shop_subject
from models.sync.syncer import sync
from tests.gui.test_posters import decoded, pdf_pages_as_pictures
from tests.platform_process import PlatformProcess, free_port

PUBLIC = "https://posters.zhanggui.example"


@pytest.fixture
def announcing(seeded_platform_db: Path, tmp_path: Path) -> Iterator[PlatformProcess]:
    """A platform that announces PUBLIC (given with a trailing slash, as people type it)."""
    db = tmp_path / "platform" / "platform.sqlite3"
    db.parent.mkdir()
    shutil.copy(seeded_platform_db, db)
    server = PlatformProcess(db)
    server.start("--public-url", f"{PUBLIC}/")
    yield server
    server.stop()


def test_the_platform_announces_its_public_address(announcing: PlatformProcess) -> None:
    health = httpx.get(f"{announcing.url}/v1/health").json()
    assert health["public_url"] == PUBLIC
    answer = httpx.post(
        f"{announcing.url}/v1/login",
        json={"shop_code": "demo1", "password": "demo"},
        headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)},
    )
    assert wire.LoginResponse.model_validate_json(answer.content).public_url == PUBLIC


def test_printed_codes_lead_to_the_public_address_across_restarts(
    announcing: PlatformProcess, tmp_path: Path
) -> None:
    profile = Profile.open(tmp_path / "shop")
    try:
        login(profile, announcing.url, "demo1", "demo")
        sync(profile)
        with profile.read() as s:
            assert s.scalar(select(SyncState.public_url)) == PUBLIC
            product_ids = list(s.scalars(select(Product.id).order_by(Product.id).limit(3)))
        subjects = [shop_subject(profile), *product_subjects(profile, product_ids)]
        pdf = tmp_path / "posters.pdf"
        write_pdf(PosterJob(tuple(subjects), "a5"), pdf)
        links = [decoded(page) for page in pdf_pages_as_pictures(pdf)]
        assert links == [[s.link] for s in subjects]
        for (link,) in links:
            assert link.startswith(f"{PUBLIC}{wire.SHARE_PATH}?scene=")
            assert "127.0.0.1" not in link
        assert scene_of_link(links[0][0]) == wire.Scene(shop_subject(profile).target_id)

        # The platform comes back on another port, as the demo's does at every start.
        announcing.stop()
        announcing.port = free_port()
        announcing.start("--public-url", PUBLIC)
        login(profile, announcing.url, "demo1", "demo")
        again = write_png(PosterJob((shop_subject(profile),), "share"), tmp_path / "again.png")
        assert decoded(again[0]) == links[0]
    finally:
        profile.close()


def test_a_profile_from_before_the_announcement_learns_it_at_the_next_sync(
    announcing: PlatformProcess, tmp_path: Path
) -> None:
    profile = Profile.open(tmp_path / "older")
    try:
        login(profile, announcing.url, "demo1", "demo")
        with profile.write() as s:
            state = s.scalar(select(SyncState))
            assert state is not None
            state.public_url = None  # as the upgrade to this schema leaves it
        assert shop_subject(profile).link.startswith(announcing.url)
        sync(profile)
        assert shop_subject(profile).link.startswith(f"{PUBLIC}{wire.SHARE_PATH}?scene=")
    finally:
        profile.close()


def test_without_an_announcement_the_platform_s_own_address_serves(
    platform: PlatformProcess, tmp_path: Path
) -> None:
    profile = Profile.open(tmp_path / "plain")
    try:
        login(profile, platform.url, "demo1", "demo")
        with profile.read() as s:
            assert s.scalar(select(SyncState.public_url)) == ""
        assert shop_subject(profile).link.startswith(f"{platform.url}{wire.SHARE_PATH}?scene=")
    finally:
        profile.close()


@pytest.mark.parametrize(
    "bad",
    [
        "ftp://example.com",
        "https://",
        "shop.example.com",
        "https://a.example/?x=1",
        "https://例子.cn",
    ],
)
def test_the_platform_refuses_an_unusable_public_address(tmp_path: Path, bad: str) -> None:
    server = PlatformProcess(tmp_path / "platform.sqlite3")
    with pytest.raises(RuntimeError, match="public-url"):
        server.start("--public-url", bad, timeout=60)
    server.stop()
