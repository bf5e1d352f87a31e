"""Export what the order table shows to XLSX or CSV (UTF-8 with BOM), with the owner's own work:
whether she reviewed each order, its flag and her note.

The XLSX opens ready to use (``models.xlsx``): a frozen header with a filter, real numbers and
dates. Rows are read a page at a time in the view's order, so memory stays flat however many
orders there are. The file is written beside its destination and moved into place only when
complete, so a cancelled or failed export leaves nothing half-written.
"""

from __future__ import annotations

import csv
import datetime as dt
import os
import tempfile
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from models import wire
from models.errors import FileNotWritten, InvalidInput, SyncCancelled
from models.profile import Profile
from models.services.order_table import (
    OrderFilter,
    OrderRow,
    Sort,
    count_orders,
    fetch_page,
)
from models.xlsx import (
    DATETIME_FORMAT,
    MONEY_FORMAT,
    CellKind,
    Column,
    excel_datetime,
    write_sheet,
)

# The sheets' formats, for the exports that name them from here (the statements').
DATE_FORMAT: Final = DATETIME_FORMAT
__all__ = [
    "CHUNK",
    "COLUMNS",
    "DATE_FORMAT",
    "MONEY_FORMAT",
    "ExportCancelled",
    "ExportLabels",
    "ExportProgress",
    "cell",
    "command_filter",
    "export_orders",
]
CHUNK: Final = 2_000  # rows read at a time; progress is told after each
# The order table's columns in its order, its review column as three plain ones: whether the
# owner reviewed the order, its flag, and her note.
COLUMNS: Final = (
    "order_no",
    "placed_at",
    "customer",
    "store",
    "amount",
    "commission",
    "status",
    "reviewed",
    "flag",
    "note",
    "items",
)
_KINDS: Final[dict[str, CellKind]] = {
    "placed_at": "datetime",
    "amount": "money",
    "commission": "money",
    "items": "long_text",
    "note": "long_text",
}
_WIDTHS: Final[dict[str, float]] = {
    "order_no": 21,
    "customer": 22,
    "store": 12,
    "items": 44,
    "status": 10,
    "reviewed": 10,
    "flag": 9,
    "note": 40,
}
_ENGLISH_STATUSES: Final = {
    "pending_payment": "Unpaid",
    "paid": "Paid",
    "shipped": "Shipped",
    "completed": "Completed",
    "cancelled": "Cancelled",
    "refunded": "Refunded",
}


class ExportCancelled(SyncCancelled):
    """The owner cancelled the export; no file was written."""


@dataclass(frozen=True)
class ExportLabels:
    """The words of the owner's language for headers and coded values; English by default,
    as the command line writes them."""

    headers: dict[str, str] = field(
        default_factory=lambda: {
            "order_no": "Order no.",
            "placed_at": "Placed at",
            "customer": "Customer",
            "store": "Store",
            "items": "Items",
            "amount": "Amount",
            "commission": "Commission",
            "status": "Status",
            "reviewed": "Reviewed",
            "flag": "Flag",
            "note": "Note",
        }
    )
    statuses: dict[str, str] = field(default_factory=lambda: dict(_ENGLISH_STATUSES))
    flags: dict[str, str] = field(
        default_factory=lambda: {"none": "", "problem": "Problem", "follow_up": "Follow up"}
    )
    yes: str = "Yes"
    no: str = "No"
    own_store: str = "Own store"


@dataclass(frozen=True)
class ExportProgress:
    done: int
    total: int
    saving: bool = False  # every row is written; the file is being put together


Cell = Callable[[OrderRow, ExportLabels, dt.tzinfo | None], Any]
# How each column's cell is read off a row: money in cents (the writer makes yuan), times as
# local datetimes, coded values in the owner's words.
_CELLS: Final[dict[str, Cell]] = {
    "order_no": lambda row, _w, _z: row.order_no,
    "placed_at": lambda row, _w, zone: excel_datetime(row.placed_at, zone),
    "customer": lambda row, _w, _z: f"{row.customer_name} {row.customer_phone}".strip(),
    "store": lambda row, words, _z: row.store_name or words.own_store,
    "items": lambda row, _w, _z: row.items_summary,
    "amount": lambda row, _w, _z: row.amount_cents,
    "commission": lambda row, _w, _z: row.commission_cents,
    "status": lambda row, words, _z: words.statuses.get(row.status, row.status),
    "reviewed": lambda row, words, _z: words.yes if row.reviewed else words.no,
    "flag": lambda row, words, _z: words.flags.get(row.flag, row.flag),
    "note": lambda row, _w, _z: row.note,
}


def cell(row: OrderRow, column: str, labels: ExportLabels, zone: dt.tzinfo | None) -> Any:
    """The value of one cell of ``row``."""
    read = _CELLS.get(column)
    if read is None:
        raise InvalidInput("column", "unknown", value=column)
    return read(row, labels, zone)


def export_orders(
    profile: Profile,
    path: Path,
    *,
    f: OrderFilter,
    sort: Sort,
    columns: Sequence[str] = COLUMNS,
    labels: ExportLabels | None = None,
    only_ids: Sequence[int] | None = None,
    progress: Callable[[ExportProgress], None] = lambda _p: None,
    cancelled: Callable[[], bool] = lambda: False,
    zone: dt.tzinfo | None = None,
) -> int:
    """Write the rows of ``f`` in ``sort`` order (or only ``only_ids``); returns the row count."""
    if not columns or any(c not in COLUMNS for c in columns):
        raise InvalidInput("columns", "missing")
    suffix = path.suffix.lower()
    if suffix not in (".xlsx", ".csv"):
        raise InvalidInput("file_type", "not_one_of", value=suffix, allowed=(".xlsx", ".csv"))
    words = labels or ExportLabels()
    total = len(only_ids) if only_ids is not None else count_orders(profile, f)
    progress(ExportProgress(0, total))

    def stop_if_cancelled() -> None:
        if cancelled():
            raise ExportCancelled("the export was cancelled; no file was written")

    reads = [_CELLS[c] for c in columns]

    def page_after(after: tuple[Any, ...] | None) -> list[OrderRow]:
        return fetch_page(profile, f, sort, limit=CHUNK, after=after, only_ids=only_ids)

    def rows() -> Iterator[list[Any]]:
        # The next page is read while this one is written: SQLite's work and the writer's
        # overlap.
        with ThreadPoolExecutor(max_workers=1, thread_name_prefix="export") as ahead:
            coming = ahead.submit(page_after, None)
            done = 0
            while True:
                stop_if_cancelled()
                page = coming.result()
                if len(page) == CHUNK:
                    coming = ahead.submit(page_after, page[-1].sort_key)
                for n, row in enumerate(page):
                    if n % 250 == 0:
                        stop_if_cancelled()
                    yield [read(row, words, zone) for read in reads]
                done += len(page)
                progress(ExportProgress(done, total, saving=len(page) < CHUNK))
                if len(page) < CHUNK:
                    return

    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, temp_name = tempfile.mkstemp(prefix=".export-", suffix=suffix, dir=path.parent)
    except OSError as error:
        raise FileNotWritten(str(path.parent), error.strerror or str(error)) from error
    os.close(fd)
    temp = Path(temp_name)
    try:
        if suffix == ".xlsx":
            sheet = [
                Column(words.headers.get(c, c), _KINDS.get(c, "text"), _WIDTHS.get(c))
                for c in columns
            ]
            count = write_sheet(temp, words.headers.get("order_no", "orders"), sheet, rows())
        else:
            count = _write_csv(temp, [words.headers.get(c, c) for c in columns], columns, rows())
        stop_if_cancelled()
        os.replace(temp, path)
    except OSError as error:
        raise FileNotWritten(str(path), error.strerror or str(error)) from error
    finally:
        temp.unlink(missing_ok=True)
    return count


def _write_csv(
    path: Path, header: list[str], columns: Sequence[str], rows: Iterator[list[Any]]
) -> int:
    money = {i for i, c in enumerate(columns) if _KINDS.get(c) == "money"}
    count = 0
    # Excel opens UTF-8 with Chinese correctly only when the file starts with a BOM.
    with path.open("w", encoding="utf-8-sig", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(header)
        for values in rows:
            writer.writerow(
                [
                    _cents_text(v)
                    if i in money
                    else v.strftime("%Y-%m-%d %H:%M")
                    if isinstance(v, dt.datetime)
                    else v
                    for i, v in enumerate(values)
                ]
            )
            count += 1
    return count


def _cents_text(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}{yuan}.{fen:02d}"


# --- the command line's filter ------------------------------------------------------------


def command_filter(
    *,
    status: str | None,
    search: str,
    since: dt.date | None,
    until: dt.date | None,
    zone: dt.tzinfo | None = None,
) -> OrderFilter:
    """The order table's filter for ``export``'s options: days in ``zone`` (default: the
    computer's), both included."""
    if status is not None and status not in wire.ORDER_STATUSES:
        raise InvalidInput("status", "not_one_of", value=status, allowed=tuple(wire.ORDER_STATUSES))
    if since is not None and until is not None and since > until:
        raise InvalidInput("date_range", "out_of_range", value=f"{since} > {until}")

    def midnight(day: dt.date) -> int:
        # A naive time is read in the computer's zone, with its offset on that very day.
        return int(dt.datetime.combine(day, dt.time(), zone).timestamp())

    return OrderFilter(
        status=status,
        since=midnight(since) if since is not None else None,
        until=midnight(until + dt.timedelta(days=1)) if until is not None else None,
        text=search.strip(),
    )
