"""Work that the owner must wait for, run in a thread behind a busy dialog.

For the few things nothing else may happen during (preparing the demo, putting a backup back):
the window system is still answered, so the app never looks frozen.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QEventLoop, Qt, QTimer
from PySide6.QtWidgets import QProgressDialog, QWidget

T = TypeVar("T")


def behind_progress(text: str, work: Callable[[], T], parent: QWidget | None = None) -> T:
    """Run ``work`` in a thread while a busy dialog keeps the window system answered."""
    outcome: list[T] = []
    failure: list[BaseException] = []

    def run() -> None:
        try:
            outcome.append(work())
        except BaseException as exc:
            failure.append(exc)

    dialog = QProgressDialog(text, "", 0, 0, parent)
    dialog.setObjectName("busy")
    dialog.setCancelButton(None)
    dialog.setWindowModality(Qt.WindowModality.ApplicationModal)
    dialog.setMinimumDuration(0)
    dialog.show()
    worker = threading.Thread(target=run, name="busy", daemon=True)
    worker.start()
    loop = QEventLoop()
    timer = QTimer()
    timer.timeout.connect(lambda: None if worker.is_alive() else loop.quit())
    timer.start(50)
    loop.exec()
    timer.stop()
    dialog.close()
    dialog.deleteLater()
    if failure:
        raise failure[0]
    return outcome[0]
