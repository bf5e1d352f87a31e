"""``platform``: create, optionally seed, and serve a platform database."""

from __future__ import annotations

import argparse
import contextlib
import logging
from datetime import date

from models import wire
from server import logs
from server.clock import system_clock
from server.db.engine import database_url, make_engine
from server.db.schema import create_schema, renew_epoch

log = logging.getLogger(__name__)


def _day(text: str) -> date:
    try:
        day = date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a day like 2026-11-24: {text!r}") from error
    # Imported here: the seed's package is large, and a platform that only serves needs none of it.
    from server.seed.calendar import china_day

    today = china_day(system_clock())
    if day > today:
        raise argparse.ArgumentTypeError(f"{text} is later than today in China ({today})")
    return day


def _speed(text: str) -> float:
    try:
        speed = float(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a number: {text!r}") from error
    if not 0 < speed <= 10_000:
        raise argparse.ArgumentTypeError("the speed goes from just above 0 to 10000")
    return speed


def _workers(text: str) -> int:
    try:
        workers = int(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a whole number: {text!r}") from error
    if not 1 <= workers <= 64:
        raise argparse.ArgumentTypeError("from 1 to 64 workers")
    return workers


def _public_url(text: str) -> str:
    try:
        return wire.public_url(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from error


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="platform", description="Run the platform that shop desktops sync with."
    )
    parser.add_argument("--db", required=True, help="a SQLite file path or a database URL")
    parser.add_argument("--port", type=int, default=8765, help="port on 127.0.0.1 (0: any)")
    parser.add_argument("--seed", type=int, help="fill an empty database with demo data")
    parser.add_argument("--shops", type=int, default=3, help="demo shops to create (demo1..)")
    parser.add_argument("--orders", type=int, default=20_000, help="orders per demo shop")
    parser.add_argument("--products", type=int, default=3_000, help="catalogue size")
    parser.add_argument(
        "--anchor", type=_day, help="the demo's today, YYYY-MM-DD (default: today in China)"
    )
    parser.add_argument(
        "--simulate",
        action="store_true",
        help="bring the platform to life: new orders, payments, stage progress, releases",
    )
    parser.add_argument(
        "--speed",
        type=_speed,
        default=1.0,
        help="with --simulate: how many times faster than the wall the platform's time runs",
    )
    parser.add_argument(
        "--migrate",
        action="store_true",
        help="upgrade the database to this platform's schema, then exit without serving",
    )
    parser.add_argument(
        "--workers",
        type=_workers,
        default=1,
        help="worker processes serving requests (PostgreSQL only; SQLite serves with one)",
    )
    parser.add_argument(
        "--log-format",
        choices=["json", "text"],
        default="json",
        help="the log on stderr: one JSON object per line, or text for a person",
    )
    parser.add_argument(
        "--public-url",
        type=_public_url,
        default=None,
        help="the address customers' phones reach the platform at, e.g. https://shop.example.com;"
        " posters' QR codes lead there (default: the address desktops use)",
    )
    parser.add_argument(
        "--new-epoch",
        action="store_true",
        help="start a new epoch, as after restoring a backup: clients take a fresh snapshot",
    )
    parser.add_argument(
        "--purge-deletions",
        action="store_true",
        help="forget every deletion the feed still holds, then exit (computers that had not "
        "seen them take a fresh snapshot)",
    )
    return parser


def platform_main(argv: list[str]) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    logs.configure(args.log_format)
    url = database_url(args.db)
    if args.workers > 1 and url.startswith("sqlite"):
        parser.error("--workers above 1 needs PostgreSQL: a SQLite file is served by one process")
    engine = make_engine(url)
    create_schema(engine)
    if args.migrate:
        engine.dispose()
        log.info("the platform database is at the newest schema")
        return 0
    if args.seed is not None:
        from server.seed import is_empty, seed

        if is_empty(engine):
            summary = seed(
                engine, args.seed, args.shops, args.orders, args.anchor, products=args.products
            )
            log.info("demo shops %s ready, password demo", ", ".join(summary.shop_codes))
        else:
            log.info("the database already has data; not seeding it again")
    if args.new_epoch:
        renew_epoch(engine)
    if args.purge_deletions:
        from server.maintenance import purge_all_tombstones

        dropped, partitions = purge_all_tombstones(engine)
        engine.dispose()
        print(f"forgot {dropped} deletion(s) in {partitions} feed partition(s)")
        return 0
    engine.dispose()

    from server.runner import serve

    # uvicorn turns Ctrl+C into a clean shutdown; a second one may still raise here.
    with contextlib.suppress(KeyboardInterrupt):
        serve(
            url,
            args.port,
            simulate=args.simulate,
            speed=args.speed,
            workers=args.workers,
            log_format=args.log_format,
            public_url=args.public_url or "",
        )
    return 0
