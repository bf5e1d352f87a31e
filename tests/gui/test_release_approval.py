"""Release requests end to end: the queue, the approval dialog, a real platform, and the sync."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path

import orjson
import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QMessageBox, QPushButton
from pytestqt.qtbot import QtBot
from sqlalchemy import select

from gui import tasks
from gui.releases.approval_dialog import ApprovalDialog
from gui.releases.workspace import ReleasesWorkspace
from models import wire
from models.db import Customer, CustomerBinding, Order, StoreManager
from models.profile import Profile
from models.services.order_detail import order_detail
from models.services.releases import decide_release
from models.sync.syncer import sync
from tests.gui.conftest import WhenShown
from tests.models import release_fixtures
from tests.models.release_fixtures import Computer, pending_requests
from tests.platform_process import PlatformProcess
from tests.sync.test_round_trip import shop_id_of
from tests.sync.views import server_view

computer = release_fixtures.computer

Shown = list[tuple[str, str, tuple[str, ...]]]


def platform_leavers(db: Path | str, shop_id: int, manager_id: int) -> Shown:
    """The platform's rule on the platform's own rows: active customers with a paid order in
    the manager's sub-store, each with those orders' numbers."""
    view = server_view(db, shop_id)
    customers = {c["id"]: c for c in map(orjson.loads, view["customer"]) if c["status"] == "active"}
    proofs: dict[int, set[str]] = defaultdict(set)
    for order in map(orjson.loads, view["order"]):
        if (
            order["store_manager_id"] == manager_id
            and order["status"] in wire.PAID_ORDER_STATUSES
            and order["customer_id"] in customers
        ):
            proofs[order["customer_id"]].add(order["order_no"])
    return sorted(
        (customers[i]["name"], customers[i]["phone_masked"], tuple(sorted(p)))
        for i, p in proofs.items()
    )


def shown_leavers(dialog: ApprovalDialog) -> Shown:
    return sorted(
        (name, phone, tuple(sorted(proof.split(", "))))
        for name, phone, proof in dialog.dossier_view.leaving_rows()
    )


def open_workspace(qtbot: QtBot, profile: Profile) -> ReleasesWorkspace:
    workspace = ReleasesWorkspace(profile)
    qtbot.addWidget(workspace)
    workspace.resize(1100, 600)
    workspace.show()
    settle(qtbot, workspace)
    return workspace


def settle(qtbot: QtBot, workspace: ReleasesWorkspace) -> None:
    qtbot.waitUntil(lambda: workspace.queue_model.rowCount() > 0 and not tasks.running())


def open_dialog(qtbot: QtBot, profile: Profile, request_id: int) -> ApprovalDialog:
    dialog = ApprovalDialog(profile, request_id)
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_loaded)
    return dialog


def decision_texts(workspace: ReleasesWorkspace) -> dict[int, str]:
    model = workspace.queue_model
    return {r.id: model.text_at(n, 3) for n, r in enumerate(model.rows)}


def test_the_queue_and_the_log_are_sound_models(
    qtbot: QtBot, qtmodeltester: object, synced_profile: Profile
) -> None:
    workspace = open_workspace(qtbot, synced_profile)
    pending = pending_requests(synced_profile)
    decide_release(synced_profile, pending[0], "decline", "再带一段时间团队")
    workspace.refresh()
    qtbot.waitUntil(lambda: not tasks.running())
    for model in (workspace.queue_model, workspace.log_model):
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert workspace.log_model.text_at(0, 4) == "再带一段时间团队"
    assert workspace.log_model.text_at(0, 5) == "Waiting to sync"


def test_approving_moves_the_customers_listed_and_the_badge_drops(
    qtbot: QtBot, computer: Computer, platform: PlatformProcess, when_shown: WhenShown
) -> None:
    owner = computer("owner")
    workspace = open_workspace(qtbot, owner)
    pending = pending_requests(owner)
    assert workspace.badge() == len(pending)
    texts = decision_texts(workspace)
    assert {texts[i] for i in pending} == {"Waiting for your decision"}
    request = workspace.current_request()
    assert request is not None
    assert request.id in pending
    expected = platform_leavers(platform.db, shop_id_of(owner), request.manager_id)
    assert len(expected) >= 5, "the demo request takes customers along"
    seen: dict[str, object] = {}

    def review_and_approve(dialog: ApprovalDialog) -> None:
        seen["leaving"] = shown_leavers(dialog)
        seen["staying"] = dialog.dossier_view.staying.text()
        dialog.reason.setText("她已经可以独当一面了")
        dialog.approve_button.click()

    def confirm(box: QMessageBox) -> None:
        seen["confirmation"] = box.text()
        button = box.findChild(QPushButton, "confirm_button")
        assert button is not None
        button.click()

    def look_and_close(dialog: ApprovalDialog) -> None:
        seen["outcome"] = dialog.outcome.text()
        seen["decidable"] = dialog.decide_row.isVisibleTo(dialog)
        dialog.reject()

    when_shown(ApprovalDialog, review_and_approve, ready=lambda d: d.is_loaded())
    when_shown(QMessageBox, confirm)
    when_shown(
        ApprovalDialog, look_and_close, ready=lambda d: d.decision is not None and d.is_loaded()
    )
    with qtbot.waitSignal(workspace.local_action_done):
        workspace.activateWindow()
        workspace.queue.setFocus()
        QTest.keyClick(workspace.queue, Qt.Key.Key_Return)
    settle(qtbot, workspace)

    assert seen["leaving"] == expected
    assert "Only customers with a paid order in" in str(seen["staying"])
    confirmation = str(seen["confirmation"])
    assert f"{len(expected)} customers will leave with {request.manager_name}" in confirmation
    assert "of the last 90 days' sales (" in confirmation
    assert "You approved · waiting to sync" in str(seen["outcome"])
    assert seen["decidable"] is False
    assert workspace.badge() == len(pending) - 1
    assert decision_texts(workspace)[request.id] == "You approved · waiting to sync"

    sync(owner)
    workspace.refresh()
    settle(qtbot, workspace)
    assert decision_texts(workspace)[request.id] == "You approved · applied"
    mine = [r for r in workspace.log_model.rows if r.here]
    assert [(r.request_id, r.outcome) for r in mine] == [(request.id, "applied")]
    reopened = open_dialog(qtbot, owner, request.id)
    assert not reopened.decide_row.isVisibleTo(reopened), "a decided request is read-only"
    assert "You approved · applied" in reopened.outcome.text()
    assert shown_leavers(reopened) == expected
    assert reopened.dossier_view.leaving_title.text() == (
        f"{len(expected)} customers left with {request.manager_name}"
    )
    names = {(name, phone) for name, phone, _ in expected}
    with owner.read() as s:
        moved_out = set(
            s.scalars(
                select(CustomerBinding.customer_id).where(
                    CustomerBinding.release_request_id == request.id,
                    CustomerBinding.event == "release_out",
                )
            )
        )
        moved = s.scalars(select(Customer).where(Customer.id.in_(moved_out))).all()
        assert {(c.name, c.phone_masked) for c in moved} == names
        assert {c.status for c in moved} == {"left"}
        manager = s.get(StoreManager, request.manager_id)
        assert manager is not None
        assert manager.status == "released"
        proof_order = s.scalar(select(Order.id).where(Order.order_no == expected[0][2][0]))
        assert proof_order is not None
    detail = order_detail(owner, proof_order)
    assert detail is not None
    assert detail.binding is not None
    assert detail.binding.status == "left"
    assert detail.binding.store_name == request.manager_name
    assert "ledger:release_out" in [m.what for m in detail.timeline]


def test_declining_needs_a_reason_and_leaves_everyone_in_place(
    qtbot: QtBot, computer: Computer, monkeypatch: pytest.MonkeyPatch
) -> None:
    owner = computer("owner")
    request_id = pending_requests(owner)[0]
    with owner.read() as s:
        before = {c.id: (c.status, c.store_manager_id) for c in s.scalars(select(Customer))}
    dialog = open_dialog(qtbot, owner, request_id)
    asked: list[str] = []

    def confirm(_title: str, text: str, _action: str) -> bool:
        asked.append(text)
        return True

    monkeypatch.setattr(dialog, "confirm", confirm)
    dialog.decline_button.click()
    assert asked == []
    assert dialog.reason_hint.text() == "Please give a reason for declining."
    dialog.reason.setText("再带一段时间团队")
    dialog.decline_button.click()
    qtbot.waitUntil(lambda: dialog.decision is not None and dialog.is_loaded())
    assert "every customer stays with you" in asked[0]
    assert "You declined · waiting to sync" in dialog.outcome.text()

    sync(owner)
    dialog.reload()
    qtbot.waitUntil(dialog.is_loaded)
    assert "You declined · applied" in dialog.outcome.text()
    assert not dialog.decide_row.isVisibleTo(dialog)
    with owner.read() as s:
        after = {c.id: (c.status, c.store_manager_id) for c in s.scalars(select(Customer))}
    assert after == before


def test_a_late_decision_from_another_computer_is_refused_in_words(
    qtbot: QtBot, computer: Computer, monkeypatch: pytest.MonkeyPatch
) -> None:
    laptop, desk = computer("laptop"), computer("desk")
    request_id = pending_requests(laptop)[0]
    decide_release(laptop, request_id, "approve", "")
    sync(laptop)
    workspace = open_workspace(qtbot, desk)
    dialog = open_dialog(qtbot, desk, request_id)
    monkeypatch.setattr(dialog, "confirm", lambda _title, _text, _action: True)
    dialog.reason.setText("还差一点")
    dialog.decline_button.click()
    qtbot.waitUntil(lambda: dialog.decision is not None and dialog.is_loaded())

    report = sync(desk)
    assert [r.code for r in report.rejected] == ["already_decided"]
    workspace.refresh()
    dialog.reload()
    qtbot.waitUntil(lambda: dialog.is_loaded() and not tasks.running())
    refused = "Refused: it had already been approved on another computer or on the platform"
    assert refused in dialog.outcome.text()
    assert not dialog.decide_row.isVisibleTo(dialog)
    assert decision_texts(workspace)[request_id] == refused
    log = [
        (workspace.log_model.text_at(n, 1), workspace.log_model.text_at(n, 5))
        for n in range(workspace.log_model.rowCount())
    ]
    assert ("Another computer or the platform", "Recorded by the platform") in log
    assert any(who.endswith("on this computer") and outcome == refused for who, outcome in log)
