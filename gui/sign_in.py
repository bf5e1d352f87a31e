"""Signing a profile in to its shop: platform address, shop code, user and password.

``SignInForm`` is the form and the sign-in itself, tried against the platform in the background;
the welcome of the first run shows it, and so does ``SignInDialog`` for signing in again.
"""

from __future__ import annotations

import logging
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.icons import app_icon
from models.profile import Profile
from models.services.account import LOGIN_TIMEOUT_SECONDS, SignedIn, login, signup

log = logging.getLogger(__name__)


class SignInForm(QWidget):
    """The fields of a sign-in and the attempt; what was typed stays whatever the answer."""

    signed_in = Signal(object)  # SignedIn
    busy_changed = Signal(bool)
    ready_changed = Signal(bool)  # whether everything needed is filled in

    # How long the platform may take to answer before the owner is told it does not.
    timeout_seconds: ClassVar[float] = LOGIN_TIMEOUT_SECONDS

    def __init__(
        self,
        profile: Profile,
        *,
        platform_url: str = "",
        shop_code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._task: tasks.Task[SignedIn] | None = None
        self._create_widgets(platform_url, shop_code)
        self._connect_signals()

    def _create_widgets(self, platform_url: str, shop_code: str) -> None:
        self.platform_url = QLineEdit(platform_url)
        self.platform_url.setObjectName("platform_url")
        self.platform_url.setPlaceholderText(self.tr("e.g. https://platform.example.com"))
        self.shop_code = QLineEdit(shop_code)
        self.shop_code.setObjectName("shop_code")
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("Leave empty to sign in as the shop's owner"))
        self.password = QLineEdit()
        self.password.setObjectName("password")
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        # A new person's first sign-in: the owner's one-time code, and the password chosen now.
        self.signup_code = QLineEdit()
        self.signup_code.setObjectName("signup_code")
        self.signup_code.setPlaceholderText(self.tr("Only the first time: the owner's code"))
        form = QFormLayout()
        form.setSpacing(10)
        form.addRow(self.tr("Platform &address"), self.platform_url)
        form.addRow(self.tr("Shop &code"), self.shop_code)
        form.addRow(self.tr("&User"), self.user)
        form.addRow(self.tr("&Password"), self.password)
        form.addRow(self.tr("&Sign-up code"), self.signup_code)
        self.problem = QLabel()
        self.problem.setObjectName("sign_in_problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(12)
        layout.addLayout(form)
        layout.addWidget(self.problem)

    def _connect_signals(self) -> None:
        for field in self._fields():
            field.textChanged.connect(self._on_field_text_changed)
            field.returnPressed.connect(self._on_field_return_pressed)

    def _fields(self) -> tuple[QLineEdit, ...]:
        return (self.platform_url, self.shop_code, self.user, self.password, self.signup_code)

    def focus_first_empty(self) -> None:
        for field in (self.platform_url, self.shop_code, self.password):
            if not field.text():
                field.setFocus()
                return
        self.password.setFocus()

    def is_busy(self) -> bool:
        return self._task is not None

    def is_ready(self) -> bool:
        """Whether the address, the shop code and the password are filled in and none is tried."""
        needed = (self.platform_url, self.shop_code, self.password)
        return self._task is None and all(field.text().strip() for field in needed)

    def sign_in(self) -> None:
        """Try the sign-in in the background; ``signed_in`` is emitted when the platform agrees."""
        if not self.is_ready():
            return
        profile = self._profile
        url = self.platform_url.text().strip()
        code = self.shop_code.text().strip()
        user = self.user.text().strip()
        password = self.password.text()
        first_time = self.signup_code.text().strip()
        timeout = self.timeout_seconds
        self.problem.setText(self.tr("Signing in…"))
        self.problem.show()
        if first_time and user:
            self._task = tasks.run(
                lambda: signup(profile, url, code, user, code=first_time, password=password).shop(),
                name="sign up",
            )
        else:
            self._task = tasks.run(
                lambda: login(profile, url, code, password, user, timeout=timeout).shop(),
                name="sign in",
            )
        self._task.then(self._on_login_finished, self._on_login_failed)
        self._set_busy(True)

    def _set_busy(self, busy: bool) -> None:
        for field in self._fields():
            field.setEnabled(not busy)
        self.busy_changed.emit(busy)
        self.ready_changed.emit(self.is_ready())

    def _on_field_text_changed(self, _text: str) -> None:
        self.ready_changed.emit(self.is_ready())

    def _on_field_return_pressed(self) -> None:
        if self.is_ready():
            self.sign_in()
        else:
            self.focus_first_empty()

    def _on_login_finished(self, shop: SignedIn) -> None:
        self._task = None
        self._set_busy(False)
        self.problem.hide()
        self.signed_in.emit(shop)

    def _on_login_failed(self, error: Exception) -> None:
        self._task = None
        self._set_busy(False)
        log.info("sign-in failed: %s", type(error).__name__)
        self.problem.setText(messages.sign_in_problem(error, self.platform_url.text().strip()))
        self.problem.show()
        if messages.is_address_problem(error):
            self.platform_url.setFocus()
            self.platform_url.selectAll()
        else:
            self.password.setFocus()
            self.password.selectAll()


class SignInDialog(QDialog):
    """Asks for the shop's sign-in and tries it against the platform in the background."""

    def __init__(
        self,
        profile: Profile,
        *,
        platform_url: str = "",
        shop_code: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.signed_in: SignedIn | None = None
        self.form = SignInForm(profile, platform_url=platform_url, shop_code=shop_code)
        # The fields, for callers and tests that fill them in.
        self.platform_url = self.form.platform_url
        self.shop_code = self.form.shop_code
        self.user = self.form.user
        self.password = self.form.password
        self.signup_code = self.form.signup_code
        self.problem = self.form.problem
        self._create_widgets()
        self._connect_signals()
        self._update_sign_in_button()

    @classmethod
    def ask(
        cls,
        profile: Profile,
        *,
        platform_url: str = "",
        shop_code: str = "",
        parent: QWidget | None = None,
    ) -> SignedIn | None:
        """Show the dialog; the shop it signed in to, or None when the owner cancelled."""
        dialog = cls(profile, platform_url=platform_url, shop_code=shop_code, parent=parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.signed_in
            return None
        finally:
            dialog.deleteLater()

    def _create_widgets(self) -> None:
        self.setWindowTitle(self.tr("Sign in to your shop"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(480)
        intro = QLabel(
            self.tr("Sign in once: this computer then keeps your shop's data and syncs it.")
        )
        intro.setWordWrap(True)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self._buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.form)
        layout.addWidget(self._buttons)
        self.form.focus_first_empty()

    def _connect_signals(self) -> None:
        self.form.ready_changed.connect(self._on_form_ready_changed)
        self.form.signed_in.connect(self._on_form_signed_in)
        self.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self._buttons.rejected.connect(self.reject)

    def is_busy(self) -> bool:
        return self.form.is_busy()

    def _update_sign_in_button(self) -> None:
        self.sign_in_button.setEnabled(self.form.is_ready())

    def _on_form_ready_changed(self, _ready: bool) -> None:
        self._update_sign_in_button()

    def _on_sign_in_button_clicked(self) -> None:
        self.form.sign_in()

    def _on_form_signed_in(self, shop: SignedIn) -> None:
        self.signed_in = shop
        self.accept()
