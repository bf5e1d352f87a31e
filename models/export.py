"""Export what the order table shows to XLSX (real numbers and dates) or CSV (UTF-8 with BOM).

The file is written beside its destination and moved into place only when complete, so a
cancelled or failed export leaves nothing half-written.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from models.errors import InvalidInput, SyncCancelled
from models.profile import Profile
from models.services.order_table import (
    OrderFilter,
    OrderRow,
    Sort,
    SortColumn,
    count_orders,
    fetch_page,
)

CHUNK: Final = 5_000
MONEY_FORMAT: Final = '"¥"#,##0.00'
DATE_FORMAT: Final = "yyyy-mm-dd hh:mm"
# The order table's columns, in its order.
COLUMNS: Final = tuple(c.value for c in SortColumn)


class ExportCancelled(SyncCancelled):
    """The owner cancelled the export; no file was written."""


@dataclass(frozen=True)
class ExportLabels:
    """The words of the owner's language for headers and coded values."""

    headers: dict[str, str]
    statuses: dict[str, str] = field(default_factory=dict)
    reviews: dict[str, str] = field(default_factory=dict)  # unreviewed, reviewed, problem, ...
    own_store: str = "own store"


def cell(row: OrderRow, column: str, labels: ExportLabels, zone: dt.tzinfo | None) -> Any:
    """The value of one cell: numbers stay numbers, times are local datetimes."""
    if column == "order_no":
        return row.order_no
    if column == "placed_at":
        return dt.datetime.fromtimestamp(row.placed_at, zone).replace(tzinfo=None)
    if column == "customer":
        return f"{row.customer_name} {row.customer_phone}".strip()
    if column == "store":
        return row.store_name or labels.own_store
    if column == "items":
        return row.items_summary
    if column == "amount":
        return row.amount_cents / 100
    if column == "commission":
        return row.commission_cents / 100
    if column == "status":
        return labels.statuses.get(row.status, row.status)
    if column == "review":
        state = row.flag if row.flag != "none" else ("reviewed" if row.reviewed else "unreviewed")
        return labels.reviews.get(state, state)
    raise InvalidInput("column", "unknown", value=column)


def export_orders(
    profile: Profile,
    path: Path,
    *,
    f: OrderFilter,
    sort: Sort,
    columns: Sequence[str],
    labels: ExportLabels,
    only_ids: Sequence[int] | None = None,
    progress: Callable[[int, int], None] = lambda _done, _total: None,
    cancelled: Callable[[], bool] = lambda: False,
    zone: dt.tzinfo | None = None,
) -> int:
    """Write the rows of ``f`` in ``sort`` order (or only ``only_ids``); returns the row count."""
    if not columns or any(c not in COLUMNS for c in columns):
        raise InvalidInput("columns", "missing")
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InvalidInput("file_type", "not_one_of", value=suffix, allowed=(".xlsx", ".csv"))
    zone = zone or dt.datetime.now().astimezone().tzinfo
    total = len(only_ids) if only_ids is not None else count_orders(profile, f)
    header = [labels.headers.get(c, c) for c in columns]

    def rows() -> Any:
        done = 0
        after: tuple[Any, ...] | None = None
        while True:
            if cancelled():
                raise ExportCancelled("the export was cancelled; no file was written")
            page = fetch_page(profile, f, sort, limit=CHUNK, after=after, only_ids=only_ids)
            if not page:
                return
            after = page[-1].sort_key
            for row in page:
                done += 1
                yield [cell(row, c, labels, zone) for c in columns]
            progress(done, total)
            if len(page) < CHUNK:
                return

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        count = (_write_xlsx if suffix == ".xlsx" else _write_csv)(temp, header, columns, rows())
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return count


def _write_csv(path: Path, header: list[str], _columns: Sequence[str], rows: Any) -> int:
    count = 0
    # Excel opens UTF-8 with Chinese correctly only when the file starts with a BOM.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for values in rows:
            writer.writerow(
                [
                    v.strftime("%Y-%m-%d %H:%M")
                    if isinstance(v, dt.datetime)
                    else f"{v:.2f}"
                    if isinstance(v, float)
                    else v
                    for v in values
                ]
            )
            count += 1
    return count


def _write_xlsx(path: Path, header: list[str], columns: Sequence[str], rows: Any) -> int:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet("orders")
    sheet.append(header)
    formats = {
        i: MONEY_FORMAT if c in ("amount", "commission") else DATE_FORMAT
        for i, c in enumerate(columns)
        if c in ("amount", "commission", "placed_at")
    }
    count = 0
    for values in rows:
        line = []
        for i, value in enumerate(values):
            if i in formats:
                styled = WriteOnlyCell(sheet, value=value)
                styled.number_format = formats[i]
                line.append(styled)
            else:
                line.append(value)
        sheet.append(line)
        count += 1
    book.save(path)
    return count
