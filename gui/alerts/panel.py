"""The alerts as the window shows them: a list beside the workspaces and a button in the status
bar that counts what is unread; Enter or a double click on an alert opens its place."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDockWidget,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QStackedWidget,
    QToolButton,
    QWidget,
)

from gui.alerts.centre import AlertCentre
from gui.alerts.words import AlertWords
from gui.formatting import fill
from models.services.alerts import Alert

ALERT_ROLE = Qt.ItemDataRole.UserRole + 1


class AlertPanel(QDockWidget):
    def __init__(self, centre: AlertCentre, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("alerts_panel")
        self.setWindowTitle(self.tr("Alerts"))
        self._centre = centre
        self._words = AlertWords(self)
        self._unread = 0
        self.list = QListWidget()
        self.list.setWordWrap(True)
        self.list.setAlternatingRowColors(True)
        self.empty = QLabel(
            self.tr(
                "No alerts. New release requests, deadlines near, refused "
                "actions and a failing sync show here."
            )
        )
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.pages = QStackedWidget()
        self.pages.addWidget(self.empty)
        self.pages.addWidget(self.list)
        self.setWidget(self.pages)
        self.button = QToolButton()
        self.button.setObjectName("alerts_button")
        self.button.setAutoRaise(True)
        self.button.setCheckable(True)
        self.button.setToolTip(self.tr("Show or hide the alerts"))
        self._update_button()
        self.button.toggled.connect(self.setVisible)
        self.visibilityChanged.connect(self._on_visibility_changed)
        self.list.itemActivated.connect(self._on_item_activated)
        centre.announced.connect(self.add)

    def add(self, alerts: list[Alert]) -> None:
        for alert in alerts:
            item = QListWidgetItem(self._words.line(alert))
            item.setData(ALERT_ROLE, alert)
            item.setToolTip(self._words.text(alert))
            # The newest on top; the row the owner is on stays hers.
            current = self.list.currentRow()
            self.list.insertItem(0, item)
            if current >= 0:
                self.list.setCurrentRow(current + 1)
        self.pages.setCurrentWidget(self.list)
        if not self.isVisible():
            self._unread += len(alerts)
        self._update_button()

    def alerts(self) -> list[Alert]:
        return [self.list.item(row).data(ALERT_ROLE) for row in range(self.list.count())]

    def open_row(self, row: int) -> None:
        item = self.list.item(row)
        if item is not None:
            self._on_item_activated(item)

    def _on_item_activated(self, item: QListWidgetItem) -> None:
        alert = item.data(ALERT_ROLE)
        if isinstance(alert, Alert):
            self._centre.open(alert)

    def _on_visibility_changed(self, visible: bool) -> None:
        if visible:
            self._unread = 0
        self.button.blockSignals(True)
        self.button.setChecked(visible)
        self.button.blockSignals(False)
        self._update_button()

    def _update_button(self) -> None:
        if self._unread:
            self.button.setText(fill(self.tr("Alerts (%1)"), self._unread))
        else:
            self.button.setText(self.tr("Alerts"))
