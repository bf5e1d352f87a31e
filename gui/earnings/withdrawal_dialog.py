"""Asking to withdraw money: how much, what happens, then a confirmation in words.

The request is written on this computer and goes to the platform with the next sync; the
platform pays it out or refuses it with a reason, which the withdrawals list then shows.
Cancel is the default everywhere, so a stray Enter withdraws nothing.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.confirm import confirm
from gui.formatting import fill, money
from models.profile import Profile
from models.services.earnings import ShopTerms, available_cents
from models.services.withdrawals import (
    WithdrawalLine,
    WithdrawalOverBalance,
    WithdrawalTooSmall,
    request_withdrawal,
)

log = logging.getLogger(__name__)


class WithdrawalDialog(QDialog):
    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.available: int | None = None
        self.terms = ShopTerms()
        self.recorded: WithdrawalLine | None = None
        self._loading: tasks.Task[tuple[int, ShopTerms]] | None = None
        self._writing: tasks.Task[WithdrawalLine] | None = None
        self._create_widgets()
        self._connect_signals()
        self._load()

    @classmethod
    def ask(cls, parent: QWidget | None, profile: Profile) -> WithdrawalLine | None:
        """Show the dialog; the request recorded in it, or None when the owner asked nothing."""
        dialog = cls(profile, parent)
        try:
            dialog.exec()
            return dialog.recorded
        finally:
            dialog.deleteLater()

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.setWindowTitle(self.tr("Withdraw to your bank account"))
        self.setMinimumWidth(460)
        self.heading = QLabel(self.tr("Reading your balance…"))
        font = QFont(self.heading.font())
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.2)
        self.heading.setFont(font)
        self.amount = QDoubleSpinBox()
        self.amount.setDecimals(2)
        self.amount.setPrefix("¥")
        self.amount.setGroupSeparatorShown(True)
        self.amount.setRange(0, 0)
        self.amount.setAccessibleName(self.tr("Amount to withdraw"))
        self.amount.setEnabled(False)
        self.everything = QPushButton(self.tr("&All of it"))
        self.everything.setAutoDefault(False)
        self.everything.setEnabled(False)
        self.words = QLabel()
        self.words.setObjectName("withdrawal_words")
        self.words.setWordWrap(True)
        self.words.setMinimumHeight(48)
        self.buttons = QDialogButtonBox()
        self.withdraw_button = self.buttons.addButton(
            self.tr("Withdraw…"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.withdraw_button.setObjectName("withdraw_button")
        self.withdraw_button.setAutoDefault(False)
        self.withdraw_button.setEnabled(False)
        cancel = self.buttons.addButton(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)

        row = QHBoxLayout()
        label = QLabel(self.tr("&Amount:"))
        label.setBuddy(self.amount)
        row.addWidget(label)
        row.addWidget(self.amount, 1)
        row.addWidget(self.everything)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(18, 16, 18, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addLayout(row)
        layout.addWidget(self.words)
        layout.addWidget(self.buttons)

    def _connect_signals(self) -> None:
        self.amount.valueChanged.connect(self._on_amount_value_changed)
        self.everything.clicked.connect(self._on_everything_clicked)
        self.withdraw_button.clicked.connect(self._on_withdraw_button_clicked)
        self.buttons.rejected.connect(self.reject)

    # --- what callers and tests ask -------------------------------------------------------

    def is_loaded(self) -> bool:
        return self.available is not None and self._loading is None

    def is_busy(self) -> bool:
        return self._loading is not None or self._writing is not None

    def amount_cents(self) -> int:
        return round(self.amount.value() * 100)

    def set_amount_cents(self, cents: int) -> None:
        self.amount.setValue(cents / 100)

    def problem(self) -> str:
        """Why the amount cannot be asked for, or "" when it can."""
        available = self.available or 0
        cents = self.amount_cents()
        minimum = self.terms.min_withdrawal_cents
        if available >= minimum and cents == 0:
            return fill(
                self.tr("Type how much to withdraw, from %1 up to %2."),
                money(minimum),
                money(available),
            )
        if available < minimum:
            return fill(
                self.tr("There is not enough to withdraw: the minimum is %1, the balance %2."),
                money(minimum),
                money(available),
            )
        if cents < minimum:
            return fill(self.tr("A withdrawal is at least %1."), money(minimum))
        if cents > available:
            return fill(self.tr("That is more than the available %1."), money(available))
        return ""

    def confirm(self, text: str, action: str) -> bool:
        """Ask the owner to confirm, in words; Cancel is the default."""
        return confirm(self, self.windowTitle(), text, action, name="withdrawal_confirmation")

    # --- slots ----------------------------------------------------------------------------

    def _load(self) -> None:
        profile = self._profile
        self._loading = tasks.run(lambda: available_cents(profile), name="earnings.available")
        self._loading.then(self._on_loaded, self._on_load_failed)

    def _on_loaded(self, loaded: tuple[int, ShopTerms]) -> None:
        self._loading = None
        self.available, self.terms = loaded
        self.heading.setText(fill(self.tr("Available to withdraw: %1"), money(self.available)))
        can = self.available >= self.terms.min_withdrawal_cents
        self.amount.setRange(0, max(self.available, 0) / 100)
        self.amount.setEnabled(can)
        self.everything.setEnabled(can)
        if can:
            # Nothing is filled in: the owner types the amount, or asks for all of it.
            self.amount.setFocus(Qt.FocusReason.OtherFocusReason)
            self.amount.selectAll()
        self._show_words()

    def _on_load_failed(self, error: Exception) -> None:
        self._loading = None
        self.heading.setText(self.tr("Your balance cannot be read."))
        self.words.setText(messages.describe(error))

    def _on_amount_value_changed(self, _value: float) -> None:
        self._show_words()

    def _on_everything_clicked(self) -> None:
        self.set_amount_cents(self.available or 0)

    def _on_withdraw_button_clicked(self) -> None:
        if self.problem() or self.is_busy():
            return
        cents = self.amount_cents()
        text = fill(
            self.tr(
                "Withdraw %1 to your bank account?\n\n"
                "It is recorded on this computer now and goes to the platform with the next "
                "sync. The platform pays it out, or refuses it with a reason; %2 stays available."
            ),
            money(cents),
            money((self.available or 0) - cents),
        )
        if not self.confirm(text, fill(self.tr("Withdraw %1"), money(cents))):
            return
        profile = self._profile
        self.withdraw_button.setEnabled(False)
        self.words.setText(self.tr("Recording your request…"))
        self._writing = tasks.run(
            lambda: request_withdrawal(profile, cents), name="earnings.withdraw"
        )
        self._writing.then(self._on_recorded, self._on_record_failed)

    def _on_recorded(self, line: WithdrawalLine) -> None:
        self._writing = None
        self.recorded = line
        self.accept()

    def _on_record_failed(self, error: Exception) -> None:
        self._writing = None
        if isinstance(error, WithdrawalOverBalance):
            self.available = error.available_cents
            self.heading.setText(fill(self.tr("Available to withdraw: %1"), money(self.available)))
            self.amount.setRange(0, max(self.available, 0) / 100)
        elif isinstance(error, WithdrawalTooSmall):
            self.terms = replace(self.terms, min_withdrawal_cents=error.minimum_cents)
        else:
            log.warning("the withdrawal could not be recorded: %s", error)
            self.words.setText(messages.describe(error))
            self.withdraw_button.setEnabled(True)
            return
        self._show_words()

    def _show_words(self) -> None:
        problem = self.problem()
        cents = self.amount_cents()
        self.withdraw_button.setEnabled(not problem and self.is_loaded())
        self.withdraw_button.setText(
            fill(self.tr("Withdraw %1…"), money(cents)) if not problem else self.tr("Withdraw…")
        )
        if problem:
            self.words.setText(problem)
            return
        self.words.setText(
            fill(
                self.tr(
                    "%1 goes to your bank account once the platform pays it out; %2 stays "
                    "available. The minimum is %3."
                ),
                money(cents),
                money((self.available or 0) - cents),
                money(self.terms.min_withdrawal_cents),
            )
        )
