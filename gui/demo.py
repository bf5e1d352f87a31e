"""The demo: the platform served in-process on a free loopback port, over a demo database kept
in the user's data folder, with a profile signed in as demo1.

The first start seeds the demo database (a few seconds, behind a progress dialog); later starts
reuse it, so what the owner did in the demo stays.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import platformdirs
from PySide6.QtCore import QCoreApplication

from gui.busy import behind_progress
from models.profile import Profile
from models.services.account import login

log = logging.getLogger(__name__)

DEMO_SHOP: Final = "demo1"
DEMO_PASSWORD: Final = "demo"
DEMO_SHOPS: Final = 2
DEMO_ORDERS: Final = 120_000
DEMO_SEED: Final = 1
PROFILE_FOLDER: Final = "profile"
# The demo's loopback port changes at every start; its posters' codes lead to one fixed address
# (".example" is reserved for examples: nothing answers there), so a printed poster stays the same.
DEMO_PUBLIC_URL: Final = "https://shop.zhanggui.example"


def demo_folder() -> Path:
    return Path(platformdirs.user_data_dir("Zhanggui", appauthor=False)) / "demo"


def demo_profile_folder() -> Path:
    return demo_folder() / PROFILE_FOLDER


@dataclass
class DemoPlatform:
    profile_folder: Path
    url: str
    _stop: Callable[[], None]

    @classmethod
    def start(cls, folder: Path | None = None) -> DemoPlatform:
        from server.db import make_engine
        from server.runner import PlatformThread
        from server.seed import is_empty, is_outdated, seed

        root = folder or demo_folder()
        root.mkdir(parents=True, exist_ok=True)
        db = root / "platform.sqlite3"
        engine = make_engine(str(db))
        if is_outdated(engine):
            # Demo data of an older seed starts over; the profile re-reads the new platform.
            engine.dispose()
            for stale in root.glob("platform.sqlite3*"):
                stale.unlink()
            engine = make_engine(str(db))
        try:
            if is_empty(engine):
                behind_progress(
                    QCoreApplication.translate("demo", "Preparing the demo shop…"),
                    # The demo's today is today in China, its history up to now.
                    lambda: seed(engine, DEMO_SEED, DEMO_SHOPS, DEMO_ORDERS),
                )
        finally:
            engine.dispose()
        # The demo platform lives: a few new orders a minute, payments, stage progress.
        platform = PlatformThread(str(db), simulate=True, public_url=DEMO_PUBLIC_URL)
        port = platform.start()
        url = f"http://127.0.0.1:{port}"
        profile_folder = root / PROFILE_FOLDER
        profile = Profile.open(profile_folder)
        try:
            # The port differs at every start: signing in again keeps the profile pointed at it.
            login(profile, url, DEMO_SHOP, DEMO_PASSWORD)
        finally:
            profile.close()
        log.info("demo platform at %s, profile in %s", url, profile_folder)
        return cls(profile_folder, url, platform.stop)

    def stop(self) -> None:
        self._stop()
