"""The people of a shop on the platform: the owner, assistants the owner adds with a one-time
sign-up code, and store managers with a sign-in of their own; disabling someone ends every one
of their sign-ins at once.

Every person is a ``person`` row of the shop's feed (only the owner's feed carries them), so
the owner's People page shows who signs in and when they last did on every computer.
"""

from __future__ import annotations

import hashlib
import logging
import secrets
from dataclasses import dataclass
from typing import Any, Final

from sqlalchemy import Connection, select, update

from models import wire
from server import tokens
from server.auth import NO_PASSWORD
from server.db.base import table_of
from server.db.people import Person, PersonSecret
from server.db.shops import StoreManager
from server.db.upsert import upsert
from server.rows import Row, load_rows, new_ids, save_rows

log = logging.getLogger(__name__)

DAY: Final = 86_400
# Ten letters and digits that read unambiguously aloud or on paper (no 0/O, 1/I/L).
_CODE_LETTERS: Final = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
CODE_LENGTH: Final = 10
_secrets = table_of(PersonSecret)


class PeopleRefusal(Exception):
    """What the owner asked cannot be done; ``reason`` says why in words."""

    def __init__(self, status: int, code: str, reason: str) -> None:
        super().__init__(reason)
        self.status = status
        self.code = code
        self.reason = reason


@dataclass(frozen=True)
class Found:
    """A person found for a sign-in, with what proves them."""

    row: Row
    password_hash: str
    signup_sha256: str | None
    signup_expires_at: int | None

    @property
    def caller(self) -> tokens.Caller:
        return caller_of(self.row)


def caller_of(row: Row, shop_id: int | None = None) -> tokens.Caller:
    return tokens.Caller(
        shop_id=int(shop_id if shop_id is not None else row["shop_id"]),
        person_id=int(row["id"]),
        user=str(row["user_name"]),
        role=str(row["role"]),
        store_manager_id=row["store_manager_id"],
    )


def code_digest(code: str) -> str:
    return hashlib.sha256(code.strip().upper().encode()).hexdigest()


def new_signup_code() -> str:
    return "".join(secrets.choice(_CODE_LETTERS) for _ in range(CODE_LENGTH))


def person_row(
    person_id: int,
    user_name: str,
    display_name: str,
    role: str,
    now: int,
    *,
    store_manager_id: int | None = None,
    status: str = "active",
) -> Row:
    """A person as the contract spells the row, field by field in its order."""
    return {
        "id": person_id,
        "user_name": user_name,
        "display_name": display_name,
        "role": role,
        "store_manager_id": store_manager_id,
        "status": status,
        "created_at": now,
        "last_sign_in_at": None,
        "disabled_at": None,
    }


def open_owner(conn: Connection, shop_id: int, owner_name: str, now: int) -> Row:
    """The owner's person of a shop just opened (her password is the shop's credential)."""
    (person_id,) = new_ids(conn, "person", 1, shop_id)
    row = person_row(person_id, wire.OWNER_USER, owner_name, "owner", now)
    save_rows(conn, "person", [row], shop_id)
    return row


def owner_of(conn: Connection, shop_id: int) -> Row | None:
    found = load_rows(conn, "person", shop_id, Person.role == "owner")
    return {**found[0], "shop_id": shop_id} if found else None


def owner_caller(conn: Connection, shop_id: int) -> tokens.Caller:
    owner = owner_of(conn, shop_id)
    if owner is None:
        # A shop from before its people were kept: its one sign-in was its owner's.
        return tokens.Caller(shop_id, 0, wire.OWNER_USER, "owner")
    return caller_of(owner)


def find(conn: Connection, shop_id: int, user_name: str) -> Found | None:
    """A person of the shop other than the owner, by user name."""
    found = load_rows(conn, "person", shop_id, Person.user_name == user_name)
    if not found or found[0]["role"] == "owner":
        return None
    row = {**found[0], "shop_id": shop_id}
    secret = conn.execute(
        select(_secrets).where(_secrets.c.shop_id == shop_id, _secrets.c.person_id == row["id"])
    ).first()
    if secret is None:
        return Found(row, NO_PASSWORD, None, None)
    return Found(row, secret.password_hash, secret.signup_sha256, secret.signup_expires_at)


def signed_in(conn: Connection, shop_id: int, person_id: int, now: int) -> None:
    """Note the sign-in on the person's row, for the owner's People page."""
    rows = load_rows(conn, "person", shop_id, Person.id == person_id)
    # A second sign-in within the same second changes nothing: the feed gets no new entry.
    if rows and rows[0]["last_sign_in_at"] != now:
        save_rows(conn, "person", [{**rows[0], "last_sign_in_at": now}], shop_id)


def store_password(conn: Connection, shop_id: int, person_id: int, password_hash: str) -> None:
    conn.execute(
        update(_secrets)
        .where(_secrets.c.shop_id == shop_id, _secrets.c.person_id == person_id)
        .values(password_hash=password_hash)
    )


def sign_up(conn: Connection, shop_id: int, found: Found, password_hash: str, now: int) -> Row:
    """Use up a sign-up code: the person's password from now on, and the person active."""
    upsert(
        conn,
        _secrets,
        [
            {
                "shop_id": shop_id,
                "person_id": found.row["id"],
                "password_hash": password_hash,
                "signup_sha256": None,
                "signup_expires_at": None,
            }
        ],
    )
    row = {k: v for k, v in found.row.items() if k != "shop_id"}
    row.update(status="active", last_sign_in_at=now)
    save_rows(conn, "person", [row], shop_id)
    return row


def code_fits(found: Found, code: str, now: int) -> bool:
    if found.signup_sha256 is None or found.signup_expires_at is None:
        return False
    if now >= found.signup_expires_at:
        return False
    return secrets.compare_digest(found.signup_sha256, code_digest(code))


def add(
    conn: Connection, shop_id: int, request: wire.AddPersonRequest, now: int
) -> tuple[Row, str, int]:
    """A new person waiting to sign up: their row, their one-time code and when it expires."""
    user_name = request.user_name.strip()
    if user_name.casefold() == wire.OWNER_USER:
        raise PeopleRefusal(
            400, wire.ERR_BAD_REQUEST, f"{wire.OWNER_USER!r} is the owner's; choose another name."
        )
    taken = load_rows(conn, "person", shop_id, Person.user_name == user_name)
    if taken:
        raise PeopleRefusal(
            409, wire.ERR_BAD_REQUEST, f"Someone of this shop is called {user_name!r} already."
        )
    manager_id = None
    if request.role == "manager":
        manager_id = _free_manager(conn, shop_id, request.store_manager_id)
    elif request.store_manager_id is not None:
        raise PeopleRefusal(
            400, wire.ERR_BAD_REQUEST, "An assistant sees the whole shop, not one sub-store."
        )
    (person_id,) = new_ids(conn, "person", 1, shop_id)
    row = person_row(
        person_id,
        user_name,
        request.display_name.strip(),
        request.role,
        now,
        store_manager_id=manager_id,
        status="invited",
    )
    save_rows(conn, "person", [row], shop_id)
    code = new_signup_code()
    expires = now + wire.SIGNUP_CODE_DAYS * DAY
    upsert(
        conn,
        _secrets,
        [
            {
                "shop_id": shop_id,
                "person_id": person_id,
                "password_hash": NO_PASSWORD,
                "signup_sha256": code_digest(code),
                "signup_expires_at": expires,
            }
        ],
    )
    log.info("shop %d: %s %s added", shop_id, request.role, person_id)
    return row, code, expires


def _free_manager(conn: Connection, shop_id: int, manager_id: int | None) -> int:
    if manager_id is None:
        raise PeopleRefusal(
            400, wire.ERR_BAD_REQUEST, "Say which store manager this sign-in is for."
        )
    manager = conn.execute(
        select(StoreManager.status).where(
            StoreManager.shop_id == shop_id, StoreManager.id == manager_id
        )
    ).first()
    if manager is None:
        raise PeopleRefusal(
            404, wire.ERR_BAD_REQUEST, f"Store manager {manager_id} is not one of this shop."
        )
    if manager.status != "active":
        raise PeopleRefusal(
            409, wire.ERR_BAD_REQUEST, "This store manager was released and has a shop of her own."
        )
    if load_rows(conn, "person", shop_id, Person.store_manager_id == manager_id):
        raise PeopleRefusal(409, wire.ERR_BAD_REQUEST, "This store manager has a sign-in already.")
    return manager_id


def set_enabled(conn: Connection, shop_id: int, person_id: int, enabled: bool, now: int) -> Row:
    """Disable someone (every sign-in of theirs ends now) or let them in again."""
    found = load_rows(conn, "person", shop_id, Person.id == person_id, for_update=True)
    if not found:
        raise PeopleRefusal(
            404, wire.ERR_BAD_REQUEST, f"Person {person_id} is not one of this shop."
        )
    row = found[0]
    if row["role"] == "owner":
        raise PeopleRefusal(
            409, wire.ERR_BAD_REQUEST, "The shop's owner is always let in: she cannot be disabled."
        )
    if enabled:
        row.update(status=_status_when_enabled(conn, shop_id, person_id), disabled_at=None)
    else:
        row.update(status="disabled", disabled_at=now)
        ended = tokens.revoke_person(conn, shop_id, person_id)
        log.info("shop %d: person %d disabled, %d sign-ins ended", shop_id, person_id, ended)
    save_rows(conn, "person", [row], shop_id)
    return row


def _status_when_enabled(conn: Connection, shop_id: int, person_id: int) -> str:
    password = conn.scalar(
        select(_secrets.c.password_hash).where(
            _secrets.c.shop_id == shop_id, _secrets.c.person_id == person_id
        )
    )
    return "invited" if password in (None, NO_PASSWORD) else "active"


def disable_manager(conn: Connection, shop_id: int, manager_id: int, now: int) -> None:
    """A released manager signs in to her own shop from now on, never again to this one."""
    for row in load_rows(conn, "person", shop_id, Person.store_manager_id == manager_id):
        if row["status"] != "disabled":
            set_enabled(conn, shop_id, int(row["id"]), False, now)


DEMO_ASSISTANT: Final = "assistant"


def demo_people(
    owner_name: str, managers: list[dict[str, Any]], first_id: int, opened_at: int
) -> list[Row]:
    """A demo shop's people: its owner, an assistant, and every store manager as m<id> (a
    released one disabled)."""
    rows = [
        person_row(first_id, wire.OWNER_USER, owner_name, "owner", opened_at),
        person_row(first_id + 1, DEMO_ASSISTANT, "店铺助理", "assistant", opened_at),
    ]
    for n, manager in enumerate(managers):
        rows.append(
            person_row(
                first_id + 2 + n,
                f"m{manager['id']}",
                manager["name"],
                "manager",
                manager["joined_at"],
                store_manager_id=manager["id"],
                status="active" if manager["status"] == "active" else "disabled",
            )
        )
        if manager["status"] != "active":
            rows[-1]["disabled_at"] = manager.get("released_at") or opened_at
    return rows
