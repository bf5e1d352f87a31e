"""Applying pushed mutations exactly once each, in order, one transaction per mutation."""

from __future__ import annotations

import logging
from collections.abc import Sequence

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, select, update

from models import wire
from server.clock import Clock
from server.db.base import table_of
from server.db.engine import write_begin
from server.db.platform import AppliedMutation
from server.db.upsert import insert_if_absent
from server.push import effects, release
from server.push.refusal import INVALID_PAYLOAD, Refused
from server.settlement import withdrawals
from server.textcheck import unfit_value

log = logging.getLogger(__name__)

# How far in the past a client may date a print it made offline.
_PRINT_BACKDATE_LIMIT = 366 * 86_400


def push(
    engine: Engine, shop_id: int, mutations: Sequence[wire.Mutation], clock: Clock
) -> list[wire.MutationResult]:
    """Each mutation commits on its own, so a refused one never holds back the rest."""
    return [_apply(engine, shop_id, mutation, clock) for mutation in mutations]


def _apply(
    engine: Engine, shop_id: int, mutation: wire.Mutation, clock: Clock
) -> wire.MutationResult:
    with write_begin(engine) as conn:
        now = clock()
        claim = {
            "shop_id": shop_id,
            "mutation_id": mutation.id,
            "kind": mutation.kind,
            "outcome": "applied",
            "code": "",
            "reason": "",
            "applied_at": now,
        }
        # Claiming the id first makes a concurrent delivery of the same mutation wait for this
        # transaction and then find the id taken.
        if not insert_if_absent(conn, table_of(AppliedMutation), claim):
            return _first_result(conn, shop_id, mutation.id)
        try:
            with conn.begin_nested():
                _effect(conn, shop_id, mutation, now)
        except Refused as refusal:
            conn.execute(
                update(AppliedMutation)
                .where(
                    AppliedMutation.shop_id == shop_id, AppliedMutation.mutation_id == mutation.id
                )
                .values(outcome="rejected", code=refusal.code, reason=refusal.reason)
            )
            log.info(
                "shop %d: %s %s refused: %s", shop_id, mutation.kind, mutation.id, refusal.code
            )
            return wire.MutationResult(
                id=mutation.id,
                status="rejected",
                outcome="rejected",
                code=refusal.code,
                reason=refusal.reason,
            )
    return wire.MutationResult(id=mutation.id, status="applied", outcome="applied")


def _first_result(conn: Connection, shop_id: int, mutation_id: str) -> wire.MutationResult:
    first = conn.execute(
        select(AppliedMutation.outcome, AppliedMutation.code, AppliedMutation.reason).where(
            AppliedMutation.shop_id == shop_id, AppliedMutation.mutation_id == mutation_id
        )
    ).one()
    outcome = "rejected" if first.outcome == "rejected" else "applied"
    return wire.MutationResult(
        id=mutation_id, status="duplicate", outcome=outcome, code=first.code, reason=first.reason
    )


def _payload(mutation: wire.Mutation) -> wire.Strict:
    problem = unfit_value(mutation.payload)
    if problem:
        raise Refused(INVALID_PAYLOAD, f"The {mutation.kind} payload {problem}.")
    try:
        return wire.MUTATION_PAYLOADS[mutation.kind].model_validate(mutation.payload)
    except ValidationError as error:
        raise Refused(INVALID_PAYLOAD, _describe(mutation.kind, error)) from error


def _describe(kind: str, error: ValidationError) -> str:
    first = error.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "payload"
    return f"The {kind} payload does not fit: {where}: {first['msg']}."[:500]


def _effect(conn: Connection, shop_id: int, mutation: wire.Mutation, now: int) -> None:
    payload = _payload(mutation)
    if isinstance(payload, wire.OrderReviewPayload):
        effects.set_order_review(conn, shop_id, payload, now)
    elif isinstance(payload, wire.ProductPickPayload):
        effects.set_product_pick(conn, shop_id, payload, now)
    elif isinstance(payload, wire.PosterPrintPayload):
        printed_at = min(now, max(mutation.created_at, now - _PRINT_BACKDATE_LIMIT))
        effects.record_poster_print(conn, shop_id, payload, printed_at)
    elif isinstance(payload, wire.ReleaseDecisionPayload):
        release.decide(conn, shop_id, payload, now, mutation.id)
    elif isinstance(payload, wire.WithdrawalRequestPayload):
        withdrawals.request(conn, shop_id, payload, now)
    else:  # pragma: no cover - MUTATION_PAYLOADS names only the models above
        raise Refused(INVALID_PAYLOAD, f"Unknown mutation kind {mutation.kind!r}.")
