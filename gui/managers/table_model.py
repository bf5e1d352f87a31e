"""The managers table: every manager line in memory, filtered and sorted in Python.

A shop has a few hundred managers at most, so the model keeps them all and re-sorts on demand.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from functools import cmp_to_key
from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCollator,
    QLocale,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtWidgets import QApplication

from gui.formatting import count, tooltip
from gui.managers.labels import (
    assessment_label,
    column_titles,
    forecast_text,
    outlook_colour,
    stage_text,
)
from gui.managers.tips import cell_tip, column_tips
from models.services.managers import ManagerFilter, ManagerLine, SortColumn, shown_lines

COLUMNS: Final = list(SortColumn)
ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1
SHARE_ROLE: Final = Qt.ItemDataRole.UserRole + 2  # 0..1 of a target, for the progress bars
TREND_ROLE: Final = Qt.ItemDataRole.UserRole + 3  # weekly sales in cents, oldest first
Index = QModelIndex | QPersistentModelIndex


def whole_yuan(cents: int) -> str:
    """Targets read better without fen: ¥3,200."""
    return f"¥{cents // 100:,}"


class ManagersTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._all: list[ManagerLine] = []
        self._rows: list[ManagerLine] = []
        self._filter = ManagerFilter()
        self._column = SortColumn.NAME
        self._descending = False
        self._now = int(time.time())
        titles = column_titles()
        self._titles = [titles[c] for c in COLUMNS]
        tips = column_tips()
        self._tips = [tips[c] for c in COLUMNS]

    # --- what the view asks ---------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008 - Qt's signature
        return 0 if parent.isValid() else len(COLUMNS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(COLUMNS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self._titles[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(self._tips[section])
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        line = self._rows[index.row()]
        column = COLUMNS[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return self._text(line, column)
        if role == ROW_ROLE:
            return line
        if role == SHARE_ROLE:
            if column is SortColumn.SALES:
                return line.forecast.sales_share
            if column is SortColumn.CUSTOMERS:
                return line.forecast.customers_share
            return None
        if role == TREND_ROLE and column is SortColumn.TREND:
            return list(line.trend)
        if role == Qt.ItemDataRole.ForegroundRole and column is SortColumn.FORECAST:
            return outlook_colour(line.outlook, QApplication.palette())
        if role == Qt.ItemDataRole.ToolTipRole:
            return tooltip(cell_tip(line, column, self._now))
        if role == Qt.ItemDataRole.TextAlignmentRole and column in (
            SortColumn.DAYS_LEFT,
            SortColumn.TREND,
        ):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        if 0 <= column < len(COLUMNS):
            self._column = COLUMNS[column]
            self._descending = order == Qt.SortOrder.DescendingOrder
            self._apply()

    # --- what the workspace asks ----------------------------------------------------------

    def set_lines(self, lines: Sequence[ManagerLine], now: int | None = None) -> None:
        """The lines as read at ``now``: the moment their stages' windows end, if not sooner."""
        self._all = list(lines)
        self._now = int(time.time()) if now is None else now
        self._apply()

    def set_filter(self, f: ManagerFilter) -> None:
        self._filter = f
        self._apply()

    def all_lines(self) -> list[ManagerLine]:
        return list(self._all)

    def shown(self) -> list[ManagerLine]:
        return list(self._rows)

    def line_at(self, row: int) -> ManagerLine | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def row_of(self, manager_id: int) -> int:
        for row, line in enumerate(self._rows):
            if line.id == manager_id:
                return row
        return -1

    # --- helpers --------------------------------------------------------------------------

    def _apply(self) -> None:
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self._rows[i.row()].id if i.row() < len(self._rows) else None for i in old]
        by_name = cmp_to_key(QCollator(QLocale()).compare)
        self._rows = shown_lines(
            self._all, self._filter, self._column, self._descending, name_key=by_name
        )
        where = {line.id: row for row, line in enumerate(self._rows)}
        new = []
        for index, manager_id in zip(old, ids, strict=True):
            row = where.get(manager_id) if manager_id is not None else None
            new.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, new)
        self.layoutChanged.emit()

    def _text(self, line: ManagerLine, column: SortColumn) -> str:
        if column is SortColumn.NAME:
            return line.name
        if column is SortColumn.STAGE:
            return stage_text(line)
        if column is SortColumn.SALES:
            return f"{whole_yuan(line.sales_cents)} / {whole_yuan(line.sales_target_cents)}"
        if column is SortColumn.CUSTOMERS:
            return f"{count(line.customers)} / {count(line.customers_target)}"
        if column is SortColumn.DAYS_LEFT:
            return self._days_left(line)
        if column is SortColumn.ASSESSMENT:
            return assessment_label(line.assessment)
        if column is SortColumn.FORECAST:
            return forecast_text(line)
        return whole_yuan(sum(line.trend))

    def _days_left(self, line: ManagerLine) -> str:
        if line.outlook in ("complete", "released"):
            return "—"
        if line.outlook == "expired":
            return self.tr("Ended")
        return self.tr("%Ln day(s)", "", line.forecast.days_left)
