"""Quitting with local actions not yet sent: say how many, and offer to send them first."""

from __future__ import annotations

from enum import Enum

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox, QWidget

from gui.formatting import fill


class QuitChoice(Enum):
    SYNC_THEN_QUIT = "sync_then_quit"
    QUIT = "quit"
    STAY = "stay"


class QuitQuestion(QObject):
    """The words of the question; plural forms are read only from a class's ``tr()``."""

    def text(self, waiting: int) -> str:
        return self.tr(
            "%Ln action(s) you took on this computer have not reached the platform yet.",
            "",
            waiting,
        )

    def details(self) -> str:
        return self.tr(
            "They are kept on this computer and go with the next sync if you quit now. "
            "Sync first to send them before you go."
        )

    def failed(self, problem: str) -> str:
        return fill(self.tr("The sync did not finish: %1"), problem)

    def title(self) -> str:
        return self.tr("Quit Zhanggui?")

    def sync_then_quit(self) -> str:
        return self.tr("Sync, then quit")

    def quit_anyway(self) -> str:
        return self.tr("Quit anyway")


def ask_before_quitting(parent: QWidget | None, waiting: int, problem: str = "") -> QuitChoice:
    """Sync then quit (the default), quit anyway, or stay (Escape). After a sync that failed,
    staying is the default: pressing Enter again should not wait for the same failure."""
    words = QuitQuestion()
    box = QMessageBox(QMessageBox.Icon.Question, words.title(), words.text(waiting), parent=parent)
    box.setObjectName("quit_question")
    box.setInformativeText(
        f"{words.failed(problem)}\n\n{words.details()}" if problem else words.details()
    )
    sync = box.addButton(words.sync_then_quit(), QMessageBox.ButtonRole.AcceptRole)
    sync.setObjectName("sync_then_quit")
    leave = box.addButton(words.quit_anyway(), QMessageBox.ButtonRole.DestructiveRole)
    leave.setObjectName("quit_anyway")
    stay = box.addButton(QMessageBox.StandardButton.Cancel)
    stay.setObjectName("stay")
    box.setDefaultButton(stay if problem else sync)
    box.setEscapeButton(stay)
    box.exec()
    clicked = box.clickedButton()
    if clicked is sync:
        return QuitChoice.SYNC_THEN_QUIT
    if clicked is leave:
        return QuitChoice.QUIT
    return QuitChoice.STAY
