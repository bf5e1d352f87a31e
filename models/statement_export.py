"""A statement to XLSX: its lines as the earnings workspace shows them, with numbers as
numbers, and its subtotals on a second sheet.

Written beside the destination and moved into place when complete, like every export.
"""

from __future__ import annotations

import datetime as dt
import os
import tempfile
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

from models.errors import InvalidInput
from models.export import DATE_FORMAT, MONEY_FORMAT
from models.profile import Profile
from models.services.statements import (
    StatementLineView,
    StatementSummary,
    statement,
    statement_lines,
)

# The statement view's columns, in its order.
LINE_COLUMNS: Final = ("order_no", "store", "kind", "rate", "amount", "note")
RATE_FORMAT: Final = "0%"
DAY_FORMAT: Final = "yyyy-mm-dd"


@dataclass(frozen=True)
class StatementLabels:
    """The words of the owner's language for the sheets."""

    headers: dict[str, str]
    kinds: dict[str, str] = field(default_factory=dict)
    own_store: str = "own store"
    no_order: str = ""
    lines_sheet: str = "lines"
    summary_sheet: str = "summary"
    summary: dict[str, str] = field(default_factory=dict)


def line_cell(line: StatementLineView, column: str, labels: StatementLabels) -> Any:
    """One cell of a statement line: text, or a number (money in yuan, a rate as a fraction)."""
    if column == "order_no":
        return line.order_no or labels.no_order
    if column == "store":
        if line.order_id is None:
            return ""
        return line.store_name or labels.own_store
    if column == "kind":
        return labels.kinds.get(line.kind, line.kind)
    if column == "rate":
        return None if line.share_rate_bp is None else line.share_rate_bp / 10_000
    if column == "amount":
        return line.amount_cents / 100
    if column == "note":
        return line.note
    raise InvalidInput("column", "unknown", value=column)


def summary_rows(
    summary: StatementSummary, labels: StatementLabels, zone: dt.tzinfo | None
) -> list[tuple[str, Any, str | None]]:
    """(label, value, number format) of the summary sheet."""

    def local(seconds: int) -> dt.datetime:
        return dt.datetime.fromtimestamp(seconds, zone).replace(tzinfo=None)

    words = labels.summary
    return [
        (words.get("period_start", "period start"), local(summary.period_start), DAY_FORMAT),
        # The period ends at midnight; its last day is the one before.
        (words.get("period_last", "last day"), local(summary.period_end - 1), DAY_FORMAT),
        (words.get("settled_at", "settled at"), local(summary.settled_at), DATE_FORMAT),
        (words.get("commission", "commission"), summary.commission_cents / 100, MONEY_FORMAT),
        (
            words.get("manager_share", "managers' shares"),
            summary.manager_share_cents / 100,
            MONEY_FORMAT,
        ),
        (words.get("clawback", "claw-backs"), summary.clawback_cents / 100, MONEY_FORMAT),
        (words.get("adjustment", "adjustments"), summary.adjustment_cents / 100, MONEY_FORMAT),
        (words.get("total", "total"), summary.total_cents / 100, MONEY_FORMAT),
        (words.get("lines", "lines"), summary.line_count, None),
    ]


def export_statement(
    profile: Profile,
    statement_id: int,
    path: Path,
    labels: StatementLabels,
    *,
    zone: dt.tzinfo | None = None,
    order: Sequence[int] | None = None,
) -> int:
    """Write the statement's lines (in the order of the line ids ``order``, as a sorted view
    shows them; else as the platform numbered them) and its summary; returns the number of
    lines written."""
    if path.suffix.lower() != ".xlsx":
        raise InvalidInput("file_type", "not_one_of", value=path.suffix, allowed=(".xlsx",))
    summary = statement(profile, statement_id)
    if summary is None:
        raise InvalidInput("statement", "unknown", value=statement_id)
    lines = statement_lines(profile, statement_id)
    if order is not None:
        position = {line_id: n for n, line_id in enumerate(order)}
        lines.sort(key=lambda line: position.get(line.id, len(position)))
    zone = zone or dt.datetime.now().astimezone().tzinfo
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, temp_name = tempfile.mkstemp(prefix=".statement-", suffix=".xlsx", dir=path.parent)
    os.close(fd)
    temp = Path(temp_name)
    try:
        _write(temp, summary, lines, labels, zone)
        os.replace(temp, path)
    finally:
        temp.unlink(missing_ok=True)
    return len(lines)


def _write(
    path: Path,
    summary: StatementSummary,
    lines: Sequence[StatementLineView],
    labels: StatementLabels,
    zone: dt.tzinfo | None,
) -> None:
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell

    book = Workbook(write_only=True)
    sheet = book.create_sheet(labels.lines_sheet)
    sheet.append([labels.headers.get(c, c) for c in LINE_COLUMNS])
    formats = {"amount": MONEY_FORMAT, "rate": RATE_FORMAT}
    for line in lines:
        row: list[Any] = []
        for column in LINE_COLUMNS:
            value = line_cell(line, column, labels)
            if column in formats and value is not None:
                styled = WriteOnlyCell(sheet, value=value)
                styled.number_format = formats[column]
                row.append(styled)
            else:
                row.append(value)
        sheet.append(row)
    totals = book.create_sheet(labels.summary_sheet)
    for label, value, number_format in summary_rows(summary, labels, zone):
        cell = WriteOnlyCell(totals, value=value)
        if number_format:
            cell.number_format = number_format
        totals.append([label, cell])
    book.save(path)
