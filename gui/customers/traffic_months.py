"""The traffic compensation month by month: a small table model and a bar chart."""

from __future__ import annotations

from typing import Any, Final

import pyqtgraph as pg
from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QColor, QPalette
from PySide6.QtWidgets import QApplication

from gui.formatting import count, money
from models.services.traffic import MonthFigures

Index = QModelIndex | QPersistentModelIndex
LOST_COLOUR: Final = QColor("#d9534f")
ALLOCATED_COLOUR: Final = QColor("#2e9d5b")
NUMERIC_COLUMNS: Final = range(1, 7)


def month_label(month: MonthFigures) -> str:
    return f"{month.year}-{month.month:02d}"


def signed(number: int) -> str:
    return f"+{count(number)}" if number > 0 else count(number)


def signed_money(cents: int) -> str:
    return f"+{money(cents)}" if cents > 0 else money(cents)


class MonthsModel(QAbstractTableModel):
    """Months newest first: lost, allocated, net, and the same in sales."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._months: list[MonthFigures] = []
        self._titles = [
            self.tr("Month"),
            self.tr("Customers lost"),
            self.tr("Customers allocated"),
            self.tr("Net"),
            self.tr("Sales lost"),
            self.tr("Sales brought"),
            self.tr("Net sales"),
        ]

    def set_months(self, months: list[MonthFigures]) -> None:
        self.beginResetModel()
        self._months = list(reversed(months))
        self.endResetModel()

    def month_at(self, row: int) -> MonthFigures:
        return self._months[row]

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._months)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._titles):
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._months):
            return None
        month = self._months[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(month, column)
        if role == Qt.ItemDataRole.TextAlignmentRole and column in NUMERIC_COLUMNS:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and column in (3, 6):
            value = month.net if column == 3 else month.net_sales_cents
            if value < 0:
                return LOST_COLOUR
            if value > 0:
                return ALLOCATED_COLOUR
        return None

    @staticmethod
    def _text(month: MonthFigures, column: int) -> str:
        values = (
            month_label(month),
            count(month.lost),
            count(month.allocated),
            signed(month.net),
            money(month.sales_lost_cents),
            money(month.sales_brought_cents),
            signed_money(month.net_sales_cents),
        )
        return values[column]


class MonthsChart(pg.PlotWidget):  # type: ignore[misc]
    """Lost below the line, allocated above it, one pair of bars per month.

    The bar items are made once; new figures only change their data.
    """

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent=parent)
        palette = QApplication.palette()
        self.setBackground(palette.color(QPalette.ColorRole.Base))
        self.setMenuEnabled(False)
        self.setMouseEnabled(x=False, y=False)
        self.hideButtons()
        self.showGrid(y=True, alpha=0.2)
        text = palette.color(QPalette.ColorRole.Text)
        for side in ("left", "bottom"):
            self.getAxis(side).setTextPen(text)
        self.lost_bars = pg.BarGraphItem(x=[], height=[], width=0.7, brush=LOST_COLOUR, pen=None)
        self.allocated_bars = pg.BarGraphItem(
            x=[], height=[], width=0.7, brush=ALLOCATED_COLOUR, pen=None
        )
        self.net_line = self.plot([], [], pen=pg.mkPen(text, width=2), symbol="o", symbolSize=5)
        self.addItem(self.lost_bars)
        self.addItem(self.allocated_bars)
        self.legend = self.addLegend(offset=(10, 5))
        self.legend.addItem(self.lost_bars, QCoreApplication.translate("customers", "Lost"))
        self.legend.addItem(
            self.allocated_bars,
            QCoreApplication.translate("customers", "Allocated from public domain"),
        )
        self.legend.addItem(self.net_line, QCoreApplication.translate("customers", "Net"))
        self.heights: tuple[list[float], list[float]] = ([], [])

    def show_months(self, months: list[MonthFigures], *, sales: bool) -> None:
        """Customers per month, or sales in yuan when ``sales``."""
        xs = list(range(len(months)))
        if sales:
            lost = [-m.sales_lost_cents / 100 for m in months]
            allocated = [m.sales_brought_cents / 100 for m in months]
        else:
            lost = [-float(m.lost) for m in months]
            allocated = [float(m.allocated) for m in months]
        self.heights = (lost, allocated)
        self.lost_bars.setOpts(x=xs, height=lost)
        self.allocated_bars.setOpts(x=xs, height=allocated)
        self.net_line.setData(xs, [a + b for a, b in zip(lost, allocated, strict=True)])
        step = max(1, len(months) // 8)
        ticks = [(x, month_label(m)) for x, m in enumerate(months) if x % step == 0]
        self.getAxis("bottom").setTicks([ticks, []])
        if months:
            self.setXRange(-0.6, len(months) - 0.4, padding=0)
            self.enableAutoRange(axis="y")
