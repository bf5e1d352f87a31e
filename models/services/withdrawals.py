"""Withdrawals: the owner asks on this computer (offline too), the platform answers.

A request is recorded with its outbox entry in one transaction and goes with the next sync.
Its state, as the owner reads it: ``waiting`` to be sent, ``applied`` (the platform took it
and is paying it out), ``paid``, or ``refused`` with the platform's reason, whether it refused
the request at once (over the balance, under the minimum) or the payout later.
"""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from typing import Final, Literal

import orjson
from sqlalchemy import select

from models import wire
from models.db import OutboxEntry, Withdrawal, WithdrawalRequest
from models.errors import InvalidInput
from models.profile import Profile
from models.services.earnings import balance_parts, shop_terms
from models.sync.outbox import record_action

KIND: Final = "withdrawal.request"
WithdrawalState = Literal["waiting", "applied", "paid", "refused"]


class WithdrawalTooSmall(InvalidInput):
    def __init__(self, amount_cents: int, minimum_cents: int) -> None:
        super().__init__("withdrawal", "out_of_range", value=amount_cents, low=minimum_cents)
        self.amount_cents = amount_cents
        self.minimum_cents = minimum_cents


class WithdrawalOverBalance(InvalidInput):
    def __init__(self, amount_cents: int, available_cents: int) -> None:
        super().__init__("withdrawal", "out_of_range", value=amount_cents, limit=available_cents)
        self.amount_cents = amount_cents
        self.available_cents = available_cents


@dataclass(frozen=True)
class WithdrawalLine:
    key: str  # the request's id, or "w<id>" for one asked for elsewhere (the phone app)
    amount_cents: int
    requested_at: int
    state: WithdrawalState
    decided_at: int | None = None
    reason: str = ""
    # Why the platform refused a request at once: below_minimum, over_balance, …
    refusal_code: str = ""
    from_a_computer: bool = True


def request_withdrawal(
    profile: Profile, amount_cents: int, now: int | None = None
) -> WithdrawalLine:
    """Record a request for ``amount_cents``; refused here already when this computer's view
    of the balance cannot cover it (the platform checks again, and has the last word)."""
    stamp = int(time.time()) if now is None else now
    if not 0 < amount_cents <= wire.MAX_WITHDRAWAL_CENTS:
        raise InvalidInput("withdrawal", "out_of_range", value=amount_cents)
    with profile.write() as s:
        terms = shop_terms(s)
        if amount_cents < terms.min_withdrawal_cents:
            raise WithdrawalTooSmall(amount_cents, terms.min_withdrawal_cents)
        settled, withdrawn, in_withdrawal = balance_parts(s)
        available = settled - withdrawn - in_withdrawal
        if amount_cents > available:
            raise WithdrawalOverBalance(amount_cents, available)
        payload = wire.WithdrawalRequestPayload(id=str(uuid.uuid4()), amount_cents=amount_cents)
        row = {"id": payload.id, "amount_cents": amount_cents, "requested_at": stamp}
        record_action(s.connection(), KIND, payload, row, stamp, mutation_id=payload.id)
    return WithdrawalLine(payload.id, amount_cents, stamp, "waiting")


def withdrawal_lines(profile: Profile) -> list[WithdrawalLine]:
    """Every withdrawal and request of the shop, the newest first."""
    with profile.read() as s:
        platform = s.scalars(select(Withdrawal)).all()
        requests = s.scalars(select(WithdrawalRequest)).all()
        entries = s.execute(
            select(
                OutboxEntry.entity_key,
                OutboxEntry.status,
                OutboxEntry.payload,
                OutboxEntry.created_at,
                OutboxEntry.answered_at,
                OutboxEntry.reject_code,
                OutboxEntry.reject_reason,
            )
            .where(OutboxEntry.kind == KIND)
            .order_by(OutboxEntry.position)
        ).all()
    answered = {w.request_id: w for w in platform if w.request_id is not None}
    lines = [_platform_line(w) for w in platform]
    sent = {e.entity_key: e for e in entries}
    for request in requests:
        if request.id in answered:
            continue
        entry = sent.get(request.id)
        # A request echoed from another computer was taken by the platform already.
        waiting = entry is not None and entry.status == "pending"
        state: WithdrawalState = "waiting" if waiting else "applied"
        lines.append(WithdrawalLine(request.id, request.amount_cents, request.requested_at, state))
    for entry in entries:
        if entry.status != "rejected" or entry.entity_key in answered:
            continue
        amount = int(orjson.loads(entry.payload).get("amount_cents", 0))
        lines.append(
            WithdrawalLine(
                entry.entity_key,
                amount,
                entry.created_at,
                "refused",
                decided_at=entry.answered_at,
                reason=entry.reject_reason,
                refusal_code=entry.reject_code,
            )
        )
    return sorted(lines, key=lambda line: (line.requested_at, line.key), reverse=True)


def _platform_line(w: Withdrawal) -> WithdrawalLine:
    state: WithdrawalState = (
        "paid" if w.status == "paid" else "refused" if w.status == "refused" else "applied"
    )
    return WithdrawalLine(
        key=w.request_id or f"w{w.id}",
        amount_cents=w.amount_cents,
        requested_at=w.requested_at,
        state=state,
        decided_at=w.decided_at,
        reason=w.reason,
        from_a_computer=w.request_id is not None,
    )
