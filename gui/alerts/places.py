"""The alerts put into the main window, and each opened where it belongs: a release request in
the releases workspace, a manager in the managers workspace, a refused action where it was
done, a failing sync at the sync status."""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QSystemTrayIcon

from gui import tasks
from gui.alerts.centre import AlertCentre
from gui.alerts.panel import AlertPanel
from gui.alerts.settings_dialog import AlertSettingsDialog
from gui.alerts.words import AlertWords
from gui.icons import app_icon
from models.services.alerts import Alert, AlertKind, kinds_off, switch_off
from models.sync.syncer import SyncReport

if TYPE_CHECKING:
    from gui.main_window import MainWindow

log = logging.getLogger(__name__)

STATUS_MS = 12_000
PANEL_WIDTH = 340


class WindowAlerts(QObject):
    """The window's part of the alerts: its list, its status bar button and message, the
    settings in the View menu, and the places the alerts open."""

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self._window = window
        self._words = AlertWords(self)
        self.centre = AlertCentre(window.profile, app_icon(), self)
        self.panel = AlertPanel(self.centre, window)
        self.panel.hide()
        window.addDockWidget(Qt.DockWidgetArea.RightDockWidgetArea, self.panel)
        window.statusBar().addPermanentWidget(self.panel.button)
        self.settings_action = QAction(self.tr("Alert &settings…"), window)
        self.show_action = self.panel.toggleViewAction()
        self.show_action.setText(self.tr("Show &alerts"))
        self._sized = False
        self.panel.visibilityChanged.connect(self._on_panel_visibility_changed)
        self.centre.announced.connect(self._on_announced)
        self.centre.opened.connect(self.open_place)
        self.settings_action.triggered.connect(self._on_settings_action_triggered)
        window.controller.finished.connect(self._on_sync_finished)
        window.controller.failed.connect(self._on_sync_failed)
        tray = self.centre.tray
        if tray is not None:
            show = QAction(self.tr("Show Zhanggui"), self)
            show.triggered.connect(self._raise_window)
            self.centre.tray_menu.addAction(show)
            self.centre.tray_menu.addAction(self.settings_action)
            tray.activated.connect(self._on_tray_activated)

    def menu_actions(self) -> list[QAction]:
        return [self.show_action, self.settings_action]

    # --- opening places -------------------------------------------------------------------

    def open_place(self, alert: object, from_outside: bool = False) -> None:
        if not isinstance(alert, Alert):
            return
        w = self._window
        if from_outside:
            self._raise_window()
        if alert.kind == "release_request" and alert.target is not None:
            if w.releases is not None:
                w.show_workspace(w.releases)
                w.releases.show_request(alert.target)
        elif alert.kind == "stage_deadline" and alert.target is not None:
            if w.managers is not None:
                w.show_workspace(w.managers)
                w.managers.show_manager(alert.target)
        elif alert.kind == "refused_action":
            self._open_refused(alert)
        else:
            # The sync status is the status bar's line: nothing may cover it now.
            w.statusBar().clearMessage()
            if w.dashboard is not None:
                w.show_workspace(w.dashboard)
            w.sync_status.refresh()

    def _open_refused(self, alert: Alert) -> None:
        w = self._window
        if alert.action == "order_review.set" and alert.target is not None:
            if w.orders is not None:
                w.show_workspace(w.orders)
                w.orders.show_order(alert.target)
        elif alert.action == "release.decide" and alert.target is not None:
            if w.releases is not None:
                w.show_workspace(w.releases)
                w.releases.show_request(alert.target)
        elif alert.action == "product_pick.set":
            w.show_workspace(w.catalogue)
        elif alert.action == "withdrawal.request" and w.earnings is not None:
            w.show_workspace(w.earnings)
        elif alert.action == "poster.printed":
            w.show_workspace(w.posters)

    # --- slots ----------------------------------------------------------------------------

    def _on_announced(self, alerts: list[Alert]) -> None:
        if len(alerts) == 1:
            words = self._words.line(alerts[0])
        else:
            words = self._words.several(len(alerts))
        self._window.statusBar().showMessage(words, STATUS_MS)

    def _on_panel_visibility_changed(self, visible: bool) -> None:
        if visible and not self._sized:
            # The list beside the workspaces, never half the window the first time.
            self._sized = True
            self._window.resizeDocks([self.panel], [PANEL_WIDTH], Qt.Orientation.Horizontal)

    def _on_sync_finished(self, report: object) -> None:
        if isinstance(report, SyncReport):
            self.centre.after_sync(report.changes)

    def _on_sync_failed(self, _error: object) -> None:
        self.centre.after_failure()

    def _on_settings_action_triggered(self) -> None:
        profile = self._window.profile
        tasks.run(lambda: kinds_off(profile), name="alerts.kinds_off", owner=self._window).then(
            self._on_kinds_off_read
        )

    def _on_kinds_off_read(self, off: frozenset[AlertKind]) -> None:
        answer = AlertSettingsDialog.ask(off, self._window)
        if answer is None or answer == off:
            return
        profile = self._window.profile
        tasks.run(lambda: switch_off(profile, answer), name="alerts.switch_off")

    def _on_tray_activated(self, reason: QSystemTrayIcon.ActivationReason) -> None:
        if reason == QSystemTrayIcon.ActivationReason.Trigger:
            self._raise_window()

    def _raise_window(self) -> None:
        w = self._window
        if w.isMinimized():
            w.showNormal()
        w.raise_()
        w.activateWindow()
