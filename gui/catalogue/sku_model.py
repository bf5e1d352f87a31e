"""A product's SKUs: spec, stock, supply price, suggested retail price, commission per piece."""

from __future__ import annotations

from typing import Any, Final

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QApplication

from gui.formatting import count, money
from models.services.catalogue import SkuLine

SPEC, STOCK, SUPPLY, RETAIL, COMMISSION = range(5)
COLUMN_COUNT: Final = 5
Index = QModelIndex | QPersistentModelIndex


def sku_column_titles() -> list[str]:
    return [
        QCoreApplication.translate("catalogue", "Spec"),
        QCoreApplication.translate("catalogue", "Stock"),
        QCoreApplication.translate("catalogue", "Supply"),
        QCoreApplication.translate("catalogue", "Retail"),
        QCoreApplication.translate("catalogue", "Earn"),
    ]


class SkuTableModel(QAbstractTableModel):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._skus: list[SkuLine] = []
        self._titles = sku_column_titles()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._skus)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else COLUMN_COUNT

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < COLUMN_COUNT:
            return self._titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._skus):
            return None
        sku = self._skus[index.row()]
        column = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return [
                sku.spec,
                count(sku.stock),
                money(sku.supply_price_cents),
                money(sku.retail_price_cents),
                money(sku.commission_cents),
            ][column]
        if role == Qt.ItemDataRole.ToolTipRole and column == SPEC:
            return sku.spec
        if role == Qt.ItemDataRole.TextAlignmentRole and column != SPEC:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and sku.stock == 0:
            return QApplication.palette().color(QPalette.ColorRole.PlaceholderText)
        return None

    @property
    def skus(self) -> list[SkuLine]:
        return list(self._skus)

    def set_skus(self, skus: list[SkuLine]) -> None:
        self.beginResetModel()
        self._skus = list(skus)
        self.endResetModel()
