"""When to sync: at start, on demand and every few minutes; one at a time, in the background."""

from __future__ import annotations

import dataclasses
import logging

from PySide6.QtCore import QObject, QTimer, Signal

from gui import tasks
from models.profile import Profile
from models.sync.syncer import SyncOptions, SyncReport, sync

log = logging.getLogger(__name__)

DEFAULT_INTERVAL_MINUTES = 2.0


class SyncController(QObject):
    """Runs ``models.sync.syncer.sync`` in the task pool and says how it goes."""

    started = Signal()
    progress = Signal(object)  # SyncProgress
    finished = Signal(object)  # SyncReport
    failed = Signal(object)  # the exception, typed by models.errors

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
        self._timer = QTimer(self)
        self._timer.setInterval(round(interval_minutes * 60_000))
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self) -> None:
        """Sync now and then every interval."""
        self._timer.start()
        self.sync_now()

    def stop(self) -> None:
        """No more syncs; a running one is asked to stop after its current page."""
        self._timer.stop()
        self.cancel()

    def sync_now(self) -> bool:
        """Start a sync; False when one of ours is already running."""
        if self._task is not None:
            return False
        profile, template = self._profile, self._options

        def work(control: tasks.Control) -> SyncReport:
            options = dataclasses.replace(
                template, cancelled=control.cancelled, progress=control.report
            )
            return sync(profile, options)

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

    def _on_task_progress(self, progress: object) -> None:
        self.progress.emit(progress)

    def _on_task_finished(self, report: SyncReport) -> None:
        self._task = None
        log.info(
            "synced: %d changes in %d pages, %d actions sent, %d refused",
            report.pulled.total,
            report.pages,
            report.applied,
            len(report.rejected),
        )
        self.finished.emit(report)

    def _on_task_failed(self, error: Exception) -> None:
        self._task = None
        log.info("sync failed: %r", error)
        self.failed.emit(error)
