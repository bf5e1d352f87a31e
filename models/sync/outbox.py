"""The outbox: every local action is a row change plus a queued mutation, in one transaction."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Final

import orjson
from sqlalchemy import Connection, delete, func, select, update

from models import wire
from models.db import CLIENT_TABLES, ConfirmedRow, DecisionLog, OutboxEntry, SyncState, table_of
from models.errors import AlreadySent, NotAllowed
from models.sync.apply import IN_CHUNK, delete_rows, pending_keys, upsert_rows

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
    store_manager_id: int | None = None  # the sub-store a manager acts for


def signed_in_actor(conn: Connection) -> Actor:
    found = conn.execute(
        select(
            _sync_state.c.user,
            _sync_state.c.role,
            _sync_state.c.display_name,
            _sync_state.c.shop_code,
            _sync_state.c.store_manager_id,
        )
    ).first()
    if found is None:
        return Actor(wire.OWNER_USER, "owner", "", "")
    return Actor(
        found.user, found.role, found.display_name, found.shop_code, found.store_manager_id
    )


@dataclass(frozen=True)
class RejectedAction:
    id: str
    kind: str
    entity_key: str
    code: str
    reason: str
    answered_at: int


@dataclass(frozen=True)
class Action:
    """One local action: the payload to push and the row it writes locally."""

    payload: wire.Strict
    row: dict[str, Any]
    mutation_id: str | None = None


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
    return record_actions(conn, kind, [Action(payload, row, mutation_id)], now)[0]


def record_actions(conn: Connection, kind: str, actions: Sequence[Action], now: int) -> list[str]:
    """Many actions of one kind at once: their rows, then their outbox entries in order.

    A statement per table, however many actions; the caller owns the transaction. Returns the
    mutation ids in the order of ``actions``. Two actions on the same row leave the later row
    and two outbox entries, as two calls would.
    """
    if not actions:
        return []
    actor = signed_in_actor(conn)
    if not wire.may_push(actor.role, kind):
        raise NotAllowed(actor.role, kind)
    if actor.role == "manager" and not all(_hers(actor, a.payload) for a in actions):
        raise NotAllowed(actor.role, kind)
    entity, key_field = KIND_ENTITY[kind]
    table = CLIENT_TABLES[entity]
    keys = [str(getattr(action.payload, key_field)) for action in actions]
    # The platform's version is kept once, before the first local change not yet sent.
    waiting = pending_keys(conn, entity, set(keys))
    first_changes = [key for key in dict.fromkeys(keys) if key not in waiting]
    _remember_confirmed(conn, entity, key_field, first_changes)
    # Every row is recorded as the signed-in person's.
    latest = {
        key: {**action.row, "actor": actor.user} for key, action in zip(keys, actions, strict=True)
    }
    upsert_rows(conn, table, list(latest.values()))
    mutation_ids = [action.mutation_id or str(uuid.uuid4()) for action in actions]
    conn.exec_driver_sql(
        _INSERT_OUTBOX,
        [
            (mutation_id, kind, entity, key, action.payload.model_dump_json(), now)
            for mutation_id, key, action in zip(mutation_ids, keys, actions, strict=True)
        ],
    )
    return mutation_ids


def _hers(actor: Actor, payload: wire.Strict) -> bool:
    """A store manager prints the posters of her own sub-store only (the platform's rule)."""
    if not isinstance(payload, wire.PosterPrintPayload):
        return True
    own = actor.store_manager_id is not None and payload.target_id == actor.store_manager_id
    return payload.kind in wire.MANAGER_POSTER_KINDS and own


_INSERT_OUTBOX = (
    "INSERT INTO outbox (id, kind, entity, entity_key, payload, created_at, status, attempts,"
    " reject_code, reject_reason) VALUES (?, ?, ?, ?, ?, ?, 'pending', 0, '', '')"
)


def pending_batch(conn: Connection, limit: int) -> list[wire.Mutation]:
    return pending_after(conn, 0, limit)[0]


def pending_after(conn: Connection, position: int, limit: int) -> tuple[list[wire.Mutation], int]:
    """The next waiting entries queued after ``position``, and the position of the last one
    (``position`` itself when there are none)."""
    rows = conn.execute(
        select(outbox.c.position, outbox.c.id, outbox.c.kind, outbox.c.payload, outbox.c.created_at)
        .where(outbox.c.status == "pending", outbox.c.position > position)
        .order_by(outbox.c.position)
        .limit(limit)
    ).all()
    batch = [
        wire.Mutation(
            id=r.id, kind=r.kind, payload=orjson.loads(r.payload), created_at=r.created_at
        )
        for r in rows
    ]
    return batch, (rows[-1].position if rows else position)


def count_pending(conn: Connection) -> int:
    return int(
        conn.scalar(select(func.count()).select_from(outbox).where(outbox.c.status == "pending"))
        or 0
    )


def count_by_status(conn: Connection) -> dict[str, int]:
    rows = conn.execute(select(outbox.c.status, func.count()).group_by(outbox.c.status)).all()
    return {str(status): int(n) for status, n in rows}


def mark_attempted(conn: Connection, ids: list[str]) -> None:
    conn.execute(update(outbox).where(outbox.c.id.in_(ids)).values(attempts=outbox.c.attempts + 1))


def record_results(conn: Connection, results: list[wire.MutationResult], now: int) -> None:
    """Store the platform's answers; a rejected action's row goes back to the platform's.

    Once no entry of a row is waiting any more, the last answer for it decides: refused, and
    the row is put back as the platform has it; applied, and the local row stands.
    """
    if not results:
        return
    applied = [(r.outcome, now, r.id) for r in results if r.outcome != "rejected"]
    rejected = [(now, r.code, r.reason, r.id) for r in results if r.outcome == "rejected"]
    for r in results:
        if r.outcome == "rejected":
            log.info("platform refused %s: %s", r.id, r.reason)
    if applied:
        conn.exec_driver_sql("UPDATE outbox SET status = ?, answered_at = ? WHERE id = ?", applied)
    if rejected:
        conn.exec_driver_sql(
            "UPDATE outbox SET status = 'rejected', answered_at = ?, reject_code = ?,"
            " reject_reason = ? WHERE id = ?",
            rejected,
        )
    entries = _entries_of(conn, [r.id for r in results])
    decided = [
        (_ANSWERED_AS[r.outcome], now, r.code, r.reason, r.id)
        for r in results
        if entries.get(r.id, ("", ""))[0] == "release_decision"
    ]
    if decided:
        # The decision log keeps what became of each decision made here, for good.
        conn.exec_driver_sql(
            "UPDATE decision_log SET outcome = ?, answered_at = ?, refusal_code = ?,"
            " refusal = ? WHERE mutation_id = ?",
            decided,
        )
    last_outcome: dict[tuple[str, str], str] = {}
    for r in results:
        found = entries.get(r.id)
        if found is not None:
            last_outcome[found] = r.outcome
    by_entity: dict[str, list[str]] = {}
    for entity, key in last_outcome:
        by_entity.setdefault(entity, []).append(key)
    for entity, entity_keys in by_entity.items():
        waiting = pending_keys(conn, entity, entity_keys)
        settled = [k for k in entity_keys if k not in waiting]
        refused = [k for k in settled if last_outcome[(entity, k)] == "rejected"]
        _restore_confirmed(conn, entity, refused)
        _forget_confirmed(conn, entity, settled)


def _entries_of(conn: Connection, ids: list[str]) -> dict[str, tuple[str, str]]:
    found: dict[str, tuple[str, str]] = {}
    for start in range(0, len(ids), IN_CHUNK):
        rows = conn.execute(
            select(outbox.c.id, outbox.c.entity, outbox.c.entity_key).where(
                outbox.c.id.in_(ids[start : start + IN_CHUNK])
            )
        )
        found.update({r.id: (r.entity, r.entity_key) for r in rows})
    return found


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


def withdraw(conn: Connection, ids: Sequence[str]) -> dict[str, list[str]]:
    """Take back entries not sent yet; each row they wrote returns to what it was before them.

    A row with no other entry waiting goes back to the platform's confirmed version; one with
    earlier entries still waiting to what the latest of those wrote. AlreadySent when any of
    ``ids`` went to the platform (or was answered); then nothing changes. The caller owns the
    transaction. Returns the keys put back, by entity.
    """
    wanted = list(dict.fromkeys(ids))
    entries: dict[str, tuple[str, str, str, int]] = {}
    for start in range(0, len(wanted), IN_CHUNK):
        rows = conn.execute(
            select(
                outbox.c.id,
                outbox.c.kind,
                outbox.c.entity,
                outbox.c.entity_key,
                outbox.c.status,
                outbox.c.attempts,
            ).where(outbox.c.id.in_(wanted[start : start + IN_CHUNK]))
        )
        for r in rows:
            if r.status == "pending" and not r.attempts:
                entries[r.id] = (r.kind, r.entity, r.entity_key, r.attempts)
    if len(entries) != len(wanted):
        raise AlreadySent(len(wanted) - len(entries), len(wanted))
    for start in range(0, len(wanted), IN_CHUNK):
        conn.execute(delete(outbox).where(outbox.c.id.in_(wanted[start : start + IN_CHUNK])))
    by_entity: dict[str, list[str]] = {}
    kinds: dict[str, str] = {}
    for kind, entity, key, _attempts in entries.values():
        by_entity.setdefault(entity, []).append(key)
        kinds[entity] = kind
    for entity, keys in by_entity.items():
        distinct = list(dict.fromkeys(keys))
        earlier = _latest_waiting(conn, entity, distinct)
        settled = [key for key in distinct if key not in earlier]
        _restore_confirmed(conn, entity, settled)
        _forget_confirmed(conn, entity, settled)
        if earlier:
            rebuild = REBUILT_ROWS[kinds[entity]]
            # Entries waiting on this computer are the signed-in person's own.
            actor = signed_in_actor(conn).user
            upsert_rows(
                conn,
                CLIENT_TABLES[entity],
                [
                    rebuild(payload, created_at) | {"actor": actor}
                    for payload, created_at in earlier.values()
                ],
            )
        by_entity[entity] = distinct
    return by_entity


def _review_row(payload: dict[str, Any], created_at: int) -> dict[str, Any]:
    return payload | {"updated_at": created_at}


# How a waiting entry's payload rebuilds the row it wrote, for the kinds that can be withdrawn.
REBUILT_ROWS: Final[dict[str, Any]] = {"order_review.set": _review_row}


def _latest_waiting(
    conn: Connection, entity: str, keys: list[str]
) -> dict[str, tuple[dict[str, Any], int]]:
    found: dict[str, tuple[dict[str, Any], int]] = {}
    for start in range(0, len(keys), IN_CHUNK):
        rows = conn.execute(
            select(outbox.c.entity_key, outbox.c.payload, outbox.c.created_at)
            .where(
                outbox.c.entity == entity,
                outbox.c.status == "pending",
                outbox.c.entity_key.in_(keys[start : start + IN_CHUNK]),
            )
            .order_by(outbox.c.position)
        )
        for r in rows:
            found[r.entity_key] = (orjson.loads(r.payload), r.created_at)
    return found


def _forget_confirmed(conn: Connection, entity: str, keys: list[str]) -> None:
    for start in range(0, len(keys), IN_CHUNK):
        conn.execute(
            delete(confirmed).where(
                confirmed.c.entity == entity,
                confirmed.c.entity_key.in_(keys[start : start + IN_CHUNK]),
            )
        )


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


def _remember_confirmed(conn: Connection, entity: str, key_field: str, keys: list[str]) -> None:
    if not keys:
        return
    table = CLIENT_TABLES[entity]
    current: dict[str, str] = {}
    typed = [_typed_key(key_field, key) for key in keys]
    for start in range(0, len(typed), IN_CHUNK):
        rows = conn.execute(
            select(table).where(table.c[key_field].in_(typed[start : start + IN_CHUNK]))
        )
        for row in rows.mappings():
            current[str(row[key_field])] = orjson.dumps(dict(row)).decode()
    upsert_rows(
        conn,
        confirmed,
        [{"entity": entity, "entity_key": key, "payload": current.get(key)} for key in keys],
    )


def _restore_confirmed(conn: Connection, entity: str, keys: list[str]) -> None:
    if not keys:
        return
    table = CLIENT_TABLES[entity]
    key_field = wire.ENTITY_KEYS[entity]
    saved: dict[str, str | None] = {}
    for start in range(0, len(keys), IN_CHUNK):
        rows = conn.execute(
            select(confirmed.c.entity_key, confirmed.c.payload).where(
                confirmed.c.entity == entity,
                confirmed.c.entity_key.in_(keys[start : start + IN_CHUNK]),
            )
        )
        saved.update({r.entity_key: r.payload for r in rows})
    gone = [_typed_key(key_field, k) for k in keys if saved.get(k) is None]
    delete_rows(conn, table, key_field, gone)
    upsert_rows(conn, table, [orjson.loads(p) for k in keys if (p := saved.get(k)) is not None])


def _typed_key(key_field: str, key: str) -> int | str:
    # Poster prints and withdrawal requests are keyed by a client-made id; every other
    # client-owned row by a platform id.
    return key if key_field == "id" else int(key)
