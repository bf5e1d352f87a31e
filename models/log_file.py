"""The desktop's log file: in the profile folder, rotating, scrubbed of personal data.

``logs/zhanggui.log`` grows to 1 MB, then moves to ``zhanggui.log.1`` and so on up to ``.4``:
five files at most. Crash reports are written beside it, so the folder is the one place support
asks for.
"""

from __future__ import annotations

import io
import logging
import logging.handlers
import os
import sys
from collections import deque
from pathlib import Path
from typing import Final

from models.log_privacy import PersonalDataFilter

log = logging.getLogger(__name__)

LOG_FOLDER: Final = "logs"
LOG_NAME: Final = "zhanggui.log"
MAX_BYTES: Final = 1_000_000
KEPT_FILES: Final = 5
FORMAT: Final = "%(asctime)s %(levelname)s %(threadName)s %(name)s: %(message)s"
# Every request of a sync at INFO would push the owner's story out of five files within days.
QUIET_LOGGERS: Final = ("httpx", "httpcore", "uvicorn.access", "alembic")

_handlers: dict[Path, logging.Handler] = {}


def log_folder(profile_folder: Path) -> Path:
    return profile_folder.expanduser() / LOG_FOLDER


def log_path(profile_folder: Path) -> Path:
    return log_folder(profile_folder) / LOG_NAME


def start_log_file(profile_folder: Path, *, verbose: bool = False) -> Path | None:
    """Log to the profile's log file from now on; None when the folder cannot be written.

    Starting it again for the same folder changes nothing.
    """
    path = log_path(profile_folder).resolve()
    if path in _handlers:
        return path
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        handler = _PrivateRotatingFileHandler(
            path, maxBytes=MAX_BYTES, backupCount=KEPT_FILES - 1, encoding="utf-8"
        )
    except OSError as error:
        print(f"warning: no log file in {path.parent}: {error.strerror}", file=sys.stderr)
        return None
    handler.setLevel(logging.DEBUG if verbose else logging.INFO)
    handler.setFormatter(logging.Formatter(FORMAT))
    handler.addFilter(PersonalDataFilter())
    root = logging.getLogger()
    root.addHandler(handler)
    if root.level == logging.NOTSET or root.level > handler.level:
        root.setLevel(handler.level)
    if not verbose:
        for name in QUIET_LOGGERS:
            logging.getLogger(name).setLevel(logging.WARNING)
    _handlers[path] = handler
    log.info("log file started: %s", path)
    return path


def stop_log_file(profile_folder: Path) -> None:
    handler = _handlers.pop(log_path(profile_folder).resolve(), None)
    if handler is not None:
        logging.getLogger().removeHandler(handler)
        handler.close()


def active_log_folder() -> Path | None:
    """The folder of the log file being written, if any (the newest one started)."""
    return next(reversed(_handlers)).parent if _handlers else None


def last_lines(folder: Path, count: int = 200) -> list[str]:
    """The last ``count`` lines of the log in ``folder``, oldest first."""
    path = folder / LOG_NAME
    for handler in _handlers.values():
        handler.flush()
    lines: deque[str] = deque(maxlen=count)
    try:
        with path.open(encoding="utf-8", errors="replace") as f:
            lines.extend(line.rstrip("\n") for line in f)
    except OSError:
        return []
    return list(lines)


class _PrivateRotatingFileHandler(logging.handlers.RotatingFileHandler):
    def _open(self) -> io.TextIOWrapper:
        stream = super()._open()
        _private(Path(self.baseFilename))
        return stream


def _private(path: Path) -> None:
    # The log names the shop and its platform: for the computer's user only.
    if os.name == "posix":
        try:
            path.chmod(0o600)
        except OSError:
            log.debug("cannot make %s private", path)
