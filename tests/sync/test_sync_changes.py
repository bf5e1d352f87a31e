"""A sync says what it changed: the rows its pages applied, the rows refused actions put back,
and after a re-snapshot everything; never a million keys."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy import select

from models.changes import ENTITIES
from models.db import Order, ReleaseRequest
from models.errors import PlatformUnreachable
from models.profile import Profile
from models.services.account import login
from models.services.releases import decide_release
from models.services.reviews import review_order
from models.sync.syncer import SyncOptions, SyncReport, sync
from tests.models import release_fixtures
from tests.models.release_fixtures import Computer
from tests.platform_process import PlatformProcess
from tests.platform_rows import advance_orders, shop_id_of

computer = release_fixtures.computer


def test_a_first_pull_says_every_order_in_one_word(
    platform: PlatformProcess, tmp_path: Path
) -> None:
    profile = Profile.open(tmp_path / "new")
    try:
        login(profile, platform.url, "demo1", "demo")
        report = sync(profile)
        changes = report.changes
        assert report.pulled.upserted["order"] > 1_000
        assert changes.rows_of("order") is None
        assert changes.touches(["customer", "product", "sync_state"])
        # Bounded: no entity carries more than the cap of keys.
        assert all(keys is None or len(keys) <= 1_000 for keys in changes.rows.values())
    finally:
        profile.close()


def test_a_later_sync_names_the_orders_it_changed(
    computer: Computer, platform: PlatformProcess
) -> None:
    profile = computer("desk")
    with profile.read() as s:
        ids = list(s.scalars(select(Order.id).order_by(Order.id).limit(3)))
    advance_orders(platform.db, shop_id_of(profile.db_path), ids)
    changes = sync(profile).changes
    assert changes.rows_of("order") == frozenset(ids)
    assert not changes.touches(["customer", "product", "store_manager"])


def test_answers_name_their_rows_and_a_refused_one_comes_back(
    computer: Computer, platform: PlatformProcess
) -> None:
    laptop, desk = computer("laptop"), computer("desk")
    with desk.read() as s:
        request_id = s.scalars(
            select(ReleaseRequest.id).where(ReleaseRequest.status == "pending").limit(1)
        ).one()
        order_no = s.scalars(select(Order.order_no).limit(1)).one()
    decide_release(laptop, request_id, "approve", "")
    sync(laptop)
    decide_release(desk, request_id, "decline", "还不到时候")
    reviewed = review_order(desk, order_no, reviewed=True)
    report = sync(desk)
    assert len(report.rejected) == 1
    changes = report.changes
    assert changes.touches_row("release_decision", request_id)
    assert changes.touches_row("release_request", request_id)
    assert changes.touches_row("order_review", reviewed.order_id)
    assert changes.touches_row("outbox", reviewed.mutation_id)


def test_a_re_snapshot_changes_everything(computer: Computer, platform: PlatformProcess) -> None:
    profile = computer("desk")
    platform.stop()
    platform.start("--new-epoch")
    report = sync(profile)
    assert report.resets == 1
    assert report.changes.entities == ENTITIES
    assert all(report.changes.rows_of(entity) is None for entity in ENTITIES)


def test_a_failed_sync_still_says_what_it_applied(
    computer: Computer, platform: PlatformProcess
) -> None:
    profile = computer("desk")
    platform.stop()
    report = SyncReport()
    try:
        sync(profile, SyncOptions(retries=0, timeout=2.0), report)
    except PlatformUnreachable:
        pass
    else:
        raise AssertionError("the sync should have failed")
    assert report.changes.entities == {"sync_state"}
