"""A backup restored, then one sync: the mirror equals the platform's view, and every action made
on this computer, before or after the backup, is applied once and only once."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path

import orjson
from sqlalchemy import select

from models.backups import restore_backup, take_daily_backup
from models.db import OrderReview, OutboxEntry, ReleaseRequest
from models.profile import Profile
from models.services.orders import newest_orders
from models.services.releases import decide_release
from models.services.reviews import review_order
from models.sync.syncer import sync
from tests.platform_process import PlatformProcess
from tests.sync.test_round_trip import shop_id_of, signed_in
from tests.sync.views import applied_mutations, assert_mirror_equals_server, server_view


def outbox(profile: Profile) -> dict[str, str]:
    with profile.read() as s:
        rows = s.execute(select(OutboxEntry.id, OutboxEntry.status)).all()
    return dict(rows)


def release_status(profile: Profile, request_id: int) -> str | None:
    with profile.read() as s:
        return s.scalar(select(ReleaseRequest.status).where(ReleaseRequest.id == request_id))


def notes(profile: Profile) -> dict[int, str]:
    with profile.read() as s:
        rows = s.execute(select(OrderReview.order_id, OrderReview.note)).all()
    return dict(rows)


def test_a_restored_backup_then_a_sync_equals_the_platform_and_applies_each_action_once(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    shop = signed_in(platform, profile_folder("shop"))
    sync(shop)
    shop_id = shop_id_of(shop)
    orders = newest_orders(shop, 5)

    # waiting to sync when the copy is taken
    review_order(shop, orders[0].order_no, reviewed=True, note="备份时还没同步")
    backup = take_daily_backup(shop.folder, dt.date(2026, 11, 23))
    assert backup is not None

    # then another computer of the shop changes the platform: a review and a release approved
    other = signed_in(platform, profile_folder("other"))
    sync(other)
    review_order(other, orders[3].order_no, reviewed=True, note="另一台电脑")
    with other.read() as s:
        request = s.scalar(select(ReleaseRequest).where(ReleaseRequest.status == "pending"))
        assert request is not None
    decide_release(other, request.id, "approve", "她可以独当一面了")
    assert sync(other).applied == 2
    # and this one sends its action, pulls those changes, sends another and makes a third
    sync(shop)
    assert release_status(shop, request.id) == "approved"
    review_order(shop, orders[1].order_no, flag="problem", note="备份后，已同步")
    sync(shop)
    review_order(shop, orders[2].order_no, flag="follow_up", note="恢复前还没同步 🚚")
    ours = outbox(shop)
    assert sorted(ours.values()) == ["applied", "applied", "pending"]

    report = restore_backup(shop.folder, backup, shop.engine.dispose)

    assert (report.actions_carried, report.actions_to_send) == (3, 1)
    # the mirror is the backup's again, older than the platform; the owner's actions are all
    # kept, and so are the reviews this computer had pulled since
    assert release_status(shop, request.id) == "pending"
    assert outbox(shop) == ours
    assert sorted(notes(shop).values()) == sorted(
        ["备份时还没同步", "备份后，已同步", "恢复前还没同步 🚚", "另一台电脑"]
    )

    after = sync(shop)

    # only the action still waiting is sent; what the platform applied is not sent again
    assert (after.applied, after.duplicates, after.rejected) == (1, 0, [])
    # the restored cursor is the backup's: this sync pulls what came since, with no re-snapshot
    assert after.resets == 0
    assert (
        0
        < after.pulled.total
        < sum(len(rows) for rows in server_view(platform.db, shop_id).values())
    )
    assert release_status(shop, request.id) == "approved"
    assert_mirror_equals_server(shop, platform.db, shop_id)
    recorded = applied_mutations(platform.db, shop_id)
    assert set(ours) <= set(recorded)
    assert all(recorded[m] == "applied" for m in ours)
    assert len(recorded) == len(ours) + 2
    assert set(outbox(shop).values()) == {"applied"}
    on_platform = [
        orjson.loads(row)["note"] for row in server_view(platform.db, shop_id)["order_review"]
    ]
    assert sorted(on_platform) == sorted(
        ["备份时还没同步", "备份后，已同步", "恢复前还没同步 🚚", "另一台电脑"]
    )
