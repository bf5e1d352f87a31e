"""The command line's money: ``earnings`` (the balance, mismatches and every statement) and
``withdraw`` (a request recorded offline, sent with the next sync)."""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any, TextIO

from models.profile import Profile
from models.services.earnings import earnings
from models.services.reconciliation import difference_counts, mismatch_count
from models.services.statements import statement_lines, statements
from models.services.withdrawals import (
    WithdrawalOverBalance,
    WithdrawalTooSmall,
    request_withdrawal,
)


def add_money_commands(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
    profile_arg: Callable[[argparse.ArgumentParser], None],
) -> None:
    p = subparsers.add_parser("earnings", help="the balance, statements and money that differs")
    profile_arg(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(command=_earnings)

    p = subparsers.add_parser("withdraw", help="ask to withdraw money, offline")
    profile_arg(p)
    p.add_argument(
        "--amount-cents", type=int, required=True, help="how much, in cents (¥10.00 is 1000)"
    )
    p.set_defaults(command=_withdraw)


def _open(args: argparse.Namespace) -> Profile:
    from models.profile_place import default_profile_folder

    folder: Path | None = args.profile
    return Profile.open(folder or default_profile_folder())


def _yuan(cents: int) -> str:
    sign = "-" if cents < 0 else ""
    whole, fen = divmod(abs(cents), 100)
    return f"{sign}¥{whole:,}.{fen:02d}"


def _earnings(args: argparse.Namespace) -> int:
    profile = _open(args)
    money = earnings(profile)
    counts = difference_counts(profile)
    balance = money.balance
    head: dict[str, Any] = {
        "pending_cents": balance.pending_cents,
        "available_cents": balance.available_cents,
        "withdrawn_cents": balance.withdrawn_cents,
        "in_withdrawal_cents": balance.in_withdrawal_cents,
        "settled_cents": balance.settled_cents,
        "mismatches": mismatch_count(counts),
        "differences": dict(counts),
        "upcoming": [{"day": u.day, "cents": u.cents, "orders": u.orders} for u in money.upcoming],
    }
    if args.json:
        _print_json(profile, head, sys.stdout)
        return 0
    print(f"pending     {_yuan(balance.pending_cents):>16}")
    print(f"available   {_yuan(balance.available_cents):>16}")
    print(f"withdrawing {_yuan(balance.in_withdrawal_cents):>16}")
    print(f"withdrawn   {_yuan(balance.withdrawn_cents):>16}")
    print(f"orders whose money does not add up: {head['mismatches']}")
    for reason, n in counts.items():
        if n:
            print(f"  {reason:28} {n:>8}")
    return 0


def _print_json(profile: Profile, head: dict[str, Any], out: TextIO) -> None:
    """One JSON object; the statements are written one at a time, so a shop's two years of
    lines never sit in memory at once."""
    text = json.dumps(head, ensure_ascii=False)
    out.write(text[:-1] + ', "statements": [')
    for n, summary in enumerate(statements(profile)):
        item = {
            "id": summary.id,
            "period_start": summary.period_start,
            "period_end": summary.period_end,
            "settled_at": summary.settled_at,
            "total_cents": summary.total_cents,
            "commission_cents": summary.commission_cents,
            "manager_share_cents": summary.manager_share_cents,
            "clawback_cents": summary.clawback_cents,
            "adjustment_cents": summary.adjustment_cents,
            "lines": [
                {
                    "order_no": line.order_no,
                    "kind": line.kind,
                    "amount_cents": line.amount_cents,
                    "store_manager_id": line.store_manager_id,
                    "share_rate_bp": line.share_rate_bp,
                    "note": line.note,
                }
                for line in statement_lines(profile, summary.id)
            ],
        }
        out.write(("," if n else "") + json.dumps(item, ensure_ascii=False))
    out.write("]}\n")


def _withdraw(args: argparse.Namespace) -> int:
    try:
        line = request_withdrawal(_open(args), args.amount_cents)
    except WithdrawalTooSmall as exc:
        print(f"error: a withdrawal is at least {_yuan(exc.minimum_cents)}", file=sys.stderr)
        return 1
    except WithdrawalOverBalance as exc:
        print(
            f"error: {_yuan(exc.amount_cents)} is more than the available balance of "
            f"{_yuan(exc.available_cents)} on this computer (sync to see the newest)",
            file=sys.stderr,
        )
        return 1
    print(f"withdrawal of {_yuan(line.amount_cents)} recorded ({line.key}); waiting to sync")
    return 0
