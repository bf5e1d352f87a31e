"""The balance in its parts, what becomes available on which day, and the way to withdraw."""

from __future__ import annotations

from PySide6.QtCore import QModelIndex, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui.earnings.labels import day
from gui.earnings.table_models import UpcomingModel
from gui.figure_card import FigureCard
from gui.formatting import count, fill, money
from gui.icons import icon
from models.services.earnings import Earnings


class BalancePanel(QWidget):
    withdraw_requested = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._create_widgets()
        self.withdraw_button.clicked.connect(self.withdraw_requested)

    def _create_widgets(self) -> None:
        self.cards = {
            "pending": FigureCard("pending", self.tr("Pending")),
            "available": FigureCard("available", self.tr("Available")),
            "in_withdrawal": FigureCard("in_withdrawal", self.tr("Being withdrawn")),
            "withdrawn": FigureCard("withdrawn", self.tr("Withdrawn")),
        }
        self.upcoming_model = UpcomingModel(self)
        self.upcoming = QTableView()
        self.upcoming.setModel(self.upcoming_model)
        self.upcoming.setSelectionMode(QAbstractItemView.SelectionMode.NoSelection)
        self.upcoming.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.upcoming.setFocusPolicy(Qt.FocusPolicy.NoFocus)
        self.upcoming.verticalHeader().hide()
        self.upcoming.verticalHeader().setDefaultSectionSize(22)
        self.upcoming.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.upcoming.setMaximumHeight(80)
        self.upcoming_title = QLabel(self.tr("Becomes available"))
        self.upcoming_note = QLabel()
        self.upcoming_note.setWordWrap(True)
        self.withdraw_button = QPushButton(icon("earnings"), self.tr("&Withdraw…"))
        self.withdraw_button.setToolTip(self.tr("Ask the platform to pay money out (Ctrl+W)"))
        self.withdraw_button.setEnabled(False)

        title_row = QHBoxLayout()
        title_row.addWidget(self.upcoming_title, 1)
        title_row.addWidget(self.withdraw_button)
        upcoming = QVBoxLayout()
        upcoming.setSpacing(2)
        upcoming.addLayout(title_row)
        upcoming.addWidget(self.upcoming, 1)
        upcoming.addWidget(self.upcoming_note)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(10)
        for card in self.cards.values():
            layout.addWidget(card, 2)
        layout.addLayout(upcoming, 3)
        # Big figures would hold the whole window wide; on a narrow one they are cut instead.
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)

    def show_earnings(self, money_now: Earnings) -> None:
        balance = money_now.balance
        waiting = sum(u.orders for u in money_now.upcoming) + money_now.on_the_way_orders
        self.cards["pending"].set_figure(
            money(balance.pending_cents),
            fill(self.tr("%1 paid orders not yet on a statement"), count(waiting)),
        )
        self.cards["available"].set_figure(
            money(balance.available_cents),
            fill(self.tr("withdraw from %1"), money(money_now.terms.min_withdrawal_cents)),
        )
        self.cards["in_withdrawal"].set_figure(
            money(balance.in_withdrawal_cents),
            self.tr("asked for, not yet paid out")
            if balance.in_withdrawal_cents
            else self.tr("nothing being paid out"),
        )
        self.cards["withdrawn"].set_figure(
            money(balance.withdrawn_cents), self.tr("paid to your bank account")
        )
        self.upcoming_model.set_rows(money_now.upcoming)
        notes = []
        if money_now.on_the_way_cents:
            notes.append(
                fill(
                    self.tr(
                        "%1 more once %2 orders on their way are delivered and their window closes"
                    ),
                    money(money_now.on_the_way_cents),
                    count(money_now.on_the_way_orders),
                )
            )
        if money_now.overdue_cents:
            notes.append(
                fill(
                    self.tr("%1 overdue: see Reconciliation"),
                    money(money_now.overdue_cents),
                )
            )
        self.upcoming_note.setText("; ".join(notes))
        if money_now.upcoming:
            first = money_now.upcoming[0]
            self.upcoming.setToolTip(
                fill(self.tr("The statement of %1 pays %2"), day(first.day), money(first.cents))
            )
        self.withdraw_button.setEnabled(
            balance.available_cents >= money_now.terms.min_withdrawal_cents
        )

    def figure(self, name: str) -> str:
        return self.cards[name].value_text()

    def upcoming_index(self, row: int) -> QModelIndex:
        return self.upcoming_model.index(row, 0)
