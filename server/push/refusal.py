"""A mutation the platform will not apply, with a code for programs and a reason for people."""

from __future__ import annotations

from datetime import UTC, datetime

INVALID_PAYLOAD = "invalid_payload"
UNKNOWN_ORDER = "unknown_order"
UNKNOWN_PRODUCT = "unknown_product"
UNKNOWN_REQUEST = "unknown_request"
UNKNOWN_TARGET = "unknown_target"
ALREADY_DECIDED = "already_decided"
# The person's role may not do this (the owner's alone, or beyond a manager's own sub-store).
NOT_ALLOWED = "not_allowed"
# The database itself would not take the row (a constraint the checks did not foresee).
NOT_RECORDED = "not_recorded"


class Refused(Exception):
    def __init__(self, code: str, reason: str) -> None:
        super().__init__(reason)
        self.code = code
        self.reason = reason


def when(seconds: int) -> str:
    """A moment as a reason sentence names it, unambiguous whatever the reader's zone."""
    return datetime.fromtimestamp(seconds, tz=UTC).strftime("%Y-%m-%d %H:%M UTC")
