"""Values that parse as JSON yet cannot be stored: NUL characters, lone surrogates, and
integers wider than the databases' 64 bits. They must be refused before they reach SQL."""

from __future__ import annotations

from typing import Any

_INT64 = 2**63


def unfit_text(text: str) -> str | None:
    if "\x00" in text:
        return "contains a NUL character"
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return "contains text that is not valid Unicode (a lone surrogate)"
    return None


def unfit_value(value: Any, depth: int = 0) -> str | None:
    """A short description of the first unstorable part of a parsed JSON value, or None."""
    if depth > 32:
        return "is nested too deeply"
    if isinstance(value, str):
        return unfit_text(value)
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return None if -_INT64 <= value < _INT64 else "has a number too large to store"
    if isinstance(value, dict):
        for key, item in value.items():
            problem = unfit_value(key, depth + 1) or unfit_value(item, depth + 1)
            if problem:
                return problem
    elif isinstance(value, list):
        for item in value:
            problem = unfit_value(item, depth + 1)
            if problem:
                return problem
    return None
