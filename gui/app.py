"""Starting the desktop app: the application, its language and font, the profile, the window."""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Final

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import i18n, messages, tasks
from gui.formatting import fill
from gui.icons import app_icon
from gui.main_window import MainWindow
from gui.paths import STYLES
from gui.sign_in import SignInDialog
from gui.sync_controller import SyncController
from models.errors import ProfileError
from models.profile import Profile, default_profile_folder
from models.services.account import last_shop, signed_in

log = logging.getLogger(__name__)

APP_NAME: Final = "Zhanggui"
# Simplified Chinese first: left to itself, fontconfig may draw Han characters in a Japanese face.
CHINESE_FONTS: Final = (
    "Noto Sans CJK SC",
    "Microsoft YaHei",
    "PingFang SC",
    "Source Han Sans SC",
    "WenQuanYi Micro Hei",
)
EXIT_OK: Final = 0
EXIT_PROFILE: Final = 1
EXIT_DEMO: Final = 2
SHUTDOWN_WAIT_SECONDS: Final = 15.0


def run_app(args: argparse.Namespace) -> int:
    """Open the main window on ``args.profile`` (or the demo's) and run until it closes."""
    app = application()
    i18n.install(app, args.lang)
    try:
        with _demo_platform(bool(args.demo)) as demo_folder:
            if args.demo and demo_folder is None:
                return EXIT_DEMO
            folder: Path | None = demo_folder or args.profile
            profile = open_profile(folder)
            if profile is None:
                return EXIT_PROFILE
            try:
                return _run_main_window(app, profile, getattr(args, "workspace", None))
            finally:
                tasks.cancel_all()
                if not tasks.wait_for_all(SHUTDOWN_WAIT_SECONDS):
                    log.warning("background work still running at exit: %s", tasks.running())
                profile.close()
    finally:
        i18n.remove(app)


def application() -> QApplication:
    """The QApplication, named, with the shop's font, style sheet and icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("zhanggui")
    app.setWindowIcon(app_icon())
    font = app.font()
    font.setFamilies([*CHINESE_FONTS, font.family()])
    app.setFont(font)
    _apply_style_sheet(app)
    # Light and dark follow the system; the sheet names palette roles, which Qt resolves when
    # the sheet is set, so it is set again when the system switches.
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply_style_sheet(app))
    return app


def _apply_style_sheet(app: QApplication) -> None:
    style = STYLES / "zhanggui.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def open_profile(folder: Path | None) -> Profile | None:
    """The profile in ``folder``, or None after telling the owner in words why it cannot open."""
    try:
        return Profile.open(folder)
    except ProfileError as error:
        where = (folder or default_profile_folder()).expanduser()
        log.warning("cannot open the profile in %s: %s", where, error)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("app", "Cannot open the shop's profile"),
            messages.profile_problem(error, where),
        )
        box.setObjectName("profile_problem")
        box.setDetailedText(str(error))
        box.exec()
        return None


def _run_main_window(app: QApplication, profile: Profile, workspace: str | None = None) -> int:
    # A profile that was signed out asks again, with its platform and shop already filled in.
    known = last_shop(profile)
    shop = signed_in(profile) or SignInDialog.ask(
        profile,
        platform_url=known.platform_url if known else "",
        shop_code=known.shop_code if known else "",
    )
    if shop is None:
        return EXIT_OK
    controller = SyncController(profile)
    window = MainWindow(profile, shop, controller)
    if workspace:
        window.show_workspace_named(workspace)
    window.show()
    controller.start()
    code = app.exec()
    controller.stop()
    return code


@contextmanager
def _demo_platform(wanted: bool) -> Iterator[Path | None]:
    """A demo platform on loopback with a signed-in profile, stopped when the app ends."""
    if not wanted:
        yield None
        return
    from gui.demo import DemoPlatform

    try:
        demo = DemoPlatform.start()
    except Exception as error:
        log.exception("the demo platform did not start")
        QMessageBox.critical(
            None,
            QCoreApplication.translate("app", "Cannot start the demo"),
            fill(
                QCoreApplication.translate("app", "The demo platform did not start: %1"),
                messages.describe(error),
            ),
        )
        yield None
        return
    try:
        yield demo.profile_folder
    finally:
        demo.stop()
