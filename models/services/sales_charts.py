"""The series the sales charts draw, summed in SQL from the daily rollups.

Ranges are local dates, first and last day included. Every series has one value for every bucket
of the range (zero where nothing sold), and ``times`` holds each bucket's start in epoch seconds.
A range's bucket follows its length unless the owner chose one (``auto_granularity``); the store
chart shows the own store, the biggest sub-stores and one "others" series, so that a shop of forty
managers still reads as at most ten lines.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Final, Literal

from sqlalchemy import ColumnElement, Integer, Row, case, cast, desc, func, literal, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from models.db import (
    CategorySalesDay,
    CustomerDay,
    ReleaseRequest,
    StoreManager,
    StoreSalesDay,
)
from models.profile import Profile
from models.sync import rollups

Granularity = Literal["day", "week", "month"]
GRANULARITIES: Final[tuple[Granularity, ...]] = ("day", "week", "month")
DAY: Final = rollups.DAY
AVERAGE_DAYS: Final = 7
_EPOCH_ORDINAL: Final = dt.date(1970, 1, 1).toordinal()
# Customer sources in the order the growth chart stacks them; bound_via of the customer rows.
SOURCES: Final = ("own", "manager", "public_domain", "transferred_in")
OWN_STORE: Final = "own"
OTHER_STORES: Final = "others"
# The own store, the biggest sub-stores, and the rest as one: ten lines at most.
STORE_SERIES: Final = 10
# Longest ranges still read by day, then by week; longer ones by month.
DAYS_BY_DAY: Final = 92
DAYS_BY_WEEK: Final = 400


@dataclass(frozen=True)
class DaySpan:
    first: dt.date
    last: dt.date


@dataclass(frozen=True)
class Series:
    key: str  # a category, a source, "own", a manager's id, or "others"
    name: str  # a manager's name; empty where the key says it all
    values: list[int]
    members: int = 0  # for "others": how many stores it sums


@dataclass(frozen=True)
class SalesSeries:
    times: list[int]
    amount_cents: list[int]
    orders: list[int]
    commission_cents: list[int]
    # The 7-day moving average of each day's sales, also when the buckets are weeks or months.
    average_times: list[int]
    average_cents: list[int]
    unfinished: bool = False  # the last bucket is still running (it holds today)


@dataclass(frozen=True)
class Breakdown:
    """One series per category or per store, over the same buckets."""

    times: list[int]
    series: list[Series]
    unfinished: bool = False  # the last bucket is still running (it holds today)


@dataclass(frozen=True)
class ReleaseMark:
    at: int
    manager_name: str


@dataclass(frozen=True)
class GrowthSeries:
    times: list[int]
    series: list[Series]  # new customers per bucket, one series per source
    releases: list[ReleaseMark]
    unfinished: bool = False


def day_number(day: dt.date) -> int:
    return day.toordinal() - _EPOCH_ORDINAL


def date_of(number: int) -> dt.date:
    return dt.date.fromordinal(number + _EPOCH_ORDINAL)


def bucket_start(day: int, granularity: Granularity) -> int:
    """The first day of the bucket holding ``day``: itself, its Monday, or the 1st of its month."""
    if granularity == "day":
        return day
    if granularity == "week":
        return day - (day + 3) % 7  # 1970-01-01 was a Thursday
    return day_number(date_of(day).replace(day=1))


def auto_granularity(first: dt.date, last: dt.date) -> Granularity:
    """The bucket a range reads best in: days for up to three months, weeks for up to about a
    year, months beyond (two years by day would be 730 bars)."""
    days = (last - first).days + 1
    if days <= DAYS_BY_DAY:
        return "day"
    return "week" if days <= DAYS_BY_WEEK else "month"


def unfinished(last: dt.date, granularity: Granularity, today: dt.date | None) -> bool:
    """Whether the range's last bucket is still running: it holds today (or days to come)."""
    if today is None:
        return False
    return last >= today and bucket_start(day_number(last), granularity) <= day_number(today)


def buckets(first: int, last: int, granularity: Granularity) -> list[int]:
    starts: list[int] = []
    day = first
    while day <= last:
        start = bucket_start(day, granularity)
        starts.append(start)
        if granularity == "day":
            day += 1
        elif granularity == "week":
            day = start + 7
        else:
            month = date_of(start)
            day = day_number(dt.date(month.year + month.month // 12, month.month % 12 + 1, 1))
    return starts


def _bucket_sql(day: InstrumentedAttribute[int], granularity: Granularity) -> ColumnElement[int]:
    if granularity == "day":
        return day.expression
    if granularity == "week":
        return day - (day + 3) % 7
    month_start = func.date(day * DAY, "unixepoch", "start of month")
    return cast(func.julianday(month_start) - literal(2440587.5), Integer)


# --- reading ------------------------------------------------------------------------------------


def sales_span(profile: Profile) -> DaySpan | None:
    """The first and last day with a sale or a new customer; None for a shop with neither."""
    ready_offset(profile)
    with profile.read() as s:
        sales = s.execute(
            select(func.min(CategorySalesDay.day), func.max(CategorySalesDay.day))
        ).one()
        growth = s.execute(select(func.min(CustomerDay.day), func.max(CustomerDay.day))).one()
    firsts = [v for v in (sales[0], growth[0]) if v is not None]
    lasts = [v for v in (sales[1], growth[1]) if v is not None]
    if not firsts:
        return None
    return DaySpan(date_of(min(firsts)), date_of(max(lasts)))


def sales_series(
    profile: Profile,
    first: dt.date,
    last: dt.date,
    granularity: Granularity,
    *,
    today: dt.date | None = None,
    average: bool = True,
) -> SalesSeries:
    """Sales, orders and commission per bucket; with ``average``, also the 7-day moving average
    of each day's sales (a compared range needs none)."""
    offset = ready_offset(profile)
    start, end = day_number(first), day_number(last)
    bucket = _bucket_sql(CategorySalesDay.day, granularity).label("bucket")
    with profile.read() as s:
        conn = s.connection()
        rows = conn.execute(
            select(
                bucket,
                func.sum(CategorySalesDay.amount_cents),
                func.sum(CategorySalesDay.orders),
                func.sum(CategorySalesDay.commission_cents),
            )
            .where(CategorySalesDay.day.between(start, end))
            .group_by(bucket)
        ).all()
        daily: dict[int, int] = (
            dict(
                conn.execute(
                    select(CategorySalesDay.day, func.sum(CategorySalesDay.amount_cents))
                    .where(CategorySalesDay.day.between(start - AVERAGE_DAYS + 1, end))
                    .group_by(CategorySalesDay.day)
                ).all()
            )
            if average
            else {}
        )
    starts = buckets(start, end, granularity)
    found = {int(r[0]): (int(r[1]), int(r[2]), int(r[3])) for r in rows}
    values = [found.get(b, (0, 0, 0)) for b in starts]
    days = list(range(start, end + 1)) if average else []
    return SalesSeries(
        times=_times(starts, offset),
        amount_cents=[v[0] for v in values],
        orders=[v[1] for v in values],
        commission_cents=[v[2] for v in values],
        average_times=_times(days, offset),
        average_cents=_moving_average(daily, days),
        unfinished=unfinished(last, granularity, today),
    )


def category_series(
    profile: Profile,
    first: dt.date,
    last: dt.date,
    granularity: Granularity,
    *,
    today: dt.date | None = None,
) -> Breakdown:
    """Sales amount per category, the biggest category first."""
    offset = ready_offset(profile)
    start, end = day_number(first), day_number(last)
    with profile.read() as s:
        rows = _per_bucket_and_key(
            s,
            CategorySalesDay.day,
            CategorySalesDay.category,
            CategorySalesDay.amount_cents,
            start=start,
            end=end,
            granularity=granularity,
        )
    starts = buckets(start, end, granularity)
    columns = _columns(rows, starts)
    series = [Series(str(k), "", columns[k]) for k in _by_total(columns)]
    return Breakdown(_times(starts, offset), series, unfinished(last, granularity, today))


def store_series(
    profile: Profile,
    first: dt.date,
    last: dt.date,
    granularity: Granularity,
    *,
    top: int | None = STORE_SERIES,
    today: dt.date | None = None,
) -> Breakdown:
    """Sales amount of the owner's own store, then of each manager's sub-store, biggest first.

    With ``top``, at most that many series: the own store, the sub-stores that sold most in the
    range, and "others", the sum of the rest (summed in SQL too). ``top=None`` gives every store.
    """
    offset = ready_offset(profile)
    start, end = day_number(first), day_number(last)
    in_range = StoreSalesDay.day.between(start, end)
    with profile.read() as s:
        conn = s.connection()
        totals = conn.execute(
            select(StoreSalesDay.store_key, func.sum(StoreSalesDay.amount_cents).label("sold"))
            .where(in_range)
            .group_by(StoreSalesDay.store_key)
            .order_by(desc("sold"), StoreSalesDay.store_key)
        ).all()
        managers = [int(k) for k, _sold in totals if k != 0]
        shown = managers if top is None or len(managers) <= top - 1 else managers[: top - 2]
        others = len(managers) - len(shown)
        key: ColumnElement[int] = StoreSalesDay.store_key.expression
        if others:
            kept = StoreSalesDay.store_key.in_([0, *shown])
            key = case((kept, StoreSalesDay.store_key), else_=literal(_OTHERS_KEY))
        bucket = _bucket_sql(StoreSalesDay.day, granularity).label("bucket")
        rows = conn.execute(
            select(bucket, key.label("store"), func.sum(StoreSalesDay.amount_cents))
            .where(in_range)
            .group_by(bucket, "store")
        ).all()
        names: dict[int, str] = dict(conn.execute(select(StoreManager.id, StoreManager.name)).all())
    starts = buckets(start, end, granularity)
    columns = _columns(rows, starts)
    series: list[Series] = []
    if 0 in columns:  # the owner's own store first, whatever it sold
        series.append(Series(OWN_STORE, "", columns[0]))
    series += [Series(str(k), names.get(k, f"#{k}"), columns[k]) for k in shown if k in columns]
    if others:
        series.append(Series(OTHER_STORES, "", columns[_OTHERS_KEY], members=others))
    return Breakdown(_times(starts, offset), series, unfinished(last, granularity, today))


_OTHERS_KEY: Final = -1  # no manager has a negative id


def growth_series(
    profile: Profile,
    first: dt.date,
    last: dt.date,
    granularity: Granularity,
    *,
    today: dt.date | None = None,
) -> GrowthSeries:
    """New customers per bucket by how they came, and the approved releases in the range."""
    offset = ready_offset(profile)
    start, end = day_number(first), day_number(last)
    since, until = start * DAY - offset, (end + 1) * DAY - offset
    with profile.read() as s:
        rows = _per_bucket_and_key(
            s,
            CustomerDay.day,
            CustomerDay.source,
            CustomerDay.customers,
            start=start,
            end=end,
            granularity=granularity,
        )
        releases = s.execute(
            select(ReleaseRequest.decided_at, StoreManager.name)
            .join(StoreManager, StoreManager.id == ReleaseRequest.store_manager_id, isouter=True)
            .where(
                ReleaseRequest.status == "approved",
                ReleaseRequest.decided_at >= since,
                ReleaseRequest.decided_at < until,
            )
            .order_by(ReleaseRequest.decided_at)
        ).all()
    starts = buckets(start, end, granularity)
    columns = _columns(rows, starts)
    keys = [k for k in SOURCES if k in columns or k != "transferred_in"]
    keys += sorted(set(columns) - set(SOURCES))
    series = [Series(k, "", columns.get(k) or [0] * len(starts)) for k in keys]
    marks = [ReleaseMark(int(at or 0), name or "") for at, name in releases]
    return GrowthSeries(_times(starts, offset), series, marks, unfinished(last, granularity, today))


# --- helpers ------------------------------------------------------------------------------------


def _per_bucket_and_key(
    s: Session,
    day: InstrumentedAttribute[int],
    key: InstrumentedAttribute[Any],
    value: InstrumentedAttribute[int],
    *,
    start: int,
    end: int,
    granularity: Granularity,
) -> Sequence[Row[Any]]:
    """(bucket, key, sum of value) over the days start..end of one rollup table."""
    bucket = _bucket_sql(day, granularity).label("bucket")
    return (
        s.connection()
        .execute(
            select(bucket, key, func.sum(value))
            .where(day.between(start, end))
            .group_by(bucket, key)
        )
        .all()
    )


def ready_offset(profile: Profile) -> int:
    """The rollups' UTC offset, after rebuilding them if the computer's zone moved; every
    reader of the rollups asks this first."""
    current = rollups.local_utc_offset()
    with profile.engine.connect() as conn:
        kept = rollups.live_offset(conn)
    if kept != current:
        with profile.writer.begin() as conn:
            rollups.rebuild(conn, current)
    return current


def _times(days: Iterable[int], offset: int) -> list[int]:
    return [d * DAY - offset for d in days]


def _columns(rows: Iterable[Any], starts: Sequence[int]) -> dict[Any, list[int]]:
    """(bucket, key, value) rows as one list of values per key, over every bucket."""
    position = {b: i for i, b in enumerate(starts)}
    columns: dict[Any, list[int]] = {}
    for bucket, key, value in rows:
        column = columns.get(key)
        if column is None:
            column = columns[key] = [0] * len(starts)
        column[position[bucket]] = int(value)
    return columns


def _by_total(columns: dict[Any, list[int]]) -> list[Any]:
    return sorted(columns, key=lambda k: (-sum(columns[k]), k))


def _moving_average(daily: dict[int, int], days: Sequence[int]) -> list[int]:
    averages: list[int] = []
    for day in days:
        window = sum(daily.get(d, 0) for d in range(day - AVERAGE_DAYS + 1, day + 1))
        averages.append(round(window / AVERAGE_DAYS))
    return averages
