"""Excel workbooks that open ready to use: a bold header row frozen at the top with a filter on
it, columns as wide as their contents read, money as numbers shown in yuan, times as real dates.

One sheet is streamed row by row (XlsxWriter's constant-memory mode), so a sheet of a hundred
thousand rows takes no more memory than one of ten. Any table of the desk can use it:

    columns = [Column("Order no.", "text", 20), Column("Amount", "money"), ...]
    rows = write_sheet(path, "orders", columns, ([no, cents, ...] for ...))

Cells are given as plain values: ``text`` str, ``money`` integer cents, ``datetime`` a naive
local datetime, ``date`` a date, ``count`` an int, ``percent`` a fraction (0.25 for 25 %).
None and "" leave a cell empty.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, Literal

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
_RIGHT: Final = frozenset({"money", "datetime", "date", "count", "percent"})
_FORMATS: Final[dict[str, dict[str, Any]]] = {
    "money": {"num_format": MONEY_FORMAT},
    "datetime": {"num_format": DATETIME_FORMAT},
    "date": {"num_format": DATE_FORMAT},
    "count": {"num_format": COUNT_FORMAT},
    "percent": {"num_format": PERCENT_FORMAT},
}


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
    import xlsxwriter

    book = xlsxwriter.Workbook(
        str(path),
        {"constant_memory": True, "strings_to_numbers": False, "strings_to_formulas": False},
    )
    try:
        sheet = book.add_worksheet(_sheet_title(sheet_name))
        header = book.add_format({"bold": True, "bottom": 1, "valign": "vcenter"})
        # Over figures, the title stands where the figures do: on the right.
        header_right = book.add_format(
            {"bold": True, "bottom": 1, "valign": "vcenter", "align": "right"}
        )
        formats = {kind: book.add_format(spec) for kind, spec in _FORMATS.items()}
        for i, column in enumerate(columns):
            width = column.width or DEFAULT_WIDTHS[column.kind]
            sheet.set_column(i, i, width, formats.get(column.kind))
        sheet.freeze_panes(1, 0)
        sheet.set_row(0, 20)
        # Printed, it fits the page's width, across, with the header on every page.
        sheet.set_paper(9)  # A4
        sheet.set_landscape()
        sheet.fit_to_pages(1, 0)
        sheet.repeat_rows(0)
        for i, column in enumerate(columns):
            figures = column.kind in _RIGHT
            sheet.write_string(0, i, column.title, header_right if figures else header)
        writers = [_writer(sheet, column.kind, formats.get(column.kind)) for column in columns]
        count = 0
        for values in rows:
            count += 1
            for i, value in enumerate(values):
                if value is not None and value != "":
                    writers[i](count, i, value)
            after_row(count)
        sheet.autofilter(0, 0, max(count, 1), len(columns) - 1)
    finally:
        book.close()
    return count


def _writer(sheet: Any, kind: str, cell_format: Any) -> Callable[[int, int, Any], None]:
    if kind == "money":
        return lambda row, col, cents: sheet.write_number(row, col, cents / 100, cell_format)
    if kind in ("count", "percent"):
        return lambda row, col, number: sheet.write_number(row, col, number, cell_format)
    if kind in ("datetime", "date"):
        return lambda row, col, moment: sheet.write_datetime(row, col, moment, cell_format)
    return lambda row, col, text: sheet.write_string(row, col, _text(text))


def _text(value: Any) -> str:
    text = str(value)
    return text if len(text) <= MAX_TEXT else text[: MAX_TEXT - 1] + "…"


def _sheet_title(name: str) -> str:
    """A sheet name Excel accepts: at most 31 characters, none of []:*?/\\."""
    cleaned = "".join("_" if c in "[]:*?/\\" else c for c in name).strip("'") or "Sheet1"
    return cleaned[:31]


def excel_datetime(seconds: int, zone: dt.tzinfo | None = None) -> dt.datetime:
    """A stored UTC moment as the naive time a spreadsheet shows, in ``zone`` (default: the
    computer's)."""
    return dt.datetime.fromtimestamp(seconds, zone).replace(tzinfo=None)
