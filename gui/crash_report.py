"""Uncaught errors: a report next to the log, and a dialog in words; the app goes on if it can.

Python calls ``sys.excepthook`` for an error nobody caught, PySide6 does the same for one raised
in a slot or an event handler, and ``threading.excepthook`` hears the threads. Each writes a
report (models/crash_reports.py) and shows the dialog, once per kind of problem: an error in a
paint handler would otherwise come back at every repaint.
"""

from __future__ import annotations

import faulthandler
import logging
import sys
import threading
from pathlib import Path
from types import TracebackType
from typing import IO, Final

import PySide6
from PySide6.QtCore import QObject, Qt, QThread, QTimer, QUrl, Signal, qVersion
from PySide6.QtGui import QDesktopServices, QGuiApplication, QShowEvent
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QStyle,
    QVBoxLayout,
    QWidget,
)

from gui.formatting import fill
from gui.icons import app_icon
from models.crash_reports import CrashReport, ExcInfo, write_crash_report

log = logging.getLogger(__name__)

FATAL_ERRORS_LOG: Final = "fatal-errors.log"
COPIED_MS: Final = 2_000


def qt_versions() -> dict[str, str]:
    return {"qt": qVersion(), "pyside6": PySide6.__version__}


class CrashDialog(QDialog):
    """Says what happened and what was kept; copies the report or opens its folder."""

    def __init__(
        self,
        report: CrashReport,
        folder: Path | None,
        *,
        fatal: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._report = report
        self._folder = folder
        self._create_widgets(fatal)
        self._connect_signals()

    @classmethod
    def show_report(
        cls,
        report: CrashReport,
        folder: Path | None,
        *,
        fatal: bool = False,
        parent: QWidget | None = None,
    ) -> None:
        dialog = cls(report, folder, fatal=fatal, parent=parent)
        try:
            dialog.exec()
        finally:
            dialog.deleteLater()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        log.info("the crash dialog is shown")

    def _create_widgets(self, fatal: bool) -> None:
        self.setObjectName("crash_dialog")
        self.setWindowModality(Qt.WindowModality.ApplicationModal)
        self.setWindowTitle(self.tr("Zhanggui ran into a problem"))
        self.setWindowIcon(app_icon())
        self.setMinimumWidth(560)
        symbol = QLabel()
        size = self.style().pixelMetric(QStyle.PixelMetric.PM_MessageBoxIconSize)
        picture = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        symbol.setPixmap(picture.pixmap(size, size))
        symbol.setAlignment(Qt.AlignmentFlag.AlignTop)
        heading = QLabel(self.tr("Something went wrong that Zhanggui did not expect"))
        heading.setObjectName("crash_heading")
        font = heading.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        heading.setFont(font)
        heading.setWordWrap(True)
        if fatal:
            what_now = self.tr(
                "Zhanggui has to close. Your shop's data is safe: everything you saved is kept, "
                "and actions waiting to sync are sent when you start Zhanggui again."
            )
        else:
            what_now = self.tr(
                "Your shop's data is safe: everything you saved is kept, and actions waiting to "
                "sync will still be sent. You can go on working; if the problem comes back, "
                "close Zhanggui and start it again."
            )
        self.what_now = QLabel(what_now)
        self.what_now.setWordWrap(True)
        if self._report.path is not None:
            where = fill(
                self.tr(
                    "A report was written to %1. It holds no customer details and no passwords: "
                    "you can send it to support."
                ),
                self._report.path,
            )
        else:
            where = self.tr(
                "The report could not be saved. Copy it to send it to support: it holds no "
                "customer details and no passwords."
            )
        self.where = QLabel(where)
        self.where.setObjectName("crash_where")
        self.where.setWordWrap(True)
        self.where.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.details = QPlainTextEdit(self._report.text)
        self.details.setObjectName("crash_details")
        self.details.setReadOnly(True)
        self.details.setLineWrapMode(QPlainTextEdit.LineWrapMode.NoWrap)
        self.details.setMinimumHeight(180)
        self.details.hide()
        self.show_details_button = QPushButton(self.tr("Show the report"))
        self.show_details_button.setCheckable(True)
        self.copy_button = QPushButton(self.tr("&Copy report"))
        self.open_folder_button = QPushButton(self.tr("&Open folder"))
        self.open_folder_button.setEnabled(self._folder is not None)
        self._buttons = QDialogButtonBox()
        self._buttons.addButton(self.show_details_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._buttons.addButton(self.copy_button, QDialogButtonBox.ButtonRole.ActionRole)
        self._buttons.addButton(self.open_folder_button, QDialogButtonBox.ButtonRole.ActionRole)
        self.close_button = self._buttons.addButton(
            self.tr("&Quit") if fatal else self.tr("&Keep working"),
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.close_button.setDefault(True)
        self.close_button.setFocus()

        text = QVBoxLayout()
        text.setSpacing(10)
        text.addWidget(heading)
        text.addWidget(self.what_now)
        text.addWidget(self.where)
        top = QHBoxLayout()
        top.setSpacing(16)
        top.addWidget(symbol)
        top.addLayout(text, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 18, 20, 16)
        layout.setSpacing(12)
        layout.addLayout(top)
        layout.addWidget(self.details, 1)
        layout.addWidget(self._buttons)

    def _connect_signals(self) -> None:
        self.show_details_button.toggled.connect(self._on_show_details_button_toggled)
        self.copy_button.clicked.connect(self._on_copy_button_clicked)
        self.open_folder_button.clicked.connect(self._on_open_folder_button_clicked)
        self._buttons.accepted.connect(self.accept)

    def _on_show_details_button_toggled(self, shown: bool) -> None:
        self.details.setVisible(shown)
        self.adjustSize()

    def _on_copy_button_clicked(self) -> None:
        QGuiApplication.clipboard().setText(self._report.text)
        self.copy_button.setText(self.tr("Copied"))
        QTimer.singleShot(
            COPIED_MS, self, lambda: self.copy_button.setText(self.tr("&Copy report"))
        )

    def _on_open_folder_button_clicked(self) -> None:
        if self._folder is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self._folder)))


class CrashHandler(QObject):
    """Hears every uncaught error of the app while installed."""

    _thread_crashed = Signal(object)  # a CrashReport written on another thread

    def __init__(self, folder: Path | None, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.folder = folder
        self.reports: list[CrashReport] = []
        self._seen: set[str] = set()
        self._showing = False
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        self._fault_file: IO[str] | None = None
        self._thread_crashed.connect(self._on_thread_crashed, Qt.ConnectionType.QueuedConnection)

    def install(self) -> None:
        self._previous_hook = sys.excepthook
        self._previous_thread_hook = threading.excepthook
        sys.excepthook = self._on_uncaught
        threading.excepthook = self._on_thread_uncaught
        if self.folder is not None:
            # A crash inside Qt itself ends the process before Python can write a report.
            try:
                self.folder.mkdir(parents=True, exist_ok=True)
                self._fault_file = (self.folder / FATAL_ERRORS_LOG).open("a", encoding="utf-8")
                faulthandler.enable(self._fault_file)
            except OSError:
                log.warning("no record of fatal errors in %s", self.folder)

    def uninstall(self) -> None:
        sys.excepthook = self._previous_hook
        threading.excepthook = self._previous_thread_hook
        if self._fault_file is not None:
            faulthandler.disable()
            self._fault_file.close()
            self._fault_file = None

    def report(self, error: ExcInfo, *, fatal: bool = False) -> CrashReport | None:
        """Write a report of ``error`` and show the dialog (on the GUI thread).

        None when the same problem was reported already: it is only logged again.
        """
        report = self._write(error)
        if report is not None:
            self._show(report, fatal=fatal)
        return report

    def _write(self, error: ExcInfo) -> CrashReport | None:
        thread = threading.current_thread().name
        log.critical("an error nobody caught, in %s", thread, exc_info=error)
        report = write_crash_report(
            error, where=f"thread {thread}", folder=self.folder, versions=qt_versions()
        )
        if report.summary in self._seen:
            log.error("the same problem again: %s", report.summary)
            if report.path is not None:
                report.path.unlink(missing_ok=True)
            return None
        self._seen.add(report.summary)
        self.reports.append(report)
        return report

    def _show(self, report: CrashReport, *, fatal: bool) -> None:
        if self._showing or QApplication.instance() is None:
            return
        self._showing = True
        try:
            # A window of its own: the window that was active may be the one going wrong.
            CrashDialog.show_report(report, self.folder, fatal=fatal)
        finally:
            self._showing = False

    def _on_uncaught(
        self, kind: type[BaseException], value: BaseException, tb: TracebackType | None
    ) -> None:
        if issubclass(kind, KeyboardInterrupt | SystemExit):
            self._previous_hook(kind, value, tb)
            return
        if QThread.currentThread() is not self.thread():
            report = self._write((kind, value, tb))
            if report is not None:
                self._thread_crashed.emit(report)
            return
        self.report((kind, value, tb))

    def _on_thread_uncaught(self, args: threading.ExceptHookArgs) -> None:
        if args.exc_value is None or issubclass(args.exc_type, SystemExit):
            return
        report = self._write((args.exc_type, args.exc_value, args.exc_traceback))
        if report is not None:
            self._thread_crashed.emit(report)

    def _on_thread_crashed(self, report: CrashReport) -> None:
        self._show(report, fatal=False)
