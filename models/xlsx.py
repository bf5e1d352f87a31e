"""Excel workbooks that open ready to use: a bold header row frozen at the top with a filter on
it, columns as wide as their contents read, money as numbers shown in yuan, times as real dates,
and a print set up across one page with the header on each.

The sheet is streamed row by row straight into the zip as SpreadsheetML, so a sheet of a hundred
thousand rows takes no more memory than one of ten. A general writer (XlsxWriter, openpyxl) spends
some ten microseconds on each cell, which made 120,000 orders take longer than the owner waits;
these few kinds of cells need none of that generality. Any table of the desk can use it:

    columns = [Column("Order no.", "text", 20), Column("Amount", "money"), ...]
    rows = write_sheet(path, "orders", columns, ([no, cents, ...] for ...))

Cells are given as plain values: ``text`` and ``long_text`` str, ``money`` integer cents,
``datetime`` a naive local datetime, ``date`` a date, ``count`` an int, ``percent`` a fraction
(0.25 for 25 %). None and "" leave a cell empty.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any, Final, Literal
from xml.sax.saxutils import escape, quoteattr

CellKind = Literal["text", "long_text", "money", "datetime", "date", "count", "percent"]

MONEY_FORMAT: Final = '"¥"#,##0.00;-"¥"#,##0.00'
DATETIME_FORMAT: Final = "yyyy-mm-dd hh:mm"
DATE_FORMAT: Final = "yyyy-mm-dd"
COUNT_FORMAT: Final = "#,##0"
PERCENT_FORMAT: Final = "0.0%"
# Characters wide, when a column says none: room for what the kind usually holds.
DEFAULT_WIDTHS: Final[dict[str, float]] = {
    "text": 16,
    "long_text": 40,
    "money": 13,
    "datetime": 17,
    "date": 11,
    "count": 9,
    "percent": 8,
}
MAX_TEXT: Final = 32_767  # what one Excel cell can hold
MAX_ROWS: Final = 1_048_575  # below the header
# Style numbers of styles.xml's cellXfs, in its order.
_STYLE: Final[dict[str, int]] = {"money": 1, "datetime": 2, "date": 3, "count": 4, "percent": 5}
_HEADER, _HEADER_RIGHT = 6, 7
_RIGHT: Final = frozenset(_STYLE)
_EXCEL_EPOCH: Final = dt.datetime(1899, 12, 30)
# Characters XML 1.0 cannot hold at all; Excel writes them as _xHHHH_, and a text that looks
# like such an escape has its underscore escaped so that it reads back as typed.
_UNWRITABLE: Final = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")
_LOOKS_ESCAPED: Final = re.compile("_(x[0-9A-Fa-f]{4}_)")

_MAIN: Final = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL: Final = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG_REL: Final = "http://schemas.openxmlformats.org/package/2006/relationships"
_XML: Final = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'


@dataclass(frozen=True)
class Column:
    title: str
    kind: CellKind = "text"
    width: float | None = None  # in characters; None: the kind's usual width


def write_sheet(
    path: Path,
    sheet_name: str,
    columns: Sequence[Column],
    rows: Iterable[Sequence[Any]],
    *,
    after_row: Callable[[int], None] = lambda _rows: None,
) -> int:
    """Write ``rows`` under a header of ``columns`` into a new workbook at ``path``.

    ``after_row`` is told the number of rows written after each one (it may raise to stop;
    the half-written file is then the caller's to remove). Returns the number of rows.
    """
    if not columns:
        raise ValueError("a sheet needs at least one column")
    title = _sheet_title(sheet_name)
    letters = [_column_letters(i) for i in range(len(columns))]
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED, compresslevel=1) as book:
        # The package's own parts first, as office programs write them; the workbook names
        # the filter's range, known once the last row is written.
        book.writestr("[Content_Types].xml", _CONTENT_TYPES)
        book.writestr("_rels/.rels", _ROOT_RELS)
        book.writestr("xl/_rels/workbook.xml.rels", _WORKBOOK_RELS)
        book.writestr("xl/styles.xml", _STYLES)
        with book.open("xl/worksheets/sheet1.xml", "w") as sheet:
            count = _write_rows(sheet, columns, letters, rows, after_row)
        last = f"{letters[-1]}{count + 1 if count else 2}"
        book.writestr("xl/workbook.xml", _workbook(title, last))
    return count


def excel_datetime(seconds: int, zone: dt.tzinfo | None = None) -> dt.datetime:
    """A stored UTC moment as the naive time a spreadsheet shows, in ``zone`` (default: the
    computer's)."""
    return dt.datetime.fromtimestamp(seconds, zone).replace(tzinfo=None)


# --- the sheet ------------------------------------------------------------------------------


def _write_rows(
    sheet: IO[bytes],
    columns: Sequence[Column],
    letters: Sequence[str],
    rows: Iterable[Sequence[Any]],
    after_row: Callable[[int], None],
) -> int:
    head = [
        _XML,
        f'<worksheet xmlns="{_MAIN}" xmlns:r="{_REL}">',
        '<sheetPr><pageSetUpPr fitToPage="1"/></sheetPr>',
        '<sheetViews><sheetView tabSelected="1" workbookViewId="0">',
        '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>',
        '<selection pane="bottomLeft" activeCell="A2" sqref="A2"/>',
        "</sheetView></sheetViews>",
        '<sheetFormatPr defaultRowHeight="15"/><cols>',
    ]
    for n, column in enumerate(columns, start=1):
        width = column.width or DEFAULT_WIDTHS[column.kind]
        style = _STYLE.get(column.kind, 0)
        head.append(f'<col min="{n}" max="{n}" width="{width}" style="{style}" customWidth="1"/>')
    head.append('</cols><sheetData><row r="1" ht="20" customHeight="1">')
    for letter, column in zip(letters, columns, strict=True):
        style = _HEADER_RIGHT if column.kind in _RIGHT else _HEADER
        head.append(f'<c r="{letter}1" s="{style}" t="inlineStr">{_inline(column.title)}</c>')
    head.append("</row>")
    sheet.write("".join(head).encode())

    cells = [_cell_writer(c.kind, letter) for c, letter in zip(columns, letters, strict=True)]
    count = 0
    for values in rows:
        if count == MAX_ROWS:
            raise ValueError(f"a sheet holds at most {MAX_ROWS:,} rows")
        count += 1
        number = str(count + 1)
        line = [f'<row r="{number}">']
        line += [
            write(number, value)
            for write, value in zip(cells, values, strict=True)
            if value is not None and value != ""
        ]
        line.append("</row>")
        sheet.write("".join(line).encode())
        after_row(count)
    last = f"{letters[-1]}{count + 1 if count else 2}"
    sheet.write(
        (
            f'</sheetData><autoFilter ref="A1:{last}"/>'
            '<pageMargins left="0.5" right="0.5" top="0.6" bottom="0.6" header="0.3" footer="0.3"/>'
            '<pageSetup paperSize="9" orientation="landscape" fitToWidth="1" fitToHeight="0"/>'
            "</worksheet>"
        ).encode()
    )
    return count


def _cell_writer(kind: str, letter: str) -> Callable[[str, Any], str]:
    style = _STYLE.get(kind)
    if kind == "money":
        return lambda row, cents: f'<c r="{letter}{row}" s="{style}"><v>{cents / 100!r}</v></c>'
    if kind in ("count", "percent"):
        return lambda row, number: f'<c r="{letter}{row}" s="{style}"><v>{number!r}</v></c>'
    if kind in ("datetime", "date"):
        return lambda row, moment: (
            f'<c r="{letter}{row}" s="{style}"><v>{_serial(moment)!r}</v></c>'
        )
    return lambda row, text: f'<c r="{letter}{row}" t="inlineStr">{_inline(text)}</c>'


def _inline(value: Any) -> str:
    text = str(value)
    if len(text) > MAX_TEXT:
        text = text[: MAX_TEXT - 1] + "…"
    if "_x" in text:
        text = _LOOKS_ESCAPED.sub(r"_x005F_\1", text)
    text = _UNWRITABLE.sub(lambda found: f"_x{ord(found.group()):04X}_", text)
    if text != text.strip():
        return f'<is><t xml:space="preserve">{escape(text)}</t></is>'
    return f"<is><t>{escape(text)}</t></is>"


def _serial(moment: dt.date) -> float:
    """A date or time as Excel counts it: days since 1899-12-30, the time as a fraction."""
    if not isinstance(moment, dt.datetime):
        moment = dt.datetime.combine(moment, dt.time())
    return (moment - _EXCEL_EPOCH).total_seconds() / 86_400


def _column_letters(index: int) -> str:
    letters = ""
    index += 1
    while index:
        index, rest = divmod(index - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _sheet_title(name: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'") or "Sheet1"
    return cleaned[:31]


# --- the parts around it ----------------------------------------------------------------------


def _workbook(title: str, last: str) -> str:
    quoted = "'" + title.replace("'", "''") + "'"
    return (
        f'{_XML}<workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
        '<bookViews><workbookView activeTab="0"/></bookViews>'
        f'<sheets><sheet name={quoteattr(title)} sheetId="1" r:id="rId1"/></sheets>'
        "<definedNames>"
        '<definedName name="_xlnm._FilterDatabase" localSheetId="0" hidden="1">'
        f"{escape(quoted)}!$A$1:${_absolute(last)}</definedName>"
        f'<definedName name="_xlnm.Print_Titles" localSheetId="0">{escape(quoted)}!$1:$1'
        "</definedName></definedNames></workbook>"
    )


def _absolute(cell: str) -> str:
    """K120001 as K$120001 (the leading $ is the caller's)."""
    letters = cell.rstrip("0123456789")
    return f"{letters}${cell[len(letters) :]}"


_CONTENT_TYPES: Final = (
    f'{_XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/xl/workbook.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>'
    '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>'
    '<Override PartName="/xl/styles.xml" ContentType="application/'
    'vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>'
    "</Types>"
)
_ROOT_RELS: Final = (
    f'{_XML}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
_WORKBOOK_RELS: Final = (
    f'{_XML}<Relationships xmlns="{_PKG_REL}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
_NUMBER_FORMATS: Final = (
    (164, MONEY_FORMAT),
    (165, DATETIME_FORMAT),
    (166, DATE_FORMAT),
    (167, PERCENT_FORMAT),
)
_STYLES: Final = (
    f'{_XML}<styleSheet xmlns="{_MAIN}">'
    f'<numFmts count="{len(_NUMBER_FORMATS)}">'
    + "".join(
        f"<numFmt numFmtId={quoteattr(str(n))} formatCode={quoteattr(code)}/>"
        for n, code in _NUMBER_FORMATS
    )
    + "</numFmts>"
    '<fonts count="2">'
    '<font><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    '<font><b/><sz val="11"/><name val="Calibri"/><family val="2"/></font>'
    "</fonts>"
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="2"><border><left/><right/><top/><bottom/><diagonal/></border>'
    '<border><left/><right/><top/><bottom style="thin"><color auto="1"/></bottom><diagonal/>'
    "</border></borders>"
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    '<cellXfs count="8">'
    '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
    '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="166" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="167" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"'
    ' applyAlignment="1"><alignment vertical="center"/></xf>'
    '<xf numFmtId="0" fontId="1" fillId="0" borderId="1" xfId="0" applyFont="1" applyBorder="1"'
    ' applyAlignment="1"><alignment horizontal="right" vertical="center"/></xf>'
    "</cellXfs>"
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
