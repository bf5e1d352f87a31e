"""Sales and orders per bucket, and commission per bucket, each with the compared range (the
period before, or the year before) as a grey line over the bars."""

from __future__ import annotations

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from gui.charts.labels import bucket_key, bucket_label, change_text, compared_label, so_far
from gui.charts.plots import (
    AVERAGE_COLOUR,
    COMMISSION_COLOUR,
    COMPARED_COLOUR,
    DAY,
    ORDERS_COLOUR,
    SALES_COLOUR,
    TimeChart,
    yuan,
)
from gui.formatting import count, fill, money
from models.services.sales_charts import Granularity, SalesSeries
from models.services.sales_totals import Comparison


def cents_cell(cents: int) -> str:
    """Money for a spreadsheet: plain yuan with two decimals, no symbol or separators."""
    sign = "-" if cents < 0 else ""
    yuan_part, fen = divmod(abs(cents), 100)
    return f"{sign}{yuan_part}.{fen:02d}"


def _empty_sales() -> SalesSeries:
    return SalesSeries([], [], [], [], [], [])


def compared_values(compared: SalesSeries | None, field: str, buckets: int) -> list[int] | None:
    """The compared range's values bucket by bucket (its first beside the range's first), cut
    or padded with zeros to the range's buckets."""
    if compared is None:
        return None
    values: list[int] = list(getattr(compared, field))[:buckets]
    return values + [0] * (buckets - len(values))


class _ComparedLine:
    """A dashed grey line of the compared range, and its entry in the legend."""

    def __init__(self, chart: TimeChart) -> None:
        self.chart = chart
        self.line = chart.plots[0].plot(
            [], [], pen=pg.mkPen(COMPARED_COLOUR, width=2, style=Qt.PenStyle.DashLine)
        )
        self.comparison: Comparison = "none"
        self.values: list[int] | None = None
        self._in_legend = False

    def show(self, values: list[int] | None, comparison: Comparison) -> None:
        if self._in_legend:
            self.chart.legend.removeItem(self.line)
            self._in_legend = False
        if values is None or comparison == "none":
            self.line.setData([], [])
            self.values, self.comparison = None, "none"
            return
        self.values, self.comparison = values, comparison
        # Points as well as the line, so that a range of a day or two still shows them.
        symbol = "o" if len(values) <= 60 else None
        self.line.setData(
            self.chart.middles(),
            yuan(values),
            symbol=symbol,
            symbolSize=6,
            symbolPen=None,
            symbolBrush=COMPARED_COLOUR,
        )
        self.chart.legend.addItem(self.line, compared_label(comparison))
        self._in_legend = True

    def readout(self, index: int, now: int) -> str:
        if self.values is None:
            return ""
        before = self.values[index]
        return fill(
            QCoreApplication.translate("charts", "%1 %2 (%3)"),
            compared_label(self.comparison),
            money(before),
            change_text(now, before),
        )


class SalesChart(TimeChart):
    """Sales amount above (with its 7-day moving average by day), the number of orders below."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(rows=2, parent=parent)
        top, bottom = self.plots
        self.amount_bars = self.make_bars(top, SALES_COLOUR)
        self.average_line = top.plot([], [], pen=pg.mkPen(AVERAGE_COLOUR, width=2))
        self.order_bars = self.make_bars(bottom, ORDERS_COLOUR)
        self.compared = _ComparedLine(self)
        top.setLabel("left", QCoreApplication.translate("charts", "Sales (¥)"))
        bottom.setLabel("left", QCoreApplication.translate("charts", "Orders"))
        self.legend.addItem(self.amount_bars, QCoreApplication.translate("charts", "Sales"))
        self.legend.addItem(self.order_bars, QCoreApplication.translate("charts", "Orders"))
        self._average_shown = False
        self.data = _empty_sales()
        self.granularity_shown: Granularity = "day"

    def show_series(
        self,
        data: SalesSeries,
        granularity: Granularity,
        compared: SalesSeries | None = None,
        comparison: Comparison = "none",
    ) -> None:
        self.data = data
        self.granularity_shown = granularity
        self.set_buckets(data.times, granularity, data.unfinished)
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
        values = compared_values(compared, "amount_cents", len(data.times))
        self.compared.show(values, comparison)

    def readout(self, index: int) -> str:
        d = self.data
        text = fill(
            QCoreApplication.translate("charts", "%1   Sales %2   Orders %3"),
            bucket_label(d.times[index], self.granularity_shown) + so_far(self, index),
            money(d.amount_cents[index]),
            count(d.orders[index]),
        )
        if self.granularity_shown == "day":
            text += "   " + fill(
                QCoreApplication.translate("charts", "7-day average %1"),
                money(d.average_cents[index]),
            )
        compared = self.compared.readout(index, d.amount_cents[index])
        return f"{text}   {compared}" if compared else text

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
        compared = self.compared.values
        if compared is not None:
            header.append(
                fill(
                    QCoreApplication.translate("charts", "%1 (¥)"),
                    compared_label(self.compared.comparison),
                )
            )
        rows = []
        for i, t in enumerate(d.times):
            row = [bucket_key(t, self.granularity_shown), cents_cell(d.amount_cents[i])]
            row.append(str(d.orders[i]))
            if by_day:
                row.append(cents_cell(d.average_cents[i]))
            if compared is not None:
                row.append(cents_cell(compared[i]))
            rows.append(row)
        return header, rows


class CommissionChart(TimeChart):
    """The commission earned per bucket."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(rows=1, parent=parent)
        self.bars = self.make_bars(self.plots[0], COMMISSION_COLOUR)
        self.compared = _ComparedLine(self)
        self.plots[0].setLabel("left", QCoreApplication.translate("charts", "Commission (¥)"))
        self.legend.addItem(self.bars, QCoreApplication.translate("charts", "Commission"))
        self.data = _empty_sales()
        self.granularity_shown: Granularity = "day"

    def show_series(
        self,
        data: SalesSeries,
        granularity: Granularity,
        compared: SalesSeries | None = None,
        comparison: Comparison = "none",
    ) -> None:
        self.data = data
        self.granularity_shown = granularity
        self.set_buckets(data.times, granularity, data.unfinished)
        self.set_bars(self.bars, yuan(data.commission_cents))
        values = compared_values(compared, "commission_cents", len(data.times))
        self.compared.show(values, comparison)

    def readout(self, index: int) -> str:
        text = fill(
            QCoreApplication.translate("charts", "%1   Commission %2"),
            bucket_label(self.data.times[index], self.granularity_shown) + so_far(self, index),
            money(self.data.commission_cents[index]),
        )
        compared = self.compared.readout(index, self.data.commission_cents[index])
        return f"{text}   {compared}" if compared else text

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
