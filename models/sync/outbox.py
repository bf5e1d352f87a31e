"""The outbox: every local action is a row change plus a queued mutation, in one transaction."""

from __future__ import annotations

import logging
import uuid
from dataclasses import dataclass
from typing import Any, Final

import orjson
from sqlalchemy import Connection, delete, func, select, update

from models import wire
from models.db import CLIENT_TABLES, ConfirmedRow, DecisionLog, OutboxEntry, SyncState, table_of
from models.errors import NotAllowed
from models.sync.apply import delete_rows, upsert_rows

log = logging.getLogger(__name__)

# Which client-owned row each kind of mutation writes, and the payload field that keys it.
KIND_ENTITY: Final[dict[str, tuple[str, str]]] = {
    "order_review.set": ("order_review", "order_id"),
    "product_pick.set": ("product_pick", "product_id"),
    "release.decide": ("release_decision", "request_id"),
    "poster.printed": ("poster_print", "id"),
    "withdrawal.request": ("withdrawal_request", "id"),
}
JOURNAL_DAYS: Final = 30

outbox = table_of(OutboxEntry)
confirmed = table_of(ConfirmedRow)
decision_log = table_of(DecisionLog)
_sync_state = table_of(SyncState)
_ANSWERED_AS: Final[dict[str, str]] = {"applied": "applied", "rejected": "refused"}


@dataclass(frozen=True)
class Actor:
    """Who is signed in here, and so who every local action is recorded for."""

    user: str
    role: str
    display_name: str
    shop_code: str


def signed_in_actor(conn: Connection) -> Actor:
    found = conn.execute(
        select(
            _sync_state.c.user,
            _sync_state.c.role,
            _sync_state.c.display_name,
            _sync_state.c.shop_code,
        )
    ).first()
    if found is None:
        return Actor(wire.OWNER_USER, "owner", "", "")
    return Actor(found.user, found.role, found.display_name, found.shop_code)


@dataclass(frozen=True)
class RejectedAction:
    id: str
    kind: str
    entity_key: str
    code: str
    reason: str
    answered_at: int


def record_action(
    conn: Connection,
    kind: str,
    payload: wire.Strict,
    row: dict[str, Any],
    now: int,
    *,
    mutation_id: str | None = None,
) -> str:
    """Write ``row`` into its client-owned table and queue ``payload`` to be pushed.

    Returns the mutation id. The caller owns the transaction, so the row and its outbox entry
    are committed together or not at all. The row is recorded as the signed-in person's; an
    action their role may not take raises NotAllowed and records nothing.
    """
    actor = signed_in_actor(conn)
    if not wire.may_push(actor.role, kind):
        raise NotAllowed(actor.role, kind)
    row = {**row, "actor": actor.user}
    entity, key_field = KIND_ENTITY[kind]
    table = CLIENT_TABLES[entity]
    key = str(getattr(payload, key_field))
    if not _has_pending(conn, entity, key):
        _remember_confirmed(conn, entity, key_field, key)
    upsert_rows(conn, table, [row])
    mutation_id = mutation_id or str(uuid.uuid4())
    conn.execute(
        outbox.insert().values(
            id=mutation_id,
            kind=kind,
            entity=entity,
            entity_key=key,
            payload=payload.model_dump_json(),
            created_at=now,
            status="pending",
            attempts=0,
            reject_code="",
            reject_reason="",
        )
    )
    return mutation_id


def pending_batch(conn: Connection, limit: int) -> list[wire.Mutation]:
    rows = conn.execute(
        select(outbox.c.id, outbox.c.kind, outbox.c.payload, outbox.c.created_at)
        .where(outbox.c.status == "pending")
        .order_by(outbox.c.position)
        .limit(limit)
    ).all()
    return [
        wire.Mutation(
            id=r.id, kind=r.kind, payload=orjson.loads(r.payload), created_at=r.created_at
        )
        for r in rows
    ]


def count_by_status(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(outbox.c.status, func.count()).group_by(outbox.c.status)).all()
    return {str(status): int(n) for status, n in rows}


def mark_attempted(conn: Connection, ids: list[str]) -> None:
    conn.execute(update(outbox).where(outbox.c.id.in_(ids)).values(attempts=outbox.c.attempts + 1))


def record_results(conn: Connection, results: list[wire.MutationResult], now: int) -> None:
    """Store the platform's answers; a rejected action's row goes back to the platform's."""
    for result in results:
        entry = conn.execute(
            select(outbox.c.entity, outbox.c.entity_key).where(outbox.c.id == result.id)
        ).one()
        values: dict[str, Any] = {"status": result.outcome, "answered_at": now}
        if result.outcome == "rejected":
            values |= {"reject_code": result.code, "reject_reason": result.reason}
            log.info("platform refused %s: %s", result.id, result.reason)
        conn.execute(update(outbox).where(outbox.c.id == result.id).values(**values))
        if entry.entity == "release_decision":
            conn.execute(
                update(decision_log)
                .where(decision_log.c.mutation_id == result.id)
                .values(
                    outcome=_ANSWERED_AS[result.outcome],
                    answered_at=now,
                    refusal_code=result.code if result.outcome == "rejected" else "",
                    refusal=result.reason if result.outcome == "rejected" else "",
                )
            )
        if _has_pending(conn, entry.entity, entry.entity_key):
            continue
        if result.outcome == "rejected":
            _restore_confirmed(conn, entry.entity, entry.entity_key)
        conn.execute(
            delete(confirmed).where(
                confirmed.c.entity == entry.entity, confirmed.c.entity_key == entry.entity_key
            )
        )


def rejected_actions(
    conn: Connection, limit: int = 100, ids: list[str] | None = None
) -> list[RejectedAction]:
    query = select(outbox).where(outbox.c.status == "rejected")
    if ids is not None:
        query = query.where(outbox.c.id.in_(ids))
    rows = conn.execute(query.order_by(outbox.c.position.desc()).limit(limit)).all()
    return [
        RejectedAction(
            id=r.id,
            kind=r.kind,
            entity_key=r.entity_key,
            code=r.reject_code,
            reason=r.reject_reason,
            answered_at=r.answered_at or 0,
        )
        for r in rows
    ]


def requeue_journal(conn: Connection) -> int:
    """After the platform lost history, send again every action it had applied.

    The platform answers those it still knows as duplicates and applies the ones it lost.
    """
    result = conn.execute(
        update(outbox).where(outbox.c.status == "applied").values(status="pending")
    )
    return result.rowcount


def prune_journal(conn: Connection, now: int) -> None:
    conn.execute(
        delete(outbox).where(
            outbox.c.status != "pending",
            outbox.c.answered_at < now - JOURNAL_DAYS * 86_400,
        )
    )


def _has_pending(conn: Connection, entity: str, key: str) -> bool:
    found = conn.scalar(
        select(outbox.c.position)
        .where(outbox.c.entity == entity, outbox.c.entity_key == key, outbox.c.status == "pending")
        .limit(1)
    )
    return found is not None


def _remember_confirmed(conn: Connection, entity: str, key_field: str, key: str) -> None:
    table = CLIENT_TABLES[entity]
    current = (
        conn.execute(select(table).where(table.c[key_field] == _typed_key(key_field, key)))
        .mappings()
        .first()
    )
    payload = None if current is None else orjson.dumps(dict(current)).decode()
    upsert_rows(conn, confirmed, [{"entity": entity, "entity_key": key, "payload": payload}])


def _restore_confirmed(conn: Connection, entity: str, key: str) -> None:
    table = CLIENT_TABLES[entity]
    key_field = wire.ENTITY_KEYS[entity]
    payload = conn.scalar(
        select(confirmed.c.payload).where(
            confirmed.c.entity == entity, confirmed.c.entity_key == key
        )
    )
    if payload is None:
        delete_rows(conn, table, key_field, [_typed_key(key_field, key)])
    else:
        upsert_rows(conn, table, [orjson.loads(payload)])


def _typed_key(key_field: str, key: str) -> int | str:
    # Poster prints and withdrawal requests are keyed by a client-made id; every other
    # client-owned row by a platform id.
    return key if key_field == "id" else int(key)
