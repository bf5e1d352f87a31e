"""Safe dialogs: Enter in a text field never decides, and every question's default answer is the
harmless one. A decline reason typed and not used is kept."""

from __future__ import annotations

import ast
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialogButtonBox, QMessageBox, QPushButton, QWidget
from pytestqt.qtbot import QtBot
from sqlalchemy import func, select

from gui import tasks
from gui.quitting import QuitChoice, ask_before_quitting
from gui.releases.approval_dialog import ApprovalDialog
from models.db import OutboxEntry
from models.profile import Profile
from models.services.drafts import reason_draft
from tests.gui.conftest import WhenShown
from tests.models.release_fixtures import pending_requests

GUI = Path(__file__).resolve().parents[2] / "gui"
# The two places a question with choices is built; each makes the harmless answer the default.
QUESTION_MODULES = {
    "confirm.py",
    "quitting.py",
    # Messages with one answer (OK, Close) and at most a harmless extra one (open the folder,
    # restore a backup that is itself confirmed): nothing is decided by Enter there.
    "app.py",
    "backup_restore.py",
    "export_dialog.py",
}


def open_dialog(qtbot: QtBot, profile: Profile) -> ApprovalDialog:
    dialog = ApprovalDialog(profile, pending_requests(profile)[0])
    qtbot.addWidget(dialog)
    dialog.show()
    qtbot.waitUntil(dialog.is_loaded, timeout=20_000)
    return dialog


def decisions(profile: Profile) -> int:
    with profile.read() as s:
        return int(
            s.scalar(
                select(func.count())
                .select_from(OutboxEntry)
                .where(OutboxEntry.kind == "release.decide")
            )
            or 0
        )


def test_enter_in_the_decline_reason_does_not_approve(
    qtbot: QtBot, synced_profile: Profile, when_shown: WhenShown
) -> None:
    asked: list[str] = []

    def refuse(box: QMessageBox) -> None:
        asked.append(box.windowTitle())
        box.reject()

    when_shown(QMessageBox, refuse)
    dialog = open_dialog(qtbot, synced_profile)
    dialog.reason.setFocus()
    QTest.keyClicks(dialog.reason, "not ready yet")
    QTest.keyClick(dialog.reason, Qt.Key.Key_Return)
    QTest.keyClick(dialog.reason, Qt.Key.Key_Enter)
    qtbot.wait(300)

    assert asked == []
    assert dialog.isVisible()
    assert dialog.decision is None
    assert decisions(synced_profile) == 0
    assert dialog.reason.text() == "not ready yet"
    assert dialog.reason_hint.text() == "To decide, choose Approve… or Decline…."
    for button in dialog.findChildren(QPushButton):
        assert not button.isDefault()
        assert not button.autoDefault()
    qtbot.waitUntil(lambda: not tasks.running())


def test_the_confirmation_answers_enter_with_cancel(
    qtbot: QtBot, synced_profile: Profile, when_shown: WhenShown
) -> None:
    seen: list[str] = []

    def press_enter(box: QMessageBox) -> None:
        default = box.defaultButton()
        seen.append(default.text() if default is not None else "")
        seen.append(box.escapeButton().text() if box.escapeButton() is not None else "")
        QTest.keyClick(box, Qt.Key.Key_Return)

    when_shown(QMessageBox, press_enter)
    dialog = open_dialog(qtbot, synced_profile)
    dialog.reason.setText("还要再带一段时间")
    dialog.decline_button.click()
    assert seen == ["Cancel", "Cancel"]
    assert dialog.decision is None
    assert decisions(synced_profile) == 0
    qtbot.waitUntil(lambda: not tasks.running())


def test_a_decline_reason_is_kept_when_the_dialog_closes(
    qtbot: QtBot, synced_profile: Profile
) -> None:
    dialog = open_dialog(qtbot, synced_profile)
    request_id = dialog.request_id
    dialog.reason.setText("销量还不稳定，下个月再看")
    dialog.buttons.button(QDialogButtonBox.StandardButton.Close).click()
    qtbot.waitUntil(lambda: not tasks.running())
    assert reason_draft(synced_profile, request_id) == "销量还不稳定，下个月再看"

    again = open_dialog(qtbot, synced_profile)
    assert again.reason.text() == "销量还不稳定，下个月再看"
    assert again.reason_hint.text() == "The reason you began last time is kept here."
    qtbot.waitUntil(lambda: not tasks.running())


def test_the_quit_question_defaults_to_the_answer_that_loses_nothing(
    qtbot: QtBot, when_shown: WhenShown
) -> None:
    seen: list[tuple[str, str, str]] = []

    def look(box: QMessageBox) -> None:
        default, escape = box.defaultButton(), box.escapeButton()
        seen.append((box.text(), default.objectName(), escape.objectName()))
        QTest.keyClick(box, Qt.Key.Key_Escape)

    parent = QWidget()
    qtbot.addWidget(parent)
    when_shown(QMessageBox, look)
    assert ask_before_quitting(parent, 3) is QuitChoice.STAY
    when_shown(QMessageBox, look)
    assert ask_before_quitting(parent, 1, "Cannot reach the platform.") is QuitChoice.STAY
    assert seen == [
        (
            "3 actions you took on this computer have not reached the platform yet.",
            "sync_then_quit",
            "stay",
        ),
        ("1 action you took on this computer has not reached the platform yet.", "stay", "stay"),
    ]


def _mentions_message_box(node: ast.AST) -> bool:
    return any(isinstance(n, ast.Name) and n.id == "QMessageBox" for n in ast.walk(node))


def test_questions_with_choices_are_built_only_where_the_default_is_kept_harmless() -> None:
    """Every QMessageBox given buttons of its own, and every static question, in gui/."""
    found = []
    for path in sorted(GUI.rglob("*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            if not isinstance(node, ast.Call) or not isinstance(node.func, ast.Attribute):
                continue
            name, target = node.func.attr, node.func.value
            static = isinstance(target, ast.Name) and target.id == "QMessageBox"
            question = static and name in {"question", "warning", "information"}
            buttons = name == "addButton" and any(map(_mentions_message_box, node.args))
            several = static and any(isinstance(a, ast.BinOp) for a in node.args)
            if (question or buttons or several) and path.name not in QUESTION_MODULES:
                found.append(f"{path.relative_to(GUI)}:{node.lineno} {name}")
    assert found == []
