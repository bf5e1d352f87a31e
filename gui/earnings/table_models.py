"""The earnings workspace's tables: short lists held whole (a statement has a few thousand lines
at most, the differences a few thousand rows), each cell also given as the value an export
writes (``VALUE_ROLE``: text, or a number)."""

from __future__ import annotations

from typing import Any, Final, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QCoreApplication,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
)
from PySide6.QtGui import QBrush, QPalette
from PySide6.QtWidgets import QApplication

from gui.earnings.labels import (
    day,
    line_kind,
    moment,
    period,
    rate,
    reason_label,
    reason_words,
    withdrawal_reason,
    withdrawal_state,
)
from gui.formatting import count, money
from gui.orders.labels import own_store, status_label
from models.services.earnings import Upcoming
from models.services.reconciliation import Difference
from models.services.statements import StatementLineView, StatementSummary
from models.services.withdrawals import WithdrawalLine
from models.statement_export import LINE_COLUMNS, StatementLabels, line_cell

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1
# The cell as an export writes it: text, or a number (yuan, a rate as a fraction).
VALUE_ROLE: Final = Qt.ItemDataRole.UserRole + 2
_RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


class ListTableModel(QAbstractTableModel, Generic[T]):
    """Rows of one dataclass, one text per column; money columns align right."""

    money_columns: frozenset[int] = frozenset()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = self.titles()
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(titles):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return titles[section]
        if role == Qt.ItemDataRole.TextAlignmentRole and section in self.money_columns:
            return int(_RIGHT)
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        column = index.column()
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self.texts(row)[column]
        if role == VALUE_ROLE:
            return self.value(row, column)
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.TextAlignmentRole and column in self.money_columns:
            return int(_RIGHT)
        if role == Qt.ItemDataRole.ForegroundRole and self.stands_out(row, column):
            return QBrush(QApplication.palette().color(QPalette.ColorRole.Link))
        return None

    # Python asks these rather than index.data(), which loses the types of plain objects.

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def text_at(self, row: int, column: int) -> str:
        found = self.row_at(row)
        return "" if found is None else self.texts(found)[column]

    @property
    def rows(self) -> list[T]:
        return list(self._rows)

    def set_rows(self, rows: list[T]) -> None:
        self.beginResetModel()
        self._rows = list(rows)
        self.endResetModel()

    def titles(self) -> list[str]:
        raise NotImplementedError

    def texts(self, row: T) -> list[str]:
        raise NotImplementedError

    def value(self, row: T, column: int) -> Any:
        return self.texts(row)[column]

    def stands_out(self, _row: T, _column: int) -> bool:
        return False


class StatementsModel(ListTableModel[StatementSummary]):
    money_columns = frozenset({1, 2, 3})

    def titles(self) -> list[str]:
        return [
            self.tr("Week"),
            self.tr("Commission"),
            self.tr("Deductions"),
            self.tr("Total"),
            self.tr("Lines"),
        ]

    def texts(self, row: StatementSummary) -> list[str]:
        # Managers' shares, claw-backs and adjustments (which are mostly deductions too).
        deductions = row.manager_share_cents + row.clawback_cents + row.adjustment_cents
        return [
            period(row.period_start, row.period_end),
            money(row.commission_cents),
            money(deductions),
            money(row.total_cents),
            count(row.line_count),
        ]

    def row_of(self, statement_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == statement_id), -1)


class StatementLinesModel(ListTableModel[StatementLineView]):
    """A statement's lines; the columns and values of its XLSX export."""

    money_columns = frozenset({LINE_COLUMNS.index("amount"), LINE_COLUMNS.index("rate")})

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.labels = statement_labels()

    def titles(self) -> list[str]:
        return [self.labels.headers[c] for c in LINE_COLUMNS]

    def texts(self, row: StatementLineView) -> list[str]:
        texts = []
        for column in LINE_COLUMNS:
            if column == "amount":
                texts.append(money(row.amount_cents))
            elif column == "rate":
                texts.append(rate(row.share_rate_bp))
            else:
                texts.append(str(line_cell(row, column, self.labels)))
        return texts

    def value(self, row: StatementLineView, column: int) -> Any:
        return line_cell(row, LINE_COLUMNS[column], self.labels)

    def stands_out(self, row: StatementLineView, column: int) -> bool:
        return row.amount_cents < 0 and LINE_COLUMNS[column] == "amount"


def statement_labels() -> StatementLabels:
    return StatementLabels(
        headers={
            "order_no": QCoreApplication.translate("earnings", "Order no."),
            "store": QCoreApplication.translate("earnings", "Store"),
            "kind": QCoreApplication.translate("earnings", "Kind"),
            "rate": QCoreApplication.translate("earnings", "Share rate"),
            "amount": QCoreApplication.translate("earnings", "Amount"),
            "note": QCoreApplication.translate("earnings", "Note"),
        },
        kinds={k: line_kind(k) for k in ("commission", "manager_share", "clawback", "adjustment")},
        own_store=own_store(),
        no_order=QCoreApplication.translate("earnings", "(no order)"),
        lines_sheet=QCoreApplication.translate("earnings", "Lines"),
        summary_sheet=QCoreApplication.translate("earnings", "Summary"),
        summary={
            "period_start": QCoreApplication.translate("earnings", "First day"),
            "period_last": QCoreApplication.translate("earnings", "Last day"),
            "settled_at": QCoreApplication.translate("earnings", "Settled at"),
            "commission": QCoreApplication.translate("earnings", "Commission"),
            "manager_share": QCoreApplication.translate("earnings", "Managers' shares"),
            "clawback": QCoreApplication.translate("earnings", "Claw-backs"),
            "adjustment": QCoreApplication.translate("earnings", "Adjustments"),
            "total": QCoreApplication.translate("earnings", "Total"),
            "lines": QCoreApplication.translate("earnings", "Lines"),
        },
    )


class WithdrawalsModel(ListTableModel[WithdrawalLine]):
    money_columns = frozenset({1})

    def titles(self) -> list[str]:
        return [
            self.tr("Requested"),
            self.tr("Amount"),
            self.tr("State"),
            self.tr("Decided"),
            self.tr("Reason"),
        ]

    def texts(self, row: WithdrawalLine) -> list[str]:
        return [
            moment(row.requested_at),
            money(row.amount_cents),
            withdrawal_state(row.state),
            moment(row.decided_at),
            withdrawal_reason(row),
        ]

    def stands_out(self, row: WithdrawalLine, column: int) -> bool:
        return column == 2 and row.state in ("waiting", "refused")


class DifferencesModel(ListTableModel[Difference]):
    money_columns = frozenset({4, 5, 6})

    def titles(self) -> list[str]:
        return [
            self.tr("Order no."),
            self.tr("Placed"),
            self.tr("Store"),
            self.tr("Status"),
            self.tr("By the rules"),
            self.tr("Paid"),
            self.tr("Difference"),
            self.tr("Reason"),
            self.tr("Why"),
        ]

    def texts(self, row: Difference) -> list[str]:
        return [
            row.order_no,
            day(row.placed_at),
            row.store_name or own_store(),
            status_label(row.status),
            money(row.expected_cents),
            money(row.paid_cents),
            money(row.difference_cents),
            reason_label(row.reason),
            reason_words(row),
        ]

    def stands_out(self, row: Difference, column: int) -> bool:
        return column == 7 and row.reason != "not_yet_settleable"


class UpcomingModel(ListTableModel[Upcoming]):
    money_columns = frozenset({1})

    def titles(self) -> list[str]:
        return [self.tr("Available on"), self.tr("Amount"), self.tr("Orders")]

    def texts(self, row: Upcoming) -> list[str]:
        return [day(row.day), money(row.cents), count(row.orders)]
