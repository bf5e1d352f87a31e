"""The alerts' centre: asks the models what is new after each sync, tells it (tray, desktop
notification, the window's list and status bar), and says which alert the owner clicked.

Driven by the sync: a sync's changes say which kinds may have news (a release request pulled,
an answer to an action), a failed sync may have failed for long, and the deadlines are looked
at after every sync since time alone brings them near. Nothing polls on a timer.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QIcon
from PySide6.QtWidgets import QMenu, QSystemTrayIcon

from gui import tasks
from gui.alerts.words import AlertWords
from models.changes import Changes
from models.profile import Profile
from models.services.alerts import ALERT_KINDS, Alert, AlertKind, announce

log = logging.getLogger(__name__)

MESSAGE_MS = 10_000


class AlertCentre(QObject):
    announced = Signal(list)  # the alerts told this time, oldest first
    # The Alert the owner clicked, and whether outside the window (the window comes forward).
    opened = Signal(object, bool)

    def __init__(self, profile: Profile, icon: QIcon, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._words = AlertWords(self)
        self.clock: Callable[[], int] = lambda: int(time.time())
        self.told: list[Alert] = []
        self._last: Alert | None = None
        self._busy = False
        self._queued: set[AlertKind] = set()
        self.tray: QSystemTrayIcon | None = None
        if QSystemTrayIcon.isSystemTrayAvailable():
            self.tray = QSystemTrayIcon(icon, self)
            self.tray.setToolTip("Zhanggui")
            self.tray.messageClicked.connect(self._on_tray_message_clicked)
            self.tray_menu = QMenu()
            self.tray.setContextMenu(self.tray_menu)
            self.tray.show()

    # --- what the window tells it ---------------------------------------------------------

    def look(self, kinds: set[AlertKind]) -> None:
        """Ask what is new of ``kinds``, in the background; one question at a time."""
        self._queued |= kinds
        if self._busy or not self._queued:
            return
        look_at, self._queued = self._queued, set()
        profile, now = self._profile, self.clock()
        self._busy = True
        tasks.run(lambda: announce(profile, now, look_at=look_at), name="alerts.announce").then(
            self._on_announced, self._on_failed
        )

    def look_at_everything(self) -> None:
        self.look(set(ALERT_KINDS))

    def after_sync(self, changes: Changes) -> None:
        kinds: set[AlertKind] = {"stage_deadline"}
        if changes.touches({"release_request"}):
            kinds.add("release_request")
        if changes.touches({"outbox"}):
            kinds.add("refused_action")
        self.look(kinds)

    def after_failure(self) -> None:
        self.look({"sync_failing"})

    def open(self, alert: Alert, *, from_outside: bool = False) -> None:
        self.opened.emit(alert, from_outside)

    def is_busy(self) -> bool:
        return self._busy

    # --- answers --------------------------------------------------------------------------

    def _on_announced(self, alerts: list[Alert]) -> None:
        self._busy = False
        if alerts:
            self.told += alerts
            self._last = alerts[-1]
            self._notify(alerts)
            self.announced.emit(alerts)
        self.look(set())

    def _on_failed(self, error: Exception) -> None:
        self._busy = False
        log.warning("alerts could not be read: %s", error)
        self.look(set())

    def _notify(self, alerts: list[Alert]) -> None:
        if self.tray is None or not self.tray.supportsMessages():
            return
        if len(alerts) == 1:
            alert = alerts[0]
            self.tray.showMessage(
                self._words.title(alert),
                self._words.text(alert),
                QSystemTrayIcon.MessageIcon.Information,
                MESSAGE_MS,
            )
        else:
            self.tray.showMessage(
                self._words.several(len(alerts)),
                "\n".join(self._words.line(a) for a in alerts[-3:]),
                QSystemTrayIcon.MessageIcon.Information,
                MESSAGE_MS,
            )

    def _on_tray_message_clicked(self) -> None:
        if self._last is not None:
            self.open(self._last, from_outside=True)
