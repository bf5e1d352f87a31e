"""The release requests workspace: the queue (those waiting for the owner first) and the log."""

from __future__ import annotations

import logging

from PySide6.QtCore import QModelIndex, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.formatting import fill
from gui.releases.approval_dialog import ApprovalDialog
from gui.releases.table_models import DecisionLogModel, ReleaseQueueModel
from gui.workspace import Workspace
from models.changes import Changes
from models.profile import Profile
from models.services.release_audit import AuditEntry, release_audit
from models.services.release_queue import QueuedRequest, release_queue
from models.services.releases import DecisionRecorded

log = logging.getLogger(__name__)

Loaded = tuple[list[QueuedRequest], list[AuditEntry]]


def _table(model: ReleaseQueueModel | DecisionLogModel) -> QTableView:
    table = QTableView()
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.verticalHeader().hide()
    table.verticalHeader().setDefaultSectionSize(28)
    table.horizontalHeader().setStretchLastSection(True)
    return table


class ReleasesWorkspace(Workspace):
    icon_name = "releases"
    shows = frozenset(
        {
            "release_request",
            "release_decision",
            "release_reason_draft",
            "store_manager",
            "customer",
            "customer_binding",
            "order",
            "outbox",
        }
    )
    # The navigation counts the requests waiting for the owner, hidden or not.
    counts = frozenset({"release_request", "release_decision", "outbox"})

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._needing = 0
        self._loading: tasks.Task[Loaded] | None = None
        self._again = False
        self._loaded_once = False
        self._dialog: ApprovalDialog | None = None
        self._create_widgets()
        self._create_actions()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Release requests")

    def badge(self) -> int:
        return self._needing

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.open_button = QPushButton(self.tr("&Open…"))
        self.open_button.setToolTip(self.tr("Review the request and decide (Enter)"))
        self.open_button.setEnabled(False)
        self.queue_model = ReleaseQueueModel(self)
        self.queue = _table(self.queue_model)
        self.log_model = DecisionLogModel(self)
        self.log = _table(self.log_model)
        for column, width in enumerate((150, 150, 150)):
            self.queue.setColumnWidth(column, width)
        for column, width in enumerate((140, 260, 120, 80, 240)):
            self.log.setColumnWidth(column, width)
        self.log.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        self.tabs = QTabWidget()
        self.tabs.setDocumentMode(True)
        self.tabs.addTab(self.queue, self.tr("Requests"))
        self.tabs.addTab(self.log, self.tr("Decision log"))
        top = QHBoxLayout()
        top.addWidget(self.summary, 1)
        top.addWidget(self.open_button)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 12, 12, 12)
        layout.addLayout(top)
        layout.addWidget(self.tabs, 1)

    def _create_actions(self) -> None:
        self._open_shortcuts = [
            QShortcut(QKeySequence(key), self.queue)
            for key in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
        ]
        for shortcut in self._open_shortcuts:
            shortcut.setContext(Qt.ShortcutContext.WidgetShortcut)

    def _connect_signals(self) -> None:
        self.open_button.clicked.connect(self._on_open_button_clicked)
        self.queue.doubleClicked.connect(self._on_queue_double_clicked)
        self.queue.selectionModel().currentRowChanged.connect(self._on_queue_current_row_changed)
        for shortcut in self._open_shortcuts:
            shortcut.activated.connect(self._on_open_button_clicked)

    # --- what the main window asks --------------------------------------------------------

    def refresh_count(self, changes: Changes) -> None:
        self.refresh()

    def refresh(self) -> None:
        """Read the queue and the log again; the current request and the scroll stay."""
        if self._dialog is not None:
            self._dialog.reload()
        if self._loading is not None:
            self._again = True
            return
        profile = self._profile
        self._loading = tasks.run(
            lambda: (release_queue(profile), release_audit(profile)), name="releases.queue"
        )
        self._loading.then(self._on_loaded, self._on_load_failed)

    def is_loading(self) -> bool:
        return self._loading is not None

    def open_request(self, request_id: int) -> None:
        """Show the approval dialog of one request; the manager's page asks for this too."""
        if self._dialog is not None:
            self._dialog.raise_()
            return
        dialog = ApprovalDialog(self._profile, request_id, self)
        dialog.decided.connect(self._on_dialog_decided)
        dialog.draft_saved.connect(self._on_dialog_draft_saved)
        self._dialog = dialog
        try:
            dialog.exec()
        finally:
            self._dialog = None
            dialog.deleteLater()

    def current_request(self) -> QueuedRequest | None:
        return self.queue_model.row_at(self.queue.currentIndex().row())

    # --- slots ----------------------------------------------------------------------------

    def _on_loaded(self, loaded: Loaded) -> None:
        self._loading = None
        self._loaded_once = True
        queue, entries = loaded
        current = self.current_request()
        self.queue_model.set_rows(queue)
        self.log_model.set_rows(entries)
        row = self.queue_model.row_of(current.id) if current is not None else -1
        if queue and self.queue.currentIndex().row() != max(row, 0):
            self.queue.selectRow(max(row, 0))
        self.open_button.setEnabled(bool(queue))
        needing = sum(q.needs_owner for q in queue)
        self.summary.setText(self._summary(len(queue), needing))
        if needing != self._needing:
            self._needing = needing
            self.badge_changed.emit()
        if self._again:
            self._again = False
            self.refresh()

    def _on_load_failed(self, error: Exception) -> None:
        self._loading = None
        self.summary.setText(messages.describe(error))
        if self._again:
            self._again = False
            self.refresh()

    def _on_open_button_clicked(self) -> None:
        request = self.current_request()
        if request is not None:
            self.open_request(request.id)

    def _on_queue_double_clicked(self, index: QModelIndex) -> None:
        request = self.queue_model.row_at(index.row())
        if request is not None:
            self.open_request(request.id)

    def _on_queue_current_row_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.open_button.setEnabled(current.isValid())

    def _on_dialog_draft_saved(self, changes: Changes) -> None:
        self.refresh_changed(changes)

    def _on_dialog_decided(self, decision: DecisionRecorded) -> None:
        self.refresh()
        self.local_action_done.emit(decision.changes)

    # --- helpers --------------------------------------------------------------------------

    def _summary(self, total: int, needing: int) -> str:
        if not total:
            return self.tr(
                "No release requests yet. The platform creates one when a store manager "
                "completes every stage and passes the assessment."
            )
        if not needing:
            return self.tr("No request waits for your decision.")
        return fill(
            self.tr(
                "%Ln request(s) wait for your decision. Open one to see who would leave with the "
                "manager before you decide.",
                "",
                needing,
            ),
        )
