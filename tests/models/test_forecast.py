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


def test_nothing_sold_yet_is_at_risk_and_stalled_only_after_two_weeks() -> None:
    first_day = forecast(progress(), now=START + DAY)
    assert first_day.outlook == "at_risk"
    assert first_day.completes_at is None  # no pace to forecast from
    assert forecast(progress(), now=START + 13 * DAY).outlook == "at_risk"
    assert forecast(progress(), now=START + 14 * DAY).outlook == "stalled"


def test_one_target_without_pace_is_at_risk_without_a_date() -> None:
    # Sales are coming in, but no paying customer counted yet.
    p = progress(sales_cents=100_000, customers=0, last_sale_at=START + 4 * DAY)
    f = forecast(p, now=START + 5 * DAY)
    assert (f.outlook, f.completes_at, f.days_left) == ("at_risk", None, 25)


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


def test_complete_is_complete_even_past_the_deadline_and_shares_stop_at_one() -> None:
    over = progress(sales_cents=900_000, customers=30, last_sale_at=START + 40 * DAY)
    f = forecast(over, now=START + 45 * DAY)
    assert (f.outlook, f.days_left, f.sales_share, f.customers_share) == ("complete", 0, 1.0, 1.0)


def test_exactly_at_the_deadline_is_past_it() -> None:
    p = progress(sales_cents=299_999, customers=10, last_sale_at=START + 29 * DAY)
    f = forecast(p, now=START + 30 * DAY)
    assert (f.outlook, f.completes_at, f.days_left) == ("expired", None, 0)
    assert f.customers_share == 1.0
    assert 0.99 < f.sales_share < 1.0


def test_zero_targets_are_met_from_the_start() -> None:
    nothing_asked = progress(sales_target_cents=0, customers_target=0)
    assert forecast(nothing_asked, now=START).outlook == "complete"
    # Only customers asked for: sales never hold the forecast back.
    customers_only = progress(sales_target_cents=0, customers=4, last_sale_at=START + 7 * DAY)
    f = forecast(customers_only, now=START + 8 * DAY)
    assert f.sales_share == 1.0
    assert f.completes_at == START + 8 * DAY + 12 * DAY  # 6 more at half a customer a day
    assert f.outlook == "on_track"


def test_days_left_round_up_to_whole_days() -> None:
    p = progress(sales_cents=150_000, customers=5, last_sale_at=START + 9 * DAY)
    f = forecast(p, now=START + 10 * DAY + 1)
    assert f.days_left == 20  # 19 days and 86,399 seconds still count as 20
    assert f.completes_at == START + 20 * DAY + 2  # the pace slowed by a second
