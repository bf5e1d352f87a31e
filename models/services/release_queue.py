"""The owner's queue of release requests, each with where its decision stands.

A decision made on this computer is known by its entry in the decision log (waiting, then
applied or refused), which is never pruned; a request the platform reports decided without one
was decided elsewhere (another computer of the shop, or the platform).
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Final, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models.db import DecisionLog, ReleaseReasonDraft, ReleaseRequest, StoreManager
from models.profile import Profile

DecisionState = Literal["undecided", "waiting", "applied", "refused", "elsewhere"]

RELEASE_KIND: Final = "release.decide"
_STATE_OF_LOG: Final[dict[str, DecisionState]] = {
    "waiting": "waiting",
    "applied": "applied",
    "refused": "refused",
}


@dataclass(frozen=True)
class LocalDecision:
    """The newest decision this computer recorded for a request, and what became of it."""

    mutation_id: str
    decision: str  # approve or decline
    reason: str
    decided_at: int
    state: DecisionState  # waiting, applied or refused
    answered_at: int | None
    refusal_code: str
    refusal: str  # the platform's reason, when refused
    actor: str = ""  # the user name of who decided
    actor_name: str = ""  # their name as signed in here
    shop_code: str = ""


@dataclass(frozen=True)
class QueuedRequest:
    id: int
    manager_id: int
    manager_name: str
    created_at: int
    status: str  # on the platform: pending, approved or declined
    decided_at: int | None  # on the platform
    platform_reason: str  # the reason the platform recorded with its decision
    state: DecisionState
    local: LocalDecision | None
    draft_reason: str = ""  # a reason typed here and not yet used in a decision

    @property
    def needs_owner(self) -> bool:
        return self.state in ("undecided", "refused") and self.status == "pending"


def release_queue(profile: Profile) -> list[QueuedRequest]:
    """Every request: those needing the owner first, then the newest first."""
    with profile.read() as s:
        local = _local_decisions(s)
        rows = s.execute(
            select(ReleaseRequest, StoreManager.name, ReleaseReasonDraft.reason)
            .outerjoin(StoreManager, StoreManager.id == ReleaseRequest.store_manager_id)
            .outerjoin(ReleaseReasonDraft, ReleaseReasonDraft.request_id == ReleaseRequest.id)
        ).all()
    queue = [
        _queued(request, name or "", local.get(request.id), draft or "")
        for request, name, draft in rows
    ]
    queue.sort(key=lambda q: (not q.needs_owner, -q.created_at, -q.id))
    return queue


def queued_request(profile: Profile, request_id: int) -> QueuedRequest | None:
    return next((q for q in release_queue(profile) if q.id == request_id), None)


def requests_needing_owner(profile: Profile) -> int:
    """Pending on the platform, and not decided here (or decided here and refused)."""
    return sum(q.needs_owner for q in release_queue(profile))


def local_decisions(s: Session) -> dict[int, list[LocalDecision]]:
    """Every decision recorded here, oldest first, by request id."""
    found: dict[int, list[LocalDecision]] = {}
    for entry in s.scalars(
        select(DecisionLog).order_by(DecisionLog.decided_at, DecisionLog.mutation_id)
    ):
        found.setdefault(entry.request_id, []).append(
            LocalDecision(
                mutation_id=entry.mutation_id,
                decision=entry.decision,
                reason=entry.reason,
                decided_at=entry.decided_at,
                state=_STATE_OF_LOG.get(entry.outcome, "waiting"),
                answered_at=entry.answered_at,
                refusal_code=entry.refusal_code,
                refusal=entry.refusal,
                actor=entry.actor,
                actor_name=entry.actor_name,
                shop_code=entry.shop_code,
            )
        )
    return found


def _local_decisions(s: Session) -> dict[int, LocalDecision]:
    return {key: decisions[-1] for key, decisions in local_decisions(s).items()}


def _queued(
    request: ReleaseRequest, manager_name: str, local: LocalDecision | None, draft: str
) -> QueuedRequest:
    state: DecisionState
    if local is not None:
        state = local.state
    elif request.status == "pending":
        state = "undecided"
    else:
        state = "elsewhere"
    return QueuedRequest(
        id=request.id,
        manager_id=request.store_manager_id,
        manager_name=manager_name,
        created_at=request.created_at,
        status=request.status,
        decided_at=request.decided_at,
        platform_reason=request.decision_reason,
        state=state,
        local=local,
        draft_reason=draft,
    )
