"""The log of release decisions: who decided what and when, and what the platform made of it.

Decisions made on this computer come from the desk's decision log, kept for good, so a refused
attempt stays beside the decision that won however long ago it was; decisions the platform
reports without one of ours were made elsewhere, by the person the feed names.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models.db import Person, ReleaseDecision, ReleaseRequest, Shop, StoreManager, SyncState
from models.profile import Profile
from models.services.people import actor_names
from models.services.release_queue import DecisionState, local_decisions


@dataclass(frozen=True)
class AuditEntry:
    request_id: int
    manager_name: str
    at: int  # when the decision was made
    here: bool  # made on this computer
    who: str  # the name of who decided; empty when the platform does not say
    account: str  # the shop code signed in here; empty for a decision made elsewhere
    decision: str  # approve or decline
    reason: str
    outcome: DecisionState  # waiting, applied or refused; elsewhere when not made here
    answered_at: int | None  # when the platform answered a decision made here
    refusal_code: str  # the platform's code, when refused
    refusal: str  # the platform's reason, when refused
    status: str  # the request's status on the platform now
    actor: str = ""  # the user name of who decided, when known


def release_audit(profile: Profile) -> list[AuditEntry]:
    """Every decision, newest first."""
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        shop = s.get(Shop, state.shop_id) if state is not None else None
        owner = shop.owner_name if shop is not None and shop.owner_name else ""
        owner = owner or (state.shop_name if state is not None else "")
        names: dict[int, str] = dict(s.execute(select(StoreManager.id, StoreManager.name)).all())
        requests = {r.id: r for r in s.scalars(select(ReleaseRequest))}
        deciders = dict(s.execute(select(ReleaseDecision.request_id, ReleaseDecision.actor)).all())
        people = actor_names(s.scalars(select(Person)), owner)
        ours = local_decisions(s)
    entries: list[AuditEntry] = []
    for request_id, decisions in ours.items():
        request = requests.get(request_id)
        manager = names.get(request.store_manager_id, "") if request is not None else ""
        entries.extend(
            AuditEntry(
                request_id=request_id,
                manager_name=manager,
                at=d.decided_at,
                here=True,
                who=d.actor_name or people.get(d.actor, d.actor),
                account=d.shop_code,
                decision=d.decision,
                reason=d.reason,
                outcome=d.state,
                answered_at=d.answered_at,
                refusal_code=d.refusal_code,
                refusal=d.refusal,
                status=request.status if request is not None else "",
                actor=d.actor,
            )
            for d in decisions
        )
    for request in requests.values():
        if request.status == "pending" or request.decided_at is None:
            continue
        if any(d.state == "applied" for d in ours.get(request.id, [])):
            continue
        actor = deciders.get(request.id, "")
        entries.append(
            AuditEntry(
                request_id=request.id,
                manager_name=names.get(request.store_manager_id, ""),
                at=request.decided_at,
                here=False,
                who=people.get(actor, actor),
                account="",
                decision="approve" if request.status == "approved" else "decline",
                reason=request.decision_reason,
                outcome="elsewhere",
                answered_at=None,
                refusal_code="",
                refusal="",
                status=request.status,
                actor=actor,
            )
        )
    entries.sort(key=lambda e: (-e.at, -e.request_id, not e.here))
    return entries
