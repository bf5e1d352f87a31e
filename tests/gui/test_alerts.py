"""Alerts in the window of a shop synced with a living platform (its simulation running): each
fires once for its event, a kind switched off stays silent, and a click opens the place."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot
from sqlalchemy import create_engine
from sqlalchemy.pool import NullPool

from gui.alerts.settings_dialog import AlertSettingsDialog
from models.services.alerts import DAY, Alert, AlertKind, switch_off
from models.services.releases import decide_release
from models.sync.syncer import sync
from server.db.shops import ReleaseRequest, StoreManager
from server.rows import load_rows, new_ids, save_rows
from tests.gui.conftest import present
from tests.gui.living_platform import Desk, living_platform, open_desk, shop_folder
from tests.platform_process import PlatformProcess

__all__ = ["living_platform", "shop_folder"]


@pytest.fixture
def desk(qtbot: QtBot, shop_folder: Path) -> Iterator[Desk]:
    opened = open_desk(qtbot, shop_folder)
    wait_for_alerts(opened)
    yield opened
    opened.close()


def wait_for_alerts(desk: Desk) -> None:
    desk.settle()
    desk.qtbot.waitUntil(lambda: not desk.window.alerts.centre.is_busy(), timeout=20_000)
    desk.settle()


def told(desk: Desk, kind: AlertKind) -> list[Alert]:
    return [a for a in desk.window.alerts.panel.alerts() if a.kind == kind]


def shop_id(desk: Desk) -> int:
    with sqlite3.connect(desk.profile.db_path) as conn:
        return int(conn.execute("SELECT shop_id FROM sync_state").fetchone()[0])


def open_a_release_request(platform: PlatformProcess, shop: int) -> tuple[int, int]:
    """What the platform does when a manager earns her release: a pending request in the feed."""
    engine = create_engine(f"sqlite:///{platform.db}", poolclass=NullPool)
    try:
        with engine.begin() as conn:
            asked = {r["store_manager_id"] for r in load_rows(conn, "release_request", shop)}
            manager = next(
                m["id"]
                for m in load_rows(conn, "store_manager", shop, StoreManager.status == "active")
                if m["id"] not in asked
            )
            (request,) = new_ids(conn, "release_request", 1, shop)
            row = {
                "id": request,
                "store_manager_id": manager,
                "created_at": 1_795_500_000,
                "status": "pending",
                "decided_at": None,
                "decision_reason": "",
                "new_shop_code": None,
            }
            save_rows(conn, "release_request", [row], shop)
            assert load_rows(conn, "release_request", shop, ReleaseRequest.id == request)
    finally:
        engine.dispose()
    return request, manager


def test_a_new_release_request_is_told_once_and_opens_in_the_releases_workspace(
    qtbot: QtBot, desk: Desk, living_platform: PlatformProcess
) -> None:
    already = {a.target for a in told(desk, "release_request")}
    with sqlite3.connect(desk.profile.db_path) as conn:
        pending = {
            r for (r,) in conn.execute("SELECT id FROM release_request WHERE status = 'pending'")
        }
    # What this computer had not told of before, at its first start.
    assert already == pending
    request, _manager = open_a_release_request(living_platform, shop_id(desk))
    desk.sync()
    wait_for_alerts(desk)
    new = [a for a in told(desk, "release_request") if a.target == request]
    assert len(new) == 1
    assert "asks to be released" in desk.window.statusBar().currentMessage()
    desk.sync()
    wait_for_alerts(desk)
    assert len([a for a in told(desk, "release_request") if a.target == request]) == 1

    desk.window.alerts.panel.open_row(0)
    desk.settle()
    assert desk.window.current_workspace() is desk.window.releases
    current = present(desk.window.releases).current_request()
    assert current is not None
    assert current.id == request


def test_nothing_is_told_again_at_the_next_start(
    qtbot: QtBot, shop_folder: Path, living_platform: PlatformProcess
) -> None:
    first = open_desk(qtbot, shop_folder)
    wait_for_alerts(first)
    assert told(first, "release_request")
    first.sync()
    wait_for_alerts(first)
    first.close()
    again = open_desk(qtbot, shop_folder)
    try:
        again.sync()
        wait_for_alerts(again)
        assert told(again, "release_request") == []
    finally:
        again.close()


def test_a_stage_deadline_within_three_days_is_told_once_and_opens_the_manager(
    qtbot: QtBot, desk: Desk
) -> None:
    with sqlite3.connect(desk.profile.db_path) as conn:
        progress, manager, deadline = conn.execute(
            "SELECT p.id, p.store_manager_id, p.deadline_at FROM task_progress p"
            " JOIN store_manager m ON m.id = p.store_manager_id"
            " WHERE m.status = 'active' AND p.status = 'in_progress' AND p.started_at = ("
            "  SELECT max(started_at) FROM task_progress q"
            "  WHERE q.store_manager_id = p.store_manager_id)"
            " ORDER BY p.deadline_at DESC LIMIT 1"
        ).fetchone()
    centre = desk.window.alerts.centre
    centre.clock = lambda: deadline - 2 * DAY
    desk.sync()
    wait_for_alerts(desk)
    mine = [a for a in told(desk, "stage_deadline") if a.key == str(progress)]
    assert [a.target for a in mine] == [manager]
    desk.sync()
    wait_for_alerts(desk)
    assert len([a for a in told(desk, "stage_deadline") if a.key == str(progress)]) == 1

    panel = desk.window.alerts.panel
    row = panel.alerts().index(mine[0])
    panel.open_row(row)
    managers = present(desk.window.managers)
    qtbot.waitUntil(lambda: managers.current_line() is not None, timeout=20_000)
    qtbot.waitUntil(lambda: getattr(managers.current_line(), "id", None) == manager, timeout=20_000)
    assert desk.window.current_workspace() is desk.window.managers


def test_a_refused_action_is_told_once_and_opens_where_it_was_done(
    qtbot: QtBot, desk: Desk, living_platform: PlatformProcess, tmp_path: Path
) -> None:
    import shutil

    from models.profile import Profile
    from models.services.account import login
    from tests.models.release_fixtures import pending_requests

    # Another computer of the shop decides first; this one's decision comes too late.
    laptop_folder = tmp_path / "laptop"
    shutil.copytree(desk.profile.folder, laptop_folder, ignore=shutil.ignore_patterns("*.lock"))
    laptop = Profile.open(laptop_folder)
    try:
        login(laptop, living_platform.url, "demo1", "demo")
        request = pending_requests(laptop)[0]
        decide_release(laptop, request, "approve", "")
        sync(laptop)
    finally:
        laptop.close()
    decide_release(desk.profile, request, "decline", "还差一点")
    desk.sync()
    wait_for_alerts(desk)
    refused = told(desk, "refused_action")
    assert [(a.action, a.target) for a in refused] == [("release.decide", request)]
    desk.sync()
    wait_for_alerts(desk)
    assert len(told(desk, "refused_action")) == 1
    desk.window.show_workspace(present(desk.window.orders))
    panel = desk.window.alerts.panel
    panel.open_row(panel.alerts().index(refused[0]))
    desk.settle()
    assert desk.window.current_workspace() is desk.window.releases
    current = present(desk.window.releases).current_request()
    assert current is not None
    assert current.id == request


def test_a_kind_switched_off_is_silent(
    qtbot: QtBot, desk: Desk, living_platform: PlatformProcess
) -> None:
    switch_off(desk.profile, ["release_request"])
    before = len(told(desk, "release_request"))
    request, _manager = open_a_release_request(living_platform, shop_id(desk))
    desk.sync()
    wait_for_alerts(desk)
    assert len(told(desk, "release_request")) == before
    assert "asks to be released" not in desk.window.statusBar().currentMessage()
    # Switched on again, the news it missed is not brought back.
    switch_off(desk.profile, [])
    desk.sync()
    wait_for_alerts(desk)
    assert request not in {a.target for a in told(desk, "release_request")}


def test_a_sync_failing_for_half_an_hour_is_told_once_and_opens_the_sync_status(
    qtbot: QtBot, desk: Desk, living_platform: PlatformProcess
) -> None:
    with sqlite3.connect(desk.profile.db_path) as conn:
        (last,) = conn.execute("SELECT last_sync_at FROM sync_state").fetchone()
    centre = desk.window.alerts.centre
    centre.clock = lambda: last + 31 * 60
    living_platform.stop()
    desk.controller.sync_now()
    wait_for_alerts(desk)
    failing = told(desk, "sync_failing")
    assert len(failing) == 1
    assert "No sync has worked since" in desk.window.statusBar().currentMessage()
    desk.controller.sync_now()
    wait_for_alerts(desk)
    assert len(told(desk, "sync_failing")) == 1
    desk.window.show_workspace(present(desk.window.orders))
    desk.window.alerts.panel.open_row(desk.window.alerts.panel.alerts().index(failing[0]))
    assert desk.window.current_workspace() is desk.window.dashboard
    assert desk.window.statusBar().currentMessage() == ""


def test_the_settings_dialog_switches_kinds_off_and_on(qtbot: QtBot) -> None:
    dialog = AlertSettingsDialog({"sync_failing"})
    qtbot.addWidget(dialog)
    assert not dialog.boxes["sync_failing"].isChecked()
    assert dialog.boxes["release_request"].isChecked()
    assert dialog.boxes["release_request"].text() == "New release requests"
    dialog.boxes["release_request"].click()
    dialog.boxes["sync_failing"].click()
    assert dialog.kinds_off() == {"release_request"}
