"""The command line other tools script: login, sync, status, orders, review, export, catalogue,
posters, earnings and withdraw.

Each command prints what it did in words (or JSON with --json) and exits non-zero with a message
when it could not do it.
"""

from __future__ import annotations

import argparse
import dataclasses
import datetime as dt
import json
import math
import sys
import time
from collections.abc import Callable
from pathlib import Path

from models import moments, wire
from models.errors import (
    LoginRefused,
    NotAllowed,
    PlatformAddressInvalid,
    PlatformSilent,
    PlatformUnreachable,
    SignInEnded,
    SignInThrottled,
    UpgradeRequired,
    ZhangguiError,
)
from models.export import command_filter, export_orders
from models.money_commands import add_money_commands
from models.profile import Profile
from models.profile_place import default_profile_folder
from models.services.account import SignedIn, login, logout, signup
from models.services.bulk_review import review_orders
from models.services.catalogue import (
    MAX_PAGE,
    CatalogueFilter,
    ProductCard,
    ProductSort,
    fetch_products,
)
from models.services.catalogue import Sort as ProductOrder
from models.services.order_table import Sort, SortColumn
from models.services.orders import newest_orders
from models.services.posters import POSTER_LANGUAGES, SHOP_LANGUAGE
from models.services.status import sync_status
from models.sync.syncer import SyncReport, sync

EXIT_FAILED = 1
_NOT_ALLOWED = {
    "assistant": "an assistant reviews orders, picks products and prints posters; "
    "release decisions, earnings and people are the owner's",
    "manager": "a store manager sees her own sub-store and prints its posters",
}
EXIT_REJECTED = 3


def add_commands(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    def profile_arg(p: argparse.ArgumentParser) -> None:
        p.add_argument("--profile", type=Path, default=None, help="profile folder")

    p = subparsers.add_parser("login", help="sign a profile in to its shop")
    profile_arg(p)
    p.add_argument("--platform", required=True, help="platform URL, e.g. http://127.0.0.1:8765")
    p.add_argument("--shop", required=True, help="shop code")
    p.add_argument("--user", default="", help="a person of the shop (default: the owner)")
    p.add_argument("--password", required=True)
    p.set_defaults(command=_login)

    p = subparsers.add_parser(
        "signup", help="a new person's first sign-in, with the owner's one-time code"
    )
    profile_arg(p)
    p.add_argument("--platform", required=True, help="platform URL, e.g. http://127.0.0.1:8765")
    p.add_argument("--shop", required=True, help="shop code")
    p.add_argument("--user", required=True, help="the user name the owner gave you")
    p.add_argument("--code", required=True, help="the one-time sign-up code")
    p.add_argument("--password", required=True, help="the password you choose")
    p.set_defaults(command=_signup)
    p = subparsers.add_parser("logout", help="sign this computer (or every one) out of the shop")
    profile_arg(p)
    p.add_argument("--everywhere", action="store_true", help="sign out every computer of the shop")
    p.set_defaults(command=_logout)

    p = subparsers.add_parser("sync", help="push local actions and pull the platform's changes")
    profile_arg(p)
    p.set_defaults(command=_sync)

    p = subparsers.add_parser("status", help="where the profile's sync stands")
    profile_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(command=_status)

    p = subparsers.add_parser("orders", help="the newest orders")
    profile_arg(p)
    p.add_argument("--limit", type=int, default=20)
    p.add_argument("--json", action="store_true")
    p.set_defaults(command=_orders)

    p = subparsers.add_parser("review", help="review orders offline, one or many at once")
    profile_arg(p)
    p.add_argument("order_no", nargs="+", metavar="ORDER_NO", help="one or more order numbers")
    p.add_argument("--reviewed", action="store_true", default=None)
    p.add_argument("--flag", choices=["none", "problem", "follow-up"])
    p.add_argument("--note")
    p.set_defaults(command=_review)

    p = subparsers.add_parser("catalogue", help="the products of the catalogue on this computer")
    profile_arg(p)
    p.add_argument("--search", default="", help="words of the title, category or brand")
    p.add_argument("--picked", action="store_true", help="only the products picked for the shop")
    p.add_argument("--json", action="store_true")
    p.set_defaults(command=_catalogue)

    p = subparsers.add_parser(
        "export", help="the orders as the order table shows them, to an Excel or CSV file"
    )
    profile_arg(p)
    p.add_argument("--out", type=Path, required=True, help="FILE.xlsx or FILE.csv")
    p.add_argument("--status", choices=wire.ORDER_STATUSES, help="only orders in this state")
    p.add_argument("--search", default="", help="words of the order number, customer or items")
    p.add_argument("--since", type=_day, help="placed on this day or later (YYYY-MM-DD)")
    p.add_argument("--until", type=_day, help="placed on this day or earlier (YYYY-MM-DD)")
    p.set_defaults(command=_export)

    add_money_commands(subparsers, profile_arg)

    # Drawing needs Qt, which this module never imports: main.py hands the command to the GUI.
    p = subparsers.add_parser("posters", help="QR posters as a PDF or PNG file, without a window")
    profile_arg(p)
    subject = p.add_mutually_exclusive_group(required=True)
    subject.add_argument("--shop", action="store_true", help="a poster of the shop")
    subject.add_argument("--product", type=int, nargs="+", metavar="ID", help="product posters")
    subject.add_argument("--sale-event", type=int, metavar="ID", help="a sale event's poster")
    subject.add_argument("--manager", type=int, metavar="ID", help="a store manager's poster")
    p.add_argument("--layout", choices=["a4", "a5", "share", "labels"], default="a4")
    p.add_argument("--out", type=Path, required=True, help="FILE.pdf or FILE.png")
    p.add_argument(
        "--commission", action="store_true", help="print the commission (never for customers)"
    )
    p.add_argument(
        "--language",
        choices=POSTER_LANGUAGES,
        default=SHOP_LANGUAGE,
        help="the language printed on the posters (default: the shop's, zh_CN)",
    )
    p.set_defaults(command=None)


def _day(text: str) -> dt.date:
    try:
        return dt.date.fromisoformat(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(f"not a day like 2026-11-24: {text!r}") from error


def run_command(args: argparse.Namespace) -> int:
    command: Callable[[argparse.Namespace], int] = args.command
    try:
        return command(args)
    except UpgradeRequired as exc:
        return _fail(f"the platform needs a newer Zhanggui: {exc.message}")
    except SignInEnded as exc:
        why = "it was not used for 30 days" if exc.expired else "it was signed out"
        return _fail(f"this computer's sign-in ended ({why}); sign in again with: login")
    except SignInThrottled as exc:
        return _fail(
            "too many failed sign-ins for this shop from this computer; "
            f"try again after {_local_time(int(exc.retry_at) + 59)} "
            f"(in {_minutes(exc.retry_at)})"
        )
    except LoginRefused as exc:
        return _fail(f"sign-in refused: {exc.message}")
    except PlatformSilent:
        return _fail("the platform does not answer; try again later")
    except PlatformUnreachable as exc:
        return _fail(f"cannot reach the platform: {exc.message}")
    except NotAllowed as exc:
        return _fail(f"not allowed: {_NOT_ALLOWED.get(exc.role, str(exc))}")
    except PlatformAddressInvalid as exc:
        return _fail(f"{exc.address!r} is not a platform address ({exc.reason})")
    except ZhangguiError as exc:
        return _fail(str(exc))


def _fail(message: str) -> int:
    print(f"error: {message}", file=sys.stderr)
    return EXIT_FAILED


def _open(args: argparse.Namespace) -> Profile:
    return Profile.open(args.profile or default_profile_folder())


def _login(args: argparse.Namespace) -> int:
    profile = _open(args)
    _signed_in(login(profile, args.platform, args.shop, args.password, args.user))
    return 0


def _signup(args: argparse.Namespace) -> int:
    profile = _open(args)
    _signed_in(
        signup(profile, args.platform, args.shop, args.user, code=args.code, password=args.password)
    )
    return 0


def _signed_in(who: SignedIn) -> None:
    print(
        f"signed in to {who.shop_name} ({who.shop_code}) at {who.platform_url} "
        f"as {who.user} ({who.role})"
    )
    if who.set_aside:
        print(f"{who.set_aside} action(s) of the person signed in before were kept aside")
    if who.taken_back:
        print(f"{who.taken_back} action(s) of yours kept aside earlier will be sent")


def _minutes(until: float) -> str:
    minutes = max(1, math.ceil((until - time.time()) / 60))
    return f"{minutes} minute{'s' if minutes != 1 else ''}"


def _logout(args: argparse.Namespace) -> int:
    done = logout(_open(args), everywhere=args.everywhere)
    where = "this computer"
    if done.everywhere:
        where = "every computer of the shop" if done.role == "owner" else "every computer of yours"
    print(f"signed {where} out of {done.shop_code}; the shop's data stays on this computer")
    if not done.platform_told:
        print(
            "warning: the platform could not be told; the old sign-in ends by itself after "
            "30 days without use",
            file=sys.stderr,
        )
    return 0


def _sync(args: argparse.Namespace) -> int:
    report = sync(_open(args))
    print(_describe(report))
    if report.rejected:
        for r in report.rejected:
            print(f"refused by the platform: {r.kind} {r.entity_key}: {r.reason}", file=sys.stderr)
        return EXIT_REJECTED
    return 0


def _describe(report: SyncReport) -> str:
    pulled = report.pulled.total
    parts = [f"pulled {pulled} change{'s' if pulled != 1 else ''} in {report.pages} page(s)"]
    if pulled:
        detail = ", ".join(f"{n} {e}" for e, n in sorted(report.pulled.upserted.items()))
        parts.append(f"({detail})")
    parts.append(f"pushed {report.applied} action(s)")
    if report.duplicates:
        parts.append(f"{report.duplicates} already known to the platform")
    if report.rejected:
        parts.append(f"{len(report.rejected)} refused")
    if report.resets:
        parts.append("re-snapshot after the platform lost our place")
    return "; ".join(parts)


def _status(args: argparse.Namespace) -> int:
    status = sync_status(_open(args))
    data = dataclasses.asdict(status)
    if args.json:
        print(json.dumps(data, ensure_ascii=False))
        return 0
    if status.shop is None:
        print("not signed in")
        return 0
    last = _local_time(status.last_sync) if status.last_sync else "never"
    print(f"shop {status.shop_name} ({status.shop}), last sync {last}")
    print(f"signed in as {status.user} ({status.role})")
    print(f"waiting to sync: {status.outbox_pending}; refused: {status.outbox_rejected}")
    if status.last_error:
        print(f"last error: {status.last_error}")
    for name, n in status.counts.items():
        print(f"  {name:20} {n:>10}")
    return 0


def _orders(args: argparse.Namespace) -> int:
    lines = newest_orders(_open(args), max(1, min(args.limit, 10_000)))
    if args.json:
        rows = [
            {k: v for k, v in dataclasses.asdict(line).items() if k != "sort_key"} for line in lines
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for line in lines:
        mark = "✓" if line.reviewed else " "
        print(
            f"{line.order_no}  {_local_time(line.placed_at)}  {line.status:15} "
            f"¥{line.amount_cents / 100:>10.2f}  {mark} {line.flag}"
        )
    return 0


def _review(args: argparse.Namespace) -> int:
    flag = args.flag.replace("-", "_") if args.flag else None
    states = review_orders(
        _open(args), args.order_no, reviewed=args.reviewed, flag=flag, note=args.note
    )
    for state in states:
        print(
            f"order {state.order_no}: reviewed={state.reviewed} flag={state.flag}; waiting to sync"
        )
    return 0


def _export(args: argparse.Namespace) -> int:
    out: Path = args.out.expanduser()
    if out.suffix.lower() not in (".xlsx", ".csv"):
        return _fail(f"{args.out} must end in .xlsx or .csv")
    if args.since is not None and args.until is not None and args.since > args.until:
        return _fail(f"--since {args.since} is after --until {args.until}")
    wanted = command_filter(
        status=args.status, search=args.search, since=args.since, until=args.until
    )
    # The order table's own order: newest first.
    rows = export_orders(_open(args), out, f=wanted, sort=Sort(SortColumn.PLACED_AT, True))
    print(f"wrote {rows} order{'s' if rows != 1 else ''} to {out}")
    return 0


def _catalogue(args: argparse.Namespace) -> int:
    profile = _open(args)
    wanted = CatalogueFilter(text=args.search, picked_only=args.picked)
    by_title = ProductOrder(ProductSort.TITLE, descending=False)
    cards: list[ProductCard] = []
    while True:
        page = fetch_products(profile, wanted, by_title, limit=MAX_PAGE, offset=len(cards))
        cards.extend(page)
        if len(page) < MAX_PAGE:
            break
    if args.json:
        rows = [
            {
                "id": card.id,
                "title": card.title,
                "category": card.category,
                "brand": card.brand_name,
                "price_cents": card.retail_price_cents,
                "commission_cents": card.commission_cents,
                "stock": card.stock,
                "picked": card.picked,
            }
            for card in cards
        ]
        print(json.dumps(rows, ensure_ascii=False))
        return 0
    for card in cards:
        print(f"{card.id:>8}  ¥{card.retail_price_cents / 100:>9.2f}  {card.title}")
    return 0


def _local_time(seconds: int) -> str:
    return moments.stamp(seconds)
