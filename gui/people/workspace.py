"""The owner's People page: who signs in to the shop, when they last did and what they did
lately; adding an assistant or a manager's sign-in, and disabling someone at once."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QListWidget,
    QPushButton,
    QSplitter,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.confirm import confirm
from gui.formatting import day_and_time, fill, time_ago
from gui.people.add_dialog import AddPersonDialog
from gui.people.labels import action_label, person_status_label, role_label
from gui.workspace import Workspace
from models.profile import Profile
from models.services.managers import manager_lines
from models.services.people import PersonLine, set_person_enabled, shop_people

log = logging.getLogger(__name__)

NAME, USER, ROLE, STATUS, LAST_SIGN_IN, LATEST = range(6)
ID_ROLE = Qt.ItemDataRole.UserRole


class PeopleWorkspace(Workspace):
    icon_name = "people"
    # Who signs in, and the rows whose actions each person's recent list names.
    shows = frozenset(
        {
            "person",
            "order_review",
            "product_pick",
            "release_decision",
            "poster_print",
            "withdrawal_request",
            "store_manager",
        }
    )
    loaded = Signal(int)  # people shown after a refresh
    changed = Signal()  # someone was added, disabled or let in again

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._stale = True
        self._people: list[PersonLine] = []
        self._busy: tasks.Task[PersonLine] | None = None
        self._create_widgets()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("People")

    def _create_widgets(self) -> None:
        self.add_button = QPushButton(self.tr("&Add a person…"))
        self.add_button.setToolTip(
            self.tr("An assistant, or a store manager's own sign-in, with a one-time code")
        )
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.table = QTreeWidget()
        self.table.setRootIsDecorated(False)
        self.table.setUniformRowHeights(True)
        self.table.setAlternatingRowColors(True)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setHeaderLabels(
            [
                self.tr("Name"),
                self.tr("User name"),
                self.tr("Role"),
                self.tr("State"),
                self.tr("Last sign-in"),
                self.tr("Latest action"),
            ]
        )
        header = self.table.header()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(LATEST, QHeaderView.ResizeMode.Stretch)

        self.heading = QLabel()
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.enable_button = QPushButton()
        self.enable_button.setAutoDefault(False)
        self.state = QLabel()
        self.state.setObjectName("people_state")
        self.state.setWordWrap(True)
        self.recent_list = QListWidget()
        self.recent_list.setObjectName("recent_actions")
        actions_box = QGroupBox(self.tr("Recent actions"))
        box_layout = QVBoxLayout(actions_box)
        box_layout.setContentsMargins(8, 8, 8, 8)
        box_layout.addWidget(self.recent_list)
        pane = QWidget()
        pane_layout = QVBoxLayout(pane)
        pane_layout.setContentsMargins(8, 0, 0, 0)
        pane_layout.addWidget(self.heading)
        pane_layout.addWidget(self.about)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enable_button)
        buttons.addStretch(1)
        pane_layout.addLayout(buttons)
        pane_layout.addWidget(self.state)
        pane_layout.addWidget(actions_box, 1)

        self.splitter = QSplitter(Qt.Orientation.Horizontal)
        self.splitter.addWidget(self.table)
        self.splitter.addWidget(pane)
        self.splitter.setStretchFactor(0, 3)
        self.splitter.setStretchFactor(1, 2)
        self.splitter.setSizes([700, 420])

        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.add_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.splitter, 1)
        self._show_person(None)

    def _connect_signals(self) -> None:
        self.add_button.clicked.connect(self._on_add_button_clicked)
        self.enable_button.clicked.connect(self._on_enable_button_clicked)
        self.table.currentItemChanged.connect(self._on_table_current_item_changed)

    # --- what the main window asks --------------------------------------------------------

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        profile = self._profile
        tasks.run(lambda: shop_people(profile), name="people").then(
            self._on_people_loaded, self._on_failed
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def people(self) -> list[PersonLine]:
        return list(self._people)

    def current_person(self) -> PersonLine | None:
        item = self.table.currentItem()
        if item is None:
            return None
        person_id = item.data(NAME, ID_ROLE)
        return next((p for p in self._people if p.id == person_id), None)

    def select_person(self, person_id: int) -> bool:
        for row in range(self.table.topLevelItemCount()):
            item = self.table.topLevelItem(row)
            if item is not None and item.data(NAME, ID_ROLE) == person_id:
                self.table.setCurrentItem(item)
                return True
        return False

    # --- slots ----------------------------------------------------------------------------

    def _on_people_loaded(self, people: list[PersonLine]) -> None:
        kept = self.current_person()
        self._people = people
        self.table.clear()
        for person in people:
            latest = action_label(person.recent[0]) if person.recent else ""
            item = QTreeWidgetItem(
                [
                    person.display_name
                    if not person.manager_name or person.manager_name == person.display_name
                    else f"{person.display_name} ({person.manager_name})",
                    person.user_name,
                    role_label(person.role),
                    person_status_label(person.status),
                    time_ago(person.last_sign_in_at)
                    if person.last_sign_in_at
                    else self.tr("Never"),
                    latest,
                ]
            )
            item.setData(NAME, ID_ROLE, person.id)
            if person.last_sign_in_at:
                item.setToolTip(LAST_SIGN_IN, day_and_time(person.last_sign_in_at))
            self.table.addTopLevelItem(item)
        first = self.table.topLevelItem(0)
        if not (kept is not None and self.select_person(kept.id)) and first is not None:
            self.table.setCurrentItem(first)
        active = sum(p.status == "active" for p in people)
        self.summary.setText(
            fill(self.tr("%1 people sign in to your shop; %2 of them active."), len(people), active)
            if people
            else self.tr(
                "Nobody but you yet. The list arrives with the next sync; add an assistant "
                "to share the order review."
            )
        )
        self.loaded.emit(len(people))

    def _on_failed(self, error: Exception) -> None:
        self.state.setText(messages.describe(error))

    def _on_table_current_item_changed(self, *_items: object) -> None:
        self._show_person(self.current_person())

    def _on_add_button_clicked(self) -> None:
        profile = self._profile
        taken = {p.store_manager_id for p in self._people if p.store_manager_id is not None}
        managers = [
            (m.id, m.name)
            for m in manager_lines(profile, 0)
            if m.status == "active" and m.id not in taken
        ]
        added = AddPersonDialog.ask(profile, managers, self)
        if added is not None:
            self.changed.emit()
            self.refresh()
            self.state.setText(
                fill(
                    self.tr("%1 can sign up now with the code you saw."), added.person.display_name
                )
            )

    def _on_enable_button_clicked(self) -> None:
        person = self.current_person()
        if person is None or person.role == "owner" or self._busy is not None:
            return
        enable = person.status == "disabled"
        if not enable:
            asked = confirm(
                self,
                self.tr("Disable this person?"),
                fill(
                    self.tr(
                        "%1 is signed out of every computer at once and cannot sign in again "
                        "until you let them in. What they did stays recorded."
                    ),
                    person.display_name,
                ),
                self.tr("Disable"),
                name="disable_confirmation",
                destructive=True,
            )
            if not asked:
                return
        profile = self._profile
        self.state.setText(self.tr("Asking the platform…"))
        self.enable_button.setEnabled(False)
        self._busy = tasks.run(
            lambda: set_person_enabled(profile, person.id, enable), name="people.enable"
        )
        self._busy.then(self._on_enabled, self._on_enable_failed)

    def _on_enabled(self, person: PersonLine) -> None:
        self._busy = None
        self.state.setText(
            fill(self.tr("%1 may sign in again."), person.display_name)
            if person.status != "disabled"
            else fill(self.tr("%1 is disabled and signed out everywhere."), person.display_name)
        )
        self.changed.emit()
        self.refresh()

    def _on_enable_failed(self, error: Exception) -> None:
        self._busy = None
        self.enable_button.setEnabled(True)
        self.state.setText(messages.describe(error))

    # --- showing --------------------------------------------------------------------------

    def _show_person(self, person: PersonLine | None) -> None:
        self.recent_list.clear()
        if person is None:
            self.heading.setText(self.tr("No one selected"))
            self.about.setText("")
            self.enable_button.hide()
            return
        self.heading.setText(f"{person.display_name} · {role_label(person.role)}")
        parts = [fill(self.tr("User name: %1"), person.user_name)]
        if person.manager_name:
            parts.append(fill(self.tr("Sub-store of %1"), person.manager_name))
        parts.append(
            fill(self.tr("Last sign-in: %1"), day_and_time(person.last_sign_in_at))
            if person.last_sign_in_at
            else self.tr("Has not signed in yet")
        )
        if person.status == "disabled" and person.disabled_at:
            parts.append(fill(self.tr("Disabled %1"), day_and_time(person.disabled_at)))
        self.about.setText("\n".join(parts))
        self.enable_button.setVisible(person.role != "owner")
        self.enable_button.setEnabled(self._busy is None)
        self.enable_button.setText(
            self.tr("Let in again") if person.status == "disabled" else self.tr("Disable…")
        )
        for action in person.recent:
            self.recent_list.addItem(f"{day_and_time(action.at)}  {action_label(action)}")
        if not person.recent:
            self.recent_list.addItem(self.tr("Nothing recorded on this computer yet."))
