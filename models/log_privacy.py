"""What never goes into a log line or a crash report: tokens, passwords and people's details.

The log and the crash reports are meant to be sent to support, so ``scrub`` takes out whatever
could sign someone in or name a customer: bearer tokens, secrets and any long run of letters and
digits, phone numbers (whole or masked), e-mail addresses, ID card numbers, the values an SQL
error or a validation error quotes, and the home folder, which carries the computer user's name.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Final

log = logging.getLogger(__name__)

HIDDEN: Final = "***"

_SECRET_NAMES: Final = (
    r"token|access_token|refresh_token|password|passwd|pwd|secret|api[_-]?key|"
    r"authorization|cookie|set-cookie|session"
)
_UUID: Final = re.compile(r"[0-9a-fA-F]{8}-(?:[0-9a-fA-F]{4}-){3}[0-9a-fA-F]{12}")
_MIXED_CASE_LENGTH: Final = 32


def _opaque(run: str) -> str:
    """``run`` hidden when it looks like a secret rather than a name or a mutation id."""
    if _UUID.fullmatch(run):
        return run
    has_digit = any(c.isdigit() for c in run)
    has_letter = any(c.isalpha() for c in run)
    mixed_case = any(c.islower() for c in run) and any(c.isupper() for c in run)
    if (has_digit and has_letter) or (mixed_case and len(run) >= _MIXED_CASE_LENGTH):
        return HIDDEN
    return run


_RULES: Final[tuple[tuple[re.Pattern[str], str | Callable[[re.Match[str]], str]], ...]] = (
    (re.compile(r"(?i)\b(bearer|basic)\s+[A-Za-z0-9._~+/=:-]+"), rf"\1 {HIDDEN}"),
    # key=value, key: value, "key": "value" and key='value', in URLs, reprs and JSON alike
    (
        re.compile(
            rf"""(?i)(["']?\b(?:{_SECRET_NAMES})\b["']?\s*[:=]\s*)(["']?)[^\s"',;&)}}\]]+"""
        ),
        rf"\1\2{HIDDEN}",
    ),
    # A long run of letters and digits, or of mixed-case letters, is a token or a secret,
    # wherever it stands; a snake_case name in a traceback or a mutation id is neither.
    (re.compile(r"(?<![\w-])[\w-]{24,}(?![\w-])"), lambda found: _opaque(found.group())),
    # SQLAlchemy quotes the statement's values; pydantic quotes the rejected input.
    (re.compile(r"\[parameters: [^\n]*\]"), f"[parameters: {HIDDEN}]"),
    (re.compile(r"input_value=.*?(?=, input_type=|\]$|$)", re.MULTILINE), f"input_value={HIDDEN}"),
    # Tried only where a word starts, so a long word costs one pass, not one per letter.
    (re.compile(r"(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+"), "[e-mail]"),
    (re.compile(r"(?<![\dA-Za-z])\d{17}[\dXx](?![\dA-Za-z])"), "[ID number]"),
    # mainland mobile numbers, whole, with a country code, or masked as 138****1234
    (re.compile(r"(?<!\d)(?:\+?86[ -]?)?1[3-9]\d(?:\d{4}|\*{4})\d{4}(?!\d)"), "[phone]"),
)


def scrub(text: str, home: Path | None = None) -> str:
    """``text`` without secrets and personal details; the rest is left as it was."""
    for pattern, replacement in _RULES:
        text = pattern.sub(replacement, text)
    home_text = str(home if home is not None else _home())
    if len(home_text) > 1:
        text = text.replace(home_text, "~")
    return text


def _home() -> Path:
    try:
        return Path.home()
    except RuntimeError:
        return Path("/")


class PersonalDataFilter(logging.Filter):
    """Scrubs each record before any handler writes it: its message, traceback and stack."""

    def filter(self, record: logging.LogRecord) -> bool:
        try:
            message = record.getMessage()
        except Exception:  # a record whose arguments do not fit its format still gets written
            message = f"{record.msg!r} {record.args!r}"
        record.msg = scrub(message)
        record.args = None
        if record.exc_info and not record.exc_text:
            record.exc_text = logging.Formatter().formatException(record.exc_info)
        if record.exc_text:
            record.exc_text = scrub(record.exc_text)
        if record.stack_info:
            record.stack_info = scrub(record.stack_info)
        return True
