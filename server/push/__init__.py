"""Applying a pushed batch: each mutation exactly once, in order, all in one transaction.

Every mutation id is claimed under the unique key of ``applied_mutation`` before its effect is
written, so a second delivery of the same mutation (a retry, or the same batch sent twice at
once) waits for the first transaction and then finds the id taken: it is answered "duplicate"
with the first result and has no effect of its own.

Simple mutations in a row (reviews, picks, prints) are judged together (one lookup per kind of
target), claimed together and written together (one statement per table, one feed append at
the end). A refused one is recorded as refused and the rest go on. Should the database itself
refuse a row, the run is rolled back to its savepoint and applied again one mutation per
savepoint, so only the mutation it refuses is refused. A release decision or a withdrawal
request always has a savepoint of its own: it reads, checks and writes a great deal.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from dataclasses import dataclass

from pydantic import ValidationError
from sqlalchemy import Connection, Engine, bindparam, select, update
from sqlalchemy.exc import DataError, IntegrityError, OperationalError

from models import wire
from server import feed, tokens
from server.clock import Clock
from server.db.base import table_of
from server.db.engine import write_begin
from server.db.platform import AppliedMutation
from server.db.upsert import insert_absent
from server.people import owner_caller
from server.push import effects, release
from server.push.refusal import INVALID_PAYLOAD, NOT_ALLOWED, NOT_RECORDED, Refused
from server.settlement import withdrawals
from server.textcheck import unfit_value

log = logging.getLogger(__name__)

# A deadlock or a serialization failure on PostgreSQL: the whole batch may simply run again.
_TRANSIENT = frozenset({"40P01", "40001"})
_ATTEMPTS = 3
# Mutations decided one at a time, each in a savepoint of its own.
Decision = wire.ReleaseDecisionPayload | wire.WithdrawalRequestPayload
_ONE_AT_A_TIME = (wire.ReleaseDecisionPayload, wire.WithdrawalRequestPayload)
_claims = table_of(AppliedMutation)
_FIRST_RESULTS = select(
    _claims.c.mutation_id, _claims.c.outcome, _claims.c.code, _claims.c.reason
).where(
    _claims.c.shop_id == bindparam("shop_id"),
    _claims.c.mutation_id.in_(bindparam("ids", expanding=True)),
)
_REFUSE = (
    update(_claims)
    .where(
        _claims.c.shop_id == bindparam("b_shop_id"),
        _claims.c.mutation_id == bindparam("b_mutation_id"),
    )
    .values(outcome="rejected", code=bindparam("b_code"), reason=bindparam("b_reason"))
)


def push(
    engine: Engine,
    shop_id: int,
    mutations: Sequence[wire.Mutation],
    clock: Clock,
    caller: tokens.Caller | None = None,
) -> list[wire.MutationResult]:
    """One result per mutation, in the order given, each applied as ``caller``'s (the shop's
    owner when not given)."""
    for attempt in range(1, _ATTEMPTS + 1):
        try:
            with write_begin(engine) as conn, feed.deferred(conn) as held:
                who = caller if caller is not None else owner_caller(conn, shop_id)
                return _Batch(conn, shop_id, clock(), held, who).apply(mutations)
        except OperationalError as error:
            state = getattr(error.orig, "sqlstate", None)
            if state not in _TRANSIENT or attempt == _ATTEMPTS:
                raise
            log.info("shop %d: push met a concurrent writer (%s); again", shop_id, state)
    raise AssertionError("unreachable")


@dataclass
class _Item:
    position: int
    mutation: wire.Mutation
    # The checked payload, or why it cannot be applied.
    payload: wire.Strict | Refused


@dataclass
class _Batch:
    conn: Connection
    shop_id: int
    now: int
    held: feed.Deferred
    caller: tokens.Caller

    def __post_init__(self) -> None:
        self.results: dict[int, wire.MutationResult] = {}

    def apply(self, mutations: Sequence[wire.Mutation]) -> list[wire.MutationResult]:
        first_of: dict[str, int] = {}
        run: list[_Item] = []
        for position, mutation in enumerate(mutations):
            if mutation.id in first_of:
                continue  # the same mutation twice in one batch: answered below
            first_of[mutation.id] = position
            item = _Item(position, mutation, allowed(self.caller, mutation, _payload(mutation)))
            if isinstance(item.payload, _ONE_AT_A_TIME):
                self._apply_run(run)
                run = []
                self._apply_decision(item, item.payload)
            else:
                run.append(item)
        self._apply_run(run)
        answers = []
        for position, mutation in enumerate(mutations):
            first = first_of[mutation.id]
            answer = self.results[first]
            if first != position:
                answer = answer.model_copy(update={"status": "duplicate"})
            answers.append(answer)
        return answers

    # --- simple mutations, many at a time ------------------------------------------------

    def _apply_run(self, run: list[_Item]) -> None:
        if not run:
            return
        simple = [i for i in run if not isinstance(i.payload, Refused)]
        judged = effects.judge(
            self.conn,
            self.shop_id,
            [effects.Simple(_simple(i.payload), i.mutation.created_at) for i in simple],
            self.now,
            self.caller.user,
        )
        verdicts: dict[int, effects.Effect | Refused] = {
            item.position: verdict for item, verdict in zip(simple, judged, strict=True)
        }
        for item in run:
            if isinstance(item.payload, Refused):
                verdicts[item.position] = item.payload
        try:
            with self.conn.begin_nested(), self.held.held():
                claimed = self._claim(run, verdicts)
                chosen = [verdicts[i.position] for i in run if i.mutation.id in claimed]
                effects.write(
                    self.conn, self.shop_id, [v for v in chosen if isinstance(v, effects.Effect)]
                )
        except (IntegrityError, DataError) as error:
            log.warning("shop %d: the database refused a row of a push: %s", self.shop_id, error)
            for item in run:
                self._apply_alone(item, verdicts[item.position])
            return
        self._answer(run, claimed, verdicts)

    def _apply_alone(self, item: _Item, verdict: effects.Effect | Refused) -> None:
        """One mutation in a savepoint of its own: the database's refusal is its alone."""
        try:
            with self.conn.begin_nested(), self.held.held():
                claimed = self._claim([item], {item.position: verdict})
                if claimed and isinstance(verdict, effects.Effect):
                    effects.write(self.conn, self.shop_id, [verdict])
        except (IntegrityError, DataError) as error:
            verdict = Refused(NOT_RECORDED, _not_recorded(item.mutation.kind, error))
            claimed = self._claim([item], {item.position: verdict})
        self._answer([item], claimed, {item.position: verdict})

    def _claim(
        self, items: Sequence[_Item], verdicts: dict[int, effects.Effect | Refused]
    ) -> set[str]:
        """Claim the mutation ids with their outcomes; the ids this transaction got."""
        rows = []
        for item in items:
            verdict = verdicts[item.position]
            refusal = verdict if isinstance(verdict, Refused) else None
            rows.append(
                {
                    "shop_id": self.shop_id,
                    "mutation_id": item.mutation.id,
                    "kind": item.mutation.kind,
                    "outcome": "rejected" if refusal else "applied",
                    "code": refusal.code if refusal else "",
                    "reason": refusal.reason if refusal else "",
                    "applied_at": self.now,
                    "person_id": self.caller.person_id,
                    "actor": self.caller.user,
                }
            )
        return {str(key[1]) for key in insert_absent(self.conn, _claims, rows)}

    def _answer(
        self,
        items: Sequence[_Item],
        claimed: set[str],
        verdicts: dict[int, effects.Effect | Refused],
    ) -> None:
        taken = [i.mutation.id for i in items if i.mutation.id not in claimed]
        earlier = self._first_results(taken)
        for item in items:
            mutation_id = item.mutation.id
            if mutation_id not in claimed:
                self.results[item.position] = earlier[mutation_id]
                continue
            verdict = verdicts[item.position]
            if isinstance(verdict, Refused):
                self.results[item.position] = _refused(item.mutation, verdict)
            else:
                self.results[item.position] = wire.MutationResult(
                    id=mutation_id, status="applied", outcome="applied"
                )

    # --- release decisions and withdrawal requests, one at a time -------------------------

    def _apply_decision(self, item: _Item, payload: Decision) -> None:
        mutation = item.mutation
        # Claimed as applied first; a refusal found while deciding overwrites the outcome.
        claimed = self._claim([item], {item.position: effects.Effect("release_decision", {})})
        if not claimed:
            self.results[item.position] = self._first_results([mutation.id])[mutation.id]
            return
        try:
            with self.conn.begin_nested(), self.held.held():
                actor = self.caller.user
                if isinstance(payload, wire.ReleaseDecisionPayload):
                    release.decide(
                        self.conn, self.shop_id, payload, self.now, mutation.id, actor=actor
                    )
                else:
                    withdrawals.request(self.conn, self.shop_id, payload, self.now, actor)
        except Refused as refusal:
            self.conn.execute(
                _REFUSE,
                {
                    "b_shop_id": self.shop_id,
                    "b_mutation_id": mutation.id,
                    "b_code": refusal.code,
                    "b_reason": refusal.reason,
                },
            )
            self.results[item.position] = _refused(mutation, refusal)
            return
        self.results[item.position] = wire.MutationResult(
            id=mutation.id, status="applied", outcome="applied"
        )

    def _first_results(self, mutation_ids: Sequence[str]) -> dict[str, wire.MutationResult]:
        if not mutation_ids:
            return {}
        rows = self.conn.execute(
            _FIRST_RESULTS, {"shop_id": self.shop_id, "ids": list(mutation_ids)}
        )
        return {
            row.mutation_id: wire.MutationResult(
                id=row.mutation_id,
                status="duplicate",
                outcome="rejected" if row.outcome == "rejected" else "applied",
                code=row.code,
                reason=row.reason,
            )
            for row in rows
        }


# What a refused action says, by role and kind: the owner's decisions are hers alone.
_NOT_ALLOWED: dict[tuple[str, str], str] = {
    ("assistant", "release.decide"): (
        "An assistant does not decide release requests: the shop's owner decides them."
    ),
    ("assistant", "withdrawal.request"): (
        "An assistant does not withdraw the shop's money: only the shop's owner does."
    ),
}
_MANAGER_ONLY_HERS = (
    "A store manager sees her own sub-store only: this is for the shop's owner to do."
)
_MANAGER_POSTERS = "A store manager prints the posters of her own sub-store only."


def allowed(
    caller: tokens.Caller, mutation: wire.Mutation, payload: wire.Strict | Refused
) -> wire.Strict | Refused:
    """The payload, or the refusal in words of an action the caller's role may not take."""
    if not wire.may_push(caller.role, mutation.kind):
        reason = _NOT_ALLOWED.get((caller.role, mutation.kind))
        if reason is None:
            reason = _MANAGER_ONLY_HERS if caller.role == "manager" else "Only the owner may."
        return Refused(NOT_ALLOWED, reason)
    if caller.role == "manager" and isinstance(payload, wire.PosterPrintPayload):
        hers = caller.store_manager_id is not None and payload.target_id == caller.store_manager_id
        if payload.kind not in wire.MANAGER_POSTER_KINDS or not hers:
            return Refused(NOT_ALLOWED, _MANAGER_POSTERS)
    return payload


def _simple(payload: wire.Strict | Refused) -> effects.SimplePayload:
    assert isinstance(
        payload, wire.OrderReviewPayload | wire.ProductPickPayload | wire.PosterPrintPayload
    )
    return payload


def _refused(mutation: wire.Mutation, refusal: Refused) -> wire.MutationResult:
    log.info("refused %s %s: %s", mutation.kind, mutation.id, refusal.code)
    return wire.MutationResult(
        id=mutation.id,
        status="rejected",
        outcome="rejected",
        code=refusal.code,
        reason=refusal.reason,
    )


def _not_recorded(kind: str, error: Exception) -> str:
    first_line = str(getattr(error, "orig", error)).splitlines()[0] if str(error) else ""
    return f"The platform could not record this {kind}: {first_line}"[:500]


def _payload(mutation: wire.Mutation) -> wire.Strict | Refused:
    problem = unfit_value(mutation.payload)
    if problem:
        return Refused(INVALID_PAYLOAD, f"The {mutation.kind} payload {problem}.")
    try:
        return wire.MUTATION_PAYLOADS[mutation.kind].model_validate(mutation.payload)
    except ValidationError as error:
        return Refused(INVALID_PAYLOAD, _describe(mutation.kind, error))


def _describe(kind: str, error: ValidationError) -> str:
    first = error.errors(include_url=False, include_input=False)[0]
    where = ".".join(str(part) for part in first["loc"]) or "payload"
    return f"The {kind} payload does not fit: {where}: {first['msg']}."[:500]
