"""A statement on one A4 page: its week and subtotals, what each store earned, and every
claw-back and adjustment (the order lines are many; the XLSX export holds each of them).

Painting a PDF works on any thread, so the export runs in the background.
"""

from __future__ import annotations

import os
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication, QMarginsF, QPointF, QRectF, Qt
from PySide6.QtGui import QColor, QFont, QPageLayout, QPageSize, QPainter, QPdfWriter, QPen

from gui.earnings.labels import line_kind, moment, period
from gui.formatting import count, fill, money
from gui.orders.labels import own_store
from gui.posters.painting import ACCENT, INK, MUTED, Ink, draw_text, font_families
from models.errors import ZhangguiError
from models.services.statements import StatementLineView, StatementSummary

DPI: Final = 300
WIDTH_MM, HEIGHT_MM = 210.0, 297.0
MM_PER_INCH: Final = 25.4
STORES_SHOWN: Final = 14
EXTRAS_SHOWN: Final = 12
RULE = QColor("#d0d0d0")
# Figures in a Latin face first: a PDF reader then copies and finds them as digits (some CJK
# faces' digits come out of a PDF as nothing); Chinese falls back to the shop's CJK face.
LATIN_FACES: Final = ("DejaVu Sans", "Arial", "Helvetica Neue", "Helvetica")


def statement_font(pixels: float, *, bold: bool = False) -> QFont:
    font = QFont()
    font.setFamilies([*LATIN_FACES, *font_families()])
    font.setPixelSize(max(1, round(pixels)))
    font.setBold(bold)
    return font


class StatementPdfError(ZhangguiError):
    """The PDF could not be written (a missing folder, no permission, a full disk)."""


@dataclass(frozen=True)
class StoreTotal:
    name: str
    orders: int
    commission_cents: int
    share_cents: int

    @property
    def net_cents(self) -> int:
        return self.commission_cents + self.share_cents


def store_totals(lines: Sequence[StatementLineView]) -> list[StoreTotal]:
    """Commission and managers' shares by store, the biggest first."""
    by_store: dict[int | None, list[int]] = {}
    names: dict[int | None, str] = {}
    for line in lines:
        if line.order_id is None or line.kind not in ("commission", "manager_share"):
            continue
        totals = by_store.setdefault(line.store_manager_id, [0, 0, 0])
        names[line.store_manager_id] = line.store_name
        if line.kind == "commission":
            totals[0] += 1
            totals[1] += line.amount_cents
        else:
            totals[2] += line.amount_cents
    found = [
        StoreTotal((names[key] if key is not None else "") or own_store(), *values)
        for key, values in by_store.items()
    ]
    return sorted(found, key=lambda s: (-s.commission_cents, s.name))


def write_statement_pdf(
    path: Path,
    summary: StatementSummary,
    lines: Sequence[StatementLineView],
    shop_name: str,
) -> None:
    """The statement as a one-page PDF, written whole or not at all."""
    if not path.parent.is_dir():
        raise StatementPdfError(f"there is no folder {path.parent}")
    partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}.partial")
    writer = QPdfWriter(str(partial))
    writer.setCreator("Zhanggui")
    writer.setTitle(fill(QCoreApplication.translate("earnings", "Statement %1"), summary.id))
    writer.setResolution(DPI)
    writer.setPageLayout(
        QPageLayout(
            QPageSize(QPageSize.PageSizeId.A4),
            QPageLayout.Orientation.Portrait,
            QMarginsF(0, 0, 0, 0),
        )
    )
    dots = DPI / MM_PER_INCH
    page = QRectF(0, 0, WIDTH_MM * dots, HEIGHT_MM * dots)
    painter = QPainter()
    try:
        if not painter.begin(writer):
            raise StatementPdfError(f"cannot write {path}")
        try:
            paint_statement(painter, page, summary, lines, shop_name)
        finally:
            painter.end()
        del writer  # the file is complete only once the writer is gone
        os.replace(partial, path)
    except OSError as error:
        raise StatementPdfError(f"cannot write {path}: {error.strerror}") from error
    finally:
        partial.unlink(missing_ok=True)
    if not path.exists() or path.stat().st_size == 0:
        raise StatementPdfError(f"cannot write {path}")


def paint_statement(
    painter: QPainter,
    page: QRectF,
    summary: StatementSummary,
    lines: Sequence[StatementLineView],
    shop_name: str,
) -> None:
    painter.fillRect(page, Qt.GlobalColor.white)
    w = page.width()
    margin = w * 0.08
    left, width = page.left() + margin, w - 2 * margin
    unit = w / 100  # one hundredth of the page's width
    y = page.top() + margin * 0.8

    def text(
        x: float,
        at: float,
        span: float,
        words: str,
        size: float,
        *,
        bold: bool = False,
        colour: QColor = INK,
        right: bool = False,
        lines: int = 1,
    ) -> float:
        ink = Ink(statement_font(size * unit, bold=bold), colour)
        if right:
            span -= unit  # a gap before the next column
            painter.save()
            painter.setFont(ink.font)
            painter.setPen(colour)
            painter.drawText(
                QRectF(x, at, span, size * unit * 1.6),
                int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop),
                words,
            )
            painter.restore()
            return size * unit * 1.4
        return draw_text(painter, QPointF(x, at), span, words, ink, max_lines=lines)

    def rule(at: float) -> None:
        painter.save()
        painter.setPen(QPen(RULE, unit * 0.12))
        painter.drawLine(QPointF(left, at), QPointF(left + width, at))
        painter.restore()

    y += text(left, y, width, shop_name, 2.4, colour=MUTED)
    y += unit * 0.6
    y += text(
        left,
        y,
        width,
        fill(
            QCoreApplication.translate("earnings", "Statement for the week %1"),
            period(summary.period_start, summary.period_end),
        ),
        3.2,
        bold=True,
        lines=2,
    )
    y += unit * 0.5
    y += text(
        left,
        y,
        width,
        fill(
            QCoreApplication.translate("earnings", "Settled %1 · statement no. %2"),
            moment(summary.settled_at),
            summary.id,
        ),
        2.2,
        colour=MUTED,
    )
    y += unit * 3

    rows = [
        (QCoreApplication.translate("earnings", "Commission"), summary.commission_cents),
        (QCoreApplication.translate("earnings", "Managers' shares"), summary.manager_share_cents),
        (QCoreApplication.translate("earnings", "Claw-backs"), summary.clawback_cents),
        (QCoreApplication.translate("earnings", "Adjustments"), summary.adjustment_cents),
    ]
    for label, cents in rows:
        text(left, y, width * 0.6, label, 2.6)
        y += text(left + width * 0.6, y, width * 0.4, money(cents), 2.6, right=True)
        y += unit * 0.5
    rule(y)
    y += unit * 0.8
    text(
        left,
        y,
        width * 0.6,
        QCoreApplication.translate("earnings", "Total to your balance"),
        3.2,
        bold=True,
    )
    y += text(
        left + width * 0.6,
        y,
        width * 0.4,
        money(summary.total_cents),
        3.2,
        bold=True,
        colour=ACCENT,
        right=True,
    )
    y += unit * 3.5

    stores = store_totals(lines)
    y += text(left, y, width, QCoreApplication.translate("earnings", "By store"), 2.8, bold=True)
    y += unit * 0.8
    columns = (0.0, 0.30, 0.40, 0.58, 0.80)
    heads = (
        QCoreApplication.translate("earnings", "Store"),
        QCoreApplication.translate("earnings", "Orders"),
        QCoreApplication.translate("earnings", "Commission"),
        QCoreApplication.translate("earnings", "Manager's share"),
        QCoreApplication.translate("earnings", "Yours"),
    )
    for n, head in enumerate(heads):
        span = (columns[n + 1] if n + 1 < len(columns) else 1.0) - columns[n]
        text(left + width * columns[n], y, width * span, head, 2.0, colour=MUTED, right=n > 0)
    y += unit * 3
    rule(y)
    y += unit * 0.6
    shown = stores[:STORES_SHOWN]
    rest = stores[STORES_SHOWN:]
    if rest:
        shown.append(
            StoreTotal(
                fill(QCoreApplication.translate("earnings", "%1 more stores"), len(rest)),
                sum(s.orders for s in rest),
                sum(s.commission_cents for s in rest),
                sum(s.share_cents for s in rest),
            )
        )
    for store in shown:
        cells = (
            store.name,
            count(store.orders),
            money(store.commission_cents),
            money(store.share_cents),
            money(store.net_cents),
        )
        for n, cell in enumerate(cells):
            span = (columns[n + 1] if n + 1 < len(columns) else 1.0) - columns[n]
            text(left + width * columns[n], y, width * span, cell, 2.1, right=n > 0)
        y += unit * 3.1
    if not stores:
        y += text(
            left,
            y,
            width,
            QCoreApplication.translate("earnings", "No order was settled this week."),
            2.1,
        )
    y += unit * 2.5

    extras = [line for line in lines if line.kind in ("clawback", "adjustment")]
    if extras:
        y += text(
            left,
            y,
            width,
            QCoreApplication.translate("earnings", "Claw-backs and adjustments"),
            2.8,
            bold=True,
        )
        y += unit * 0.8
        for line in extras[:EXTRAS_SHOWN]:
            label = f"{line_kind(line.kind)} · {line.order_no or line.note}"
            if line.order_no and line.note:
                label += f" · {line.note}"
            text(left, y, width * 0.75, label, 2.1)
            text(left + width * 0.75, y, width * 0.25, money(line.amount_cents), 2.1, right=True)
            y += unit * 3.1
        if len(extras) > EXTRAS_SHOWN:
            y += text(
                left,
                y,
                width,
                fill(
                    QCoreApplication.translate("earnings", "and %1 more"),
                    len(extras) - EXTRAS_SHOWN,
                ),
                2.1,
                colour=MUTED,
            )

    footer = fill(
        QCoreApplication.translate(
            "earnings", "%1 lines in all; the Excel export of this statement lists every one."
        ),
        count(summary.line_count),
    )
    ink = Ink(statement_font(1.8 * unit), MUTED)
    draw_text(painter, QPointF(left, page.bottom() - margin * 0.8), width, footer, ink, max_lines=2)
