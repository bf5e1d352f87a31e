"""The status bar's words about sync: when it last worked, what waits, and what went wrong."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QLabel, QWidget

from gui import messages, tasks
from gui.formatting import clock_time, day_and_time, fill
from models.profile import Profile
from models.services.status import SyncStatus, sync_status
from models.sync.syncer import SyncProgress

SEPARATOR = " · "


class SyncStatusLabel(QLabel):
    """Sync in words: "Synced at 14:32 · 2 actions waiting to sync", "Syncing… 12,000 changes
    received", "Offline: cannot reach the platform (retrying)"."""

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("sync_status")
        self._profile = profile
        self._status: SyncStatus | None = None
        self._syncing = False
        self._progress: SyncProgress | None = None
        self._failure: Exception | None = None
        self._task: tasks.Task[SyncStatus] | None = None
        self._again = False
        self._render()

    def refresh(self) -> None:
        """Read the outbox counts and the last sync time again, in the background."""
        if self._task is not None:
            self._again = True
            return
        profile = self._profile
        self._task = tasks.run(
            lambda: sync_status(profile, with_counts=False), name="sync status", owner=self
        )
        self._task.then(self._on_query_finished)
        self._task.done.connect(self._on_query_done)

    def is_loading(self) -> bool:
        return self._task is not None

    def show_started(self) -> None:
        self._syncing, self._progress = True, None
        self._render()

    def show_progress(self, progress: object) -> None:
        if isinstance(progress, SyncProgress):
            self._progress = progress
            self._render()

    def show_finished(self) -> None:
        self._syncing, self._failure = False, None
        self._render()
        self.refresh()

    def show_failed(self, error: Exception) -> None:
        self._syncing, self._failure = False, error
        self._render()
        self.refresh()

    def _render(self, now: dt.datetime | None = None) -> None:
        parts = [self._state_words(now)]
        if self._status is not None:
            # While syncing, the progress words already say what is being sent.
            if self._status.outbox_pending and not self._syncing:
                parts.append(
                    self.tr("%Ln action(s) waiting to sync", "", self._status.outbox_pending)
                )
            if self._status.outbox_rejected:
                parts.append(
                    self.tr(
                        "%Ln action(s) refused by the platform", "", self._status.outbox_rejected
                    )
                )
        self.setText(SEPARATOR.join(parts))
        self.setToolTip(self._details(now))

    def _state_words(self, now: dt.datetime | None) -> str:
        if self._syncing:
            return self._progress_words()
        if self._failure is not None:
            return messages.sync_state(self._failure)
        if self._status is None:
            return ""
        if self._status.last_sync is not None and not self._status.last_error:
            return fill(self.tr("Synced at %1"), clock_time(self._status.last_sync, now))
        if self._status.last_error:
            return self.tr("The last sync did not finish")
        return self.tr("Not synced yet")

    def _progress_words(self) -> str:
        progress = self._progress
        if progress is None:
            return self.tr("Syncing…")
        if progress.phase == "push":
            return self.tr("Syncing… sending %Ln action(s)", "", progress.pending)
        if progress.phase == "snapshot":
            # The mirror stays as it is until the fresh copy replaces it whole.
            return self.tr(
                "Taking a fresh copy of the shop… %Ln row(s) received; this copy stays in use",
                "",
                progress.done,
            )
        return self.tr("Syncing… %Ln change(s) received", "", progress.done)

    def _details(self, now: dt.datetime | None) -> str:
        lines = []
        if self._failure is not None:
            lines.append(messages.describe(self._failure))
        if self._status is not None and self._status.last_sync is not None:
            lines.append(
                fill(self.tr("Last successful sync: %1"), day_and_time(self._status.last_sync, now))
            )
        return "\n".join(lines)

    def _on_query_finished(self, status: SyncStatus) -> None:
        self._status = status
        self._render()

    def _on_query_done(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.refresh()
