"""The workbook writer every export shares, read back by another program (openpyxl)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from models.xlsx import MAX_TEXT, Column, write_sheet

COLUMNS = [
    Column("名称", "text", 30),
    Column("金额", "money"),
    Column("时间", "datetime"),
    Column("日期", "date"),
    Column("件数", "count"),
    Column("占比", "percent"),
    Column("备注", "long_text"),
]


def test_every_kind_of_cell_reads_back_as_itself(tmp_path: Path) -> None:
    path = tmp_path / "book.xlsx"
    moment = dt.datetime(2026, 11, 24, 9, 30)
    rows = [
        ["真丝衬衫", 12_345, moment, dt.date(2025, 1, 2), 1_234, 0.25, "周五前发货 🚚"],
        ["=1+1", -99, None, None, 0, 0.0, ""],  # a formula stays text; a refund is negative
        ["x" * (MAX_TEXT + 10), 0, moment, dt.date(2026, 1, 1), 7, 1.0, None],
    ]
    written: list[int] = []
    assert write_sheet(path, "订单/11月", COLUMNS, rows, after_row=written.append) == 3
    assert written == [1, 2, 3]
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "订单_11月"
    lines = list(sheet.iter_rows(values_only=True))
    assert lines[0] == tuple(c.title for c in COLUMNS)
    assert lines[1] == (
        "真丝衬衫",
        123.45,
        moment,
        dt.datetime(2025, 1, 2),
        1_234,
        0.25,
        "周五前发货 🚚",
    )
    assert lines[2][:2] == ("=1+1", -0.99)
    assert lines[2][2:4] == (None, None)
    assert lines[2][6] is None
    assert len(lines[3][0]) == MAX_TEXT
    assert sheet["B2"].number_format == '"¥"#,##0.00;-"¥"#,##0.00'
    assert sheet["C2"].number_format == "yyyy-mm-dd hh:mm"
    assert sheet["D2"].number_format == "yyyy-mm-dd"
    assert sheet["E2"].number_format == "#,##0"
    assert sheet["F2"].number_format == "0.0%"
    assert sheet.freeze_panes == "A2"
    assert sheet.auto_filter.ref == "A1:G4"
    assert sheet.column_dimensions["A"].width == pytest.approx(30, abs=1)
    assert sheet.column_dimensions["G"].width == pytest.approx(40, abs=1)


def test_an_empty_sheet_still_has_its_header_and_filter(tmp_path: Path) -> None:
    path = tmp_path / "empty.xlsx"
    assert write_sheet(path, "", COLUMNS[:2], []) == 0
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    assert sheet.title == "Sheet1"
    assert list(sheet.iter_rows(values_only=True)) == [("名称", "金额")]
    assert sheet.auto_filter.ref == "A1:B2"
