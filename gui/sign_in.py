"""Signing a profile in to its shop: platform address, shop code and password."""

from __future__ import annotations

import logging

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
from models.services.account import SignedIn, login, signup

log = logging.getLogger(__name__)


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
        self._profile = profile
        self._task: tasks.Task[SignedIn] | None = None
        self.signed_in: SignedIn | None = None
        self._create_widgets(platform_url, shop_code)
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

    def _create_widgets(self, platform_url: str, shop_code: str) -> None:
        self.setWindowTitle(self.tr("Sign in to your shop"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(440)
        intro = QLabel(
            self.tr("Sign in once: this computer then keeps your shop's data and syncs it.")
        )
        intro.setWordWrap(True)
        self.platform_url = QLineEdit(platform_url)
        self.platform_url.setPlaceholderText("https://")
        self.shop_code = QLineEdit(shop_code)
        self.user = QLineEdit()
        self.user.setObjectName("user")
        self.user.setPlaceholderText(self.tr("Leave empty to sign in as the shop's owner"))
        self.password = QLineEdit()
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.signup_code = QLineEdit()
        self.signup_code.setObjectName("signup_code")
        self.signup_code.setPlaceholderText(
            self.tr("Only the first time: the code the owner gave you")
        )
        form = QFormLayout()
        form.addRow(self.tr("Platform address"), self.platform_url)
        form.addRow(self.tr("Shop code"), self.shop_code)
        form.addRow(self.tr("User"), self.user)
        form.addRow(self.tr("Password"), self.password)
        form.addRow(self.tr("Sign-up code"), self.signup_code)
        self.problem = QLabel()
        self.problem.setObjectName("sign_in_problem")
        self.problem.setWordWrap(True)
        self.problem.hide()
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.sign_in_button = QPushButton(self.tr("Sign in"))
        self.sign_in_button.setDefault(True)
        self._buttons.addButton(self.sign_in_button, QDialogButtonBox.ButtonRole.AcceptRole)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.problem)
        layout.addWidget(self._buttons)
        for field in (self.platform_url, self.shop_code, self.password):
            if not field.text():
                field.setFocus()
                break

    def _connect_signals(self) -> None:
        for field in (
            self.platform_url,
            self.shop_code,
            self.user,
            self.password,
            self.signup_code,
        ):
            field.textChanged.connect(self._on_field_text_changed)
        self.sign_in_button.clicked.connect(self._on_sign_in_button_clicked)
        self._buttons.rejected.connect(self.reject)

    def is_busy(self) -> bool:
        return self._task is not None

    def _fields_filled(self) -> bool:
        return all(
            field.text().strip() for field in (self.platform_url, self.shop_code, self.password)
        )

    def _update_sign_in_button(self) -> None:
        self.sign_in_button.setEnabled(self._fields_filled() and self._task is None)

    def _set_busy(self, busy: bool) -> None:
        for field in (
            self.platform_url,
            self.shop_code,
            self.user,
            self.password,
            self.signup_code,
        ):
            field.setEnabled(not busy)
        self._update_sign_in_button()

    def _on_field_text_changed(self, _text: str) -> None:
        self._update_sign_in_button()

    def _on_sign_in_button_clicked(self) -> None:
        if self._task is not None or not self._fields_filled():
            return
        profile = self._profile
        url = self.platform_url.text().strip()
        code = self.shop_code.text().strip()
        user = self.user.text().strip()
        password = self.password.text()
        first_time = self.signup_code.text().strip()
        self.problem.setText(self.tr("Signing in…"))
        self.problem.show()
        if first_time and user:
            self._task = tasks.run(
                lambda: signup(profile, url, code, user, code=first_time, password=password),
                name="sign up",
            )
        else:
            self._task = tasks.run(
                lambda: login(profile, url, code, password, user), name="sign in"
            )
        self._task.then(self._on_login_finished, self._on_login_failed)
        self._set_busy(True)

    def _on_login_finished(self, shop: SignedIn) -> None:
        self._task = None
        self.signed_in = shop
        self.accept()

    def _on_login_failed(self, error: Exception) -> None:
        self._task = None
        self._set_busy(False)
        self.problem.setText(messages.sign_in_problem(error, self.platform_url.text().strip()))
        self.problem.show()
        self.password.setFocus()
        self.password.selectAll()
