"""Confirmations: every question the app asks before a decision goes through here, so that the
default (Enter) and Escape are always the harmless answer."""

from __future__ import annotations

from PySide6.QtWidgets import QMessageBox, QWidget


def confirm(
    parent: QWidget | None,
    title: str,
    text: str,
    action: str,
    *,
    name: str = "confirmation",
    details: str = "",
    destructive: bool = False,
) -> bool:
    """Ask before ``action``: True only when the owner chose it; Cancel is the default."""
    box = QMessageBox(QMessageBox.Icon.Question, title, text, parent=parent)
    box.setObjectName(name)
    if details:
        box.setInformativeText(details)
    role = (
        QMessageBox.ButtonRole.DestructiveRole if destructive else QMessageBox.ButtonRole.AcceptRole
    )
    go = box.addButton(action, role)
    go.setObjectName("confirm_button")
    cancel = box.addButton(QMessageBox.StandardButton.Cancel)
    box.setDefaultButton(cancel)
    box.setEscapeButton(cancel)
    box.exec()
    return box.clickedButton() is go
