"""Crash reports: what went wrong, on what, and what the log said just before, with no
personal data, written next to the log so the owner can send the folder to support."""

from __future__ import annotations

import datetime as dt
import logging
import os
import platform
import sqlite3
import sys
import traceback
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from types import TracebackType
from typing import Final

from models.log_file import last_lines
from models.log_privacy import scrub
from models.version import VERSION

log = logging.getLogger(__name__)

REPORT_PREFIX: Final = "crash-"
KEPT_REPORTS: Final = 20
LOG_LINES: Final = 60

ExcInfo = tuple[type[BaseException], BaseException, TracebackType | None]


@dataclass(frozen=True)
class CrashReport:
    path: Path | None  # None when the folder could not be written; the text is still shown
    text: str
    summary: str  # one line: the error's type and where it was raised


def describe_crash(
    error: ExcInfo,
    *,
    where: str,
    folder: Path | None,
    versions: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
) -> str:
    """The report's text, scrubbed: the versions, the traceback, the last log lines."""
    kind, value, tb = error
    stamp = (now or dt.datetime.now().astimezone()).isoformat(timespec="seconds")
    facts = {
        "zhanggui": VERSION,
        "when": stamp,
        "where": where,
        "packaged": "yes" if getattr(sys, "frozen", False) else "no",
        "system": platform.platform(),
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        **(versions or {}),
    }
    lines = ["Zhanggui crash report", ""]
    lines += [f"{name}: {value_}" for name, value_ in facts.items()]
    lines += ["", "What went wrong:", ""]
    lines += "".join(traceback.format_exception(kind, value, tb)).rstrip("\n").splitlines()
    if folder is not None:
        recent = last_lines(folder, LOG_LINES)
        if recent:
            lines += ["", f"The last {len(recent)} lines of the log:", "", *recent]
    return scrub("\n".join(lines) + "\n")


def write_crash_report(
    error: ExcInfo,
    *,
    where: str,
    folder: Path | None,
    versions: Mapping[str, str] | None = None,
    now: dt.datetime | None = None,
) -> CrashReport:
    """Write a report into ``folder`` (the log folder) and keep the newest few."""
    moment = now or dt.datetime.now().astimezone()
    text = describe_crash(error, where=where, folder=folder, versions=versions, now=moment)
    summary = scrub(_summary(error))
    if folder is None:
        return CrashReport(None, text, summary)
    path = folder / f"{REPORT_PREFIX}{moment:%Y%m%d-%H%M%S-%f}.txt"
    try:
        folder.mkdir(parents=True, exist_ok=True, mode=0o700)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            f.write(text)
    except OSError as problem:
        log.error("cannot write a crash report in %s: %s", folder, problem.strerror)
        return CrashReport(None, text, summary)
    _prune(folder)
    log.info("crash report written: %s", path.name)
    return CrashReport(path, text, summary)


def crash_reports(folder: Path) -> list[Path]:
    """The reports in ``folder``, newest first."""
    return sorted(folder.glob(f"{REPORT_PREFIX}*.txt"), reverse=True)


def _prune(folder: Path) -> None:
    for old in crash_reports(folder)[KEPT_REPORTS:]:
        try:
            old.unlink()
        except OSError:
            log.debug("cannot remove the old crash report %s", old.name)


def _summary(error: ExcInfo) -> str:
    kind, value, tb = error
    frames = traceback.extract_tb(tb)
    place = ""
    if frames:
        last = frames[-1]
        place = f" in {Path(last.filename).name}:{last.lineno} ({last.name})"
    message = str(value).splitlines()[0] if str(value) else ""
    return f"{kind.__name__}{': ' + message if message else ''}{place}"
