"""The platform's log: one JSON object per line, or plain text for a person at a terminal.

Whatever a client sent (a path, a mutation id, an exception's text) may end up in a message, so
both forms escape it: JSON by its own rules, text by writing every control character as an
escape. A newline from a client can then never start a line of its own.
"""

from __future__ import annotations

import datetime as dt
import logging
import re
import sys
from typing import Any, Final, Literal

import orjson

LogFormat = Literal["json", "text"]
ACCESS_LOGGER: Final = "server.access"
# Fields a record may carry for the JSON form (``extra={"fields": {...}}``).
FIELDS_ATTRIBUTE: Final = "fields"
_CONTROL: Final = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]")


def escaped(text: str) -> str:
    """``text`` with every control character written as an escape, so it stays on one line."""
    return _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)


def shown(value: object, limit: int = 200) -> str:
    """A client's value as it may appear in a log line: escaped and cut short."""
    text = escaped(str(value))
    return text if len(text) <= limit else text[:limit] + "…"


class JsonFormatter(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        entry: dict[str, Any] = {
            "time": dt.datetime.fromtimestamp(record.created, dt.UTC).isoformat(
                timespec="milliseconds"
            ),
            "level": record.levelname.lower(),
            "logger": record.name,
            "message": record.getMessage(),
        }
        fields = getattr(record, FIELDS_ATTRIBUTE, None)
        if isinstance(fields, dict):
            entry.update(fields)
        if record.exc_info:
            entry["error"] = self.formatException(record.exc_info)
        return orjson.dumps(entry, default=str).decode()


class TextFormatter(logging.Formatter):
    def __init__(self) -> None:
        super().__init__("%(asctime)s %(levelname)s %(name)s: %(message)s")

    def formatMessage(self, record: logging.LogRecord) -> str:
        line = super().formatMessage(record)
        fields = getattr(record, FIELDS_ATTRIBUTE, None)
        if isinstance(fields, dict):
            line += " " + " ".join(f"{k}={v}" for k, v in fields.items())
        return escaped(line)

    def format(self, record: logging.LogRecord) -> str:
        head, newline, trace = super().format(record).partition("\n")
        if not newline:
            return head
        # A traceback keeps its lines, each indented, so none can pass for an entry of its own.
        return head + "\n" + "\n".join("    " + escaped(part) for part in trace.split("\n"))


def configure(form: LogFormat = "json", level: int = logging.INFO) -> None:
    """Send every log record of this process to stderr in ``form``."""
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(JsonFormatter() if form == "json" else TextFormatter())
    logging.basicConfig(level=level, handlers=[handler], force=True)
