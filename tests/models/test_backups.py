"""Daily backups of the profile, and restoring one without losing what the owner did since."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import shutil
import sqlite3
import threading
from pathlib import Path

import pytest
from sqlalchemy import func, select, update

from models.backups import (
    KEPT_BACKUPS,
    list_backups,
    restore_backup,
    take_daily_backup,
)
from models.db import Order, OrderReview, OutboxEntry, SyncState
from models.errors import BackupDamaged, BackupOtherShop
from models.profile import DB_NAME, Profile
from models.services.order_table import OrderFilter
from models.services.reviews import review_order
from models.services.saved_views import save_view, saved_views
from tests.conftest import SEED_ORDERS

DAY = dt.date(2026, 11, 20)


def order_numbers(profile: Profile, n: int) -> list[str]:
    with profile.read() as s:
        return list(s.scalars(select(Order.order_no).order_by(Order.id).limit(n)))


def count(path: Path, sql: str) -> int:
    with sqlite3.connect(path) as conn:
        return int(conn.execute(sql).fetchone()[0])


def pending_ids(profile: Profile) -> set[str]:
    with profile.read() as s:
        return set(s.scalars(select(OutboxEntry.id).where(OutboxEntry.status == "pending")))


def test_a_backup_is_taken_once_a_day_and_the_last_seven_are_kept(
    synced_profile: Profile,
) -> None:
    folder = synced_profile.folder
    for n in range(KEPT_BACKUPS + 2):
        day = DAY + dt.timedelta(days=n)
        assert take_daily_backup(folder, day) is not None
        assert take_daily_backup(folder, day) is None

    backups = list_backups(folder)
    assert [b.day for b in backups] == [
        DAY + dt.timedelta(days=n) for n in reversed(range(2, KEPT_BACKUPS + 2))
    ]
    newest = backups[0].path
    assert count(newest, 'SELECT count(*) FROM "order"') == SEED_ORDERS
    with sqlite3.connect(newest) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("PRAGMA quick_check").fetchone()[0] == "ok"
    assert sorted(p.name for p in newest.parent.iterdir()) == sorted(b.path.name for b in backups)
    if os.name == "posix":
        assert newest.stat().st_mode & 0o777 == 0o600


def test_a_backup_taken_while_the_owner_works_is_whole(synced_profile: Profile) -> None:
    numbers = order_numbers(synced_profile, 200)
    stop = threading.Event()

    def review_all() -> None:
        for number in numbers:
            if stop.is_set():
                return
            review_order(synced_profile, number, reviewed=True, note="边备份边审")

    worker = threading.Thread(target=review_all)
    worker.start()
    try:
        backup = take_daily_backup(synced_profile.folder, DAY)
    finally:
        stop.set()
        worker.join()
    assert backup is not None
    reviews = count(backup.path, "SELECT count(*) FROM order_review")
    # each review was written with its outbox entry in one transaction: the copy has both or none
    assert count(backup.path, "SELECT count(*) FROM outbox WHERE status = 'pending'") == reviews


def test_restoring_keeps_what_the_owner_did_since_and_rewinds_the_mirror(
    synced_profile: Profile,
) -> None:
    first, second = order_numbers(synced_profile, 2)
    review_order(synced_profile, first, reviewed=True, note="备份前")
    with synced_profile.read() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        cursor_then = state.cursor
    backup = take_daily_backup(synced_profile.folder, DAY)
    assert backup is not None

    # after the copy: a new action, a saved view, a newer token, and the mirror moved on
    review_order(synced_profile, second, flag="follow_up", note="备份后 🚚")
    save_view(synced_profile, "待跟进", OrderFilter(review="follow_up"))
    with synced_profile.write() as s:
        s.execute(update(SyncState).values(token="a-newer-token", cursor="99:99"))
        s.execute(update(Order).where(Order.order_no == first).values(amount_cents=1))
    waiting = pending_ids(synced_profile)
    assert len(waiting) == 2

    report = restore_backup(synced_profile.folder, backup, synced_profile.engine.dispose)

    assert report.carried_over
    assert (report.actions_carried, report.actions_to_send) == (2, 2)
    assert report.kept_aside is not None
    assert count(report.kept_aside, "SELECT count(*) FROM order_review") == 2
    assert pending_ids(synced_profile) == waiting
    with synced_profile.read() as s:
        notes = dict(s.execute(select(OrderReview.order_id, OrderReview.note)).all())
        state = s.get(SyncState, 1)
        assert state is not None
        amount = s.scalar(select(Order.amount_cents).where(Order.order_no == first))
        orders = s.scalar(select(func.count()).select_from(Order))
    assert sorted(notes.values()) == sorted(["备份前", "备份后 🚚"])
    assert (state.cursor, state.token) == (cursor_then, "a-newer-token")
    assert amount != 1
    assert orders == SEED_ORDERS
    assert [v.name for v in saved_views(synced_profile)] == ["待跟进"]


def test_a_damaged_database_comes_back_from_its_backup(synced_profile: Profile) -> None:
    folder = synced_profile.folder
    backup = take_daily_backup(folder, DAY)
    assert backup is not None
    synced_profile.close()
    database = folder / DB_NAME
    database.write_bytes(b"SQLite format 3\x00" + b"\xde\xad" * 40_000)

    report = restore_backup(folder, backup)

    assert not report.carried_over
    assert report.kept_aside is not None
    assert report.kept_aside.read_bytes().startswith(b"SQLite format 3\x00\xde\xad")
    restored = Profile.open(folder)
    with restored.read() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == SEED_ORDERS
    restored.close()


def test_a_backup_of_another_shop_is_refused_and_changes_nothing(
    synced_profile: Profile, tmp_path: Path
) -> None:
    other = tmp_path / "other"
    shutil.copytree(synced_profile.folder, other)
    with sqlite3.connect(other / DB_NAME) as conn:
        conn.execute("UPDATE sync_state SET shop_id = shop_id + 1, shop_code = 'demo9'")
    foreign = take_daily_backup(other, DAY)
    assert foreign is not None
    ours = synced_profile.folder / "backups"
    ours.mkdir()
    shutil.copy(foreign.path, ours / foreign.path.name)
    before = hashlib.sha256((synced_profile.folder / DB_NAME).read_bytes()).hexdigest()

    with pytest.raises(BackupOtherShop) as refused:
        restore_backup(synced_profile.folder, list_backups(synced_profile.folder)[0])

    assert refused.value.other_shop == "demo9"
    assert hashlib.sha256((synced_profile.folder / DB_NAME).read_bytes()).hexdigest() == before
    left = [p.name for p in synced_profile.folder.glob("zhanggui.*") if "restor" in p.name]
    assert left == []


def test_a_damaged_backup_is_refused_and_changes_nothing(synced_profile: Profile) -> None:
    folder = synced_profile.folder / "backups"
    folder.mkdir()
    (folder / f"zhanggui-{DAY.isoformat()}.sqlite3").write_bytes(b"not a database" * 100)
    before = hashlib.sha256((synced_profile.folder / DB_NAME).read_bytes()).hexdigest()

    with pytest.raises(BackupDamaged):
        restore_backup(synced_profile.folder, list_backups(synced_profile.folder)[0])

    assert hashlib.sha256((synced_profile.folder / DB_NAME).read_bytes()).hexdigest() == before
    with synced_profile.read() as s:
        assert s.scalar(select(func.count()).select_from(Order)) == SEED_ORDERS
