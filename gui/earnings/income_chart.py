"""The monthly income chart: what each month's statements paid the owner, with the managers'
shares of the same commission stacked on top; exact figures under the pointer."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QWidget

from gui.charts.labels import bucket_key, bucket_label
from gui.charts.plots import COMMISSION_COLOUR, SALES_COLOUR, TimeChart, bar_spans, yuan
from gui.charts.sales_plots import cents_cell
from gui.formatting import fill, money
from models.services.income import IncomeSeries


class IncomeChart(TimeChart):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(rows=1, parent=parent)
        plot = self.plots[0]
        self.owner_bars = self.make_bars(plot, SALES_COLOUR)
        self.manager_bars = self.make_bars(plot, COMMISSION_COLOUR)
        plot.setLabel("left", QCoreApplication.translate("earnings", "Income (¥)"))
        self.legend.addItem(self.owner_bars, QCoreApplication.translate("earnings", "Yours"))
        self.legend.addItem(
            self.manager_bars, QCoreApplication.translate("earnings", "Managers' shares")
        )
        self.data = IncomeSeries([], [], [], [], [])

    def show_series(self, data: IncomeSeries) -> None:
        self.data = data
        self.set_buckets(data.times, "month")
        self.set_bars(self.owner_bars, yuan(data.owner_cents))
        spans = bar_spans(self.times, "month")
        # The managers' shares sit on the owner's part: together they are the commission paid.
        self.manager_bars.setOpts(
            x0=[t + s * 0.1 for t, s in zip(self.times, spans, strict=True)],
            width=[s * 0.8 for s in spans],
            y0=[max(v, 0.0) for v in yuan(data.owner_cents)],
            height=yuan(data.managers_cents),
        )

    def readout(self, index: int) -> str:
        d = self.data
        return fill(
            QCoreApplication.translate("earnings", "%1   Yours %2   Managers' shares %3"),
            bucket_label(d.times[index], "month"),
            money(d.owner_cents[index]),
            money(d.managers_cents[index]),
        )

    def table(self) -> tuple[list[str], list[list[str]]]:
        header = [
            QCoreApplication.translate("earnings", "Month"),
            QCoreApplication.translate("earnings", "Yours (¥)"),
            QCoreApplication.translate("earnings", "Managers' shares (¥)"),
        ]
        rows = [
            [bucket_key(t, "month"), cents_cell(o), cents_cell(m)]
            for t, o, m in zip(
                self.data.times, self.data.owner_cents, self.data.managers_cents, strict=True
            )
        ]
        return header, rows
