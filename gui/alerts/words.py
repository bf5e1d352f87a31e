"""An alert in the owner's words: a title and a sentence for the tray, the list, the status bar."""

from __future__ import annotations

from PySide6.QtCore import QObject

from gui.formatting import day_and_time, fill
from models.services.alerts import Alert, AlertKind


class AlertWords(QObject):
    def kind(self, kind: AlertKind) -> str:
        """The kind as the settings list it."""
        return {
            "release_request": self.tr("New release requests"),
            "stage_deadline": self.tr("Stage deadlines within 3 days"),
            "refused_action": self.tr("Actions the platform refused"),
            "sync_failing": self.tr("Sync failing for more than 30 minutes"),
        }[kind]

    def title(self, alert: Alert) -> str:
        return {
            "release_request": self.tr("New release request"),
            "stage_deadline": self.tr("Stage deadline near"),
            "refused_action": self.tr("The platform refused an action"),
            "sync_failing": self.tr("Sync is failing"),
        }[alert.kind]

    def text(self, alert: Alert) -> str:
        if alert.kind == "release_request":
            return fill(
                self.tr("%1 asks to be released from your shop."), alert.name or f"#{alert.target}"
            )
        if alert.kind == "stage_deadline":
            return fill(
                self.tr("%1's current stage ends %2 and is not complete."),
                alert.name,
                day_and_time(alert.at),
            )
        if alert.kind == "refused_action":
            return fill(self.tr("%1: %2"), self.action(alert), alert.reason or self.no_reason())
        return fill(
            self.tr("No sync has worked since %1. Your work is kept on this computer."),
            day_and_time(alert.at),
        )

    def action(self, alert: Alert) -> str:
        return {
            "order_review.set": fill(self.tr("Your review of order #%1"), alert.entity_key),
            "release.decide": fill(
                self.tr("Your decision on release request #%1"), alert.entity_key
            ),
            "product_pick.set": fill(self.tr("Your pick of product #%1"), alert.entity_key),
            "poster.printed": self.tr("A poster print"),
            "withdrawal.request": self.tr("Your withdrawal request"),
        }.get(alert.action, alert.action)

    def no_reason(self) -> str:
        return self.tr("the platform gave no reason")

    def several(self, n: int) -> str:
        return self.tr("%Ln new alert(s)", "", n)

    def line(self, alert: Alert) -> str:
        return fill(self.tr("%1 — %2"), self.title(alert), self.text(alert))
