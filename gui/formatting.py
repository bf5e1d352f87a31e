"""Figures and moments as a shop owner reads them: ¥1,234.56, "2 minutes ago", "today 14:32".

Every moment shown goes through here (or ``models.moments``, which the command line shares):
stored in UTC, shown in the computer's zone, with its year unless it is this year's.
"""

from __future__ import annotations

import datetime as dt
import html
import re

from PySide6.QtCore import QCoreApplication

from gui.counted import counted
from models import moments
from models.moments import day, short_day, short_stamp, stamp

__all__ = [
    "clock_time",
    "count",
    "day",
    "day_and_time",
    "fill",
    "local_time",
    "money",
    "short_day",
    "short_stamp",
    "stamp",
    "time_ago",
    "tooltip",
]

_PLACEHOLDER = re.compile(r"%(\d)")


def fill(template: str, *values: object) -> str:
    """Put ``values`` in place of %1, %2, … of a translated template, in one pass."""

    def value_for(match: re.Match[str]) -> str:
        index = int(match.group(1)) - 1
        return str(values[index]) if 0 <= index < len(values) else match.group(0)

    return _PLACEHOLDER.sub(value_for, template)


def tooltip(text: str) -> str:
    """A tooltip that wraps into a paragraph instead of one line across the screen."""
    return "<qt>" + html.escape(text, quote=False).replace("\n", "<br>") + "</qt>"


def money(cents: int) -> str:
    """Integer cents as yuan: 123456 -> ¥1,234.56."""
    sign = "-" if cents < 0 else ""
    yuan, fen = divmod(abs(cents), 100)
    return f"{sign}¥{yuan:,}.{fen:02d}"


def count(number: int) -> str:
    return f"{number:,}"


def local_time(seconds: int) -> dt.datetime:
    """A stored UTC moment in the computer's zone."""
    return moments.local(seconds)


def clock_time(seconds: int, now: dt.datetime | None = None) -> str:
    """14:32 for a moment of today, 2026-11-23 14:32 for any other day."""
    moment = local_time(seconds)
    today = (now or moments.now()).date()
    if moment.date() == today:
        return moment.strftime("%H:%M")
    return stamp(seconds)


def day_and_time(seconds: int, now: dt.datetime | None = None) -> str:
    """today 14:32, yesterday 09:05, or 2026-11-20 18:00."""
    moment = local_time(seconds)
    today = (now or moments.now()).date()
    clock = moment.strftime("%H:%M")
    if moment.date() == today:
        return fill(QCoreApplication.translate("formatting", "today %1"), clock)
    if moment.date() == today - dt.timedelta(days=1):
        return fill(QCoreApplication.translate("formatting", "yesterday %1"), clock)
    return stamp(seconds)


def time_ago(seconds: int, now: dt.datetime | None = None) -> str:
    """just now, 2 minutes ago, 3 hours ago, else the day and time."""
    moment = now or moments.now()
    age = int(moment.timestamp()) - seconds
    if age < 60:
        return QCoreApplication.translate("formatting", "just now")
    if age < 3600:
        return counted().minutes_ago(age // 60)
    if age < 6 * 3600:
        return counted().hours_ago(age // 3600)
    return day_and_time(seconds, moment)
