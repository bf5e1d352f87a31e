"""When to sync: at start, on demand, every few minutes, and within seconds of a local action;
one at a time, in the background."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QObject, QTimer, Signal

from gui import tasks
from models.changes import Changes
from models.profile import Profile
from models.sync.syncer import SyncOptions, SyncReport, sync

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MINUTES = 2.0
# A local action is sent this long after the last one: a burst of reviews goes in one push.
PUSH_DELAY_MS = 1_500


class SyncController(QObject):
    """Runs ``models.sync.syncer.sync`` in the task pool and says how it goes."""

    started = Signal()
    progress = Signal(object)  # SyncProgress
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # the exception, typed by models.errors
    # What a sync changed on this computer, before finished or failed: a failed sync may have
    # applied pages before it stopped.
    changed = Signal(object)  # Changes

    def __init__(
        self,
        profile: Profile,
        *,
        interval_minutes: float = DEFAULT_INTERVAL_MINUTES,
        options: SyncOptions | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._options = options or SyncOptions()
        self._task: tasks.Task[SyncReport] | None = None
        self._report = SyncReport()
        self._again = False
        self._stopped = False
        self._timer = QTimer(self)
        self._timer.setInterval(round(interval_minutes * 60_000))
        self._timer.timeout.connect(self._on_timer_timeout)
        self._push_timer = QTimer(self)
        self._push_timer.setSingleShot(True)
        self._push_timer.setInterval(PUSH_DELAY_MS)
        self._push_timer.timeout.connect(self._on_push_timer_timeout)

    def start(self) -> None:
        """Sync now and then every interval."""
        self._stopped = False
        self._timer.start()
        self.sync_now()

    def stop(self) -> None:
        """No more syncs; a running one is asked to stop after its current page."""
        self._stopped = True
        self._timer.stop()
        self._push_timer.stop()
        self._again = False
        self.cancel()

    def push_soon(self) -> None:
        """A local action was recorded: send it within seconds rather than at the next interval.

        A burst of actions waits for the last; a running sync is followed by another, since it
        may have read the outbox before the action was written.
        """
        if self._stopped:
            return
        if self._task is not None:
            self._again = True
            return
        self._push_timer.start()

    def is_push_due(self) -> bool:
        return self._push_timer.isActive() or self._again

    def sync_now(self) -> bool:
        """Start a sync; False when one of ours is already running."""
        if self._task is not None:
            return False
        self._push_timer.stop()
        profile, template = self._profile, self._options
        report = self._report = SyncReport()

        def work(control: tasks.Control) -> SyncReport:
            options = dataclasses.replace(
                template, cancelled=control.cancelled, progress=control.report
            )
            return sync(profile, options, report)

        self._task = tasks.run_controlled(work, name="sync")
        self._task.progress.connect(self._on_task_progress)
        self._task.then(self._on_task_finished, self._on_task_failed)
        self.started.emit()
        return True

    def cancel(self) -> None:
        if self._task is not None:
            self._task.cancel()

    def is_running(self) -> bool:
        return self._task is not None

    @property
    def task(self) -> tasks.Task[SyncReport] | None:
        """The running sync, if any."""
        return self._task

    def interval_minutes(self) -> float:
        return self._timer.interval() / 60_000

    def _on_timer_timeout(self) -> None:
        if self._task is None:
            self.sync_now()

    def _on_push_timer_timeout(self) -> None:
        if self._task is None:
            self.sync_now()
        else:
            self._again = True

    def _on_task_progress(self, progress: object) -> None:
        self.progress.emit(progress)

    def _on_task_finished(self, report: SyncReport) -> None:
        self._task = None
        log.info(
            "synced: %d changes in %d pages, %d actions sent, %d refused; %r",
            report.pulled.total,
            report.pages,
            report.applied,
            len(report.rejected),
            report.changes,
        )
        self._hand_on(report.changes)
        self.finished.emit(report)
        self._follow_up()

    def _on_task_failed(self, error: Exception) -> None:
        self._task = None
        log.info("sync failed: %r", error)
        self._hand_on(self._report.changes)
        self.failed.emit(error)
        self._follow_up()

    def _hand_on(self, changes: Changes) -> None:
        if changes:
            self.changed.emit(changes)

    def _follow_up(self) -> None:
        if self._again and not self._stopped:
            self._again = False
            self._push_timer.start()
