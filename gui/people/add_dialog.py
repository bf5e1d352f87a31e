"""Adding a person: an assistant, or a store manager's own sign-in. The platform answers with a
one-time sign-up code, shown once, which the new person types at their first sign-in."""

from __future__ import annotations

import logging
import re

from PySide6.QtCore import Qt
from PySide6.QtGui import QGuiApplication
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.formatting import fill, local_time
from models import wire
from models.profile import Profile
from models.services.people import AddedPerson, add_person

log = logging.getLogger(__name__)

_USER_NAME = re.compile(wire.USER_NAME_PATTERN)


class AddPersonDialog(QDialog):
    """Asks for the name and user name, then shows the sign-up code the platform made."""

    def __init__(
        self,
        profile: Profile,
        managers: list[tuple[int, str]],
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._task: tasks.Task[AddedPerson] | None = None
        self.added: AddedPerson | None = None
        self._create_widgets(managers)
        self._connect_signals()
        self._update_add_button()

    @classmethod
    def ask(
        cls, profile: Profile, managers: list[tuple[int, str]], parent: QWidget | None = None
    ) -> AddedPerson | None:
        """Show the dialog; the person added, or None when nobody was."""
        dialog = cls(profile, managers, parent)
        try:
            dialog.exec()
            return dialog.added
        finally:
            dialog.deleteLater()

    def _create_widgets(self, managers: list[tuple[int, str]]) -> None:
        self.setWindowTitle(self.tr("Add a person"))
        self.setMinimumWidth(460)
        self.pages = QStackedWidget()

        asking = QWidget()
        intro = QLabel(
            self.tr(
                "An assistant reviews orders, picks products, prints posters and reads "
                "customers and charts; release decisions, earnings and people stay yours. "
                "A store manager sees her own sub-store only."
            )
        )
        intro.setWordWrap(True)
        self.role = QComboBox()
        self.role.addItem(self.tr("Assistant"), "assistant")
        if managers:
            self.role.addItem(self.tr("Store manager"), "manager")
        self.manager = QComboBox()
        for manager_id, name in managers:
            self.manager.addItem(name, manager_id)
        self.manager_label = QLabel(self.tr("Sub-store of"))
        self.display_name = QLineEdit()
        self.display_name.setMaxLength(wire.MAX_DISPLAY_NAME)
        self.display_name.setPlaceholderText(self.tr("e.g. 王小丫"))
        self.user_name = QLineEdit()
        self.user_name.setMaxLength(32)
        self.user_name.setPlaceholderText(self.tr("e.g. xiaoya: letters and digits"))
        form = QFormLayout()
        form.addRow(self.tr("&Role"), self.role)
        form.addRow(self.manager_label, self.manager)
        form.addRow(self.tr("&Name"), self.display_name)
        form.addRow(self.tr("&User name"), self.user_name)
        self.problem = QLabel()
        self.problem.setObjectName("add_person_problem")
        self.problem.setWordWrap(True)
        asking_layout = QVBoxLayout(asking)
        asking_layout.setContentsMargins(0, 0, 0, 0)
        asking_layout.addWidget(intro)
        asking_layout.addLayout(form)
        asking_layout.addWidget(self.problem)
        asking_layout.addStretch(1)

        showing = QWidget()
        self.code_intro = QLabel()
        self.code_intro.setWordWrap(True)
        self.code = QLabel()
        self.code.setObjectName("signup_code")
        self.code.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.code.setAlignment(Qt.AlignmentFlag.AlignCenter)
        font = self.code.font()
        font.setBold(True)
        font.setPointSizeF(max(font.pointSizeF(), 9.0) * 1.8)
        font.setLetterSpacing(font.SpacingType.PercentageSpacing, 115)
        self.code.setFont(font)
        self.code_note = QLabel()
        self.code_note.setWordWrap(True)
        self.copy_button = QPushButton(self.tr("&Copy the code"))
        showing_layout = QVBoxLayout(showing)
        showing_layout.setContentsMargins(0, 0, 0, 0)
        showing_layout.addWidget(self.code_intro)
        showing_layout.addWidget(self.code)
        showing_layout.addWidget(self.copy_button, 0, Qt.AlignmentFlag.AlignHCenter)
        showing_layout.addWidget(self.code_note)
        showing_layout.addStretch(1)

        self.pages.addWidget(asking)
        self.pages.addWidget(showing)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self.add_button = QPushButton(self.tr("&Add"))
        self.buttons.addButton(self.add_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.done_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.done_button.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.addWidget(self.pages, 1)
        layout.addWidget(self.buttons)
        self._on_role_changed(0)
        self.display_name.setFocus()

    def _connect_signals(self) -> None:
        self.role.currentIndexChanged.connect(self._on_role_changed)
        for field in (self.display_name, self.user_name):
            field.textChanged.connect(self._on_field_text_changed)
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.buttons.rejected.connect(self.reject)
        self.done_button.clicked.connect(self.accept)

    def _fields_fit(self) -> bool:
        return bool(self.display_name.text().strip()) and bool(
            _USER_NAME.fullmatch(self.user_name.text().strip())
        )

    def _update_add_button(self) -> None:
        self.add_button.setEnabled(self._task is None and self._fields_fit())
        typed = self.user_name.text().strip()
        if typed and not _USER_NAME.fullmatch(typed):
            self.problem.setText(
                self.tr(
                    "A user name is letters (a–z), digits, dots, dashes or underscores, "
                    "up to 32 of them."
                )
            )
        elif self._task is None:
            self.problem.setText("")

    def _on_role_changed(self, _index: int) -> None:
        manager = self.role.currentData() == "manager"
        self.manager.setVisible(manager)
        self.manager_label.setVisible(manager)
        if manager and not self.display_name.text().strip():
            self.display_name.setText(self.manager.currentText())
        if manager and not self.user_name.text().strip() and self.manager.currentData():
            self.user_name.setText(f"m{self.manager.currentData()}")

    def _on_field_text_changed(self, _text: str) -> None:
        self._update_add_button()

    def _on_add_button_clicked(self) -> None:
        if self._task is not None or not self._fields_fit():
            return
        profile = self._profile
        role = str(self.role.currentData())
        manager = int(self.manager.currentData()) if role == "manager" else None
        name, user = self.display_name.text().strip(), self.user_name.text().strip()
        self.problem.setText(self.tr("Asking the platform…"))
        self._task = tasks.run(
            lambda: add_person(profile, user, name, role, manager), name="people.add"
        )
        self._task.then(self._on_added, self._on_add_failed)
        self.add_button.setEnabled(False)

    def _on_added(self, added: AddedPerson) -> None:
        self._task = None
        self.added = added
        self.code_intro.setText(
            fill(
                self.tr(
                    "%1 signs up with the shop code, the user name %2 and this one-time code, "
                    "then chooses a password of their own:"
                ),
                added.person.display_name,
                added.person.user_name,
            )
        )
        self.code.setText(added.signup_code)
        self.code_note.setText(
            fill(
                self.tr(
                    "The code works once, until %1. It is shown only now: copy it or write it "
                    "down before you close this window."
                ),
                local_time(added.code_expires_at).strftime("%Y-%m-%d %H:%M"),
            )
        )
        self.pages.setCurrentIndex(1)
        self.add_button.hide()
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).hide()
        self.done_button.show()
        self.done_button.setDefault(True)

    def _on_add_failed(self, error: Exception) -> None:
        self._task = None
        self._update_add_button()
        self.problem.setText(messages.describe(error))

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self.code.text())
