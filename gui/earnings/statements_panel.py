"""The statements, the newest first, and the lines of the one chosen, with its exports."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, QModelIndex, QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.earnings.labels import moment, period
from gui.earnings.table_models import VALUE_ROLE, StatementLinesModel, StatementsModel
from gui.formatting import count, fill, money
from models.services.statements import StatementLineView, StatementSummary


def table(model: object, *, sortable: bool = False) -> QTableView:
    view = QTableView()
    view.setModel(model)  # type: ignore[arg-type]
    view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    view.setAlternatingRowColors(True)
    view.setWordWrap(False)
    view.verticalHeader().hide()
    view.verticalHeader().setDefaultSectionSize(26)
    view.horizontalHeader().setStretchLastSection(True)
    view.setSortingEnabled(sortable)
    return view


class StatementsPanel(QWidget):
    statement_chosen = Signal(int)  # a statement id
    export_requested = Signal(str)  # "xlsx" or "pdf", for the statement shown

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.shown: StatementSummary | None = None
        self._create_widgets()
        self._connect_signals()

    def _create_widgets(self) -> None:
        self.model = StatementsModel(self)
        self.list = table(self.model)
        widths = (166, 100, 92, 100)
        for column, width in enumerate(widths):
            self.list.setColumnWidth(column, width)
        self.lines_model = StatementLinesModel(self)
        # A few thousand lines at most: sorting them in memory is fine.
        self.sorted_lines = QSortFilterProxyModel(self)
        self.sorted_lines.setSourceModel(self.lines_model)
        # By the values, not their texts: ¥1,033.12 comes before ¥91.91 from the top.
        self.sorted_lines.setSortRole(VALUE_ROLE)
        self.lines = table(self.sorted_lines, sortable=True)
        self.lines.horizontalHeader().setSortIndicator(-1, Qt.SortOrder.AscendingOrder)
        for column, width in enumerate((166, 90, 112, 72, 84)):
            self.lines.setColumnWidth(column, width)
        self.heading = QLabel(self.tr("Choose a statement"))
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.subtotals = QLabel()
        self.subtotals.setWordWrap(True)
        self.check = QLabel()
        self.check.setObjectName("statement_check")
        self.xlsx_button = QPushButton(self.tr("Save as &Excel…"))
        self.pdf_button = QPushButton(self.tr("Save as &PDF…"))
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(False)

        header = QHBoxLayout()
        header.addWidget(self.heading, 1)
        header.addWidget(self.xlsx_button)
        header.addWidget(self.pdf_button)
        detail = QWidget()
        detail_layout = QVBoxLayout(detail)
        detail_layout.setContentsMargins(0, 0, 0, 0)
        detail_layout.addLayout(header)
        detail_layout.addWidget(self.subtotals)
        detail_layout.addWidget(self.check)
        detail_layout.addWidget(self.lines, 1)
        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.list)
        self.splitter.addWidget(detail)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)
        self.splitter.setSizes([520, 600])
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.splitter)

    def _connect_signals(self) -> None:
        self.list.selectionModel().currentRowChanged.connect(self._on_list_current_row_changed)
        self.xlsx_button.clicked.connect(lambda: self.export_requested.emit("xlsx"))
        self.pdf_button.clicked.connect(lambda: self.export_requested.emit("pdf"))

    def set_statements(self, statements: list[StatementSummary]) -> None:
        """New rows, keeping the statement the owner looks at."""
        keep = self.shown.id if self.shown is not None else None
        self.model.set_rows(statements)
        row = self.model.row_of(keep) if keep is not None else 0
        if statements:
            self.choose_row(max(row, 0))

    def choose_row(self, row: int) -> None:
        index = self.model.index(row, 0)
        self.list.selectionModel().setCurrentIndex(
            index,
            QItemSelectionModel.SelectionFlag.ClearAndSelect
            | QItemSelectionModel.SelectionFlag.Rows,
        )

    def show_statement(self, summary: StatementSummary, lines: list[StatementLineView]) -> None:
        self.shown = summary
        self.heading.setText(
            fill(self.tr("Week %1"), period(summary.period_start, summary.period_end))
        )
        self.subtotals.setText(
            fill(
                self.tr(
                    "Settled %1 · commission %2 · managers' shares %3 · claw-backs %4 · "
                    "adjustments %5 · total %6"
                ),
                moment(summary.settled_at),
                money(summary.commission_cents),
                money(summary.manager_share_cents),
                money(summary.clawback_cents),
                money(summary.adjustment_cents),
                money(summary.total_cents),
            )
        )
        if summary.adds_up:
            self.check.setText(
                fill(self.tr("✓ Its %1 lines add up to its total."), count(summary.line_count))
            )
        else:
            self.check.setText(
                fill(
                    self.tr("⚠ Its lines here (%1) add up to %2, not to its total."),
                    count(summary.lines_here or 0),
                    money(summary.lines_sum_cents or 0),
                )
            )
        self.lines_model.set_rows(lines)
        for button in (self.xlsx_button, self.pdf_button):
            button.setEnabled(True)

    def line_order(self) -> list[int]:
        """The shown statement's line ids in the order the view shows them."""
        order = []
        for row in range(self.sorted_lines.rowCount()):
            source = self.sorted_lines.mapToSource(self.sorted_lines.index(row, 0))
            line = self.lines_model.row_at(source.row())
            if line is not None:
                order.append(line.id)
        return order

    def current_id(self) -> int | None:
        row = self.model.row_at(self.list.currentIndex().row())
        return row.id if row is not None else None

    def _on_list_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        row = self.model.row_at(current.row())
        if row is not None:
            self.statement_chosen.emit(row.id)
