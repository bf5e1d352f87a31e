"""Zhanggui (掌柜): the shop owner's desktop workbench.

python main.py                 open the app on the signed-in profile
python main.py --demo          start a demo platform on loopback and open the app on it
python main.py platform ...    serve the platform
python main.py login|sync|status|orders|review|export|catalogue ...   work with a profile
python main.py posters ...     QR posters to a PDF or PNG file, without a window
"""

from __future__ import annotations

import argparse
import logging
import sys
from pathlib import Path


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
    subparsers = parser.add_subparsers(dest="subcommand")
    platform = subparsers.add_parser("platform", help="serve the platform", add_help=False)
    platform.add_argument("rest", nargs=argparse.REMAINDER)
    add_commands(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["platform"]:
        logging.basicConfig(level=logging.INFO, format="%(asctime)s %(name)s: %(message)s")
        from server.cli import platform_main

        return platform_main(argv[1:])
    args = build_parser().parse_args(argv)
    logging.basicConfig(
        level=logging.DEBUG if args.verbose else logging.WARNING,
        format="%(asctime)s %(levelname)s %(name)s: %(message)s",
    )
    if args.subcommand == "posters":
        from gui.posters.command import run_posters

        return run_posters(args)
    if args.subcommand:
        from models.commands import run_command

        return run_command(args)
    from gui.app import run_app

    return run_app(args)


if __name__ == "__main__":
    sys.exit(main())
