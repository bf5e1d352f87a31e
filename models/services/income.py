"""The monthly income chart's series: what each month's statements put on the balance, the
owner's share and the managers' shares, summed in SQL from the statements' subtotals.

A statement is the platform's own weekly rollup of its lines, so a two-year chart reads about a
hundred rows whatever the number of orders. A month is the computer's local month of the day a
statement was settled; every month of the range has a value (zero where nothing was settled).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select

from models.db import Statement
from models.profile import Profile
from models.sync.rollups import local_utc_offset


@dataclass(frozen=True)
class IncomeSeries:
    months: list[dt.date]  # the 1st of each month
    times: list[int]  # each month's start, local midnight as epoch seconds
    owner_cents: list[int]  # the statements' totals: what the owner keeps
    managers_cents: list[int]  # the managers' shares taken off the commission
    commission_cents: list[int]


def monthly_income(profile: Profile, months: int | None = None) -> IncomeSeries:
    """Every month from the first statement's (or the last ``months``) to the newest's."""
    offset = local_utc_offset()
    month = func.strftime("%Y-%m", Statement.settled_at + offset, "unixepoch").label("month")
    query = (
        select(
            month,
            func.sum(Statement.total_cents),
            -func.sum(Statement.manager_share_cents),
            func.sum(Statement.commission_cents),
        )
        .group_by(month)
        .order_by(month)
    )
    with profile.read() as s:
        rows = s.execute(query).all()
    if not rows:
        return IncomeSeries([], [], [], [], [])
    found = {key: (int(t), int(m), int(c)) for key, t, m, c in rows}
    first, last = _month(rows[0][0]), _month(rows[-1][0])
    if months is not None:
        first = max(first, _add_months(last, 1 - months))
    days: list[dt.date] = []
    day = first
    while day <= last:
        days.append(day)
        day = _add_months(day, 1)
    values = [found.get(d.strftime("%Y-%m"), (0, 0, 0)) for d in days]
    return IncomeSeries(
        months=days,
        times=[int(dt.datetime(d.year, d.month, 1).timestamp()) for d in days],
        owner_cents=[v[0] for v in values],
        managers_cents=[v[1] for v in values],
        commission_cents=[v[2] for v in values],
    )


def _month(key: str) -> dt.date:
    year, month = key.split("-")
    return dt.date(int(year), int(month), 1)


def _add_months(day: dt.date, months: int) -> dt.date:
    index = day.year * 12 + day.month - 1 + months
    return dt.date(index // 12, index % 12 + 1, 1)
