"""Crash reports: what support needs (version, system, traceback, recent log), nothing personal."""

from __future__ import annotations

import datetime as dt
import logging
import platform
import sqlite3
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from models.crash_reports import KEPT_REPORTS, ExcInfo, crash_reports, write_crash_report
from models.log_file import log_folder, start_log_file, stop_log_file
from models.version import VERSION

log = logging.getLogger("tests.crash_reports")

TOKEN = "a1b2c3d4e5f60718293a4b5c6d7e8f90"


@pytest.fixture
def logs(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "profile"
    start_log_file(folder)
    yield log_folder(folder)
    stop_log_file(folder)


def review_with_a_bug(phone: str) -> None:
    raise KeyError(f"no customer with phone {phone} (token={TOKEN})")


def caught() -> ExcInfo:
    try:
        review_with_a_bug("13912345678")
    except KeyError:
        kind, value, tb = sys.exc_info()
        assert kind is not None
        assert value is not None
        return kind, value, tb
    raise AssertionError("no error")


def test_a_report_says_what_went_wrong_on_what_and_what_the_log_said(logs: Path) -> None:
    log.info("synced: 12 changes in 1 pages")
    report = write_crash_report(
        caught(),
        where="thread MainThread",
        folder=logs,
        versions={"qt": "6.9.0"},
    )

    assert report.path is not None
    assert report.path.parent == logs
    text = report.path.read_text(encoding="utf-8")
    assert text == report.text
    assert f"zhanggui: {VERSION}" in text
    assert f"python: {platform.python_version()}" in text
    assert f"sqlite: {sqlite3.sqlite_version}" in text
    assert "qt: 6.9.0" in text
    assert "packaged: no" in text
    assert "in review_with_a_bug" in text
    assert "KeyError" in text
    assert "synced: 12 changes in 1 pages" in text
    assert "13912345678" not in text
    assert TOKEN not in text
    assert report.summary.startswith("KeyError")
    assert "review_with_a_bug" in report.summary


def test_only_the_newest_reports_are_kept(logs: Path) -> None:
    error = caught()
    start = dt.datetime(2026, 11, 24, 9, 0, tzinfo=dt.UTC)
    for n in range(KEPT_REPORTS + 5):
        write_crash_report(
            error,
            where="thread MainThread",
            folder=logs,
            now=start + dt.timedelta(minutes=n),
        )
    kept = crash_reports(logs)
    assert len(kept) == KEPT_REPORTS
    assert kept[0].name.startswith("crash-20261124-092400")


def test_an_unwritable_folder_still_gives_the_text(tmp_path: Path) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder")
    report = write_crash_report(
        caught(),
        where="thread MainThread",
        folder=blocked / "logs",
    )
    assert report.path is None
    assert "KeyError" in report.text
