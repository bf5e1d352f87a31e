"""Open the whole app on a profile, as the owner would, in a process of its own.

    python -m tests.benchmarks.window_run PROFILE

Prints one JSON line: when the main window was shown with the dashboard's figures in it
(epoch seconds), and the peak memory after every workspace was opened (and the order table
scrolled end to end).
"""

from __future__ import annotations

import json
import os
import sys
import time
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from PySide6.QtCore import QCoreApplication, QEventLoop

from gui import tasks
from gui.app import application
from gui.main_window import MainWindow
from gui.sync_controller import SyncController
from models.profile import Profile
from models.services.account import signed_in
from tests.benchmarks.peak import peak_mb


def settle(until: float = 60.0) -> None:
    deadline = time.monotonic() + until
    while tasks.running() and time.monotonic() < deadline:
        QCoreApplication.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)


def main(folder: str) -> None:
    app = application()
    profile = Profile.open(Path(folder))
    shop = signed_in(profile)
    assert shop is not None
    controller = SyncController(profile)
    window = MainWindow(profile, shop, controller)
    window.resize(1366, 768)
    window.show()
    assert window.dashboard is not None
    assert window.orders is not None
    while window.dashboard.is_loading():
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 5)
    ready = time.time()
    for workspace in window.workspaces():
        window.show_workspace(workspace)
        settle()
    window.show_workspace(window.orders)
    settle()
    bar = window.orders.table.verticalScrollBar()
    for step in range(0, 101, 5):
        bar.setValue(bar.maximum() * step // 100)
        app.processEvents(QEventLoop.ProcessEventsFlag.AllEvents, 20)
    settle()
    print(json.dumps({"ready": ready, "peak_mb": peak_mb()}), flush=True)
    window.close()
    settle()
    profile.close()


if __name__ == "__main__":
    main(sys.argv[1])
