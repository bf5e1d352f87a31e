"""Starting the desktop app: the application, its language and font, the log and the crash
reports, the profile (or the welcome of a first run), the window.

A window shows at once, before the database, the sync and the workspaces are even imported:
the starting window, which says what the start does until the main window takes its place.
"""

from __future__ import annotations

import argparse
import logging
import platform
import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Final

from PySide6.QtCore import QCoreApplication, QEventLoop, QTimer, qVersion
from PySide6.QtWidgets import QApplication, QMessageBox

from gui import i18n
from gui.crash_report import CrashHandler
from gui.fonts import apply_interface_font
from gui.formatting import fill
from gui.icons import app_icon
from gui.paths import STYLES
from gui.shutdown import closing_on_signals, stop_asked
from gui.starting import StartingWindow
from models.log_file import log_folder, start_log_file, stop_log_file
from models.profile_place import default_profile_folder
from models.version import VERSION

if TYPE_CHECKING:
    from models.profile import Profile
    from models.services.account import SignedIn

log = logging.getLogger(__name__)

APP_NAME: Final = "Zhanggui"
EXIT_OK: Final = 0
EXIT_PROFILE: Final = 1
EXIT_DEMO: Final = 2
EXIT_CRASH: Final = 70
SHUTDOWN_WAIT_SECONDS: Final = 15.0
DEBUG_CRASH_MS: Final = 1_500


def run_app(args: argparse.Namespace) -> int:
    """Open the main window on ``args.profile`` (or the demo's) and run until it closes.

    A profile with no shop yet opens on the welcome: sign in, or try the demo.
    """
    folder = _profile_folder(args)
    started_log = start_log_file(folder, verbose=bool(getattr(args, "verbose", False)))
    app = application()
    i18n.install(app, args.lang)
    log.info(
        "Zhanggui %s%s on %s, Python %s, Qt %s",
        VERSION,
        " (packaged)" if getattr(sys, "frozen", False) else "",
        platform.platform(),
        platform.python_version(),
        qVersion(),
    )
    crash = CrashHandler(log_folder(folder) if started_log else None)
    crash.install()
    starting = StartingWindow()
    starting.show()
    # Painted before the imports below take their second.
    app.processEvents(QEventLoop.ProcessEventsFlag.ExcludeUserInputEvents)
    try:
        with closing_on_signals(app):
            return _start(app, args, folder, starting)
    except Exception:
        # Before the window runs nothing can go on: report, say so, and end.
        kind, value, tb = sys.exc_info()
        assert kind is not None
        assert value is not None
        crash.report((kind, value, tb), fatal=True)
        return EXIT_CRASH
    finally:
        starting.dismiss()
        crash.uninstall()
        if started_log:
            stop_log_file(folder)
        i18n.remove(app)


def application() -> QApplication:
    """The QApplication, named, with the shop's font, style sheet and icon."""
    existing = QApplication.instance()
    app = existing if isinstance(existing, QApplication) else QApplication(sys.argv[:1])
    app.setApplicationName(APP_NAME)
    app.setOrganizationName(APP_NAME)
    app.setDesktopFileName("zhanggui")
    app.setWindowIcon(app_icon())
    apply_interface_font(app)
    _apply_style_sheet(app)
    # Light and dark follow the system; the sheet names palette roles, which Qt resolves when
    # the sheet is set, so it is set again when the system switches.
    app.styleHints().colorSchemeChanged.connect(lambda _scheme: _apply_style_sheet(app))
    return app


def _apply_style_sheet(app: QApplication) -> None:
    style = STYLES / "zhanggui.qss"
    if style.exists():
        app.setStyleSheet(style.read_text(encoding="utf-8"))


def _profile_folder(args: argparse.Namespace) -> Path:
    if args.demo:
        from gui.demo import demo_profile_folder

        return demo_profile_folder()
    folder: Path = args.profile or default_profile_folder()
    return folder.expanduser()


def _start(
    app: QApplication, args: argparse.Namespace, folder: Path, starting: StartingWindow
) -> int:
    workspace: str | None = getattr(args, "workspace", None)
    crash_on_purpose = bool(getattr(args, "debug_crash", False))
    if args.demo:
        return _run_demo(app, workspace, crash_on_purpose, starting)
    from gui.sign_in import SignInDialog
    from gui.welcome import DemoChosen, WelcomeDialog
    from models.services.account import last_shop, signed_in

    starting.say(QCoreApplication.translate("app", "Opening your shop…"))
    profile = open_profile(folder, starting)
    if profile is None:
        return EXIT_PROFILE
    try:
        shop = signed_in(profile)
        known = last_shop(profile) if shop is None else None
        if shop is None:
            starting.hide()
        if shop is None and known is not None:
            # A profile that was signed out asks again, with its platform and shop filled in.
            shop = SignInDialog.ask(
                profile, platform_url=known.platform_url, shop_code=known.shop_code
            )
            if shop is None or stop_asked():
                return EXIT_OK
        if shop is None:
            answer = WelcomeDialog.ask(profile)
            if answer is None or stop_asked():
                return EXIT_OK
            if isinstance(answer, DemoChosen):
                profile.close()
                starting.show()
                return _run_demo(app, workspace, crash_on_purpose, starting)
            shop = answer
        return _run_main_window(
            app, profile, shop, starting, workspace=workspace, crash_on_purpose=crash_on_purpose
        )
    finally:
        _stop_background_work()
        profile.close()


def _run_demo(
    app: QApplication, workspace: str | None, crash_on_purpose: bool, starting: StartingWindow
) -> int:
    from models.services.account import signed_in

    with _demo_platform(starting) as demo_folder:
        if demo_folder is None or starting.closed_by_owner():
            return EXIT_DEMO if demo_folder is None else EXIT_OK
        profile = open_profile(demo_folder, starting)
        if profile is None:
            return EXIT_PROFILE
        try:
            shop = signed_in(profile)
            if shop is None:
                return EXIT_DEMO
            return _run_main_window(
                app, profile, shop, starting, workspace=workspace, crash_on_purpose=crash_on_purpose
            )
        finally:
            _stop_background_work()
            profile.close()


def _stop_background_work() -> None:
    from gui import tasks

    tasks.cancel_all()
    if not tasks.wait_for_all(SHUTDOWN_WAIT_SECONDS):
        log.warning("background work still running at exit: %s", tasks.running())


def open_profile(folder: Path | None, starting: StartingWindow | None = None) -> Profile | None:
    """The profile in ``folder``, or None after telling the owner in words why it cannot open.

    When it has backups, the owner may restore one from there and go on.
    """
    from gui import messages
    from gui.backup_restore import restore_unopened
    from models.backups import list_backups
    from models.errors import ProfileError
    from models.profile import Profile

    try:
        if starting is not None:
            # Opening may bring an older profile up to date: the window stays answered.
            return starting.wait_for(lambda: Profile.open(folder))
        return Profile.open(folder)
    except ProfileError as error:
        if starting is not None:
            starting.hide()
        where = (folder or default_profile_folder()).expanduser()
        log.warning("cannot open the profile: %s", error)
        box = QMessageBox(
            QMessageBox.Icon.Critical,
            QCoreApplication.translate("app", "Cannot open the shop's profile"),
            messages.profile_problem(error, where),
        )
        box.setObjectName("profile_problem")
        box.setDetailedText(str(error))
        restore = None
        if list_backups(where):
            restore = box.addButton(
                QCoreApplication.translate("app", "Restore a backup…"),
                QMessageBox.ButtonRole.ActionRole,
            )
            box.setDefaultButton(box.addButton(QMessageBox.StandardButton.Close))
        box.exec()
        restored = restore is not None and box.clickedButton() is restore
        if restored and restore_unopened(None, where) is not None:
            return open_profile(folder)
        return None


def _run_main_window(
    app: QApplication,
    profile: Profile,
    shop: SignedIn,
    starting: StartingWindow,
    *,
    workspace: str | None = None,
    crash_on_purpose: bool = False,
) -> int:
    from gui.backup_restore import DailyBackup
    from gui.main_window import MainWindow
    from gui.sync_controller import SyncController

    if starting.closed_by_owner():
        return EXIT_OK
    starting.say(QCoreApplication.translate("app", "Opening your shop…"))
    while True:
        controller = SyncController(profile)
        window = MainWindow(profile, shop, controller)
        backups = DailyBackup(profile, window)
        if workspace:
            window.show_workspace_named(workspace)
        starting.hand_over(window)
        window.show()
        log.info("the main window is shown for %s (%s)", shop.user, shop.role)
        controller.start()
        backups.start()
        if crash_on_purpose:
            QTimer.singleShot(DEBUG_CRASH_MS, window, _crash_on_purpose)
        code = app.exec()
        backups.stop()
        controller.stop()
        if window.next_shop is None:
            return code
        # Someone else signed in from the menu: their own window, with their role's pages.
        shop, workspace = window.next_shop, None
        window.deleteLater()


def _crash_on_purpose() -> None:
    raise RuntimeError("an error raised on purpose with --debug-crash, to try the crash report")


@contextmanager
def _demo_platform(starting: StartingWindow) -> Iterator[Path | None]:
    """A demo platform on loopback with a signed-in profile, stopped when the app ends."""
    from gui import messages
    from gui.demo import DemoPlatform

    try:
        demo = starting.wait_for(lambda: DemoPlatform.start(report=starting.report))
    except Exception as error:
        log.exception("the demo platform did not start")
        starting.hide()
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
