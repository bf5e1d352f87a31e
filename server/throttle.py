"""Slowing down password guessing: per shop code and client address, at most ten failed
sign-ins in a window of fifteen minutes; then 429 until the window ends.

An attempt is counted before its password is checked and forgotten when it succeeds, so many
guesses sent at once cannot all slip in before the count catches up, and a count kept in the
database holds across every worker process.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Final

from sqlalchemy import Connection, case, delete
from sqlalchemy.dialects import postgresql, sqlite

from server.db.base import table_of
from server.db.platform import LoginFailure

log = logging.getLogger(__name__)

MAX_FAILURES: Final = 10
WINDOW_SECONDS: Final = 15 * 60
MAX_CLIENT_LENGTH: Final = 64


@dataclass(frozen=True)
class Attempt:
    allowed: bool
    # Whole seconds until the window ends; 0 when the attempt is allowed.
    retry_after: int = 0


def count_attempt(conn: Connection, shop_code: str, client: str, now: int) -> Attempt:
    """Count one sign-in attempt; refused when the window already holds ten failures."""
    table = table_of(LoginFailure)
    insert = (postgresql.insert if conn.dialect.name == "postgresql" else sqlite.insert)(table)
    window_over = table.c.window_start <= now - WINDOW_SECONDS
    stmt = (
        insert.values(
            shop_code=shop_code, client=client[:MAX_CLIENT_LENGTH], window_start=now, failures=1
        )
        .on_conflict_do_update(
            index_elements=[table.c.shop_code, table.c.client],
            set_={
                "failures": case((window_over, 1), else_=table.c.failures + 1),
                "window_start": case((window_over, now), else_=table.c.window_start),
            },
        )
        .returning(table.c.failures, table.c.window_start)
    )
    failures, window_start = conn.execute(stmt).one()
    if failures <= MAX_FAILURES:
        return Attempt(allowed=True)
    retry_after = max(1, window_start + WINDOW_SECONDS - now)
    if failures == MAX_FAILURES + 1:
        log.warning("sign-ins throttled for %d s after %d failures", retry_after, MAX_FAILURES)
    return Attempt(allowed=False, retry_after=retry_after)


def forget_attempts(conn: Connection, shop_code: str, client: str) -> None:
    """A successful sign-in clears the count of its code and address."""
    conn.execute(
        delete(LoginFailure).where(
            LoginFailure.shop_code == shop_code,
            LoginFailure.client == client[:MAX_CLIENT_LENGTH],
        )
    )


def forget_old_windows(conn: Connection, now: int) -> int:
    """Drop counts whose window has ended, so guessed codes do not pile up."""
    result = conn.execute(
        delete(LoginFailure).where(LoginFailure.window_start <= now - WINDOW_SECONDS)
    )
    return int(result.rowcount)
