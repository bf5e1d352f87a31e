"""Withdrawals of a shop's balance: first come wins, then the platform pays out or refuses.

The available balance is every statement's total less what was withdrawn or is being withdrawn.
Requests of one shop are taken one at a time: on PostgreSQL a request locks the shop's row until
its transaction ends; on SQLite every writer holds the database's write lock. So two computers
asking at once get exactly what the balance covers, and the later one is refused in words.
"""

from __future__ import annotations

import logging
import random
from typing import Final

from sqlalchemy import Connection, func, select

from models import wire
from server.db.money import Statement, Withdrawal
from server.db.shops import Shop
from server.push.refusal import Refused
from server.rows import Row, load_rows, new_ids, save_rows
from server.settlement.rules import yuan
from server.settlement.statements import terms_of

log = logging.getLogger(__name__)

BELOW_MINIMUM: Final = "below_minimum"
OVER_BALANCE: Final = "over_balance"
REQUEST_TAKEN: Final = "request_taken"
# Withdrawals that take money off the balance: being paid out, or paid.
HOLDING: Final = ("requested", "paid")
PAYOUT_REFUSALS: Final = (
    "银行卡户名与店主实名信息不一致，请核对后重新申请。",
    "收款银行卡已注销，请更换银行卡后重新申请。",
    "账户正在安全核验中，核验通过后可重新申请提现。",
)


def available_cents(conn: Connection, shop_id: int) -> int:
    settled = conn.scalar(
        select(func.coalesce(func.sum(Statement.total_cents), 0)).where(
            Statement.shop_id == shop_id
        )
    )
    held = conn.scalar(
        select(func.coalesce(func.sum(Withdrawal.amount_cents), 0)).where(
            Withdrawal.shop_id == shop_id, Withdrawal.status.in_(HOLDING)
        )
    )
    return int(settled or 0) - int(held or 0)


def lock_shop(conn: Connection, shop_id: int) -> None:
    """Hold the shop's row until the transaction ends (a no-op under SQLite's write lock)."""
    conn.execute(
        select(Shop.id).where(Shop.shop_id == shop_id, Shop.id == shop_id).with_for_update()
    )


def request(
    conn: Connection,
    shop_id: int,
    payload: wire.WithdrawalRequestPayload,
    now: int,
    actor: str = wire.OWNER_USER,
) -> Row:
    """Accept a request the balance covers, or refuse it in words; returns the withdrawal."""
    lock_shop(conn, shop_id)
    taken = load_rows(conn, "withdrawal", shop_id, Withdrawal.request_id == payload.id)
    if taken:
        raise Refused(
            REQUEST_TAKEN, f"Withdrawal request {payload.id} was made already, as another action."
        )
    terms = terms_of(conn, shop_id)
    amount = payload.amount_cents
    if amount < terms.min_withdrawal_cents:
        raise Refused(
            BELOW_MINIMUM,
            f"A withdrawal is at least {yuan(terms.min_withdrawal_cents)}; "
            f"{yuan(amount)} is less than that.",
        )
    available = available_cents(conn, shop_id)
    if amount > available:
        raise Refused(
            OVER_BALANCE,
            f"The available balance is {yuan(available)}; "
            f"a withdrawal of {yuan(amount)} is more than that.",
        )
    (withdrawal_id,) = new_ids(conn, "withdrawal", 1, shop_id)
    withdrawal = {
        "id": withdrawal_id,
        "request_id": payload.id,
        "amount_cents": amount,
        "requested_at": now,
        "status": "requested",
        "decided_at": None,
        "reason": "",
    }
    save_rows(conn, "withdrawal", [withdrawal], shop_id)
    echo = {"id": payload.id, "amount_cents": amount, "requested_at": now, "actor": actor}
    save_rows(conn, "withdrawal_request", [echo], shop_id)
    log.info("shop %d asked to withdraw %d cents of %d", shop_id, amount, available)
    return withdrawal


def decide_waiting(
    conn: Connection,
    shop_id: int,
    now: int,
    *,
    chance: float,
    refuse_share: float,
    rng: random.Random,
) -> list[Row]:
    """Pay out (or now and then refuse) some of the requests waiting; returns those decided."""
    waiting = load_rows(
        conn,
        "withdrawal",
        shop_id,
        Withdrawal.status == "requested",
        Withdrawal.requested_at < now,
    )
    decided: list[Row] = []
    for withdrawal in waiting:
        if rng.random() >= chance:
            continue
        if rng.random() < refuse_share:
            withdrawal.update(status="refused", reason=rng.choice(PAYOUT_REFUSALS))
        else:
            withdrawal.update(status="paid", reason="")
        withdrawal["decided_at"] = now
        decided.append(withdrawal)
    save_rows(conn, "withdrawal", decided, shop_id)
    return decided
