"""The workbook writer every export shares, read back by other programs: openpyxl, and the zip
and XML readers of the standard library (a part that is not well-formed fails them)."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
import zipfile
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


def test_odd_texts_read_back_as_typed(tmp_path: Path) -> None:
    path = tmp_path / "odd.xlsx"
    odd = [
        "  leading and trailing  ",
        "tab\tand\nnew line",
        "bell\x07 and nul\x00",
        "<b>&amp; \"quotes\" 'too'</b>",
        "_x0041_ stays as typed",
        "表情 🚚 与 ½",
    ]
    write_sheet(path, "x", [Column("t")], [[text] for text in odd])
    with zipfile.ZipFile(path) as book:
        assert book.testzip() is None
        assert book.namelist()[0] == "[Content_Types].xml"
        for name in book.namelist():
            if name.endswith((".xml", ".rels")):
                ET.fromstring(book.read(name))  # well-formed
        xml = book.read("xl/worksheets/sheet1.xml").decode()
    # What XML cannot hold, and a text that looks like an escape, are written the way Excel
    # (and LibreOffice) read them back as typed: _xHHHH_, the underscore escaped as _x005F_.
    assert "bell_x0007_ and nul_x0000_" in xml
    assert "_x005F_x0041_ stays as typed" in xml
    sheet = openpyxl.load_workbook(path).active
    assert sheet is not None
    shown = [row[0] for row in sheet.iter_rows(min_row=2, values_only=True)]
    plain = [0, 1, 3, 5]
    assert [shown[i] for i in plain] == [odd[i] for i in plain]
