"""The owner's decision on a store manager's release request."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass

from sqlalchemy import select

from models import wire
from models.changes import Changes
from models.db import DecisionLog, ReleaseRequest, Shop
from models.errors import InvalidInput
from models.profile import Profile
from models.services.drafts import clear_reason_draft
from models.sync.outbox import record_action, signed_in_actor


class AlreadyDecided(InvalidInput):
    """The release request was decided already, here or elsewhere; one decision per request.

    The approval dialog says this in its own words; gui/messages has words for it too.
    """

    def __init__(self, request_id: int, status: str) -> None:
        super().__init__("release_request", "decided", value=request_id)
        self.request_id = request_id
        self.status = status  # approved, declined, waiting (not yet synced) or decided


class UnknownReleaseRequest(InvalidInput):
    """No release request with that id in this shop."""

    def __init__(self, request_id: int) -> None:
        super().__init__("release_request", "unknown", value=request_id)
        self.request_id = request_id


@dataclass(frozen=True)
class DecisionRecorded:
    request_id: int
    decision: str
    mutation_id: str
    changes: Changes


def decide_release(
    profile: Profile, request_id: int, decision: str, reason: str, now: int | None = None
) -> DecisionRecorded:
    """Record approve or decline; the platform has the last word when the outbox is pushed."""
    if decision not in ("approve", "decline"):
        raise InvalidInput("decision", "not_one_of", value=decision, allowed=("approve", "decline"))
    if len(reason) > wire.MAX_REASON_LENGTH:
        raise InvalidInput("reason", "too_long", value=len(reason), limit=wire.MAX_REASON_LENGTH)
    stamp = int(time.time()) if now is None else now
    with profile.write() as s:
        request = s.get(ReleaseRequest, request_id)
        if request is None:
            raise UnknownReleaseRequest(request_id)
        if request.status != "pending":
            raise AlreadyDecided(request_id, request.status)
        # A refused decision may be made again; a waiting or applied one may not.
        earlier = s.scalar(
            select(DecisionLog.outcome)
            .where(DecisionLog.request_id == request_id, DecisionLog.outcome != "refused")
            .limit(1)
        )
        if earlier is not None:
            raise AlreadyDecided(request_id, "waiting" if earlier == "waiting" else "decided")
        payload = wire.ReleaseDecisionPayload(
            request_id=request_id,
            decision=decision,
            reason=reason,
        )
        mutation_id = str(uuid.uuid4())
        row = payload.model_dump() | {"decided_at": stamp, "mutation_id": mutation_id}
        conn = s.connection()
        record_action(conn, "release.decide", payload, row, stamp, mutation_id=mutation_id)
        actor = signed_in_actor(conn)
        shop = s.scalar(select(Shop.owner_name).limit(1))
        name = actor.display_name or (shop if actor.role == "owner" and shop else actor.user)
        s.add(
            DecisionLog(
                mutation_id=mutation_id,
                request_id=request_id,
                decision=decision,
                reason=reason,
                decided_at=stamp,
                actor=actor.user,
                actor_name=name,
                shop_code=actor.shop_code,
                outcome="waiting",
                refusal_code="",
                refusal="",
            )
        )
        drafted = clear_reason_draft(s, request_id)
    changes = Changes.of_rows("release_decision", [request_id]) | Changes.of_rows(
        "outbox", [mutation_id]
    )
    if drafted:
        changes |= Changes.of_rows("release_reason_draft", [request_id])
    return DecisionRecorded(request_id, decision, mutation_id, changes)
