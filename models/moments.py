"""Moments as every screen and the command line write them: stored in UTC, read in the
computer's zone, the year left out only for a day of the current year."""

from __future__ import annotations

import datetime as dt


def local(seconds: int) -> dt.datetime:
    """A stored UTC moment in the computer's zone."""
    return dt.datetime.fromtimestamp(seconds, dt.UTC).astimezone()


def now() -> dt.datetime:
    return dt.datetime.now().astimezone()


def day(seconds: int) -> str:
    """2026-11-24"""
    return local(seconds).strftime("%Y-%m-%d")


def stamp(seconds: int) -> str:
    """2026-11-24 14:32"""
    return local(seconds).strftime("%Y-%m-%d %H:%M")


def short_day(seconds: int, today: dt.datetime | None = None) -> str:
    """11-24 in the current year, 2025-11-24 in any other."""
    moment = local(seconds)
    same_year = moment.year == (today or now()).year
    return moment.strftime("%m-%d" if same_year else "%Y-%m-%d")


def short_stamp(seconds: int, today: dt.datetime | None = None) -> str:
    """11-24 14:32 in the current year, 2025-11-24 14:32 in any other."""
    return f"{short_day(seconds, today)} {local(seconds):%H:%M}"
