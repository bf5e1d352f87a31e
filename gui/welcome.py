"""The first run: sign in to my shop, or try the demo.

Shown when the profile has no shop yet. Signing in fills the profile; the demo leaves it as it
is, so the next start welcomes the owner again until she signs in to her own shop.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass

from PySide6.QtCore import QSize, Qt
from PySide6.QtGui import QKeyEvent, QShowEvent
from PySide6.QtWidgets import (
    QCommandLinkButton,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui.icons import app_icon
from gui.sign_in import SignInForm
from models.profile import Profile
from models.services.account import SignedIn

log = logging.getLogger(__name__)

ICON_SIZE = 56


@dataclass(frozen=True)
class DemoChosen:
    """The owner chose to look around the demo shop first."""


WelcomeAnswer = SignedIn | DemoChosen


class WelcomeDialog(QDialog):
    """Two ways in; the sign-in page keeps what was typed when it goes back and forth."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.answer: WelcomeAnswer | None = None
        self.form = SignInForm(profile)
        self._create_widgets()
        self._connect_signals()
        self._update_sign_in_button()

    @classmethod
    def ask(cls, profile: Profile, parent: QWidget | None = None) -> WelcomeAnswer | None:
        """The shop signed in to, DemoChosen, or None when the owner closed the welcome."""
        dialog = cls(profile, parent)
        try:
            dialog.exec()
            return dialog.answer
        finally:
            dialog.deleteLater()

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.setObjectName("welcome")
        self.setWindowTitle(self.tr("Welcome to Zhanggui"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(620)
        self.pages = QStackedWidget()
        self.choice_page = self._choice_page()
        self.sign_in_page = self._sign_in_page()
        self.pages.addWidget(self.choice_page)
        self.pages.addWidget(self.sign_in_page)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(28, 24, 28, 20)
        layout.addWidget(self.pages)

    def _heading(self, title: str, subtitle: str) -> QWidget:
        symbol = QLabel()
        symbol.setPixmap(app_icon().pixmap(QSize(ICON_SIZE, ICON_SIZE)))
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(title)
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.6)
        font.setBold(True)
        heading.setFont(font)
        words = QLabel(subtitle)
        words.setWordWrap(True)
        text = QVBoxLayout()
        text.setSpacing(6)
        text.addWidget(heading)
        text.addWidget(words)
        box = QWidget()
        row = QHBoxLayout(box)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(16)
        row.addWidget(symbol)
        row.addLayout(text, 1)
        return box

    def _choice_page(self) -> QWidget:
        page = QWidget()
        self.sign_in_choice = QCommandLinkButton(
            self.tr("&Sign in to my shop"),
            self.tr(
                "With the platform address, shop code and password your platform gave you. "
                "Your orders, customers and store managers then live on this computer too."
            ),
        )
        self.sign_in_choice.setObjectName("sign_in_choice")
        self.sign_in_choice.setDefault(True)
        self.demo_choice = QCommandLinkButton(
            self.tr("&Try the demo"),
            self.tr(
                "Look around a made-up shop with a year of orders. Nothing you do there reaches "
                "a real shop; the first start takes a few seconds."
            ),
        )
        self.demo_choice.setObjectName("demo_choice")
        self.quit_button = QPushButton(self.tr("&Quit"))
        buttons = QDialogButtonBox()
        buttons.addButton(self.quit_button, QDialogButtonBox.ButtonRole.RejectRole)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(
            self._heading(
                self.tr("Welcome to Zhanggui"),
                self.tr(
                    "The shop owner's workbench: orders, store managers, customers, sales and "
                    "posters of your shop on this computer, working offline too."
                ),
            )
        )
        layout.addSpacing(8)
        layout.addWidget(self.sign_in_choice)
        layout.addWidget(self.demo_choice)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _sign_in_page(self) -> QWidget:
        page = QWidget()
        self.back_button = QPushButton(self.tr("&Back"))
        self.sign_in_button = QPushButton(self.tr("Sign &in"))
        self.sign_in_button.setDefault(True)
        buttons = QDialogButtonBox()
        buttons.addButton(self.back_button, QDialogButtonBox.ButtonRole.ResetRole)
        buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(14)
        layout.addWidget(
            self._heading(
                self.tr("Sign in to your shop"),
                self.tr("Sign in once: this computer then keeps your shop's data and syncs it."),
            )
        )
        layout.addSpacing(4)
        layout.addWidget(self.form)
        layout.addStretch(1)
        layout.addWidget(buttons)
        return page

    def _connect_signals(self) -> None:
        self.sign_in_choice.clicked.connect(self._on_sign_in_choice_clicked)
        self.demo_choice.clicked.connect(self._on_demo_choice_clicked)
        self.quit_button.clicked.connect(self.reject)
        self.back_button.clicked.connect(self._on_back_button_clicked)
        self.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self.form.ready_changed.connect(self._on_form_ready_changed)
        self.form.busy_changed.connect(self._on_form_busy_changed)
        self.form.signed_in.connect(self._on_form_signed_in)

    # --- pages ------------------------------------------------------------------------------

    def show_sign_in(self) -> None:
        self.pages.setCurrentWidget(self.sign_in_page)
        self.sign_in_button.setDefault(True)
        self.form.focus_first_empty()

    def show_choice(self) -> None:
        self.pages.setCurrentWidget(self.choice_page)
        self.sign_in_choice.setDefault(True)
        self.sign_in_choice.setFocus()

    def on_sign_in_page(self) -> bool:
        return self.pages.currentWidget() is self.sign_in_page

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self.on_sign_in_page():
            self.form.focus_first_empty()
        else:
            self.sign_in_choice.setFocus()
        log.info("the welcome is shown")

    def keyPressEvent(self, event: QKeyEvent) -> None:
        # Escape on the form goes back to the two choices; on the choices it closes.
        if event.key() == Qt.Key.Key_Escape and self.on_sign_in_page():
            if not self.form.is_busy():
                self.show_choice()
            event.accept()
            return
        super().keyPressEvent(event)

    def _update_sign_in_button(self) -> None:
        self.sign_in_button.setEnabled(self.form.is_ready())

    # --- slots ------------------------------------------------------------------------------

    def _on_sign_in_choice_clicked(self) -> None:
        self.show_sign_in()

    def _on_demo_choice_clicked(self) -> None:
        log.info("the demo was chosen at the welcome")
        self.answer = DemoChosen()
        self.accept()

    def _on_back_button_clicked(self) -> None:
        self.show_choice()

    def _on_sign_in_button_clicked(self) -> None:
        self.form.sign_in()

    def _on_form_ready_changed(self, _ready: bool) -> None:
        self._update_sign_in_button()

    def _on_form_busy_changed(self, busy: bool) -> None:
        self.back_button.setEnabled(not busy)

    def _on_form_signed_in(self, shop: SignedIn) -> None:
        log.info("signed in at the welcome")
        self.answer = shop
        self.accept()
