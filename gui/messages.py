"""Words for the typed errors of models/: what happened, in the owner's language.

``describe`` is a full sentence for a dialog; ``sync_state`` is the short form the status bar
shows after a sync; ``sign_in_problem`` is what the sign-in dialog says.
"""

from __future__ import annotations

import logging
import math
import time
from pathlib import Path

from PySide6.QtCore import QCoreApplication

from gui.counted import counted
from gui.formatting import clock_time, fill
from gui.input_words import describe_input
from models.errors import (
    AlreadySent,
    BackupError,
    BackupOtherShop,
    CursorExpired,
    FileNotWritten,
    ForeignKind,
    InvalidInput,
    LoginRefused,
    MalformedPayload,
    NotAllowed,
    NotSignedIn,
    PlatformAddressInvalid,
    PlatformError,
    PlatformForbidden,
    PlatformSilent,
    PlatformUnreachable,
    ProfileBusy,
    ProfileCorrupt,
    ProfileDiskFull,
    ProfileError,
    ProfileForeign,
    ProfileOtherShop,
    ProfileUnwritable,
    SignInEnded,
    SignInThrottled,
    SyncBusy,
    SyncCancelled,
    UnknownOrder,
    UpgradeRequired,
    ZhangguiError,
)

log = logging.getLogger(__name__)


def describe(error: BaseException) -> str:
    """A sentence for any error, typed or not."""
    if isinstance(error, ProfileError):
        return profile_problem(error)
    if isinstance(error, BackupError):
        return backup_problem(error)
    if isinstance(error, PlatformAddressInvalid):
        return sign_in_problem(error, error.address)
    if isinstance(error, NotSignedIn):
        return QCoreApplication.translate(
            "messages", "This profile has not signed in to a shop yet. Please sign in."
        )
    if isinstance(error, SyncBusy):
        return QCoreApplication.translate(
            "messages", "A sync is already running. It will bring the newest data shortly."
        )
    if isinstance(error, SyncCancelled):
        return QCoreApplication.translate(
            "messages", "The sync was cancelled. What had arrived so far is kept."
        )
    if isinstance(error, NotAllowed):
        return not_allowed(error.role)
    if isinstance(error, PlatformError):
        return _platform_problem(error)
    if isinstance(error, FileNotWritten):
        return fill(
            QCoreApplication.translate(
                "messages", "%1 could not be written: %2. Nothing was saved."
            ),
            error.path,
            error.reason,
        )
    if isinstance(error, AlreadySent):
        return fill(
            QCoreApplication.translate(
                "messages",
                "This cannot be undone: %1 of these %2 actions were sent to the platform already.",
            ),
            f"{error.sent:,}",
            f"{error.total:,}",
        )
    if isinstance(error, UnknownOrder):
        return fill(
            QCoreApplication.translate("messages", "This shop has no order numbered %1."),
            error.order_no,
        )
    if isinstance(error, InvalidInput):
        return describe_input(error)
    if isinstance(error, ZhangguiError):
        # A typed error without words of its own: its kind, never its English message.
        log.error("no words for %r", error)
        return fill(
            QCoreApplication.translate("messages", "Something went wrong (%1)."),
            type(error).__name__,
        )
    log.error("no words for %r", error)
    return fill(
        QCoreApplication.translate("messages", "An unexpected error occurred: %1"),
        error or type(error).__name__,
    )


def not_allowed(role: str) -> str:
    """Why the person signed in here may not do something."""
    if role == "assistant":
        return QCoreApplication.translate(
            "messages",
            "An assistant reviews orders, picks products and prints posters; release "
            "decisions, earnings and people are the owner's.",
        )
    if role == "manager":
        return QCoreApplication.translate(
            "messages",
            "A store manager sees her own sub-store and prints its posters; the rest of the "
            "shop is the owner's.",
        )
    return QCoreApplication.translate("messages", "This is not yours to do in this shop.")


def _platform_problem(error: PlatformError) -> str:
    if isinstance(error, PlatformSilent):
        return QCoreApplication.translate(
            "messages",
            "The platform does not answer. Nothing was lost; Zhanggui tries again later.",
        )
    if isinstance(error, PlatformUnreachable):
        return QCoreApplication.translate(
            "messages", "Cannot reach the platform. Check the network; Zhanggui keeps trying."
        )
    if isinstance(error, UpgradeRequired):
        return QCoreApplication.translate(
            "messages", "The platform needs a newer Zhanggui. Please install the new version."
        )
    if isinstance(error, SignInEnded):
        return sign_in_ended(error)
    if isinstance(error, SignInThrottled):
        return throttled(error)
    if isinstance(error, LoginRefused):
        return QCoreApplication.translate(
            "messages", "The platform no longer accepts this sign-in. Please sign in again."
        )
    if isinstance(error, CursorExpired):
        return QCoreApplication.translate(
            "messages",
            "The platform asked for a fresh copy of the shop's data; the next sync fetches it.",
        )
    if isinstance(error, MalformedPayload):
        return QCoreApplication.translate(
            "messages",
            "The platform sent an answer Zhanggui cannot read; nothing of it was applied.",
        )
    if isinstance(error, PlatformForbidden):
        return fill(
            QCoreApplication.translate("messages", "The platform does not allow this: %1"),
            error.message,
        )
    return fill(
        QCoreApplication.translate("messages", "The platform refused the request (%1)."),
        error.code,
    )


def sign_in_ended(error: SignInEnded) -> str:
    if error.expired:
        return QCoreApplication.translate(
            "messages",
            "This computer's sign-in ended after 30 days without use. Please sign in again; "
            "nothing on this computer is lost.",
        )
    return QCoreApplication.translate(
        "messages",
        "This computer was signed out of the shop. Please sign in again; "
        "nothing on this computer is lost.",
    )


def throttled(error: SignInThrottled, now: float | None = None) -> str:
    """When the owner may try again, as a time of day and a count of minutes."""
    moment = time.time() if now is None else now
    minutes = max(1, math.ceil((error.retry_at - moment) / 60))
    return fill(
        QCoreApplication.translate(
            "messages",
            "Too many wrong passwords for this shop from this computer. Try again after %1 (%2).",
        ),
        clock_time(math.ceil(error.retry_at / 60) * 60),
        counted().in_minutes(minutes),
    )


def sync_state(error: BaseException) -> str:
    """The status bar's words after a sync ended with ``error``."""
    if isinstance(error, PlatformSilent):
        return QCoreApplication.translate(
            "messages", "The platform does not answer (trying again later)"
        )
    if isinstance(error, PlatformUnreachable):
        return QCoreApplication.translate(
            "messages", "Offline: cannot reach the platform (retrying)"
        )
    if isinstance(error, SignInEnded) and not error.expired:
        return QCoreApplication.translate("messages", "Signed out: please sign in again")
    if isinstance(error, LoginRefused):
        return QCoreApplication.translate("messages", "Sign-in expired: please sign in again")
    if isinstance(error, UpgradeRequired):
        return QCoreApplication.translate("messages", "Platform needs a newer Zhanggui")
    if isinstance(error, SyncBusy):
        return QCoreApplication.translate("messages", "A sync is already running")
    if isinstance(error, SyncCancelled):
        return QCoreApplication.translate("messages", "Sync cancelled")
    if isinstance(error, NotSignedIn):
        return QCoreApplication.translate("messages", "Not signed in: please sign in")
    if isinstance(error, MalformedPayload):
        return QCoreApplication.translate(
            "messages", "Sync stopped: the platform's answer was unreadable"
        )
    return fill(QCoreApplication.translate("messages", "Sync failed: %1"), describe(error))


def sign_in_problem(error: BaseException, platform_url: str) -> str:
    """What the sign-in dialog says when the platform did not let the owner in."""
    if isinstance(error, SignInThrottled):
        return throttled(error)
    if isinstance(error, PlatformSilent):
        return fill(
            QCoreApplication.translate(
                "messages", "The platform at %1 does not answer. Try again in a while."
            ),
            platform_url,
        )
    if isinstance(error, LoginRefused):
        return QCoreApplication.translate(
            "messages",
            "The platform refused this shop code, user or password. Check them and try again.",
        )
    if isinstance(error, PlatformAddressInvalid):
        return fill(
            QCoreApplication.translate(
                "messages",
                "%1 is not a platform address. It looks like https://platform.example.com; "
                "your platform gave it to you with your shop code.",
            ),
            error.address.strip() or QCoreApplication.translate("messages", "An empty field"),
        )
    if isinstance(error, PlatformUnreachable) and error.code == "timeout":
        return fill(
            QCoreApplication.translate(
                "messages",
                "The platform at %1 does not answer. It may be busy or down: try again in a "
                "few minutes.",
            ),
            platform_url,
        )
    if isinstance(error, PlatformUnreachable):
        return fill(
            QCoreApplication.translate(
                "messages", "Cannot reach the platform at %1. Check the address and the network."
            ),
            platform_url,
        )
    if is_address_problem(error):
        return fill(
            QCoreApplication.translate(
                "messages",
                "Something answers at %1, but it is not a Zhanggui platform. Check the address.",
            ),
            platform_url,
        )
    if isinstance(error, ProfileOtherShop):
        return fill(
            QCoreApplication.translate(
                "messages",
                "This profile belongs to another shop. "
                "Open another profile folder to sign in to %1.",
            ),
            error.other_shop,
        )
    return describe(error)


def backup_problem(error: BackupError) -> str:
    """Why a backup cannot be put back; the shop's data on this computer is as it was."""
    if isinstance(error, BackupOtherShop):
        return fill(
            QCoreApplication.translate(
                "messages",
                "This backup belongs to the shop %1, not to this profile's shop %2. "
                "Nothing was changed.",
            ),
            error.other_shop,
            error.own_shop,
        )
    return QCoreApplication.translate(
        "messages",
        "This backup is damaged or is not a Zhanggui database. Choose another one; "
        "nothing was changed.",
    )


def is_address_problem(error: BaseException) -> bool:
    """Whether the address itself is wrong: not one, or one where no platform answers."""
    if isinstance(error, PlatformAddressInvalid | MalformedPayload):
        return True
    # A web server that is not a platform answers the sign-in with a page, not our error.
    return type(error) is PlatformError and error.code == "http_error"


def profile_problem(error: ProfileError, folder: Path | None = None) -> str:
    """Why a profile cannot be opened, where, what to do, and that nothing was changed."""
    where = str(folder) if folder is not None else ""
    if isinstance(error, ProfileBusy):
        text = QCoreApplication.translate(
            "messages",
            "Another program is writing the shop's database in %1 right now, and Zhanggui "
            "waited for it in vain. Close the other program (or another Zhanggui window on "
            "this profile) and try again. Nothing was changed.",
        )
    elif isinstance(error, ProfileDiskFull):
        text = QCoreApplication.translate(
            "messages",
            "The disk that holds %1 is full. Free some space on it, then open Zhanggui again. "
            "Nothing was changed.",
        )
    elif isinstance(error, ProfileCorrupt):
        text = QCoreApplication.translate(
            "messages",
            "The shop's database in %1 is damaged. Nothing was changed.",
        )
    elif isinstance(error, ProfileForeign):
        text = _foreign_file(error.kind)
    elif isinstance(error, ProfileUnwritable):
        text = QCoreApplication.translate(
            "messages",
            "Zhanggui cannot write to the folder %1. Check that it exists and that you may "
            "write there. Nothing was changed.",
        )
    else:
        text = QCoreApplication.translate(
            "messages", "The profile in %1 cannot be used. Nothing was changed."
        )
    return fill(text, where or QCoreApplication.translate("messages", "the profile folder"))


def _foreign_file(kind: ForeignKind) -> str:
    words: dict[ForeignKind, str] = {
        "empty": QCoreApplication.translate(
            "messages",
            "The database file in %1 is empty, so it is not a Zhanggui profile and Zhanggui "
            "does not start a new one over it. Move the file away, or choose another folder. "
            "Nothing was changed.",
        ),
        "not_a_database": QCoreApplication.translate(
            "messages",
            "The file in %1 where Zhanggui keeps its database is not a database at all. "
            "Move it away, or choose another folder. Nothing was changed.",
        ),
        "another_program": QCoreApplication.translate(
            "messages",
            "The database in %1 belongs to another program, not to Zhanggui. Choose another "
            "folder for the shop's profile. Nothing was changed.",
        ),
        "newer_version": QCoreApplication.translate(
            "messages",
            "The shop's database in %1 was written by a newer Zhanggui. Please install the new "
            "version. Nothing was changed.",
        ),
        "folder": QCoreApplication.translate(
            "messages",
            "In %1 there is a folder where Zhanggui keeps its database file. Move it away, or "
            "choose another folder. Nothing was changed.",
        ),
    }
    return words[kind]
