"""Help → Restore a backup…: choose a day, confirm, and the shop's data goes back to it.

The owner's actions since that day are kept and sent at the next sync (models/backups.py). While
the backup is copied the app waits behind a busy dialog; the files are swapped on the GUI thread
once no background work holds the database, so nothing reads a file that is being replaced.
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import Final

from PySide6.QtCore import QDateTime, QLocale, QObject, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.pool import QueuePool

from gui import messages, tasks
from gui.busy import behind_progress
from gui.confirm import confirm
from gui.formatting import fill
from gui.sync_controller import SyncController
from models.backups import (
    Backup,
    RestoreReport,
    discard_restore,
    finish_restore,
    list_backups,
    prepare_restore,
    restore_backup,
    take_daily_backup,
)
from models.errors import BackupError, SyncBusy
from models.profile import Profile

log = logging.getLogger(__name__)

WAIT_FOR_WORK_SECONDS: Final = 30.0
FIRST_CHECK_MS: Final = 3 * 60_000
CHECK_EVERY_MS: Final = 60 * 60_000


class RestoreBackupDialog(QDialog):
    """The backups, newest first; restoring one asks once more, with Cancel as the default."""

    def __init__(self, backups: list[Backup], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._backups = backups
        self.chosen: Backup | None = None
        self._create_widgets()
        self._connect_signals()

    @classmethod
    def ask(cls, backups: list[Backup], parent: QWidget | None = None) -> Backup | None:
        dialog = cls(backups, parent)
        try:
            dialog.exec()
            return dialog.chosen
        finally:
            dialog.deleteLater()

    def _create_widgets(self) -> None:
        self.setObjectName("restore_backup")
        self.setWindowTitle(self.tr("Restore a backup"))
        self.setMinimumWidth(520)
        intro = QLabel(
            self.tr(
                "Zhanggui copies your shop's database each day it is open and keeps the last "
                "seven days. Choose the day to go back to: what you did since then is kept and "
                "sent at the next sync."
            )
        )
        intro.setWordWrap(True)
        self.backup_list = QListWidget()
        self.backup_list.setObjectName("backup_list")
        locale = QLocale()
        for backup in self._backups:
            taken = QDateTime.fromSecsSinceEpoch(backup.taken_at)
            text = fill(
                self.tr("%1, copied at %2 (%3)"),
                locale.toString(taken.date(), QLocale.FormatType.LongFormat),
                locale.toString(taken.time(), QLocale.FormatType.ShortFormat),
                locale.formattedDataSize(backup.size_bytes),
            )
            item = QListWidgetItem(text)
            item.setData(Qt.ItemDataRole.UserRole, str(backup.path))
            self.backup_list.addItem(item)
        self.backup_list.setCurrentRow(0)
        self.restore_button = QPushButton(self.tr("&Restore…"))
        self.restore_button.setAutoDefault(False)
        self._buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
        self._buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        cancel = self._buttons.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setDefault(True)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 16)
        layout.setSpacing(12)
        layout.addWidget(intro)
        layout.addWidget(self.backup_list, 1)
        layout.addWidget(self._buttons)

    def _connect_signals(self) -> None:
        self.restore_button.clicked.connect(self._on_restore_button_clicked)
        self._buttons.rejected.connect(self.reject)

    def selected(self) -> Backup | None:
        row = self.backup_list.currentRow()
        return self._backups[row] if 0 <= row < len(self._backups) else None

    def _on_restore_button_clicked(self) -> None:
        backup = self.selected()
        if backup is not None and confirm_restore(backup, self):
            self.chosen = backup
            self.accept()


def confirm_restore(backup: Backup, parent: QWidget | None) -> bool:
    """Ask once more; Cancel is the default and what Escape answers."""
    words = _Words()
    day = QLocale().toString(
        QDateTime.fromSecsSinceEpoch(backup.taken_at).date(), QLocale.FormatType.LongFormat
    )
    return confirm(
        parent,
        words.confirm_title(),
        words.confirm(day),
        words.restore(),
        name="restore_confirmation",
        details=words.confirm_details(),
        destructive=True,
    )


def restore_interactively(
    parent: QWidget, profile: Profile, controller: SyncController
) -> RestoreReport | None:
    """Choose, confirm and restore a backup; the report, or None when nothing was changed."""
    words = _Words()
    backups = list_backups(profile.folder)
    if not backups:
        QMessageBox.information(parent, words.title(), words.no_backup_yet())
        return None
    backup = RestoreBackupDialog.ask(backups, parent)
    if backup is None:
        return None
    controller.stop()
    try:
        _wait_for_background_work()
        try:
            prepared = behind_progress(
                words.restoring(), lambda: prepare_restore(profile.folder, backup), parent
            )
        except BackupError as error:
            QMessageBox.warning(parent, words.title(), messages.describe(error))
            return None
        _wait_for_background_work()
        try:
            report = finish_restore(profile.folder, prepared, lambda: _close_database(profile))
        except (BackupError, SyncBusy) as error:
            discard_restore(prepared)
            QMessageBox.warning(parent, words.title(), messages.describe(error))
            return None
    finally:
        controller.start()
    QMessageBox.information(parent, words.title(), words.done(report))
    return report


def restore_unopened(parent: QWidget | None, folder: Path) -> RestoreReport | None:
    """Restore a backup into a profile that cannot be opened; None when nothing was changed."""
    words = _Words()
    backups = list_backups(folder)
    backup = RestoreBackupDialog.ask(backups, parent) if backups else None
    if backup is None:
        return None
    try:
        report = behind_progress(words.restoring(), lambda: restore_backup(folder, backup), parent)
    except (BackupError, SyncBusy) as error:
        QMessageBox.warning(parent, words.title(), messages.describe(error))
        return None
    QMessageBox.information(parent, words.title(), words.done(report))
    return report


def _wait_for_background_work() -> None:
    tasks.cancel_all()
    if not tasks.wait_for_all(WAIT_FOR_WORK_SECONDS):
        raise SyncBusy(f"background work still running: {tasks.running()}")


def _close_database(profile: Profile) -> None:
    pool = profile.engine.pool
    if isinstance(pool, QueuePool) and pool.checkedout() > 0:
        raise SyncBusy("the database is still in use")
    profile.engine.dispose()


class DailyBackup(QObject):
    """A backup a few minutes after the start, and again whenever a new day has begun."""

    taken = Signal(object)  # the Backup

    def __init__(self, profile: Profile, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._folder = profile.folder
        self._task: tasks.Task[Backup | None] | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.timeout.connect(self._on_timer_timeout)

    def start(self, first_ms: int = FIRST_CHECK_MS) -> None:
        self._timer.start(first_ms)

    def stop(self) -> None:
        self._timer.stop()

    def check_now(self) -> tasks.Task[Backup | None] | None:
        """Take today's backup in the background unless it exists; None when one is running."""
        if self._task is not None:
            return None
        folder = self._folder
        self._task = tasks.run(lambda: take_daily_backup(folder), name="daily backup")
        self._task.then(self._on_task_finished, self._on_task_failed)
        return self._task

    def _on_timer_timeout(self) -> None:
        self.check_now()
        self._timer.start(CHECK_EVERY_MS)

    def _on_task_finished(self, backup: Backup | None) -> None:
        self._task = None
        if backup is not None:
            self.taken.emit(backup)

    def _on_task_failed(self, error: Exception) -> None:
        self._task = None
        # Tried again within the hour; an owner is not interrupted for it.
        log.warning("the daily backup failed: %s", error)


class _Words(QObject):
    """The restore's sentences, with their counted forms."""

    def title(self) -> str:
        return self.tr("Restore a backup")

    def no_backup_yet(self) -> str:
        return self.tr(
            "There is no backup yet. Zhanggui makes one each day it is open, the first a few "
            "minutes after it starts."
        )

    def confirm_title(self) -> str:
        return self.tr("Restore the backup?")

    def confirm(self, day: str) -> str:
        return fill(self.tr("Go back to the copy of %1?"), day)

    def confirm_details(self) -> str:
        return self.tr(
            "The shop's data on this computer goes back to that day, and the next sync brings "
            "everything the platform changed since. What you did since then (reviews, picks, "
            "decisions, posters) is kept and sent at the next sync. The database as it is now "
            "is kept in the profile folder."
        )

    def restore(self) -> str:
        return self.tr("&Restore")

    def restoring(self) -> str:
        return self.tr("Restoring the backup…")

    def done(self, report: RestoreReport) -> str:
        day = QLocale().toString(
            QDateTime.fromSecsSinceEpoch(report.backup.taken_at).date(),
            QLocale.FormatType.LongFormat,
        )
        lines = [fill(self.tr("The copy of %1 is back."), day)]
        if not report.carried_over:
            lines.append(
                self.tr(
                    "The database as it was could not be read, so actions made after the copy "
                    "could not be kept."
                )
            )
        elif report.actions_to_send:
            lines.append(
                self.tr(
                    "%Ln action(s) waiting to sync will be sent now.", "", report.actions_to_send
                )
            )
        if report.kept_aside is not None:
            lines.append(
                fill(
                    self.tr("The database as it was is kept as %1."),
                    report.kept_aside.name,
                )
            )
        return "\n\n".join(lines)
