"""Seed, sign in, sync: the profile holds exactly what the platform serves the shop."""

from __future__ import annotations

import json
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.db import Order, SyncState
from models.errors import LoginRefused, ProfileError
from models.profile import Profile
from models.services.account import login
from models.services.reviews import review_order
from models.services.status import sync_status
from models.sync.syncer import sync
from tests.conftest import SEED_ORDERS
from tests.platform_process import MAIN, PlatformProcess
from tests.sync.views import applied_mutations, assert_mirror_equals_server


def signed_in(
    platform: PlatformProcess, folder: Path, shop: str = "demo1", user: str = ""
) -> Profile:
    """A profile signed in to ``shop`` as its owner, or as the person ``user``."""
    profile = Profile.open(folder)
    login(profile, platform.url, shop, "demo", user)
    return profile


def shop_id_of(profile: Profile) -> int:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        return int(state.shop_id)


def test_a_first_sync_brings_the_whole_shop_and_a_second_brings_nothing(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("a"))
    first = sync(profile)
    assert first.pulled.upserted["order"] == SEED_ORDERS
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))

    second = sync(profile)
    assert second.pulled.total == 0
    assert second.pages == 1
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))


def test_shops_see_only_their_own_orders(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    one = signed_in(platform, profile_folder("one"), "demo1")
    two = signed_in(platform, profile_folder("two"), "demo2")
    sync(one)
    sync(two)
    with one.read() as s1, two.read() as s2:
        numbers_one = set(s1.scalars(select(Order.order_no)))
        numbers_two = set(s2.scalars(select(Order.order_no)))
    assert len(numbers_one) == len(numbers_two) == SEED_ORDERS
    assert not numbers_one & numbers_two
    assert_mirror_equals_server(two, platform.db, shop_id_of(two))


def test_a_wrong_password_is_refused_in_words_and_changes_nothing(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = Profile.open(profile_folder("a"))
    with pytest.raises(LoginRefused) as refused:
        login(profile, platform.url, "demo1", "not-the-password")
    assert "password" in refused.value.message.lower()
    assert sync_status(profile).shop is None


def test_a_profile_stays_with_its_shop(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("a"), "demo1")
    sync(profile)
    with pytest.raises(ProfileError, match="belongs to shop demo1"):
        login(profile, platform.url, "demo2", "demo")
    with profile.read() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == SEED_ORDERS


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), *args], check=False, capture_output=True, text=True, timeout=120
    )


def test_the_command_line_signs_in_syncs_reviews_and_reports(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    folder = str(profile_folder("cli"))
    done = run(
        "login",
        "--profile",
        folder,
        "--platform",
        platform.url,
        "--shop",
        "demo1",
        "--password",
        "demo",
    )
    assert done.returncode == 0, done.stderr
    done = run("sync", "--profile", folder)
    assert done.returncode == 0, done.stderr
    assert f"{SEED_ORDERS} order" in done.stdout

    newest = json.loads(run("orders", "--profile", folder, "--limit", "3", "--json").stdout)
    assert len(newest) == 3
    assert newest[0]["placed_at"] >= newest[1]["placed_at"] >= newest[2]["placed_at"]
    assert {"order_no", "placed_at", "status", "amount_cents", "reviewed", "flag"} <= set(newest[0])
    order_no = newest[0]["order_no"]
    done = run(
        "review",
        "--profile",
        folder,
        order_no,
        "--reviewed",
        "--flag",
        "follow-up",
        "--note",
        "客户要求周五前发货 🚚",
    )
    assert done.returncode == 0, done.stderr

    status = json.loads(run("status", "--profile", folder, "--json").stdout)
    assert status["shop"] == "demo1"
    assert status["outbox_pending"] == 1
    for table in (
        "orders",
        "order_items",
        "customers",
        "products",
        "store_managers",
        "release_requests",
        "order_reviews",
    ):
        assert table in status["counts"]
    assert status["counts"]["orders"] == SEED_ORDERS
    assert status["counts"]["order_reviews"] == 1

    done = run("sync", "--profile", folder)
    assert done.returncode == 0, done.stderr
    assert "pushed 1 action" in done.stdout
    status = json.loads(run("status", "--profile", folder, "--json").stdout)
    assert status["outbox_pending"] == 0
    assert status["last_sync"] is not None
    reviewed = json.loads(run("orders", "--profile", folder, "--limit", "1", "--json").stdout)[0]
    assert (reviewed["reviewed"], reviewed["flag"], reviewed["note"]) == (
        True,
        "follow_up",
        "客户要求周五前发货 🚚",
    )
    assert list(applied_mutations(platform.db, status_shop_id(folder)).values()) == ["applied"]


def status_shop_id(folder: str) -> int:
    return shop_id_of(Profile.open(Path(folder)))


def test_the_command_line_says_when_the_platform_is_down(
    profile_folder: Callable[[str], Path], platform: PlatformProcess
) -> None:
    folder = str(profile_folder("down"))
    assert (
        run(
            "login",
            "--profile",
            folder,
            "--platform",
            platform.url,
            "--shop",
            "demo1",
            "--password",
            "demo",
        ).returncode
        == 0
    )
    platform.stop()
    review = run("sync", "--profile", folder)
    assert review.returncode != 0
    assert "cannot reach the platform" in review.stderr
    bad = run(
        "login",
        "--profile",
        folder,
        "--platform",
        platform.url,
        "--shop",
        "demo1",
        "--password",
        "demo",
    )
    assert bad.returncode != 0


def test_reviewing_an_unknown_order_says_so(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("a"))
    from models.errors import UnknownOrder

    with pytest.raises(UnknownOrder):
        review_order(profile, "ZG-NOPE", reviewed=True)
