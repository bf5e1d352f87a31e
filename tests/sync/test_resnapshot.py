"""A re-snapshot is built beside the mirror: the owner keeps working on the old one until the new
one replaces it whole, through kills, odd pages and forgotten deletions."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import closing, contextmanager
from pathlib import Path

import httpx
import orjson
import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import Engine, select

from models import search, wire
from models.db import (
    ROLLUP_TABLES,
    Base,
    ConfirmedRow,
    Customer,
    MoneyDifference,
    Order,
    OrderReview,
    Product,
    SyncState,
    table_of,
)
from models.errors import MalformedPayload
from models.migrate import include_name
from models.profile import Profile
from models.services.orders import newest_orders
from models.services.reviews import review_order
from models.sync import money_checks, rollups
from models.sync.bulk import BULK_TABLES
from models.sync.snapshot import snapshot_path
from models.sync.syncer import SyncOptions, SyncProgress, sync
from server.db import make_engine, write_begin
from server.db.schema import ENTITY_TABLES
from server.rows import delete_rows, load_rows, save_rows
from tests.platform_process import MAIN, PlatformProcess
from tests.sync.test_faults import outbox_states, review_many, sync_process, wait_for
from tests.sync.test_round_trip import shop_id_of, signed_in
from tests.sync.views import applied_mutations, assert_mirror_equals_server, mirror_view


@contextmanager
def platform_engine(platform: PlatformProcess) -> Iterator[Engine]:
    engine = make_engine(str(platform.db))
    try:
        yield engine
    finally:
        engine.dispose()


def change_on_the_platform(platform: PlatformProcess, shop_id: int) -> None:
    """What a living shop does between two backups: refunds, renamed customers, a deletion."""
    orders = ENTITY_TABLES["order"]
    with platform_engine(platform) as engine, write_begin(engine) as conn:
        paid = load_rows(conn, "order", shop_id, orders.c.status == "paid")[:40]
        save_rows(conn, "order", [r | {"status": "refunded"} for r in paid], shop_id)
        customers = load_rows(conn, "customer", shop_id)[:10]
        save_rows(conn, "customer", [r | {"name": f"新名字{r['id']}"} for r in customers], shop_id)
        allocations = load_rows(conn, "traffic_allocation", shop_id)[:3]
        delete_rows(conn, "traffic_allocation", [r["id"] for r in allocations], shop_id)


def delete_on_the_platform(platform: PlatformProcess, shop_id: int) -> int:
    with platform_engine(platform) as engine, write_begin(engine) as conn:
        allocations = [r["id"] for r in load_rows(conn, "traffic_allocation", shop_id)[:4]]
        delete_rows(conn, "traffic_allocation", allocations, shop_id)
        delete_rows(conn, "product", [3])
    return len(allocations) + 1


def snapshot_id_of(profile: Profile) -> str:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        return str(state.snapshot_id)


def snapshot_cursor(folder: Path) -> str | None:
    """Where the snapshot being built stands, read as another process would."""
    path = snapshot_path(folder)
    if not path.exists():
        return None
    try:
        with closing(sqlite3.connect(f"file:{path}?mode=ro", uri=True, timeout=0.1)) as conn:
            row = conn.execute("SELECT cursor FROM snapshot_state").fetchone()
    except sqlite3.Error:
        return None
    return None if row is None else str(row[0])


def assert_rollups_and_search_agree(profile: Profile) -> None:
    """The rollups and the money checks equal a rebuild from the mirror, and the search
    indexes hold its rows."""
    derived = (*ROLLUP_TABLES, table_of(MoneyDifference))
    with profile.writer.connect() as conn:
        transaction = conn.begin()
        kept = {t.name: sorted(conn.execute(select(t)).all()) for t in derived}
        assert money_checks.is_live(conn)
        rollups.rebuild(conn)
        money_checks.rebuild(conn)
        rebuilt = {t.name: sorted(conn.execute(select(t)).all()) for t in derived}
        transaction.rollback()
    assert kept == rebuilt
    assert all(kept[t.name] for t in ROLLUP_TABLES)
    with profile.engine.connect() as conn:
        for index, model in ((search.CUSTOMER_SEARCH, Customer), (search.PRODUCT_SEARCH, Product)):
            indexed = set(conn.exec_driver_sql(f"SELECT rowid FROM {index}").scalars())
            assert indexed == set(conn.scalars(select(model.id)))


def customers_named(profile: Profile, name: str) -> list[int]:
    index = search.CUSTOMER_SEARCH
    with profile.engine.connect() as conn:
        found = conn.exec_driver_sql(
            f"SELECT rowid FROM {index} WHERE {index} MATCH ? ORDER BY rowid",
            (search.phrase(name),),
        )
        return list(found.scalars())


def test_a_resnapshot_killed_halfway_keeps_the_old_mirror_and_the_owners_review(
    platform: PlatformProcess, profile_folder: Callable[[str], Path], tmp_path: Path
) -> None:
    folder = profile_folder("a")
    profile = signed_in(platform, folder)
    shop_id = shop_id_of(profile)
    sync(profile)
    backup = tmp_path / "backup.sqlite3"
    platform.backup(backup)
    numbers = review_many(profile, 20)
    change_on_the_platform(platform, shop_id)
    sync(profile)
    before = mirror_view(profile)
    renamed = customers_named(profile, "新名字")
    assert len(renamed) == 10

    platform.restore(backup)
    platform.start("--new-epoch")
    child = sync_process(folder)
    wait_for(lambda: snapshot_cursor(folder) not in (None, wire.START_CURSOR))
    os.kill(child.pid, signal.SIGKILL)
    child.wait()
    assert snapshot_id_of(profile), "the killed sync had finished the snapshot"

    # The old mirror is whole and usable: every row, its search, and the owner's actions.
    assert mirror_view(profile) == before
    assert customers_named(profile, "新名字") == renamed
    assert len(newest_orders(profile, 50)) == 50
    review = review_order(profile, numbers[-1], reviewed=True, flag="problem", note="重新核对")

    report = sync(profile)
    assert report.resets == 0, "the next sync goes on with the snapshot it has"
    assert not snapshot_path(folder).exists()
    assert snapshot_id_of(profile) == ""
    assert_mirror_equals_server(profile, platform.db, shop_id)
    applied = applied_mutations(platform.db, shop_id)
    assert applied == dict.fromkeys(outbox_states(profile), "applied")
    assert review.mutation_id in applied
    with profile.read() as s:
        kept = s.get(OrderReview, review.order_id)
        assert kept is not None
        assert (kept.flag, kept.note) == ("problem", "重新核对")
    # The platform's older data came back, and the rollups and indexes moved with it.
    assert customers_named(profile, "新名字") == []
    assert_rollups_and_search_agree(profile)


class ForeignEpoch(httpx.HTTPTransport):
    """Answers the first pull with a page that names another epoch (a proxy's stale copy)."""

    def __init__(self) -> None:
        super().__init__()
        self.left = 1

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = super().handle_request(request)
        if not request.url.path.endswith("/pull") or self.left == 0:
            return response
        self.left -= 1
        page = orjson.loads(response.read())
        page["epoch"] = "0123456789abcdef"
        return httpx.Response(
            response.status_code,
            headers={"content-type": "application/json"},
            content=orjson.dumps(page),
        )


def test_one_page_of_a_foreign_epoch_does_not_start_a_resnapshot(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    folder = profile_folder("a")
    profile = signed_in(platform, folder)
    sync(profile)
    before = mirror_view(profile)
    with pytest.raises(MalformedPayload):
        sync(profile, SyncOptions(transport=ForeignEpoch()))
    assert snapshot_id_of(profile) == ""
    assert not snapshot_path(folder).exists()
    assert mirror_view(profile) == before

    report = sync(profile)
    assert report.resets == 0
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))


def test_a_snapshot_of_many_pages_succeeds_right_after_purge_deletions(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    away = signed_in(platform, profile_folder("away"))
    sync(away)
    present = signed_in(platform, profile_folder("present"))
    sync(present)
    shop_id = shop_id_of(present)
    deleted = delete_on_the_platform(platform, shop_id)
    sync(present)

    platform.stop()
    done = subprocess.run(
        [sys.executable, str(MAIN), "platform", "--db", str(platform.db), "--purge-deletions"],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"forgot {deleted} deletion(s)" in done.stdout
    platform.start()

    newcomer = signed_in(platform, profile_folder("new"))
    report = sync(newcomer, SyncOptions(page_limit=500))
    assert report.pages > 3
    assert report.resets == 0
    assert_mirror_equals_server(newcomer, platform.db, shop_id)
    # A computer that had seen the deletions carries on; one that had not takes a snapshot.
    assert sync(present).resets == 0
    assert_mirror_equals_server(present, platform.db, shop_id)
    assert sync(away, SyncOptions(page_limit=500)).resets == 1
    assert_mirror_equals_server(away, platform.db, shop_id)
    assert_rollups_and_search_agree(away)


def test_a_review_made_while_the_snapshot_is_pulled_is_kept_as_she_wrote_it(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("a"))
    sync(profile)
    order_no = newest_orders(profile, 1)[0].order_no
    review_order(profile, order_no, reviewed=True, note="旧的备注")
    sync(profile)
    platform.stop()
    platform.start("--new-epoch")

    typed: list[str] = []

    def while_pulling(progress: SyncProgress) -> None:
        if progress.phase == "snapshot" and not typed:
            typed.append(review_order(profile, order_no, note="她刚写的备注").mutation_id)

    report = sync(profile, SyncOptions(page_limit=2000, progress=while_pulling))
    assert report.resets == 1
    assert typed
    with profile.read() as s:
        order_id = s.scalar(select(Order.id).where(Order.order_no == order_no))
        mine = s.get(OrderReview, order_id)
        assert mine is not None
        assert mine.note == "她刚写的备注"
        parked = s.get(ConfirmedRow, ("order_review", str(order_id)))
        assert parked is not None
        assert parked.payload is not None
        assert orjson.loads(parked.payload)["note"] == "旧的备注"
    assert outbox_states(profile)[typed[0]] == "pending"

    assert sync(profile).applied == 1
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))
    assert applied_mutations(platform.db, shop_id_of(profile))[typed[0]] == "applied"


def test_a_first_pull_cut_short_then_a_new_epoch_loads_the_orders_whole(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("a"))
    pages: list[int] = []
    cut_short = SyncOptions(
        page_limit=3000,
        progress=lambda p: pages.append(p.done) if p.phase == "pull" else None,
        cancelled=lambda: len(pages) >= 1,
    )
    with pytest.raises(Exception, match="cancelled"):
        sync(profile, cut_short)
    with profile.read() as s:
        assert s.scalar(select(Order.id).limit(1)) is None, "the catalogue comes first"
    platform.stop()
    platform.start("--new-epoch")

    report = sync(profile)
    assert report.resets == 1
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))
    with profile.engine.connect() as conn:
        indexes = set(
            conn.exec_driver_sql("SELECT name FROM sqlite_master WHERE type = 'index'").scalars()
        )
    assert {i.name for t in BULK_TABLES for i in t.indexes} <= indexes
    assert_rollups_and_search_agree(profile)
    # The orders were loaded beside the table and took its place: the schema is the models'.
    with profile.engine.connect() as conn:
        differences = compare_metadata(
            MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": include_name}
            ),
            Base.metadata,
        )
        leftovers = conn.exec_driver_sql(
            "SELECT name FROM sqlite_master WHERE name LIKE '%\\_\\_next' ESCAPE '\\'"
        ).all()
    assert differences == []
    assert leftovers == []
