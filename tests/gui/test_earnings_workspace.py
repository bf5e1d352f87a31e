"""The earnings workspace on a really synced shop: the balance, the statements and their lines,
the exports, the withdrawal dialog and the reconciliation show what the services say."""

from __future__ import annotations

import subprocess
import unicodedata
from pathlib import Path

import openpyxl
import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QMessageBox, QPushButton
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.earnings.exports import save_pdf, save_xlsx
from gui.earnings.reconciliation_panel import EVERYTHING
from gui.earnings.table_models import VALUE_ROLE
from gui.earnings.withdrawal_dialog import WithdrawalDialog
from gui.earnings.workspace import EarningsWorkspace
from gui.formatting import money
from models.profile import Profile
from models.services.earnings import earnings
from models.services.reconciliation import MISMATCH, PROBLEMS, REASONS, differences
from models.services.statements import statement_lines, statements
from models.services.withdrawals import withdrawal_lines
from models.statement_export import LINE_COLUMNS
from tests.gui.conftest import WhenShown


def settle(qtbot: QtBot) -> None:
    qtbot.waitUntil(lambda: not tasks.running(), timeout=20_000)


def open_workspace(qtbot: QtBot, profile: Profile) -> EarningsWorkspace:
    ws = EarningsWorkspace(profile)
    qtbot.addWidget(ws)
    ws.resize(1180, 680)
    with qtbot.waitSignal(ws.loaded, timeout=20_000):
        ws.show()
    settle(qtbot)
    qtbot.waitUntil(lambda: ws.statements.shown is not None)
    return ws


@pytest.fixture
def workspace(qtbot: QtBot, synced_profile: Profile) -> EarningsWorkspace:
    return open_workspace(qtbot, synced_profile)


def test_every_model_passes_the_model_tester_and_shows_the_services_rows(
    qtbot: QtBot, qtmodeltester: object, workspace: EarningsWorkspace, synced_profile: Profile
) -> None:
    workspace.reconciliation.set_choice(EVERYTHING)
    settle(qtbot)
    models = (
        workspace.balance.upcoming_model,
        workspace.statements.model,
        workspace.statements.lines_model,
        workspace.withdrawals_model,
        workspace.reconciliation.model,
    )
    for model in models:
        assert model.rowCount() > 0, type(model).__name__
        qtmodeltester.check(model)  # type: ignore[attr-defined]
    assert workspace.statements.model.rows == statements(synced_profile)
    newest = statements(synced_profile)[0]
    assert workspace.statements.lines_model.rows == statement_lines(synced_profile, newest.id)
    assert workspace.withdrawals_model.rows == withdrawal_lines(synced_profile)
    assert workspace.reconciliation.model.rows == differences(synced_profile, REASONS)
    assert workspace.balance.upcoming_model.rows == earnings(synced_profile).upcoming


def test_the_balance_shows_its_parts_and_what_comes_when(
    workspace: EarningsWorkspace, synced_profile: Profile
) -> None:
    found = earnings(synced_profile)
    balance = found.balance
    assert workspace.balance.figure("pending") == money(balance.pending_cents)
    assert workspace.balance.figure("available") == money(balance.available_cents)
    assert workspace.balance.figure("in_withdrawal") == money(balance.in_withdrawal_cents)
    assert workspace.balance.figure("withdrawn") == money(balance.withdrawn_cents)
    upcoming = workspace.balance.upcoming_model
    assert upcoming.text_at(0, 1) == money(found.upcoming[0].cents)
    assert workspace.balance.withdraw_button.isEnabled()
    assert "Its " in workspace.statements.check.text()
    assert "add up to its total" in workspace.statements.check.text()


def test_choosing_a_statement_shows_its_lines_and_keeps_it_through_a_refresh(
    qtbot: QtBot, workspace: EarningsWorkspace, synced_profile: Profile
) -> None:
    older = statements(synced_profile)[5]
    workspace.statements.choose_row(5)
    qtbot.waitUntil(
        lambda: workspace.statements.shown is not None and workspace.statements.shown.id == older.id
    )
    lines = workspace.statements.lines_model
    assert lines.rows == statement_lines(synced_profile, older.id)
    assert sum(line.amount_cents for line in lines.rows) == older.total_cents
    with qtbot.waitSignal(workspace.loaded, timeout=20_000):
        workspace.refresh()
    settle(qtbot)
    assert workspace.statements.current_id() == older.id


def test_the_exported_xlsx_is_the_view_types_included(
    qtbot: QtBot, workspace: EarningsWorkspace, tmp_path: Path
) -> None:
    panel = workspace.statements
    # The owner sorts the lines by amount, the largest first: the file follows the view.
    panel.lines.sortByColumn(LINE_COLUMNS.index("amount"), Qt.SortOrder.DescendingOrder)
    view = panel.sorted_lines
    shown = [
        [view.index(row, column).data(VALUE_ROLE) for column in range(view.columnCount())]
        for row in range(view.rowCount())
    ]
    texts = [
        [view.index(row, column).data() for column in range(view.columnCount())]
        for row in range(view.rowCount())
    ]
    assert panel.shown is not None
    path = tmp_path / "statement.xlsx"
    task = save_xlsx(workspace._profile, panel.shown.id, path, panel.line_order())
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    book = openpyxl.load_workbook(path)
    sheet = book["Lines"]
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == [view.headerData(c, Qt.Orientation.Horizontal) for c in range(6)]
    body = [list(r) for r in rows[1:]]
    assert len(body) == len(shown) == panel.shown.line_count
    amount, rate = LINE_COLUMNS.index("amount"), LINE_COLUMNS.index("rate")
    for line, values, words in zip(body, shown, texts, strict=True):
        for column, (cell, value) in enumerate(zip(line, values, strict=True)):
            if column in (amount, rate) and value is not None:
                assert isinstance(cell, int | float), (column, cell)
                assert cell == pytest.approx(value)
            else:
                assert cell == (value if value != "" else None), (column, cell, value)
        assert money(round(line[amount] * 100)) == words[amount]
    amounts = [line[amount] for line in body]
    assert amounts == sorted(amounts, reverse=True)
    cells = {row[0].value: row[1] for row in book["Summary"].iter_rows()}
    assert cells["Total"].value == pytest.approx(panel.shown.total_cents / 100)
    assert cells["Total"].number_format.startswith('"¥"')


def test_the_statement_prints_on_one_pdf_page(
    qtbot: QtBot, workspace: EarningsWorkspace, tmp_path: Path
) -> None:
    summary = workspace.statements.shown
    assert summary is not None
    path = tmp_path / "statement.pdf"
    task = save_pdf(workspace._profile, summary.id, path, "小美的衣橱")
    with qtbot.waitSignal(task.done, timeout=20_000):
        pass
    info = subprocess.run(["pdfinfo", str(path)], capture_output=True, text=True, check=True)
    assert "Pages:           1" in info.stdout
    text = subprocess.run(
        ["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True, check=True
    ).stdout
    # A reader copies the figures as digits; its Chinese may come out as look-alike radicals.
    text = unicodedata.normalize("NFKC", text)
    assert money(summary.total_cents) in text
    assert money(summary.commission_cents) in text
    assert "小美的衣橱" in text
    assert "Own store" in text
    assert f"{summary.line_count} lines in all" in text


def test_a_withdrawal_is_confirmed_in_words_and_waits_to_sync(
    qtbot: QtBot, workspace: EarningsWorkspace, synced_profile: Profile, when_shown: WhenShown
) -> None:
    available = earnings(synced_profile).balance.available_cents
    seen: dict[str, object] = {}

    def ask(dialog: WithdrawalDialog) -> None:
        seen["loaded"] = dialog.heading.text()
        seen["empty"] = (dialog.amount_cents(), dialog.withdraw_button.isEnabled())
        dialog.set_amount_cents(999)
        seen["small"] = (dialog.withdraw_button.isEnabled(), dialog.words.text())
        dialog.set_amount_cents(available + 100)
        seen["clamped"] = dialog.amount_cents()
        dialog.set_amount_cents(12_345)
        seen["fine"] = (dialog.withdraw_button.text(), dialog.words.text())
        dialog.withdraw_button.click()

    def confirm(box: QMessageBox) -> None:
        seen["confirmation"] = box.text()
        seen["default"] = box.defaultButton().text()
        button = box.findChild(QPushButton, "confirm_button")
        assert button is not None
        button.click()

    when_shown(WithdrawalDialog, ask, ready=lambda d: d.is_loaded())
    when_shown(QMessageBox, confirm)
    workspace.balance.withdraw_button.click()
    settle(qtbot)

    assert seen["loaded"] == f"Available to withdraw: {money(available)}"
    assert seen["empty"] == (0, False), "nothing is asked for until the owner types it"
    assert seen["small"] == (False, "A withdrawal is at least ¥10.00.")
    assert seen["clamped"] == available, "the box holds no more than the balance"
    assert seen["fine"][0] == "Withdraw ¥123.45…"  # type: ignore[index]
    assert "¥123.45 goes to your bank account" in seen["fine"][1]  # type: ignore[index]
    confirmation = str(seen["confirmation"])
    assert confirmation.startswith("Withdraw ¥123.45 to your bank account?")
    assert money(available - 12_345) in confirmation
    assert seen["default"] == "Cancel"
    assert workspace.tabs.currentWidget() is workspace.withdrawals
    qtbot.waitUntil(lambda: workspace.withdrawals_model.text_at(0, 2) == "Waiting to sync")
    assert workspace.withdrawals_model.text_at(0, 1) == "¥123.45"
    assert workspace.balance.figure("available") == money(available - 12_345)


def test_cancelling_the_confirmation_withdraws_nothing(
    qtbot: QtBot, synced_profile: Profile, when_shown: WhenShown
) -> None:
    before = withdrawal_lines(synced_profile)

    def ask(dialog: WithdrawalDialog) -> None:
        dialog.set_amount_cents(5_000)
        dialog.withdraw_button.click()

    def cancel(box: QMessageBox) -> None:
        box.defaultButton().click()

    when_shown(WithdrawalDialog, ask, ready=lambda d: d.is_loaded())
    when_shown(QMessageBox, cancel)
    seen: list[object] = []

    def close(dialog: WithdrawalDialog) -> None:
        seen.append(dialog.recorded)
        dialog.reject()

    when_shown(
        WithdrawalDialog,
        close,
        ready=lambda d: d.is_loaded() and not d.is_busy() and d.amount_cents() == 5_000,
    )
    assert WithdrawalDialog.ask(None, synced_profile) is None
    settle(qtbot)
    assert seen == [None]
    assert withdrawal_lines(synced_profile) == before


def test_the_reconciliation_lists_each_reason_and_leads_to_the_orders(
    qtbot: QtBot, workspace: EarningsWorkspace, synced_profile: Profile
) -> None:
    workspace.tabs.setCurrentWidget(workspace.reconciliation)
    panel = workspace.reconciliation
    assert panel.choice() == MISMATCH
    problems = differences(synced_profile, PROBLEMS)
    assert panel.model.rows == problems
    assert {d.reason for d in problems} >= {"paid_twice", "missing_from_statement"}
    assert panel.summary.text().startswith(f"{len(problems)} orders' money does not add up")
    twice = next(n for n, d in enumerate(problems) if d.reason == "paid_twice")
    panel.table.selectRow(twice)
    assert panel.why.text().endswith(
        f"Paid 2 times: {money(problems[twice].paid_cents)} where the rules give "
        f"{money(problems[twice].expected_cents)}."
    )
    panel.set_choice("not_yet_settleable")
    settle(qtbot)
    assert panel.model.rows == differences(synced_profile, ("not_yet_settleable",))
    assert {panel.model.text_at(n, 7) for n in range(panel.model.rowCount())} == {
        "Not yet settleable"
    }
    with qtbot.waitSignal(workspace.show_orders) as shown:
        panel.orders_button.click()
    assert shown.args == ["not_yet_settleable"]


def test_in_chinese_the_earnings_speak_chinese(
    qtbot: QtBot, qapp: QApplication, synced_profile: Profile
) -> None:
    assert i18n.install(qapp, "zh_CN") == "zh_CN"
    ws = open_workspace(qtbot, synced_profile)
    assert ws.title() == "收益"
    assert ws.balance.cards["available"].title_text() == "可提现"
    assert ws.tabs.tabText(3) == "对账(&R)"
    assert ws.statements.lines_model.headerData(0, Qt.Orientation.Horizontal) == "订单号"
