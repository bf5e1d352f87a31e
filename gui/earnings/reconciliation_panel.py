"""Reconciliation: the orders whose money differs from what the rules give, each with its
reason in words; a reason to look at, and the way to the orders workspace."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui.earnings.labels import reason_label, reason_words
from gui.earnings.statements_panel import table
from gui.earnings.table_models import DifferencesModel
from gui.formatting import count, fill
from models.services.reconciliation import (
    ANY_DIFFERENCE,
    MISMATCH,
    PROBLEMS,
    REASONS,
    Difference,
    Reason,
)

# What the reason box offers: every problem at once, each reason, or everything.
EVERYTHING = ANY_DIFFERENCE


def reasons_of(choice: str) -> tuple[Reason, ...]:
    if choice == MISMATCH:
        return PROBLEMS
    if choice == EVERYTHING:
        return REASONS
    return tuple(r for r in REASONS if r == choice)


class ReconciliationPanel(QWidget):
    reasons_changed = Signal()
    show_in_orders = Signal(str)  # the order table's money filter

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._create_widgets()
        self._connect_signals()

    def _create_widgets(self) -> None:
        self.reason = QComboBox()
        self.reason.addItem(self.tr("Money that does not add up"), MISMATCH)
        for reason in REASONS:
            self.reason.addItem(reason_label(reason), reason)
        self.reason.addItem(self.tr("Every difference"), EVERYTHING)
        self.reason.setAccessibleName(self.tr("Reason"))
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.orders_button = QPushButton(self.tr("Show in &orders"))
        self.orders_button.setToolTip(
            self.tr("Open these orders in the orders workspace, with their details")
        )
        self.model = DifferencesModel(self)
        self.table = table(self.model)
        for column, width in enumerate((170, 88, 90, 80, 90, 90, 90, 130)):
            self.table.setColumnWidth(column, width)
        self.why = QLabel()
        self.why.setObjectName("difference_why")
        self.why.setWordWrap(True)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.hide()

        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Show:")))
        bar.addWidget(self.reason)
        bar.addWidget(self.summary, 1)
        bar.addWidget(self.orders_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addLayout(bar)
        layout.addWidget(self.table, 1)
        layout.addWidget(self.empty)
        layout.addWidget(self.why)

    def _connect_signals(self) -> None:
        self.reason.currentIndexChanged.connect(self._on_reason_current_index_changed)
        self.orders_button.clicked.connect(self._on_orders_button_clicked)
        self.table.selectionModel().currentRowChanged.connect(self._on_table_current_row_changed)

    def choice(self) -> str:
        return str(self.reason.currentData())

    def set_choice(self, choice: str) -> None:
        self.reason.setCurrentIndex(max(self.reason.findData(choice), 0))

    def show_counts(self, counts: dict[Reason, int]) -> None:
        problems = sum(counts[r] for r in PROBLEMS)
        waiting = counts["not_yet_settleable"]
        if problems:
            text = fill(
                self.tr("%1 orders' money does not add up; %2 wait for their after-sales window."),
                count(problems),
                count(waiting),
            )
        else:
            text = fill(
                self.tr("Every statement matches your orders; %1 wait for their window."),
                count(waiting),
            )
        self.summary.setText(text)

    def show_differences(self, rows: list[Difference]) -> None:
        """New rows, keeping the order the owner looks at when it is still there."""
        current = self.model.row_at(self.table.currentIndex().row())
        self.model.set_rows(rows)
        keep = next(
            (
                n
                for n, d in enumerate(rows)
                if current is not None and d.order_id == current.order_id
            ),
            0 if rows else -1,
        )
        if keep >= 0:
            self.table.selectRow(keep)
        self.empty.setVisible(not rows)
        self.table.setVisible(bool(rows))
        self.empty.setText(self.tr("Nothing to show: the statements and your orders agree here."))
        self.orders_button.setEnabled(bool(rows))
        if not rows:
            self.why.setText("")

    def _on_reason_current_index_changed(self, _index: int) -> None:
        self.reasons_changed.emit()

    def _on_orders_button_clicked(self) -> None:
        self.show_in_orders.emit(self.choice())

    def _on_table_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        self.why.setText("" if row is None else f"{row.order_no}: {reason_words(row)}")
