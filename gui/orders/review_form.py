"""The owner's review of one order, as she sets it: reviewed, a flag and a note, with a draft.

What she sets is kept as a draft in the profile as she types (a short pause after the last key,
and at once when she moves to another order or the window closes), so that a sync, a change of
row or a restart never loses it. When the order changes on the platform meanwhile, her words
stay and the form says what changed. Saving the review clears the draft.
"""

from __future__ import annotations

import logging
from dataclasses import replace

from PySide6.QtCore import QTimer, Signal
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QWidget,
)

from gui import messages, tasks
from gui.formatting import fill, money
from gui.orders.labels import review_label, status_label
from models import wire
from models.changes import Changes
from models.profile import Profile
from models.services.drafts import (
    DraftSaved,
    SavedReview,
    discard_review_draft,
    save_review_draft,
)
from models.services.order_detail import OrderDetail

log = logging.getLogger(__name__)

FLAGS = ("none", "problem", "follow_up")
DRAFT_PAUSE_MS = 400


class ReviewForm(QGroupBox):
    # The order no and what the owner set here of reviewed, flag and note; None for a field she
    # left alone, which keeps whatever was saved meanwhile (a shortcut in the table, a sync).
    review_requested = Signal(str, object, object, object)
    draft_saved = Signal(object)  # the Changes a draft write made

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._detail: OrderDetail | None = None
        # The saved review each field was last filled from: a field that differs was edited.
        self._shown: SavedReview | None = None
        # The saved review and the order as they were when the owner began editing.
        self._began: SavedReview | None = None
        self._began_amount: int | None = None
        self._filling = False
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DRAFT_PAUSE_MS)
        self._create_widgets()
        self._connect_signals()
        self.show_review(None)

    def _create_widgets(self) -> None:
        self.setTitle(self.tr("Your review"))
        self.reviewed = QCheckBox(self.tr("Reviewed"))
        self.flag = QComboBox()
        for flag in FLAGS:
            self.flag.addItem(self.tr("No flag") if flag == "none" else review_label(flag), flag)
        self.note = QPlainTextEdit()
        self.note.setPlaceholderText(self.tr("A note for yourself (Ctrl+Enter saves)"))
        self.note.setMaximumHeight(70)
        self.save = QPushButton(self.tr("Save review"))
        self.discard = QPushButton(self.tr("Discard draft"))
        self.discard.setToolTip(self.tr("Forget the unsaved changes and show the saved review"))
        for button in (self.save, self.discard):
            button.setAutoDefault(False)
        self.draft_state = QLabel()
        self.draft_state.setObjectName("draft_state")
        self.draft_state.setWordWrap(True)
        self.changed = QLabel()
        self.changed.setObjectName("changed_on_platform")
        self.changed.setWordWrap(True)
        self.sync_state = QLabel()
        self.sync_state.setWordWrap(True)
        # Who saved the review last: the shop's people share the order review.
        self.review_by = QLabel()
        self.review_by.setObjectName("review_by")
        self.review_by.setWordWrap(True)
        buttons = QHBoxLayout()
        buttons.setContentsMargins(0, 0, 0, 0)
        buttons.addWidget(self.save)
        buttons.addWidget(self.discard)
        buttons.addStretch(1)
        form = QFormLayout(self)
        form.addRow(self.reviewed)
        form.addRow(self.tr("Flag"), self.flag)
        form.addRow(self.note)
        form.addRow(buttons)
        form.addRow(self.draft_state)
        form.addRow(self.changed)
        form.addRow(self.review_by)
        form.addRow(self.sync_state)
        self._save_shortcut = QShortcut(QKeySequence("Ctrl+Return"), self.note)
        self._save_shortcut_enter = QShortcut(QKeySequence("Ctrl+Enter"), self.note)

    def _connect_signals(self) -> None:
        self.reviewed.toggled.connect(self._on_form_edited)
        self.flag.currentIndexChanged.connect(self._on_form_edited)
        self.note.textChanged.connect(self._on_form_edited)
        self.save.clicked.connect(self._on_save_clicked)
        self.discard.clicked.connect(self._on_discard_clicked)
        self._save_shortcut.activated.connect(self._on_save_clicked)
        self._save_shortcut_enter.activated.connect(self._on_save_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)

    # --- what the pane asks -----------------------------------------------------------------

    def order_id(self) -> int | None:
        return self._detail.id if self._detail is not None else None

    def order_no(self) -> str:
        return self._detail.order_no if self._detail is not None else ""

    def values(self) -> SavedReview:
        """What the form shows now (the order's status as last read)."""
        status = self._detail.status if self._detail is not None else ""
        note = self.note.toPlainText()[: wire.MAX_NOTE_LENGTH]
        return SavedReview(self.reviewed.isChecked(), str(self.flag.currentData()), note, status)

    def is_dirty(self) -> bool:
        """Whether the form holds something the owner set and has not saved."""
        return bool(self._edited())

    def show_review(self, detail: OrderDetail | None) -> None:
        """Show ``detail``'s review; the same order read again keeps what the owner is typing."""
        if detail is None:
            self.keep_unsaved_later()
            self._detail = self._shown = self._began = None
            self._fill(SavedReview(False, "none", "", ""))
            self._set_enabled(False)
            self._show_state()
            return
        self._set_enabled(True)
        if self._detail is None or detail.id != self._detail.id:
            self.keep_unsaved_later()
            self._detail = detail
            self._shown = detail.saved
            self._began, self._began_amount = None, None
            draft = detail.draft
            values = detail.saved
            if draft is not None:
                values = SavedReview(
                    draft.reviewed if draft.reviewed is not None else values.reviewed,
                    draft.flag if draft.flag is not None else values.flag,
                    draft.note if draft.note is not None else values.note,
                    values.status,
                )
                self._began = draft.base
            self._fill(values)
        else:
            self._take_saved(detail)
        self._show_state()

    def keep_unsaved(self) -> None:
        """Write the draft now, on this thread: the window is closing."""
        if not self._timer.isActive() or self._detail is None:
            return
        self._timer.stop()
        values = self.values()
        try:
            save_review_draft(
                self._profile,
                self._detail.id,
                reviewed=values.reviewed,
                flag=values.flag,
                note=values.note,
            )
        except Exception:
            log.exception("the draft of order %s could not be kept", self._detail.order_no)

    def keep_unsaved_later(self) -> None:
        """Write the draft now, in the background: the owner moves to another order."""
        if self._timer.isActive():
            self._timer.stop()
            self._save_draft()

    # --- slots ------------------------------------------------------------------------------

    def _on_form_edited(self, *_args: object) -> None:
        if self._filling or self._detail is None:
            return
        if self._edited():
            if self._began is None:
                self._began = replace(self._shown or self._detail.saved, status=self._detail.status)
                self._began_amount = self._detail.amount_cents
        else:
            self._began, self._began_amount = None, None
        self._timer.start()
        self._show_state()

    def _on_timer_timeout(self) -> None:
        self._save_draft()

    def _on_save_clicked(self) -> None:
        if self._detail is None:
            return
        self._timer.stop()
        values, edited = self.values(), self._edited()
        if not edited:
            return
        self.review_requested.emit(
            self._detail.order_no,
            values.reviewed if "reviewed" in edited else None,
            values.flag if "flag" in edited else None,
            values.note if "note" in edited else None,
        )

    def _on_discard_clicked(self) -> None:
        if self._detail is None:
            return
        self._timer.stop()
        detail, profile = self._detail, self._profile
        self._began, self._began_amount = None, None
        self._shown = detail.saved
        self._fill(detail.saved)
        self._show_state()
        tasks.run(
            lambda: discard_review_draft(profile, detail.id), name="orders.discard_draft"
        ).then(self._on_draft_written, self._on_draft_failed)

    def _on_draft_saved(self, saved: DraftSaved) -> None:
        self._on_draft_written(saved.changes)

    def _on_draft_written(self, changes: Changes) -> None:
        if changes:
            self.draft_saved.emit(changes)

    def _on_draft_failed(self, error: Exception) -> None:
        self.draft_state.setText(
            fill(self.tr("Your changes could not be kept as a draft: %1"), messages.describe(error))
        )

    # --- helpers --------------------------------------------------------------------------

    def _save_draft(self) -> None:
        if self._detail is None:
            return
        order_id, profile, values = self._detail.id, self._profile, self.values()
        tasks.run(
            lambda: save_review_draft(
                profile, order_id, reviewed=values.reviewed, flag=values.flag, note=values.note
            ),
            name="orders.draft",
        ).then(self._on_draft_saved, self._on_draft_failed)

    def _edited(self) -> set[str]:
        if self._shown is None:
            return set()
        now = self.values()
        return {
            name
            for name in ("reviewed", "flag", "note")
            if getattr(now, name) != getattr(self._shown, name)
        }

    def _take_saved(self, detail: OrderDetail) -> None:
        """The same order read again: fields the owner did not touch show the new saved values;
        a field she set keeps her value, unless the saved review now says the same."""
        shown, fresh, now = self._shown or detail.saved, detail.saved, self.values()
        self._detail = detail

        def edited(name: str) -> bool:
            mine = getattr(now, name)
            return bool(mine != getattr(shown, name) and mine != getattr(fresh, name))

        reviewed, flag, note = edited("reviewed"), edited("flag"), edited("note")
        self._shown = SavedReview(
            shown.reviewed if reviewed else fresh.reviewed,
            shown.flag if flag else fresh.flag,
            shown.note if note else fresh.note,
            fresh.status,
        )
        if not (reviewed or flag or note):
            self._began, self._began_amount = None, None
        self._fill(
            SavedReview(
                now.reviewed if reviewed else fresh.reviewed,
                now.flag if flag else fresh.flag,
                now.note if note else fresh.note,
                fresh.status,
            )
        )

    def _fill(self, values: SavedReview) -> None:
        self._filling = True
        try:
            if self.reviewed.isChecked() != values.reviewed:
                self.reviewed.setChecked(values.reviewed)
            index = max(self.flag.findData(values.flag), 0)
            if self.flag.currentIndex() != index:
                self.flag.setCurrentIndex(index)
            if self.note.toPlainText() != values.note:
                self.note.setPlainText(values.note)
        finally:
            self._filling = False

    def _set_enabled(self, enabled: bool) -> None:
        for widget in (self.reviewed, self.flag, self.note, self.save):
            widget.setEnabled(enabled)

    def _show_review_by(self, detail: OrderDetail | None) -> None:
        if detail is None or not detail.review_by:
            self.review_by.setText("")
        elif detail.review_by_me:
            self.review_by.setText(self.tr("Last saved by you"))
        else:
            self.review_by.setText(fill(self.tr("Last saved by %1"), detail.review_by))

    def _show_state(self) -> None:
        detail = self._detail
        dirty = detail is not None and self.is_dirty()
        # Nothing set here, nothing to save: a save sends only what the owner set.
        self.save.setEnabled(dirty)
        self.discard.setVisible(dirty)
        self.discard.setEnabled(dirty)
        self.draft_state.setText(
            self.tr("✎ Unsaved changes, kept as a draft until you save them (Ctrl+Enter).")
            if dirty
            else ""
        )
        self.draft_state.setVisible(dirty)
        changes = self._platform_changes() if dirty else []
        if changes:
            self.changed.setText(
                "\n".join(
                    [
                        self.tr(
                            "This order changed on the platform while you were editing. "
                            "Your changes are kept: Save review keeps yours, Discard draft "
                            "takes the platform's."
                        ),
                        *changes,
                    ]
                )
            )
        self.changed.setVisible(bool(changes))
        self._show_review_by(detail)
        if detail is None:
            self.sync_state.clear()
        elif detail.review_sync == "pending":
            self.sync_state.setText(self.tr("Waiting to sync"))
        elif detail.review_sync == "rejected":
            self.sync_state.setText(
                fill(self.tr("Refused by the platform: %1"), detail.reject_reason)
            )
        else:
            self.sync_state.clear()

    def _platform_changes(self) -> list[str]:
        """What differs between the order when the owner began editing and the order now."""
        began, detail = self._began, self._detail
        if began is None or detail is None:
            return []
        lines = []
        if began.status and began.status != detail.status:
            lines.append(
                fill(
                    self.tr("Status: %1 → %2"),
                    status_label(began.status),
                    status_label(detail.status),
                )
            )
        if self._began_amount is not None and self._began_amount != detail.amount_cents:
            lines.append(
                fill(
                    self.tr("Amount: %1 → %2"),
                    money(self._began_amount),
                    money(detail.amount_cents),
                )
            )
        if began.reviewed != detail.reviewed:
            lines.append(
                self.tr("Now marked reviewed") if detail.reviewed else self.tr("Now not reviewed")
            )
        if began.flag != detail.flag:
            lines.append(
                fill(
                    self.tr("Flag: %1 → %2"),
                    self._flag_words(began.flag),
                    self._flag_words(detail.flag),
                )
            )
        if began.note != detail.note:
            lines.append(
                fill(self.tr("Saved note now: “%1”"), detail.note)
                if detail.note
                else self.tr("The saved note was removed")
            )
        return lines

    def _flag_words(self, flag: str) -> str:
        return self.tr("No flag") if flag == "none" else review_label(flag)
