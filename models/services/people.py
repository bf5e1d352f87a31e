"""The people of the shop as the owner sees them: who signs in, when they last did, what they
did lately; adding an assistant and disabling someone, which the platform does at once."""

from __future__ import annotations

import logging
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Final, Literal

from sqlalchemy import select
from sqlalchemy.orm import Session

from models import wire
from models.db import (
    Order,
    OrderReview,
    Person,
    PosterPrint,
    Product,
    ProductPick,
    ReleaseDecision,
    ReleaseRequest,
    Shop,
    StoreManager,
    SyncState,
    WithdrawalRequest,
    table_of,
)
from models.errors import InvalidInput, NotAllowed, NotSignedIn
from models.profile import Profile
from models.sync.apply import upsert_rows
from models.sync.transport import PlatformClient

log = logging.getLogger(__name__)

RECENT_ACTIONS: Final = 8
ActionKind = Literal["review", "pick", "unpick", "decision", "poster", "withdrawal"]


@dataclass(frozen=True)
class PersonAction:
    at: int
    kind: ActionKind
    subject: str  # the order number, product title, manager's name, poster kind or amount
    detail: str  # the flag of a review, approve/decline, the copies printed


@dataclass(frozen=True)
class PersonLine:
    id: int
    user_name: str
    display_name: str
    role: str  # owner, assistant or manager
    store_manager_id: int | None
    manager_name: str  # the sub-store of a manager
    status: str  # invited, active or disabled
    created_at: int
    last_sign_in_at: int | None
    disabled_at: int | None
    recent: tuple[PersonAction, ...]  # newest first
    is_me: bool


@dataclass(frozen=True)
class AddedPerson:
    person: PersonLine
    signup_code: str
    code_expires_at: int


@dataclass(frozen=True)
class Names:
    """The names to show for the user names the shop's rows record."""

    me: str  # the user signed in here
    names: dict[str, str]

    def of(self, user: str) -> str:
        return self.names.get(user, user)


def names_here(s: Session) -> Names:
    """Who is who, as far as this profile knows: the owner by the shop's owner name, the one
    signed in by their own name, others (on the owner's computer) by their rows."""
    state = s.scalar(select(SyncState))
    shop = s.get(Shop, state.shop_id) if state is not None else None
    names = actor_names(s.scalars(select(Person)), shop.owner_name if shop is not None else "")
    if state is not None and state.display_name:
        names.setdefault(state.user, state.display_name)
    return Names(state.user if state is not None else "", names)


def actor_names(people: Iterable[Person], owner_name: str) -> dict[str, str]:
    """User name -> the name to show for it; the owner by the shop's owner name."""
    names = {p.user_name: p.display_name or p.user_name for p in people}
    if owner_name:
        names[wire.OWNER_USER] = owner_name
    return names


def shop_people(profile: Profile, recent: int = RECENT_ACTIONS) -> list[PersonLine]:
    """Everyone who signs in to the shop: the owner first, then by role and name."""
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        me = state.user if state is not None else ""
        managers = dict(s.execute(select(StoreManager.id, StoreManager.name)).all())
        lines = [
            _line(p, managers, recent_actions(s, p.user_name, recent), me)
            for p in s.scalars(select(Person))
        ]
    order = {role: n for n, role in enumerate(wire.ROLES)}
    lines.sort(key=lambda p: (order.get(p.role, 9), p.status == "disabled", p.display_name, p.id))
    return lines


def _line(
    person: Person, managers: dict[int, str], recent: list[PersonAction], me: str
) -> PersonLine:
    manager = person.store_manager_id
    return PersonLine(
        id=person.id,
        user_name=person.user_name,
        display_name=person.display_name,
        role=person.role,
        store_manager_id=manager,
        manager_name=managers.get(manager, "") if manager is not None else "",
        status=person.status,
        created_at=person.created_at,
        last_sign_in_at=person.last_sign_in_at,
        disabled_at=person.disabled_at,
        recent=tuple(recent),
        is_me=person.user_name == me,
    )


def recent_actions(s: Session, user: str, limit: int = RECENT_ACTIONS) -> list[PersonAction]:
    """What ``user`` did lately, as the shop's rows record it (newest first)."""
    found: list[PersonAction] = []
    for at, order_no, flag, reviewed in s.execute(
        select(OrderReview.updated_at, Order.order_no, OrderReview.flag, OrderReview.reviewed)
        .join(Order, Order.id == OrderReview.order_id, isouter=True)
        .where(OrderReview.actor == user)
        .order_by(OrderReview.updated_at.desc())
        .limit(limit)
    ):
        found.append(PersonAction(at, "review", order_no or "", flag if reviewed else "unreviewed"))
    for at, title, picked in s.execute(
        select(ProductPick.updated_at, Product.title, ProductPick.picked)
        .join(Product, Product.id == ProductPick.product_id, isouter=True)
        .where(ProductPick.actor == user)
        .order_by(ProductPick.updated_at.desc())
        .limit(limit)
    ):
        found.append(PersonAction(at, "pick" if picked else "unpick", title or "", ""))
    for at, name, decision in s.execute(
        select(ReleaseDecision.decided_at, StoreManager.name, ReleaseDecision.decision)
        .join(ReleaseRequest, ReleaseRequest.id == ReleaseDecision.request_id, isouter=True)
        .join(StoreManager, StoreManager.id == ReleaseRequest.store_manager_id, isouter=True)
        .where(ReleaseDecision.actor == user)
        .order_by(ReleaseDecision.decided_at.desc())
        .limit(limit)
    ):
        found.append(PersonAction(at, "decision", name or "", decision))
    for at, kind, copies in s.execute(
        select(PosterPrint.printed_at, PosterPrint.kind, PosterPrint.copies)
        .where(PosterPrint.actor == user)
        .order_by(PosterPrint.printed_at.desc())
        .limit(limit)
    ):
        found.append(PersonAction(at, "poster", kind, str(copies)))
    for at, cents in s.execute(
        select(WithdrawalRequest.requested_at, WithdrawalRequest.amount_cents)
        .where(WithdrawalRequest.actor == user)
        .order_by(WithdrawalRequest.requested_at.desc())
        .limit(limit)
    ):
        found.append(PersonAction(at, "withdrawal", str(cents), ""))
    found.sort(key=lambda a: -a.at)
    return found[:limit]


def add_person(
    profile: Profile,
    user_name: str,
    display_name: str,
    role: str = "assistant",
    store_manager_id: int | None = None,
) -> AddedPerson:
    """Ask the platform for a new person and their one-time sign-up code (online only)."""
    user_name, display_name = user_name.strip(), display_name.strip()
    if not display_name:
        raise InvalidInput("person_name", "missing")
    if role not in ("assistant", "manager"):
        raise InvalidInput("role", "not_one_of", value=role, allowed=("assistant", "manager"))
    try:
        request = wire.AddPersonRequest(
            user_name=user_name,
            display_name=display_name,
            role="manager" if role == "manager" else "assistant",
            store_manager_id=store_manager_id,
        )
    except ValueError as error:
        raise InvalidInput("user_name", "unreadable", value=user_name) from error
    with _owner_client(profile) as client:
        answer = client.add_person(request)
    _keep(profile, answer.person)
    return AddedPerson(
        _person_line(profile, answer.person["id"]), answer.signup_code, answer.code_expires_at
    )


def set_person_enabled(profile: Profile, person_id: int, enabled: bool) -> PersonLine:
    """Disable someone (their sign-ins stop working at once) or let them in again."""
    with _owner_client(profile) as client:
        answer = client.set_person_enabled(person_id, enabled)
    _keep(profile, answer.person)
    return _person_line(profile, person_id)


def _owner_client(profile: Profile) -> PlatformClient:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        if state is None or not state.token:
            raise NotSignedIn("this profile has not signed in to a shop yet")
        if state.role != "owner":
            raise NotAllowed(state.role, "people")
        return PlatformClient(state.platform_url, state.token)


def _keep(profile: Profile, row: wire.PersonRow) -> None:
    # The platform's answer is its row as the next pull brings it; keeping it now shows the
    # change at once.
    with profile.writer.begin() as conn:
        upsert_rows(conn, table_of(Person), [dict(row)])


def _person_line(profile: Profile, person_id: int) -> PersonLine:
    found = next((p for p in shop_people(profile) if p.id == person_id), None)
    if found is None:  # pragma: no cover - _keep wrote it just before
        raise LookupError(person_id)
    return found
