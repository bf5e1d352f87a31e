"""What the owner should be told of, once: a new release request, a stage deadline near, an
action the platform refused, a sync failing for long.

The desktop asks after a sync (with what the sync changed) and after a sync failed; what is
found and not told before is remembered as told in the profile, in the same transaction, so
that no event is told twice, at the next sync or the next start. A kind the owner switched off
is remembered as told too: switching it on again does not bring back old news.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal, get_args

from sqlalchemy import Connection, delete, func, select

from models.db import (
    AlertKindOff,
    AnnouncedAlert,
    OutboxEntry,
    ReleaseRequest,
    StoreManager,
    SyncState,
    TaskProgress,
    table_of,
)
from models.profile import Profile
from models.sync.apply import IN_CHUNK, upsert_rows

log = logging.getLogger(__name__)

AlertKind = Literal["release_request", "stage_deadline", "refused_action", "sync_failing"]
ALERT_KINDS: Final[tuple[AlertKind, ...]] = get_args(AlertKind)
DEADLINE_DAYS: Final = 3
SYNC_FAILING_MINUTES: Final = 30
# Told events are remembered this long: longer than any of them can still be news.
REMEMBERED_DAYS: Final = 180
DAY: Final = 86_400

_announced = table_of(AnnouncedAlert)
_off = table_of(AlertKindOff)
_outbox = table_of(OutboxEntry)


@dataclass(frozen=True)
class Alert:
    """One event to tell. ``target`` is what it opens: the request's, the manager's, or the
    refused row's id (``entity_key`` as the outbox has it); None for the sync."""

    kind: AlertKind
    key: str
    at: int  # when it happened (or, for a deadline, when the stage ends)
    target: int | None = None
    name: str = ""  # the store manager's
    action: str = ""  # a refused action's kind, e.g. "order_review.set"
    entity_key: str = ""
    reason: str = ""  # the platform's words for a refusal
    code: str = ""


def kinds_off(profile: Profile) -> frozenset[AlertKind]:
    """The kinds of alert the owner switched off."""
    with profile.read() as s:
        return _kinds_off(s.connection())


def switch_off(profile: Profile, kinds: Iterable[AlertKind], now: int | None = None) -> None:
    """Switch off exactly ``kinds``; every other kind is on."""
    stamp = int(time.time()) if now is None else now
    wanted = [kind for kind in ALERT_KINDS if kind in set(kinds)]
    with profile.write() as s:
        conn = s.connection()
        conn.execute(delete(_off).where(_off.c.kind.not_in(wanted)))
        kept = _kinds_off(conn)
        upsert_rows(
            conn, _off, [{"kind": k, "switched_at": stamp} for k in wanted if k not in kept]
        )


def _kinds_off(conn: Connection) -> frozenset[AlertKind]:
    return frozenset(k for (k,) in conn.execute(select(_off.c.kind)) if k in ALERT_KINDS)


def announce(
    profile: Profile, now: int, *, look_at: Iterable[AlertKind] = ALERT_KINDS
) -> list[Alert]:
    """The events of ``look_at`` not told before, but those of kinds switched off; every one
    found is remembered as told."""
    kinds = set(look_at)
    with profile.write() as s:
        conn = s.connection()
        quiet = _kinds_off(conn)
        found: list[Alert] = []
        if "release_request" in kinds:
            found += _release_requests(conn)
        if "stage_deadline" in kinds:
            found += _deadlines(conn, now)
        if "refused_action" in kinds:
            found += _refused(conn)
        if "sync_failing" in kinds:
            found += _sync_failing(conn, now)
        fresh = _not_told(conn, found)
        upsert_rows(
            conn,
            _announced,
            [{"kind": a.kind, "key": a.key, "announced_at": now} for a in fresh],
        )
        conn.execute(
            delete(_announced).where(_announced.c.announced_at < now - REMEMBERED_DAYS * DAY)
        )
    told = [a for a in fresh if a.kind not in quiet]
    if fresh:
        log.info("alerts: %d new, %d told", len(fresh), len(told))
    return told


def _not_told(conn: Connection, found: list[Alert]) -> list[Alert]:
    told: set[tuple[str, str]] = set()
    by_kind: dict[str, list[str]] = {}
    for alert in found:
        by_kind.setdefault(alert.kind, []).append(alert.key)
    for kind, keys in by_kind.items():
        for start in range(0, len(keys), IN_CHUNK):
            rows = conn.execute(
                select(_announced.c.key).where(
                    _announced.c.kind == kind, _announced.c.key.in_(keys[start : start + IN_CHUNK])
                )
            )
            told.update((kind, key) for (key,) in rows)
    fresh = [a for a in found if (a.kind, a.key) not in told]
    return list({(a.kind, a.key): a for a in fresh}.values())


def _release_requests(conn: Connection) -> list[Alert]:
    rows = conn.execute(
        select(ReleaseRequest.id, ReleaseRequest.created_at, StoreManager.name)
        .join(StoreManager, StoreManager.id == ReleaseRequest.store_manager_id, isouter=True)
        .where(ReleaseRequest.status == "pending")
        .order_by(ReleaseRequest.created_at, ReleaseRequest.id)
    )
    return [
        Alert("release_request", str(r.id), r.created_at, target=r.id, name=r.name or "")
        for r in rows
    ]


def _deadlines(conn: Connection, now: int) -> list[Alert]:
    """Each active manager's current stage (the latest she began) ending within three days
    and not complete."""
    latest = (
        select(TaskProgress.store_manager_id, func.max(TaskProgress.started_at).label("began"))
        .group_by(TaskProgress.store_manager_id)
        .subquery()
    )
    rows = conn.execute(
        select(TaskProgress.id, TaskProgress.deadline_at, StoreManager.id.label("manager"))
        .add_columns(StoreManager.name)
        .join(
            latest,
            (latest.c.store_manager_id == TaskProgress.store_manager_id)
            & (latest.c.began == TaskProgress.started_at),
        )
        .join(StoreManager, StoreManager.id == TaskProgress.store_manager_id)
        .where(
            StoreManager.status == "active",
            TaskProgress.status.in_(("pending", "in_progress")),
            TaskProgress.completed_at.is_(None),
            TaskProgress.deadline_at >= now,
            TaskProgress.deadline_at <= now + DEADLINE_DAYS * DAY,
        )
        .order_by(TaskProgress.deadline_at, TaskProgress.id)
    )
    return [
        Alert("stage_deadline", str(r.id), r.deadline_at, target=r.manager, name=r.name)
        for r in rows
    ]


def _refused(conn: Connection) -> list[Alert]:
    rows = conn.execute(
        select(
            _outbox.c.id,
            _outbox.c.kind,
            _outbox.c.entity_key,
            _outbox.c.reject_code,
            _outbox.c.reject_reason,
            _outbox.c.answered_at,
        )
        .where(_outbox.c.status == "rejected")
        .order_by(_outbox.c.position)
    )
    return [
        Alert(
            "refused_action",
            r.id,
            r.answered_at or 0,
            target=int(r.entity_key) if r.entity_key.isdigit() else None,
            action=r.kind,
            entity_key=r.entity_key,
            reason=r.reject_reason,
            code=r.reject_code,
        )
        for r in rows
    ]


def _sync_failing(conn: Connection, now: int) -> list[Alert]:
    """Failing since the last sync that went well, for half an hour or more; told once for
    each stretch of failures."""
    state = conn.execute(select(SyncState.last_sync_at, SyncState.last_error)).first()
    if state is None or not state.last_error or state.last_sync_at is None:
        return []
    if now - state.last_sync_at < SYNC_FAILING_MINUTES * 60:
        return []
    return [
        Alert("sync_failing", str(state.last_sync_at), state.last_sync_at, reason=state.last_error)
    ]
