"""The owner manages the shop's people: adding someone with a one-time sign-up code, disabling
someone (their sign-ins end at once) or letting them in again. Nobody else may."""

from __future__ import annotations

import logging
from typing import Annotated, Any

from fastapi import APIRouter, Path

from models import wire
from server import people, tokens
from server.api.errors import ApiError
from server.api.state import Caller, State
from server.db.engine import write_begin

log = logging.getLogger(__name__)

router = APIRouter(prefix="/v1/people")
_ERRORS: dict[int | str, dict[str, Any]] = {
    status: {"model": wire.ErrorBody} for status in (400, 401, 403, 404, 409, 413, 426)
}
PersonId = Annotated[int, Path(ge=1, le=wire.JSON_INT_MAX)]


def _owner_only(caller: tokens.Caller) -> None:
    if caller.role != "owner":
        raise ApiError(
            403,
            wire.ERR_FORBIDDEN,
            "Only the shop's owner adds, disables and lets in the shop's people.",
        )


def _refused(refusal: people.PeopleRefusal) -> ApiError:
    return ApiError(refusal.status, refusal.code, refusal.reason)


@router.post("", response_model=wire.AddPersonResponse, responses=_ERRORS)
def add_person(body: wire.AddPersonRequest, caller: Caller, state: State) -> wire.AddPersonResponse:
    """Add an assistant, or a store manager's own sign-in; the answer holds the one-time
    sign-up code, shown to the owner once."""
    _owner_only(caller)
    try:
        with write_begin(state.engine) as conn:
            row, code, expires = people.add(conn, caller.shop_id, body, state.clock())
    except people.PeopleRefusal as refusal:
        raise _refused(refusal) from refusal
    return wire.AddPersonResponse(person=row, signup_code=code, code_expires_at=expires)


@router.post("/{person_id}/disable", response_model=wire.PersonResponse, responses=_ERRORS)
def disable_person(person_id: PersonId, caller: Caller, state: State) -> wire.PersonResponse:
    """Every sign-in of the person ends now, and they cannot sign in until let in again."""
    return _set_enabled(person_id, False, caller, state)


@router.post("/{person_id}/enable", response_model=wire.PersonResponse, responses=_ERRORS)
def enable_person(person_id: PersonId, caller: Caller, state: State) -> wire.PersonResponse:
    """Let a disabled person sign in again (with the password they had)."""
    return _set_enabled(person_id, True, caller, state)


def _set_enabled(
    person_id: int, enabled: bool, caller: tokens.Caller, state: State
) -> wire.PersonResponse:
    _owner_only(caller)
    try:
        with write_begin(state.engine) as conn:
            row = people.set_enabled(conn, caller.shop_id, person_id, enabled, state.clock())
    except people.PeopleRefusal as refusal:
        raise _refused(refusal) from refusal
    return wire.PersonResponse(person=row)
