"""Moments read the same on every screen and in the command line: in the computer's zone,
with the year whenever it is not this year's."""

from __future__ import annotations

import datetime as dt
import os
import sqlite3
import subprocess
import sys

import pytest

from models.moments import day, short_day, short_stamp, stamp
from models.profile import Profile
from tests.platform_process import MAIN, ROOT


def _local(year: int, month: int, day_: int, hour: int, minute: int) -> int:
    return int(dt.datetime(year, month, day_, hour, minute).astimezone().timestamp())


def test_a_day_of_another_year_carries_its_year() -> None:
    new_year = dt.datetime(2026, 1, 2, 9, 0).astimezone()
    last_evening = _local(2025, 12, 31, 21, 5)
    assert short_day(_local(2026, 1, 1, 8, 0), new_year) == "01-01"
    assert short_stamp(_local(2026, 1, 1, 8, 0), new_year) == "01-01 08:00"
    assert short_day(last_evening, new_year) == "2025-12-31"
    assert short_stamp(last_evening, new_year) == "2025-12-31 21:05"
    assert stamp(last_evening) == "2025-12-31 21:05"
    assert day(last_evening) == "2025-12-31"


@pytest.mark.parametrize(("zone", "hours"), [("UTC", 0), ("Asia/Shanghai", 8)])
def test_the_command_line_shows_orders_in_the_computers_zone(
    synced_profile: Profile, zone: str, hours: int
) -> None:
    with sqlite3.connect(synced_profile.db_path) as conn:
        number, placed = conn.execute(
            'SELECT order_no, placed_at FROM "order" ORDER BY placed_at DESC, id DESC LIMIT 1'
        ).fetchone()
    command = ["orders", "--profile", str(synced_profile.folder), "--limit", "1"]
    shown = subprocess.run(
        [sys.executable, str(MAIN), *command],
        cwd=ROOT,
        env={**os.environ, "TZ": zone},
        capture_output=True,
        check=True,
        text=True,
    ).stdout
    there = dt.datetime.fromtimestamp(placed, dt.timezone(dt.timedelta(hours=hours)))
    assert shown.startswith(f"{number}  {there:%Y-%m-%d %H:%M}  ")
