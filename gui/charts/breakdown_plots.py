"""One line per category, per store or per customer source; releases as marked vertical lines.

A bucket still running ends its lines with a dashed step, so that the drop of a half month
reads as unfinished rather than as a fall.
"""

from __future__ import annotations

from collections.abc import Callable

import pyqtgraph as pg
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QWidget

from gui.charts.labels import bucket_key, bucket_label, so_far
from gui.charts.plots import RELEASE_COLOUR, TimeChart, line_pen, yuan
from gui.charts.sales_plots import cents_cell
from gui.formatting import count, fill, money
from models.services.sales_charts import Granularity, ReleaseMark, Series

# The readout names the biggest values at the pointer; a long tail of stores would not fit.
READOUT_SERIES = 6


class BreakdownChart(TimeChart):
    """Lines of money (sales per category or store) or of counts (new customers)."""

    def __init__(
        self,
        label_of: Callable[[Series], str],
        *,
        in_money: bool,
        axis_label: str,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(rows=1, parent=parent)
        self.label_of = label_of
        self.in_money = in_money
        self.plots[0].setLabel("left", axis_label)
        self.lines: list[pg.PlotDataItem] = []
        self.tails: list[pg.PlotDataItem] = []  # the dashed last step of a running bucket
        self.series: list[Series] = []
        self._legend_labels: tuple[str, ...] = ()
        self.granularity_shown: Granularity = "day"

    def show_series(
        self,
        times: list[int],
        series: list[Series],
        granularity: Granularity,
        unfinished: bool = False,
    ) -> None:
        self.series = series
        self.granularity_shown = granularity
        self.set_buckets(times, granularity, unfinished)
        while len(self.lines) < len(series):
            self.lines.append(self.plots[0].plot([], [], pen=line_pen(len(self.lines))))
            self.tails.append(
                self.plots[0].plot([], [], pen=line_pen(len(self.tails), dashed=True))
            )
        symbol = "o" if len(times) <= 60 else None
        middles = self.middles()
        # The solid line stops one bucket short of a running one; the dashed tail goes on.
        cut = len(middles) - 1 if self.unfinished and len(middles) > 1 else len(middles)
        for line, tail, one in zip(self.lines, self.tails, series, strict=False):
            values = yuan(one.values) if self.in_money else [float(v) for v in one.values]
            line.setData(middles[:cut], values[:cut], symbol=symbol, symbolSize=5, symbolPen=None)
            line.setSymbolBrush(line.opts["pen"].color())
            if cut < len(middles):
                tail.setData(middles[cut - 1 :], values[cut - 1 :])
            else:
                tail.setData([], [])
        labels = tuple(self.label_of(one) for one in series)
        # Labels cost more to lay out than lines to draw: keep the legend while they stay.
        if labels != self._legend_labels:
            self._legend_labels = labels
            self.legend.clear()
            for line, label in zip(self.lines, labels, strict=False):
                self.legend.addItem(line, label)
        for line, tail in zip(self.lines[len(series) :], self.tails[len(series) :], strict=True):
            line.setData([], [])
            tail.setData([], [])

    def plotted(self, index: int) -> tuple[list[float], list[float]]:
        """The ``index``-th series as drawn: its solid line and, for a running bucket, its tail."""
        xs, ys = self.lines[index].getData()
        tail_xs, tail_ys = self.tails[index].getData()
        xs, ys = list(xs if xs is not None else []), list(ys if ys is not None else [])
        if tail_xs is not None and len(tail_xs):
            xs, ys = xs + list(tail_xs)[1:], ys + list(tail_ys)[1:]
        return xs, ys

    def _value_text(self, value: int) -> str:
        return money(value) if self.in_money else count(value)

    def readout(self, index: int) -> str:
        at = [(s.values[index], self.label_of(s)) for s in self.series if s.values[index]]
        at.sort(key=lambda pair: -pair[0])
        parts = [f"{label} {self._value_text(value)}" for value, label in at[:READOUT_SERIES]]
        if len(at) > READOUT_SERIES:
            parts.append("…")
        total = sum(value for value, _label in at)
        head = fill(
            QCoreApplication.translate("charts", "%1   Total %2"),
            bucket_label(self.times[index], self.granularity_shown) + so_far(self, index),
            self._value_text(total),
        )
        return "   ".join([head, *parts])

    def table(self) -> tuple[list[str], list[list[str]]]:
        header = [
            QCoreApplication.translate("charts", "Date"),
            *(self.label_of(s) for s in self.series),
        ]
        cell = cents_cell if self.in_money else str
        rows = [
            [bucket_key(t, self.granularity_shown), *(cell(s.values[i]) for s in self.series)]
            for i, t in enumerate(self.times)
        ]
        return header, rows


class GrowthChart(BreakdownChart):
    """New customers by source, with each approved release marked where it happened."""

    def __init__(self, label_of: Callable[[Series], str], parent: QWidget | None = None) -> None:
        super().__init__(label_of, in_money=False, axis_label="", parent=parent)
        self.plots[0].setLabel("left", QCoreApplication.translate("charts", "New customers"))
        self.marks: list[pg.InfiniteLine] = []
        self.releases: list[ReleaseMark] = []

    def show_releases(self, releases: list[ReleaseMark]) -> None:
        self.releases = releases
        pen = pg.mkPen(RELEASE_COLOUR, width=1, style=Qt.PenStyle.DashLine)
        while len(self.marks) < len(releases):
            mark = pg.InfiniteLine(
                angle=90,
                pen=pen,
                label="",
                labelOpts={"position": 0.92, "color": RELEASE_COLOUR, "movable": False},
            )
            self.plots[0].addItem(mark, ignoreBounds=True)
            self.marks.append(mark)
        for mark, release in zip(self.marks, releases, strict=False):
            mark.setPos(release.at)
            mark.label.setFormat(self.release_text(release))
            mark.setVisible(True)
        for mark in self.marks[len(releases) :]:
            mark.setVisible(False)

    def release_text(self, release: ReleaseMark) -> str:
        return fill(QCoreApplication.translate("charts", "Released: %1"), release.manager_name)

    def table(self) -> tuple[list[str], list[list[str]]]:
        header, rows = super().table()
        header.append(QCoreApplication.translate("charts", "Releases"))
        ends = [*self.times[1:], None]
        for row, start, end in zip(rows, self.times, ends, strict=True):
            names = [
                r.manager_name
                for r in self.releases
                if r.at >= start and (end is None or r.at < end)
            ]
            row.append("、".join(names))
        return header, rows
