"""Money and moments as the owner reads them."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QApplication

from gui import i18n
from gui.formatting import clock_time, day_and_time, fill, money, short_day, short_stamp, time_ago

NOON = dt.datetime(2026, 11, 24, 12, 0).astimezone()


@pytest.mark.parametrize(
    ("cents", "shown"),
    [
        (0, "¥0.00"),
        (5, "¥0.05"),
        (123_456, "¥1,234.56"),
        (100_000_000, "¥1,000,000.00"),
        (-1_999, "-¥19.99"),
    ],
)
def test_money_is_yuan_with_two_decimals(cents: int, shown: str) -> None:
    assert money(cents) == shown


def at(moment: dt.datetime) -> int:
    return int(moment.timestamp())


def test_moments_in_words() -> None:
    assert time_ago(at(NOON) - 20, NOON) == "just now"
    assert time_ago(at(NOON) - 60, NOON) == "1 minute ago"
    assert time_ago(at(NOON) - 125, NOON) == "2 minutes ago"
    assert time_ago(at(NOON) - 3 * 3600, NOON) == "3 hours ago"
    assert time_ago(at(NOON) - 11 * 3600, NOON) == "today 01:00"
    assert day_and_time(at(NOON) - 24 * 3600, NOON) == "yesterday 12:00"
    assert day_and_time(at(NOON) - 72 * 3600, NOON) == "2026-11-21 12:00"
    assert clock_time(at(NOON) - 3600, NOON) == "11:00"
    assert clock_time(at(NOON) - 48 * 3600, NOON) == "2026-11-22 12:00"


def test_moments_in_chinese(qapp: QApplication) -> None:
    i18n.install(qapp, "zh_CN")
    assert time_ago(at(NOON) - 125, NOON) == "2 分钟前"
    assert day_and_time(at(NOON) - 2 * 3600, NOON) == "今天 10:00"
    assert day_and_time(at(NOON) - 24 * 3600, NOON) == "昨天 12:00"


def test_fill_puts_each_value_in_its_place_once() -> None:
    assert fill("%2 then %1", "a", "b") == "b then a"
    assert fill("%1", "100%2") == "100%2"


def test_short_dates_carry_the_year_outside_this_one() -> None:
    assert short_day(at(NOON) - 72 * 3600, NOON) == "11-21"
    assert short_stamp(at(NOON) - 72 * 3600, NOON) == "11-21 12:00"
    last_year = at(dt.datetime(2025, 11, 24, 12, 0).astimezone())
    assert short_day(last_year, NOON) == "2025-11-24"
    assert short_stamp(last_year, NOON) == "2025-11-24 12:00"
