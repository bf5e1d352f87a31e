"""The chart widgets: plot items made once, fed new series with setData and setOpts.

Money is plotted in yuan; the readout under the pointer shows it to the cent. The legend stands
beside the plots, never over them; a bucket still running (this week, this month) is drawn pale
with a dashed edge, so that a half month is not read as a bad one.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from typing import Any, Final

import pyqtgraph as pg
from PySide6.QtCore import QPointF, Qt, Signal
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication, QSizePolicy, QWidget

from gui.formatting import local_time, short_day

DAY: Final = 86_400
SALES_COLOUR: Final = QColor("#3b7dd8")
AVERAGE_COLOUR: Final = QColor("#e8833a")
ORDERS_COLOUR: Final = QColor("#2e9d5b")
COMMISSION_COLOUR: Final = QColor("#9b59b6")
RELEASE_COLOUR: Final = QColor("#d9534f")
LINE_COLOURS: Final = tuple(
    QColor(c)
    for c in (
        "#3b7dd8",
        "#e8833a",
        "#2e9d5b",
        "#d9534f",
        "#9b59b6",
        "#8c6d31",
        "#e377c2",
        "#7f7f7f",
        "#17becf",
        "#bcbd22",
    )
)
NOMINAL_DAYS: Final = {"day": 1, "week": 7, "month": 30}
COMPARED_COLOUR: Final = QColor("#8a8a8a")
LEGEND_WIDTH: Final = 190


def yuan(cents: Sequence[int]) -> list[float]:
    return [c / 100 for c in cents]


def bar_spans(times: Sequence[int], granularity: str) -> list[int]:
    """Each bucket's length in seconds: up to the next bucket, or the usual length for the last."""
    nominal = NOMINAL_DAYS.get(granularity, 1) * DAY
    return [(times[i + 1] - t) if i + 1 < len(times) else nominal for i, t in enumerate(times)]


class DayAxis(pg.DateAxisItem):  # type: ignore[misc]
    """Dates as digits (2026-11, 11-23, 2025-11-23 for a day of another year), the same in
    every language and in the computer's zone."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing >= 27 * DAY:
            return [local_time(int(v)).strftime("%Y-%m") for v in values]
        if spacing >= DAY:
            return [short_day(int(v)) for v in values]
        return super().tickStrings(values, scale, spacing)  # type: ignore[no-any-return]


class FigureAxis(pg.AxisItem):  # type: ignore[misc]
    """Whole figures with thousands separators: 500,000 rather than 500000 or 5e5."""

    def tickStrings(self, values: list[float], scale: float, spacing: float) -> list[str]:
        if spacing < 1:
            return super().tickStrings(values, scale, spacing)  # type: ignore[no-any-return]
        return [f"{v * scale:,.0f}" for v in values]


class TimeChart(pg.GraphicsLayoutWidget):  # type: ignore[misc]
    """One or more plots over the same time axis, with a cursor that follows the pointer."""

    hovered = Signal(str)

    def __init__(self, rows: int = 1, parent: QWidget | None = None) -> None:
        super().__init__(parent=parent)
        palette = QApplication.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        self.text_colour = palette.color(QPalette.ColorRole.Text)
        self.plots: list[pg.PlotItem] = []
        for row in range(rows):
            axes = {"bottom": DayAxis("bottom"), "left": FigureAxis("left")}
            plot = self.addPlot(row=row, col=0, axisItems=axes)
            plot.setMenuEnabled(False)
            plot.setMouseEnabled(x=False, y=False)
            plot.hideButtons()
            plot.showGrid(y=True, alpha=0.2)
            for side in ("left", "bottom"):
                plot.getAxis(side).setTextPen(self.text_colour)
            plot.getAxis("left").setWidth(72)
            if self.plots:
                plot.setXLink(self.plots[0])
            self.plots.append(plot)
        # Beside the plots, in a column of its own: over them, forty stores hid a third of the
        # plot.
        self.legend = pg.LegendItem(frame=False, verSpacing=-4)
        self.legend.setLabelTextColor(self.text_colour)
        # As tall as its entries, at the top of its column, not spread down it.
        self.legend.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        self.ci.addItem(self.legend, row=0, col=1, rowspan=rows)
        self.ci.layout.setColumnFixedWidth(1, LEGEND_WIDTH)
        self.ci.layout.setAlignment(self.legend, Qt.AlignmentFlag.AlignTop)
        self.unfinished = False
        cursor_pen = pg.mkPen(self.text_colour, width=1, style=Qt.PenStyle.DotLine)
        self.cursors = [pg.InfiniteLine(angle=90, pen=cursor_pen) for _ in self.plots]
        for plot, cursor in zip(self.plots, self.cursors, strict=True):
            cursor.setVisible(False)
            plot.addItem(cursor, ignoreBounds=True)
        self.times: list[int] = []
        self.granularity = "day"
        self.scene().sigMouseMoved.connect(self._on_scene_mouse_moved)

    # --- what subclasses give -------------------------------------------------------------

    def readout(self, index: int) -> str:
        raise NotImplementedError

    def table(self) -> tuple[list[str], list[list[str]]]:
        """The plotted data as a header and rows of cells, for a CSV file."""
        raise NotImplementedError

    # --- shared ---------------------------------------------------------------------------

    def set_buckets(self, times: list[int], granularity: str, unfinished: bool = False) -> None:
        self.times = list(times)
        self.granularity = granularity
        self.unfinished = unfinished and bool(times)
        for cursor in self.cursors:
            cursor.setVisible(False)
        if times:
            end = times[-1] + bar_spans(times, granularity)[-1]
            self.plots[0].setXRange(times[0], end, padding=0.02)
        for plot in self.plots:
            plot.enableAutoRange(axis="y")

    def hover_at(self, x: float) -> str:
        """Show the cursor on the bucket under ``x`` and say its values; '' outside the data."""
        index = bisect_right(self.times, x) - 1
        if not 0 <= index < len(self.times):
            return ""
        middle = self.times[index] + bar_spans(self.times, self.granularity)[index] / 2
        for cursor in self.cursors:
            cursor.setPos(middle)
            cursor.setVisible(True)
        text = self.readout(index)
        self.hovered.emit(text)
        return text

    def _on_scene_mouse_moved(self, position: QPointF) -> None:
        for plot in self.plots:
            if plot.sceneBoundingRect().contains(position):
                self.hover_at(plot.vb.mapSceneToView(position).x())
                return

    def middles(self) -> list[float]:
        """Where a line puts each bucket's value: in its middle, over its bar."""
        spans = bar_spans(self.times, self.granularity)
        return [t + s / 2 for t, s in zip(self.times, spans, strict=True)]

    def make_bars(self, plot: pg.PlotItem, colour: QColor) -> pg.BarGraphItem:
        bars = pg.BarGraphItem(x0=[], height=[], width=[], brush=colour, pen=None)
        bars.colour = colour
        plot.addItem(bars)
        return bars

    def set_bars(self, bars: pg.BarGraphItem, heights: list[float]) -> None:
        spans = bar_spans(self.times, self.granularity)
        colour: QColor = bars.colour
        brushes = [pg.mkBrush(colour)] * len(heights)
        pens = [pg.mkPen(None)] * len(heights)
        if self.unfinished and heights:
            brushes[-1] = pg.mkBrush(unfinished_colour(colour))
            pens[-1] = pg.mkPen(colour, width=1, style=Qt.PenStyle.DashLine)
        bars.setOpts(
            x0=[t + s * 0.1 for t, s in zip(self.times, spans, strict=True)],
            width=[s * 0.8 for s in spans],
            height=heights,
            brushes=brushes,
            pens=pens,
        )


def line_pen(index: int, *, dashed: bool = False) -> Any:
    style = Qt.PenStyle.DashLine if dashed else Qt.PenStyle.SolidLine
    return pg.mkPen(LINE_COLOURS[index % len(LINE_COLOURS)], width=2, style=style)


def unfinished_colour(colour: QColor) -> QColor:
    pale = QColor(colour)
    pale.setAlpha(90)
    return pale
