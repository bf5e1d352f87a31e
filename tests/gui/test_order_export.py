"""Exports as the owner and Excel meet them: the file holds her review, flag and note, opens with
its header frozen and a filter on it, money as numbers in yuan and times as dates, and equals what
the order table shows; the window says how far it got from the start, can stop, names the file
by its day and opens its folder; ``main.py export`` writes the same without a window."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import openpyxl
import pytest
from PySide6.QtWidgets import QApplication, QMessageBox, QProgressDialog, QPushButton
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.orders.export_dialog import default_name, start_export
from gui.orders.labels import status_label
from gui.orders.workspace import OrdersWorkspace
from models.profile import Profile
from models.services.order_table import OrderFilter, OrderRow, Sort, SortColumn, fetch_page
from models.services.reviews import review_order
from tests.gui.test_orders_workspace import every_row, settle

ROOT = Path(__file__).resolve().parents[2]
HEADER = (
    "Order no.",
    "Placed at",
    "Customer",
    "Store",
    "Amount",
    "Commission",
    "Status",
    "Reviewed",
    "Flag",
    "Note",
    "Items",
)
NOTES = {0: ("周五前发货 🚚", "follow_up"), 2: ("地址写错了，已联系", "problem"), 5: ("", "none")}


@pytest.fixture
def workspace(qtbot: QtBot, synced_profile: Profile) -> OrdersWorkspace:
    """The orders workspace on its paid tab, with notes and flags on some of its orders."""
    ws = OrdersWorkspace(synced_profile)
    qtbot.addWidget(ws)
    ws.resize(1366, 700)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.show()
    settle(qtbot, ws)
    for status in ("paid", "completed"):
        newest = fetch_page(synced_profile, OrderFilter(status=status), Sort(), limit=10)
        for position, (note, flag) in NOTES.items():
            order_no = newest[position].order_no
            review_order(synced_profile, order_no, reviewed=True, flag=flag, note=note)
    with qtbot.waitSignal(ws.model.loaded, timeout=20_000):
        ws.tabs.setCurrentIndex(2)  # paid
    settle(qtbot, ws)
    return ws


def view_values(row: OrderRow) -> tuple[Any, ...]:
    """What the view shows of a row, as the cells of the file should hold it."""
    flag = {"none": None, "problem": "Problem", "follow_up": "Follow up"}[row.flag]
    return (
        row.order_no,
        dt.datetime.fromtimestamp(row.placed_at),
        f"{row.customer_name} {row.customer_phone}".strip(),
        row.store_name or "Own store",
        row.amount_cents,
        row.commission_cents,
        status_label(row.status),
        "Yes" if row.reviewed else "No",
        flag,
        row.note or None,
        row.items_summary,
    )


def file_values(line: tuple[Any, ...]) -> tuple[Any, ...]:
    values = list(line)
    values[4], values[5] = round(values[4] * 100), round(values[5] * 100)
    return tuple(values)


def check_workbook(path: Path, shown: list[OrderRow]) -> None:
    """Open as Excel would (not the streaming reader: it would not see the sheet's settings)."""
    book = openpyxl.load_workbook(path)
    sheet = book.active
    assert sheet is not None
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0] == HEADER
    assert [file_values(line) for line in lines[1:]] == [view_values(r) for r in shown]
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == f"A1:K{len(shown) + 1}"
    assert sheet["A1"].font.b
    for line in sheet.iter_rows(min_row=2, max_row=4):
        placed, amount, commission = line[1], line[4], line[5]
        assert placed.is_date
        assert placed.number_format == "yyyy-mm-dd hh:mm"
        for money in (amount, commission):
            assert money.data_type == "n"
            assert "¥" in money.number_format
            assert "#,##0.00" in money.number_format
    widths = {c: sheet.column_dimensions[c].width for c in "ABEJK"}
    assert widths["A"] >= 20  # an order number reads whole
    assert widths["K"] >= 40  # the items and the note have room
    assert widths["J"] >= 40


def test_the_workbook_holds_her_work_and_equals_the_view(
    qtbot: QtBot, workspace: OrdersWorkspace, tmp_path: Path
) -> None:
    shown = every_row(qtbot, workspace.model)
    assert {r.note for r in shown} >= {"周五前发货 🚚", "地址写错了，已联系"}
    assert sum(r.reviewed for r in shown) == len(NOTES)
    opened: list[Path] = []
    path = tmp_path / default_name("xlsx", dt.date(2026, 11, 24))
    assert path.name == "orders-2026-11-24.xlsx"
    task = start_export(
        workspace,
        workspace._profile,
        path,
        workspace.model.order_filter,
        workspace.model.order_sort,
        open_folder=opened.append,
    )
    progress = workspace.findChild(QProgressDialog, "export_progress")
    assert progress is not None
    assert progress.isVisible()  # at once, before a single row is read
    assert progress.windowTitle() == "Export orders"
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    settle(qtbot, workspace)
    check_workbook(path, shown)

    written = workspace.findChild(QMessageBox, "export_written")
    assert written is not None
    assert written.isVisible()
    assert f"{len(shown):,} orders were written to {path}." in written.text()
    button = written.findChild(QPushButton, "open_folder")
    assert button is not None
    assert button.text() == "Open the folder"
    button.click()
    assert opened == [tmp_path]


def test_the_csv_holds_the_same_with_a_bom(
    qtbot: QtBot, workspace: OrdersWorkspace, tmp_path: Path
) -> None:
    import csv

    shown = every_row(qtbot, workspace.model)
    path = tmp_path / "orders.csv"
    task = start_export(
        workspace,
        workspace._profile,
        path,
        workspace.model.order_filter,
        workspace.model.order_sort,
        open_folder=lambda _folder: None,
    )
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    settle(qtbot, workspace)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    lines = list(csv.reader(raw.decode("utf-8-sig").splitlines()))
    assert tuple(lines[0]) == HEADER
    assert [line[0] for line in lines[1:]] == [r.order_no for r in shown]
    noted = next(i for i, r in enumerate(shown) if r.note == "周五前发货 🚚")
    assert lines[1 + noted][7:10] == ["Yes", "Follow up", "周五前发货 🚚"]
    first = shown[0]
    assert lines[1][4] == f"{first.amount_cents // 100}.{first.amount_cents % 100:02d}"


def test_a_cancelled_export_writes_nothing(
    qtbot: QtBot, workspace: OrdersWorkspace, tmp_path: Path
) -> None:
    said: list[str] = []
    with qtbot.waitSignal(workspace.model.loaded, timeout=20_000):
        workspace.tabs.setCurrentIndex(0)  # every order
    task = start_export(
        workspace,
        workspace._profile,
        tmp_path / "out" / "all.xlsx",
        workspace.model.order_filter,
        workspace.model.order_sort,
        report=said.append,
    )
    progress = workspace.findChild(QProgressDialog, "export_progress")
    assert progress is not None
    cancel = progress.findChild(QPushButton)
    assert cancel is not None
    assert cancel.text() == "Cancel"
    cancel.click()
    with qtbot.waitSignal(task.done, timeout=60_000):
        pass
    settle(qtbot, workspace)
    assert said == ["Export cancelled; no file was written."]
    assert list((tmp_path / "out").iterdir()) == []


def test_the_default_name_carries_the_day_in_the_owner_s_words(qapp: QApplication) -> None:
    day = dt.date(2026, 11, 24)
    assert default_name("csv", day) == "orders-2026-11-24.csv"
    assert default_name("xlsx", day, selected=True) == "selected-orders-2026-11-24.xlsx"
    i18n.install(qapp, "zh_CN")
    assert default_name("xlsx", day) == "订单-2026-11-24.xlsx"


# --- without a window -------------------------------------------------------------------------


def run_main(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(ROOT / "main.py"), *args],
        capture_output=True,
        text=True,
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        timeout=120,
        check=False,
    )


def test_the_command_line_export_equals_the_view(
    qtbot: QtBot, workspace: OrdersWorkspace, tmp_path: Path
) -> None:
    """The completed tab narrowed to a fortnight, then the same with --status, --since,
    --until."""
    with qtbot.waitSignal(workspace.model.loaded, timeout=20_000):
        workspace.tabs.setCurrentIndex(4)  # completed
    shown_all = every_row(qtbot, workspace.model)
    newest = dt.datetime.fromtimestamp(shown_all[0].placed_at).date()
    since, until = newest - dt.timedelta(days=13), newest
    with qtbot.waitSignal(workspace.model.loaded, timeout=20_000):
        workspace.filters.show_filter(
            OrderFilter(
                since=int(dt.datetime.combine(since, dt.time()).timestamp()),
                until=int(dt.datetime.combine(until + dt.timedelta(days=1), dt.time()).timestamp()),
            )
        )
    shown = every_row(qtbot, workspace.model)
    assert 0 < len(shown) < len(shown_all)
    assert any(r.note for r in shown)

    out = tmp_path / "completed.xlsx"
    folder = str(workspace._profile.folder)
    done = run_main(
        "export",
        "--profile",
        folder,
        "--out",
        str(out),
        "--status",
        "completed",
        "--since",
        since.isoformat(),
        "--until",
        until.isoformat(),
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == f"wrote {len(shown)} orders to {out}"
    check_workbook(out, shown)

    word = shown[0].customer_name
    searched = tmp_path / "searched.csv"
    done = run_main("export", "--profile", folder, "--out", str(searched), "--search", word)
    assert done.returncode == 0, done.stderr
    with_word = fetch_page(
        workspace._profile, OrderFilter(text=word), Sort(SortColumn.PLACED_AT, True), limit=10_000
    )
    body = searched.read_text(encoding="utf-8-sig").splitlines()[1:]
    assert [line.split(",")[0] for line in body] == [r.order_no for r in with_word]


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (["--out", "x.txt"], "must end in .xlsx or .csv"),
        (["--out", "x.xlsx", "--since", "2026-11-30", "--until", "2026-11-01"], "is after"),
        (["--out", "x.xlsx", "--since", "30/11/2026"], "not a day like"),
        (["--out", "x.xlsx", "--status", "lost"], "invalid choice"),
    ],
)
def test_the_command_line_says_what_is_wrong_and_writes_nothing(
    synced_profile: Profile, tmp_path: Path, args: list[str], said: str
) -> None:
    relative = [str(tmp_path / a) if a.startswith("x.") else a for a in args]
    done = run_main("export", "--profile", str(synced_profile.folder), *relative)
    assert done.returncode != 0
    assert said in done.stderr
    assert list(tmp_path.glob("x.*")) == []
    assert not tasks.running()
