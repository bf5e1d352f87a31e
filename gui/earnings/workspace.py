"""The earnings workspace: the balance and when pending money becomes available, then the
statements with their lines, the monthly income chart, the withdrawals, and the reconciliation
of the statements with the shop's own orders."""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QMessageBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.earnings.balance_panel import BalancePanel
from gui.earnings.exports import ask_path, save_pdf, save_xlsx
from gui.earnings.reconciliation_panel import ReconciliationPanel, reasons_of
from gui.earnings.statements_panel import StatementsPanel, table
from gui.earnings.table_models import WithdrawalsModel
from gui.earnings.withdrawal_dialog import WithdrawalDialog
from gui.formatting import fill
from gui.workspace import Workspace
from models.changes import Changes
from models.profile import Profile
from models.services.account import signed_in
from models.services.earnings import Earnings, earnings
from models.services.reconciliation import Difference, Reason, difference_counts, differences
from models.services.statements import (
    StatementLineView,
    StatementSummary,
    statement,
    statement_lines,
    statements,
)
from models.services.withdrawals import WithdrawalLine, withdrawal_lines

if TYPE_CHECKING:
    from gui.earnings.income_chart import IncomeChart

log = logging.getLogger(__name__)

INCOME_MONTHS = {"12": 12, "24": 24, "all": None}


@dataclass(frozen=True)
class Overview:
    earnings: Earnings
    statements: list[StatementSummary]
    withdrawals: list[WithdrawalLine]
    counts: dict[Reason, int]


def overview(profile: Profile) -> Overview:
    return Overview(
        earnings(profile),
        statements(profile),
        withdrawal_lines(profile),
        difference_counts(profile),
    )


class EarningsWorkspace(Workspace):
    icon_name = "earnings"
    shows = frozenset(
        {
            "order",
            "settlement_terms",
            "statement",
            "statement_line",
            "withdrawal",
            "withdrawal_request",
            "outbox",
        }
    )
    loaded = Signal()  # fresh figures are on screen
    show_orders = Signal(str)  # the order table's money filter to open the orders workspace on

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._loading: tasks.Task[Overview] | None = None
        self._again = False
        self._generation = 0
        self.overview: Overview | None = None
        self.income_chart: IncomeChart | None = None
        self._create_widgets()
        self._create_actions()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Earnings")

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.balance = BalancePanel()
        self.statements = StatementsPanel()
        self.withdrawals_model = WithdrawalsModel(self)
        self.withdrawals = table(self.withdrawals_model)
        for column, width in enumerate((140, 110, 170, 140)):
            self.withdrawals.setColumnWidth(column, width)
        self.reconciliation = ReconciliationPanel()
        self.income_page = QWidget()
        self.income_range = QComboBox()
        self.income_range.addItem(self.tr("Last 12 months"), "12")
        self.income_range.addItem(self.tr("Last 24 months"), "24")
        self.income_range.addItem(self.tr("All months"), "all")
        self.income_readout = QLabel(self.tr("Point at the chart to read exact figures."))
        income_bar = QHBoxLayout()
        income_bar.addWidget(self.income_range)
        income_bar.addWidget(self.income_readout, 1)
        self._income_layout = QVBoxLayout(self.income_page)
        self._income_layout.setContentsMargins(0, 4, 0, 0)
        self._income_layout.addLayout(income_bar)
        self.problem = QLabel()
        self.problem.setWordWrap(True)
        self.problem.hide()

        self.tabs = QTabWidget()
        self.tabs.addTab(self.statements, self.tr("&Statements"))
        self.tabs.addTab(self.income_page, self.tr("&Income by month"))
        self.tabs.addTab(self.withdrawals, self.tr("With&drawals"))
        self.tabs.addTab(self.reconciliation, self.tr("&Reconciliation"))
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addWidget(self.balance)
        layout.addWidget(self.problem)
        layout.addWidget(self.tabs, 1)

    def _create_actions(self) -> None:
        self._withdraw_shortcut = QShortcut(QKeySequence("Ctrl+W"), self)
        self._withdraw_shortcut.setContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)

    def _connect_signals(self) -> None:
        self.balance.withdraw_requested.connect(self._on_balance_withdraw_requested)
        self._withdraw_shortcut.activated.connect(self._on_balance_withdraw_requested)
        self.statements.statement_chosen.connect(self._on_statements_statement_chosen)
        self.statements.export_requested.connect(self._on_statements_export_requested)
        self.reconciliation.reasons_changed.connect(self._load_differences)
        self.reconciliation.show_in_orders.connect(self.show_orders)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)
        self.income_range.currentIndexChanged.connect(self._on_income_range_changed)

    # --- loading --------------------------------------------------------------------------

    def refresh(self) -> None:
        """Read the money again; the main window asks only when a change touches it."""
        if self._loading is not None:
            self._again = True
            return
        profile = self._profile
        self._loading = tasks.run(lambda: overview(profile), name="earnings.overview")
        self._loading.then(self._on_overview_loaded, self._on_load_failed)
        self._loading.done.connect(self._on_overview_done)
        self._load_differences()
        if self.tabs.currentWidget() is self.income_page:
            self._load_income()

    def is_loading(self) -> bool:
        return bool(tasks.running())

    def _on_overview_loaded(self, loaded: Overview) -> None:
        self.overview = loaded
        self.problem.hide()
        self.balance.show_earnings(loaded.earnings)
        self.statements.set_statements(loaded.statements)
        self.withdrawals_model.set_rows(loaded.withdrawals)
        self.reconciliation.show_counts(loaded.counts)
        self.loaded.emit()

    def _on_overview_done(self) -> None:
        self._loading = None
        if self._again:
            self._again = False
            self.refresh()

    def _on_load_failed(self, error: Exception) -> None:
        log.warning("the earnings could not be read: %s", error)
        self.problem.setText(
            fill(self.tr("Cannot read your earnings: %1"), messages.describe(error))
        )
        self.problem.show()

    def _load_differences(self) -> None:
        self._generation += 1
        generation = self._generation
        profile, reasons = self._profile, reasons_of(self.reconciliation.choice())
        tasks.run(lambda: differences(profile, reasons), name="earnings.differences").then(
            lambda rows: self._on_differences_loaded(generation, rows), self._on_load_failed
        )

    def _on_differences_loaded(self, generation: int, rows: list[Difference]) -> None:
        if generation == self._generation:
            self.reconciliation.show_differences(rows)

    def _load_income(self) -> None:
        from models.services.income import monthly_income

        chart = self._chart()
        profile, months = self._profile, INCOME_MONTHS[str(self.income_range.currentData())]
        tasks.run(lambda: monthly_income(profile, months), name="earnings.income").then(
            chart.show_series, self._on_load_failed
        )

    def _chart(self) -> IncomeChart:
        """The chart, made when first shown: the plotting library need not load before."""
        if self.income_chart is None:
            from gui.earnings.income_chart import IncomeChart

            chart = IncomeChart()
            chart.hovered.connect(self.income_readout.setText)
            self._income_layout.addWidget(chart, 1)
            self.income_chart = chart
        return self.income_chart

    # --- slots ----------------------------------------------------------------------------

    def _on_tabs_current_changed(self, _index: int) -> None:
        if self.tabs.currentWidget() is self.income_page:
            self._load_income()

    def _on_income_range_changed(self, _index: int) -> None:
        self._load_income()

    def _on_statements_statement_chosen(self, statement_id: int) -> None:
        profile = self._profile

        def load() -> tuple[StatementSummary | None, list[StatementLineView]]:
            return statement(profile, statement_id), statement_lines(profile, statement_id)

        tasks.run(load, name="earnings.statement").then(
            lambda loaded: self._on_statement_loaded(statement_id, loaded), self._on_load_failed
        )

    def _on_statement_loaded(
        self, statement_id: int, loaded: tuple[StatementSummary | None, list[StatementLineView]]
    ) -> None:
        summary, lines = loaded
        if summary is not None and self.statements.current_id() == statement_id:
            self.statements.show_statement(summary, lines)

    def _on_statements_export_requested(self, kind: str) -> None:
        summary = self.statements.shown
        if summary is None:
            return
        path = ask_path(self, summary, kind)
        if path is None:
            return
        if kind == "xlsx":
            task = save_xlsx(self._profile, summary.id, path, self.statements.line_order())
        else:
            shop = signed_in(self._profile)
            task = save_pdf(self._profile, summary.id, path, shop.shop_name if shop else "")
        task.then(lambda _n: self._say(fill(self.tr("Saved %1"), path)), self._say_failure)

    def _on_balance_withdraw_requested(self) -> None:
        if not self.balance.withdraw_button.isEnabled():
            return
        line = WithdrawalDialog.ask(self, self._profile)
        if line is None:
            return
        self.tabs.setCurrentWidget(self.withdrawals)
        self.local_action_done.emit(Changes.of_entities("outbox", "withdrawal_request"))
        self.refresh()

    def _say(self, text: str) -> None:
        self.problem.setText(text)
        self.problem.show()

    def _say_failure(self, error: Exception) -> None:
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("The statement was not saved"),
            messages.describe(error),
            QMessageBox.StandardButton.Ok,
            self,
        )
        box.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        box.open()
