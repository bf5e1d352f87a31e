"""Zhanggui (掌柜): the shop owner's desktop workbench.

zhanggui                       open the app on the signed-in profile (a welcome on the first run)
zhanggui --demo                start a demo platform on loopback and open the app on it
zhanggui platform ...          serve the platform
zhanggui login|logout|sync|status|orders|review|export|catalogue ...   work with a profile
zhanggui posters ...           QR posters to a PDF or PNG file, without a window

The commands that work with a profile need neither Qt nor the platform's web server: an
installation without them (``pip install .``) runs them, and says what to install for the rest.
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path
from typing import Final

EXIT_MISSING: Final = 1
# What the desktop app and the platform bring beyond the base installation.
DESKTOP_MODULES: Final = frozenset({"PySide6", "shiboken6", "pyqtgraph", "numpy"})
PLATFORM_MODULES: Final = frozenset({"fastapi", "starlette", "uvicorn", "PIL", "psycopg"})
STDERR_FORMAT: Final = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def build_parser() -> argparse.ArgumentParser:
    from models.commands import add_commands

    parser = argparse.ArgumentParser(prog="zhanggui", description="掌柜 Zhanggui")
    parser.add_argument("--demo", action="store_true", help="open the app on a demo platform")
    parser.add_argument("--profile", type=Path, default=None, help="profile folder")
    parser.add_argument("--lang", default=None, help="interface language, e.g. zh_CN or en")
    parser.add_argument(
        "--workspace", default=None, help="open on a workspace: dashboard, orders, catalogue, …"
    )
    parser.add_argument("-v", "--verbose", action="store_true", help="log more")
    # Support and the packaged app's tests: raise an error in the running window on purpose.
    parser.add_argument("--debug-crash", action="store_true", help=argparse.SUPPRESS)
    subparsers = parser.add_subparsers(dest="subcommand")
    platform = subparsers.add_parser("platform", help="serve the platform", add_help=False)
    platform.add_argument("rest", nargs=argparse.REMAINDER)
    add_commands(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["platform"]:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
        try:
            from server.cli import platform_main
        except ModuleNotFoundError as error:
            return _missing(error, PLATFORM_MODULES, "platform", "serve the platform")
        return platform_main(argv[1:])
    args = build_parser().parse_args(argv)
    _log_to_stderr(args.verbose)
    if args.subcommand:
        from models.log_file import start_log_file
        from models.profile import default_profile_folder

        start_log_file(args.profile or default_profile_folder(), verbose=args.verbose)
    if args.subcommand == "posters":
        try:
            from gui.posters.command import run_posters
        except ModuleNotFoundError as error:
            return _missing(error, DESKTOP_MODULES, "desktop", "draw posters")
        return run_posters(args)
    if args.subcommand:
        from models.commands import run_command

        return run_command(args)
    try:
        from gui.app import run_app
    except ModuleNotFoundError as error:
        return _missing(error, DESKTOP_MODULES, "desktop", "open the app")
    return run_app(args)


def _log_to_stderr(verbose: bool) -> None:
    from models.log_privacy import PersonalDataFilter

    level = logging.DEBUG if verbose else logging.WARNING
    logging.basicConfig(level=level, format=STDERR_FORMAT)
    for handler in logging.getLogger().handlers:
        handler.setLevel(level)
        handler.addFilter(PersonalDataFilter())


def _missing(error: ModuleNotFoundError, modules: frozenset[str], extra: str, what: str) -> int:
    """Say which part of Zhanggui is not installed; an error of our own is raised as it is."""
    top = (error.name or "").split(".")[0]
    if top not in modules:
        raise error
    print(
        f"error: to {what}, Zhanggui needs {top}, which this installation does not have.\n"
        f'Install it with: pip install "zhanggui[{extra}]"',
        file=sys.stderr,
    )
    return EXIT_MISSING


if __name__ == "__main__":
    import multiprocessing

    # A spawned helper process of the packaged app runs this executable again, as a helper.
    multiprocessing.freeze_support()
    sys.exit(main())
