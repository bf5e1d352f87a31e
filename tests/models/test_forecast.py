"""The stage forecast on fixed numbers with a fixed clock."""

from __future__ import annotations

from models.services.forecast import DAY, StageProgress, forecast

START = 1_760_000_000  # a fixed clock: every figure below follows from it


def progress(**changes: int | None) -> StageProgress:
    values: dict[str, int | None] = {
        "started_at": START,
        "deadline_at": START + 30 * DAY,
        "sales_cents": 0,
        "sales_target_cents": 300_000,
        "customers": 0,
        "customers_target": 10,
        "last_sale_at": None,
    }
    values.update(changes)
    return StageProgress(**values)  # type: ignore[arg-type]


def test_half_way_at_day_ten_completes_on_day_twenty_on_track() -> None:
    p = progress(sales_cents=150_000, customers=5, last_sale_at=START + 9 * DAY)
    f = forecast(p, now=START + 10 * DAY)
    assert f.outlook == "on_track"
    assert f.completes_at == START + 20 * DAY
    assert f.days_left == 20
    assert (f.sales_share, f.customers_share) == (0.5, 0.5)


def test_the_slower_target_decides_and_past_the_deadline_is_at_risk() -> None:
    # Sales would be done on day 15, but 2 customers in 10 days needs 50 days for 10.
    p = progress(sales_cents=200_000, customers=2, last_sale_at=START + 10 * DAY)
    f = forecast(p, now=START + 10 * DAY)
    assert f.outlook == "at_risk"
    assert f.completes_at == START + 50 * DAY


def test_no_sale_for_two_weeks_is_stalled() -> None:
    p = progress(sales_cents=100_000, customers=4, last_sale_at=START + 2 * DAY)
    f = forecast(p, now=START + 16 * DAY)
    assert f.outlook == "stalled"
    assert f.completes_at is None
    assert f.days_left == 14


def test_nothing_sold_yet_on_the_first_day_is_stalled_only_after_two_weeks() -> None:
    assert forecast(progress(), now=START + DAY).outlook == "stalled"
    assert forecast(progress(last_sale_at=START), now=START + DAY).outlook == "stalled"


def test_every_target_met_is_complete_and_past_the_deadline_expired() -> None:
    done = progress(sales_cents=300_000, customers=12, last_sale_at=START)
    assert forecast(done, now=START + 3 * DAY).outlook == "complete"
    late = progress(sales_cents=10, customers=1, last_sale_at=START + 29 * DAY)
    expired = forecast(late, now=START + 31 * DAY)
    assert expired.outlook == "expired"
    assert expired.days_left == 0


def test_the_first_day_counts_as_a_whole_day_of_pace() -> None:
    # Two hours in, 30,000 cents sold: the pace is per day, never per two hours.
    p = progress(sales_cents=30_000, customers=1, last_sale_at=START + 3600)
    f = forecast(p, now=START + 7200)
    assert f.completes_at == START + 7200 + 9 * DAY
    assert f.outlook == "on_track"
