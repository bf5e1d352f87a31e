"""Sales and orders per bucket, and commission per bucket."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.charts.labels import bucket_key, bucket_label
from gui.charts.plots import (
    AVERAGE_COLOUR,
    COMMISSION_COLOUR,
    DAY,
    ORDERS_COLOUR,
    SALES_COLOUR,
    TimeChart,
    yuan,
)
from gui.formatting import count, fill, money
from models.services.sales_charts import Granularity, SalesSeries


def cents_cell(cents: int) -> str:
    """Money for a spreadsheet: plain yuan with two decimals, no symbol or separators."""
    sign = "-" if cents < 0 else ""
    yuan_part, fen = divmod(abs(cents), 100)
    return f"{sign}{yuan_part}.{fen:02d}"


def _empty_sales() -> SalesSeries:
    return SalesSeries([], [], [], [], [], [])


class SalesChart(TimeChart):
    """Sales amount above (with its 7-day moving average by day), the number of orders below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(rows=2, parent=parent)
        top, bottom = self.plots
        self.amount_bars = self.make_bars(top, SALES_COLOUR)
        self.average_line = top.plot([], [], pen=pg.mkPen(AVERAGE_COLOUR, width=2))
        self.order_bars = self.make_bars(bottom, ORDERS_COLOUR)
        top.setLabel("left", QCoreApplication.translate("charts", "Sales (¥)"))
        bottom.setLabel("left", QCoreApplication.translate("charts", "Orders"))
        self.legend.addItem(self.amount_bars, QCoreApplication.translate("charts", "Sales"))
        self.legend.addItem(self.order_bars, QCoreApplication.translate("charts", "Orders"))
        self._average_shown = False
        self.data = _empty_sales()
        self.granularity_shown: Granularity = "day"

    def show_series(self, data: SalesSeries, granularity: Granularity) -> None:
        self.data = data
        self.granularity_shown = granularity
        self.set_buckets(data.times, granularity)
        self.set_bars(self.amount_bars, yuan(data.amount_cents))
        self.set_bars(self.order_bars, [float(n) for n in data.orders])
        # A daily average beside weekly or monthly totals would read as a tiny line.
        by_day = granularity == "day"
        if by_day:
            middles = [t + DAY / 2 for t in data.average_times]
            self.average_line.setData(middles, yuan(data.average_cents))
        else:
            self.average_line.setData([], [])
        if by_day and not self._average_shown:
            self.legend.addItem(
                self.average_line, QCoreApplication.translate("charts", "7-day average")
            )
        elif not by_day and self._average_shown:
            self.legend.removeItem(self.average_line)
        self._average_shown = by_day

    def readout(self, index: int) -> str:
        d = self.data
        text = fill(
            QCoreApplication.translate("charts", "%1   Sales %2   Orders %3"),
            bucket_label(d.times[index], self.granularity_shown),
            money(d.amount_cents[index]),
            count(d.orders[index]),
        )
        if self.granularity_shown == "day":
            text += "   " + fill(
                QCoreApplication.translate("charts", "7-day average %1"),
                money(d.average_cents[index]),
            )
        return text

    def table(self) -> tuple[list[str], list[list[str]]]:
        d = self.data
        header = [
            QCoreApplication.translate("charts", "Date"),
            QCoreApplication.translate("charts", "Sales (¥)"),
            QCoreApplication.translate("charts", "Orders"),
        ]
        by_day = self.granularity_shown == "day"
        if by_day:
            header.append(QCoreApplication.translate("charts", "7-day average (¥)"))
        rows = []
        for i, t in enumerate(d.times):
            row = [bucket_key(t, self.granularity_shown), cents_cell(d.amount_cents[i])]
            row.append(str(d.orders[i]))
            if by_day:
                row.append(cents_cell(d.average_cents[i]))
            rows.append(row)
        return header, rows


class CommissionChart(TimeChart):
    """The commission earned per bucket."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(rows=1, parent=parent)
        self.bars = self.make_bars(self.plots[0], COMMISSION_COLOUR)
        self.plots[0].setLabel("left", QCoreApplication.translate("charts", "Commission (¥)"))
        self.legend.addItem(self.bars, QCoreApplication.translate("charts", "Commission"))
        self.data = _empty_sales()
        self.granularity_shown: Granularity = "day"

    def show_series(self, data: SalesSeries, granularity: Granularity) -> None:
        self.data = data
        self.granularity_shown = granularity
        self.set_buckets(data.times, granularity)
        self.set_bars(self.bars, yuan(data.commission_cents))

    def readout(self, index: int) -> str:
        return fill(
            QCoreApplication.translate("charts", "%1   Commission %2"),
            bucket_label(self.data.times[index], self.granularity_shown),
            money(self.data.commission_cents[index]),
        )

    def table(self) -> tuple[list[str], list[list[str]]]:
        header = [
            QCoreApplication.translate("charts", "Date"),
            QCoreApplication.translate("charts", "Commission (¥)"),
        ]
        rows = [
            [bucket_key(t, self.granularity_shown), cents_cell(c)]
            for t, c in zip(self.data.times, self.data.commission_cents, strict=True)
        ]
        return header, rows
