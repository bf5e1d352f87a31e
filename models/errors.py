"""Typed errors the desktop turns into words; nothing here is meant to be shown as it is.

An error carries what the words need as data (which value, what limit); its message is for the
log, in English, and never reaches a screen.
"""

from __future__ import annotations

from typing import Literal

from models import wire

# What an owner's value was for, and what was wrong with it; gui/messages words each.
InputSubject = Literal[
    "flag",
    "note",
    "view_name",
    "copies",
    "decision",
    "reason",
    "page",
    "column",
    "columns",
    "file_type",
    "poster_code",
    "release_request",
    "product",
    "sale_event",
    "store_manager",
    "withdrawal",
    "statement",
    "status",
    "date_range",
    "person_name",
    "user_name",
    "role",
]
InputProblem = Literal[
    "missing", "too_long", "out_of_range", "not_one_of", "unknown", "unreadable", "decided"
]

# What a file that is not one of our databases turned out to be.
ForeignKind = Literal["empty", "not_a_database", "another_program", "newer_version", "folder"]


class ZhangguiError(Exception):
    """Base of every error this package raises on purpose."""


class ProfileError(ZhangguiError):
    """The profile folder or its database cannot be used; nothing in it was changed."""


class ProfileCorrupt(ProfileError):
    """The database file is damaged or is not a SQLite database."""


class ProfileForeign(ProfileError):
    """The file is not one of our databases: empty, not a database, another program's, or one
    from a newer version. It is left as it is and never taken as a new profile."""

    def __init__(self, message: str, kind: ForeignKind = "another_program") -> None:
        super().__init__(message)
        self.kind: ForeignKind = kind


class ProfileBusy(ProfileError):
    """Another program held the database for longer than opening waits; try again later."""


class ProfileDiskFull(ProfileError):
    """The disk that holds the profile is full."""


class ProfileUnwritable(ProfileError):
    """The profile folder cannot be written."""


class ProfileOtherShop(ProfileError):
    """The profile already belongs to another shop; a profile never mixes two shops."""

    def __init__(self, own_shop: str, other_shop: str) -> None:
        super().__init__(
            f"this profile belongs to shop {own_shop}; use another profile folder for {other_shop}"
        )
        self.own_shop = own_shop
        self.other_shop = other_shop


class NotSignedIn(ZhangguiError):
    """The profile has no shop yet: sign in first."""


class SyncBusy(ZhangguiError):
    """Another sync of this profile is running."""


class SyncCancelled(ZhangguiError):
    """The owner cancelled the sync; what was applied so far is kept."""


class PlatformError(ZhangguiError):
    """The platform answered with an error; ``code`` is the wire error code."""

    def __init__(self, code: str, message: str, status: int = 0) -> None:
        super().__init__(message)
        self.code = code
        self.message = message
        self.status = status


class PlatformUnreachable(PlatformError):
    """No answer from the platform (down, no network, timeout)."""


class PlatformSilent(PlatformUnreachable):
    """The platform took the request and gave no answer in time; trying again at once would
    only wait as long again."""


class UpgradeRequired(PlatformError):
    """The platform speaks another protocol version."""


class LoginRefused(PlatformError):
    """Wrong shop code or password, or a token the platform no longer accepts."""


class SignInEnded(LoginRefused):
    """This computer's sign-in ended: revoked, or unused for 30 days. Sign in again."""

    @property
    def expired(self) -> bool:
        return self.code == wire.ERR_SESSION_EXPIRED


class SignInThrottled(PlatformError):
    """Too many failed sign-ins for this shop from this address; ``retry_at`` says when the
    platform lets the next one through (seconds since the epoch)."""

    def __init__(self, code: str, message: str, status: int = 429, retry_at: float = 0.0) -> None:
        super().__init__(code, message, status)
        self.retry_at = retry_at


class CursorExpired(PlatformError):
    """The platform no longer has the changes since our cursor: re-snapshot."""


class MalformedPayload(PlatformError):
    """The platform's answer is not what the protocol says; nothing of it was applied."""


class UnknownOrder(ZhangguiError):
    """No order with that number in this shop; ``order_nos`` names every one not found."""

    def __init__(self, order_no: str, order_nos: tuple[str, ...] = ()) -> None:
        self.order_nos = order_nos or (order_no,)
        shown = ", ".join(self.order_nos[:5])
        more = len(self.order_nos) - 5
        super().__init__(f"no order {shown}{f' and {more} more' if more > 0 else ''} in this shop")
        self.order_no = order_no


class AlreadySent(ZhangguiError):
    """An action cannot be undone: ``sent`` of its ``total`` entries went to the platform."""

    def __init__(self, sent: int, total: int) -> None:
        super().__init__(f"{sent} of {total} actions were sent to the platform already")
        self.sent = sent
        self.total = total


class InvalidInput(ZhangguiError):
    """A value the owner gave cannot be used: ``subject`` says what it was for, ``problem`` what
    is wrong, and ``value``, ``limit``, ``low`` and ``allowed`` the particulars."""

    def __init__(
        self,
        subject: InputSubject,
        problem: InputProblem,
        *,
        value: object = None,
        limit: int | None = None,
        low: int | None = None,
        allowed: tuple[str, ...] = (),
    ) -> None:
        details = [
            f"{name}={v!r}"
            for name, v in (("value", value), ("limit", limit), ("low", low))
            if v is not None
        ]
        if allowed:
            details.append(f"allowed={'/'.join(allowed)}")
        super().__init__(f"{subject}: {problem}" + (f" ({', '.join(details)})" if details else ""))
        self.subject: InputSubject = subject
        self.problem: InputProblem = problem
        self.value = value
        self.limit = limit
        self.low = low
        self.allowed = allowed


class FileNotWritten(ZhangguiError):
    """A file the owner asked for could not be written; nothing was left half written."""

    def __init__(self, path: str, reason: str) -> None:
        super().__init__(f"cannot write {path}: {reason}")
        self.path = path
        self.reason = reason


class NotAllowed(ZhangguiError):
    """The person signed in here may not do this: the owner's alone, or beyond a manager's
    own sub-store. Nothing was recorded."""

    def __init__(self, role: str, kind: str) -> None:
        super().__init__(f"a signed-in {role} may not do {kind}")
        self.role = role
        self.kind = kind


class PlatformForbidden(PlatformError):
    """The platform refused a request of this person's role (managing people, say)."""


class PlatformAddressInvalid(ZhangguiError):
    """What was typed as the platform's address is not a web address."""

    def __init__(self, address: str, reason: str) -> None:
        super().__init__(f"{address!r} is not a platform address: {reason}")
        self.address = address
        self.reason = reason


class BackupError(ZhangguiError):
    """A backup cannot be restored; the profile was not changed."""


class BackupDamaged(BackupError):
    """The backup file is damaged or is not a Zhanggui database."""


class BackupOtherShop(BackupError):
    """The backup belongs to another shop than the profile."""

    def __init__(self, own_shop: str, other_shop: str) -> None:
        super().__init__(f"this profile belongs to shop {own_shop}; the backup to {other_shop}")
        self.own_shop = own_shop
        self.other_shop = other_shop
