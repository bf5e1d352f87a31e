"""Deciding one release request: the dossier first, then approve or decline with a reason.

The decision is recorded locally and goes to the platform with the next sync; the dialog says
so, and after a sync says whether the platform applied or refused it. A request decided
already, here or elsewhere, opens read-only with its outcome.

Enter never decides: no button of the dialog is a default one, and each decision asks again with
Cancel as the answer to Enter. A reason typed and not yet used is kept as a draft of the request,
through a sync, closing the dialog and a restart.
"""

from __future__ import annotations

import logging
import time

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QCloseEvent, QFont
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.confirm import confirm
from gui.formatting import fill
from gui.releases.consequences import Consequences
from gui.releases.dossier_view import DossierView
from gui.releases.labels import day, decision_state, local_outcome, platform_status
from models import wire
from models.changes import Changes
from models.profile import Profile
from models.services.drafts import save_reason_draft
from models.services.release_dossier import ReleaseDossier, release_dossier
from models.services.release_queue import QueuedRequest, queued_request
from models.services.releases import AlreadyDecided, DecisionRecorded, decide_release

log = logging.getLogger(__name__)

Loaded = tuple[ReleaseDossier | None, QueuedRequest | None]
DRAFT_PAUSE_MS = 400


class ApprovalDialog(QDialog):
    decided = Signal(object)  # the DecisionRecorded, once it is written locally
    draft_saved = Signal(object)  # the Changes a reason draft made

    def __init__(self, profile: Profile, request_id: int, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self.request_id = request_id
        self.dossier: ReleaseDossier | None = None
        self.request: QueuedRequest | None = None
        self.decision: DecisionRecorded | None = None
        self._loading: tasks.Task[Loaded] | None = None
        self._writing: tasks.Task[DecisionRecorded] | None = None
        self._words = Consequences(self)
        self._filling = False
        self._draft_timer = QTimer(self)
        self._draft_timer.setSingleShot(True)
        self._draft_timer.setInterval(DRAFT_PAUSE_MS)
        self._create_widgets()
        self._connect_signals()
        self.reload()

    @classmethod
    def ask(
        cls, parent: QWidget | None, profile: Profile, request_id: int
    ) -> DecisionRecorded | None:
        """Show the dialog; the decision recorded in it, or None when the owner decided nothing."""
        dialog = cls(profile, request_id, parent)
        try:
            dialog.exec()
            return dialog.decision
        finally:
            dialog.deleteLater()

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.setWindowTitle(self.tr("Release request"))
        self.resize(1040, 660)
        self.heading = QLabel(self.tr("Loading the request…"))
        heading_font = QFont(self.heading.font())
        heading_font.setPointSizeF(heading_font.pointSizeF() * 1.25)
        heading_font.setBold(True)
        self.heading.setFont(heading_font)
        self.outcome = QLabel()
        self.outcome.setObjectName("release_outcome")
        self.outcome.setWordWrap(True)
        self.dossier_view = DossierView()
        self.dossier_view.setEnabled(False)
        self.reason = QLineEdit()
        self.reason.setMaxLength(wire.MAX_REASON_LENGTH)
        self.reason.setPlaceholderText(self.tr("Reason (needed to decline, optional to approve)"))
        self.reason_hint = QLabel()
        self.reason_hint.setObjectName("reason_hint")
        self.reason_hint.hide()
        self.approve_button = QPushButton(self.tr("&Approve…"))
        self.decline_button = QPushButton(self.tr("&Decline…"))
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        # Enter in the reason must not press a decision: no button of this dialog is a default.
        for button in (
            self.approve_button,
            self.decline_button,
            self.buttons.button(QDialogButtonBox.StandardButton.Close),
        ):
            button.setAutoDefault(False)
            button.setDefault(False)

        decide = QHBoxLayout()
        decide.addWidget(QLabel(self.tr("Reason:")))
        decide.addWidget(self.reason, 1)
        decide.addWidget(self.approve_button)
        decide.addWidget(self.decline_button)
        self.decide_row = QWidget()
        self.decide_row.setLayout(decide)
        decide.setContentsMargins(0, 0, 0, 0)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 12)
        layout.addWidget(self.heading)
        layout.addWidget(self.outcome)
        layout.addWidget(self.dossier_view, 1)
        layout.addWidget(self.decide_row)
        layout.addWidget(self.reason_hint)
        layout.addWidget(self.buttons)
        self._set_decidable(False)

    def _connect_signals(self) -> None:
        self.approve_button.clicked.connect(self._on_approve_button_clicked)
        self.decline_button.clicked.connect(self._on_decline_button_clicked)
        self.reason.textChanged.connect(self._on_reason_text_changed)
        self.reason.returnPressed.connect(self._on_reason_return_pressed)
        self.buttons.rejected.connect(self.reject)
        self._draft_timer.timeout.connect(self._on_draft_timer_timeout)

    # --- what the workspace and tests ask -------------------------------------------------

    def reload(self) -> None:
        """Read the request again, e.g. after a sync; the outcome line follows."""
        if self._loading is not None:
            return
        profile, request_id = self._profile, self.request_id

        def load() -> Loaded:
            return (
                release_dossier(profile, request_id, int(time.time())),
                queued_request(profile, request_id),
            )

        self._loading = tasks.run(load, name="releases.dossier")
        self._loading.then(self._on_loaded, self._on_load_failed)

    def is_busy(self) -> bool:
        return self._loading is not None or self._writing is not None

    def is_loaded(self) -> bool:
        return self.request is not None and not self.is_busy()

    def confirm(self, title: str, text: str, action: str) -> bool:
        """Ask the owner to confirm, in words; Cancel is the default."""
        return confirm(self, title, text, action, name="release_confirmation")

    def keep_unsaved(self) -> None:
        """Write the reason's draft now, on this thread (the dialog closes)."""
        if not self._draft_timer.isActive():
            return
        self._draft_timer.stop()
        try:
            changes = save_reason_draft(self._profile, self.request_id, self.reason.text())
        except Exception:
            log.exception("the reason for request %s could not be kept", self.request_id)
            return
        if changes:
            self.draft_saved.emit(changes)

    def done(self, result: int) -> None:
        self.keep_unsaved()
        super().done(result)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.keep_unsaved()
        super().closeEvent(event)

    # --- slots ----------------------------------------------------------------------------

    def _on_loaded(self, loaded: Loaded) -> None:
        self._loading = None
        self.dossier, self.request = loaded
        if self.dossier is None or self.request is None:
            self.heading.setText(self.tr("This release request is not in this shop."))
            self._set_decidable(False)
            return
        self.heading.setText(
            fill(
                self.tr("%1 asks to become an independent shop owner (requested on %2)"),
                self.request.manager_name,
                day(self.request.created_at),
            )
        )
        self.dossier_view.show_dossier(self.dossier)
        self.dossier_view.setEnabled(True)
        self._show_outcome(self.request)
        draft = self.request.draft_reason
        if self.request.needs_owner and draft and not self.reason.text():
            self._filling = True
            self.reason.setText(draft)
            self._filling = False
            self.reason_hint.setText(self.tr("The reason you began last time is kept here."))
            self.reason_hint.show()

    def _on_load_failed(self, error: Exception) -> None:
        self._loading = None
        self.outcome.setText(messages.describe(error))

    def _on_reason_text_changed(self, _text: str) -> None:
        if self._filling:
            return
        self.reason_hint.hide()
        self._draft_timer.start()

    def _on_reason_return_pressed(self) -> None:
        # Enter is not a decision; say what is.
        self.reason_hint.setText(self.tr("To decide, choose Approve… or Decline…."))
        self.reason_hint.show()

    def _on_draft_timer_timeout(self) -> None:
        profile, request_id, reason = self._profile, self.request_id, self.reason.text()
        tasks.run(
            lambda: save_reason_draft(profile, request_id, reason), name="releases.draft"
        ).then(self._on_draft_written, self._on_draft_failed)

    def _on_draft_written(self, changes: Changes) -> None:
        if changes:
            self.draft_saved.emit(changes)

    def _on_draft_failed(self, error: Exception) -> None:
        self.reason_hint.setText(
            fill(self.tr("Your reason could not be kept as a draft: %1"), messages.describe(error))
        )
        self.reason_hint.show()

    def _on_approve_button_clicked(self) -> None:
        if self.dossier is None:
            return
        title = fill(self.tr("Approve %1's release?"), self.dossier.manager_name)
        if self.confirm(title, self._words.approve_question(self.dossier), self.tr("Approve")):
            self._record("approve")

    def _on_decline_button_clicked(self) -> None:
        if self.dossier is None:
            return
        reason = self.reason.text().strip()
        if not reason:
            self.reason_hint.setText(self.tr("Please give a reason for declining."))
            self.reason_hint.show()
            self.reason.setFocus()
            return
        title = fill(self.tr("Decline %1's release?"), self.dossier.manager_name)
        if self.confirm(
            title, self._words.decline_question(self.dossier, reason), self.tr("Decline")
        ):
            self._record("decline")

    def _on_recorded(self, recorded: DecisionRecorded) -> None:
        self._writing = None
        self.decision = recorded
        self.decided.emit(recorded)
        self.reload()

    def _on_record_failed(self, error: Exception) -> None:
        self._writing = None
        if isinstance(error, AlreadyDecided):
            self.outcome.setText(self.tr("This request was decided already."))
            self.reload()
            return
        self.outcome.setText(messages.describe(error))
        self._set_decidable(True)

    # --- helpers --------------------------------------------------------------------------

    def _record(self, decision: str) -> None:
        self._draft_timer.stop()
        profile, request_id, reason = self._profile, self.request_id, self.reason.text().strip()
        self._set_decidable(False)
        self.outcome.setText(self.tr("Recording your decision…"))
        self._writing = tasks.run(
            lambda: decide_release(profile, request_id, decision, reason),
            name="releases.decide",
        )
        self._writing.then(self._on_recorded, self._on_record_failed)

    def _set_decidable(self, decidable: bool) -> None:
        self.decide_row.setVisible(decidable)
        for widget in (self.reason, self.approve_button, self.decline_button):
            widget.setEnabled(decidable)

    def _show_outcome(self, request: QueuedRequest) -> None:
        self._set_decidable(request.needs_owner)
        lines = []
        if request.local is not None:
            lines.append(local_outcome(request.local, request.status))
            if request.local.reason:
                lines.append(fill(self.tr("Your reason: %1"), request.local.reason))
            if request.needs_owner:
                lines.append(self.tr("You can decide again."))
            elif request.local.state == "waiting":
                lines.append(self.tr("It goes to the platform with the next sync."))
        elif request.state == "elsewhere":
            lines.append(
                fill(
                    self.tr("%1 on %2."),
                    decision_state(request),
                    day(request.decided_at),
                )
            )
            if request.platform_reason:
                lines.append(fill(self.tr("Reason given: %1"), request.platform_reason))
        elif request.status == "pending":
            lines.append(
                self.tr(
                    "Nobody has decided yet. Nothing changes until you decide and the next "
                    "sync sends your decision to the platform."
                )
            )
        else:
            lines.append(fill(self.tr("On the platform: %1."), platform_status(request.status)))
        self.outcome.setText("\n".join(lines))
