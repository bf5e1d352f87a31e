"""Every SQL statement the platform runs, checked for a shop_id condition on every shop table.

A listener on every engine records each statement with the platform module that ran it (the
test's own checks are not the platform's). A statement passes when each shop table it names
is tied to a shop: a row it inserts carries shop_id, and a table it reads, changes or deletes
from has ``shop_id = <value>`` (or ``IN``) in its conditions, directly or through joins on
shop_id with a table that has.
"""

from __future__ import annotations

import functools
import re
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from types import FrameType
from typing import Any, Final

from sqlalchemy import Engine, event

from server.db.schema import shop_tables

ROOT = Path(__file__).resolve().parents[2]
PLATFORM = ROOT / "server"
# Revisions move whole tables once per database, and the operator's metrics count every shop's
# feed at a scrape: maintenance, not a request of a shop.
MAINTENANCE = (PLATFORM / "migrations", PLATFORM / "metrics.py", PLATFORM / "maintenance.py")
# Tables whose own key does not carry shop_id yet (the key-rule test marks them expected to
# fail, strictly, so the entry goes once the table is keyed by shop).
AWAITING_SHOP_KEY: dict[str, str] = {}

_KEYWORDS = frozenset(
    [
        "where",
        "on",
        "join",
        "left",
        "right",
        "inner",
        "outer",
        "cross",
        "full",
        "set",
        "values",
        "select",
        "returning",
        "for",
        "group",
        "order",
        "limit",
        "union",
        "as",
        "using",
        "natural",
        "lateral",
        "with",
        "window",
        "having",
        "offset",
    ]
)
_REFERENCE = re.compile(
    r"\b(from|join|update|into)\s+([a-z_][a-z0-9_]*)(?:\s+(?:as\s+)?([a-z_][a-z0-9_]*))?"
)
_INSERT_COLUMNS = re.compile(r"\binsert\s+(?:or\s+\w+\s+)?into\s+([a-z_][a-z0-9_]*)\s*\(([^)]*)\)")
_JOINED = re.compile(r"\b([a-z_][a-z0-9_]*)\.shop_id\s*=\s*([a-z_][a-z0-9_]*)\.shop_id\b")
_VALUE = r"(?:\?|%\(\w+\)s|%s|\$\d+|\(|\d|'|:\w+|any\s*\()"
_ANCHORED = re.compile(rf"\b([a-z_][a-z0-9_]*)\.shop_id\s*(?:=|\bin\b)\s*{_VALUE}")
_ANCHORED_PLAIN = re.compile(rf"(?<![.\w])shop_id\s*(?:=|\bin\b)\s*{_VALUE}")


def shop_table_names() -> frozenset[str]:
    return frozenset(t.name for t in shop_tables()) - frozenset(AWAITING_SHOP_KEY)


def _normal(statement: str) -> str:
    return " ".join(statement.replace('"', "").lower().split())


def unkeyed_tables(statement: str, shop_names: frozenset[str] | None = None) -> list[str]:
    """The shop tables a statement names without tying them to a shop."""
    names = shop_table_names() if shop_names is None else shop_names
    sql = _normal(statement)
    inserted = {m.group(1): m.group(2) for m in _INSERT_COLUMNS.finditer(sql)}
    references: list[tuple[str, str]] = []
    for verb, table, alias in _REFERENCE.findall(sql):
        if table not in names:
            continue
        if verb == "into":
            columns = {c.strip() for c in inserted.get(table, "").split(",")}
            if "shop_id" not in columns:
                references.append((table, "?insert"))
            continue
        references.append((table, alias if alias and alias not in _KEYWORDS else table))
    if not references:
        return []
    # Aliases joined on shop_id share their anchor.
    parent: dict[str, str] = {}

    def root(name: str) -> str:
        while parent.get(name, name) != name:
            name = parent[name]
        return name

    for left, right in _JOINED.findall(sql):
        parent[root(left)] = root(right)
    anchored = {root(name) for name in _ANCHORED.findall(sql)}
    plain_anchor = bool(_ANCHORED_PLAIN.search(sql))
    single = len({alias for _, alias in references}) == 1
    loose = []
    for table, alias in references:
        if alias == "?insert" or (root(alias) not in anchored and not (single and plain_anchor)):
            loose.append(table)
    return sorted(set(loose))


_NOT_OURS: Final = "not ours"


@functools.lru_cache(maxsize=4096)
def _kind_of(filename: str) -> Path | str | None:
    """A code file as the log sees it: a platform module's path, None for another module of
    ours, ``_NOT_OURS`` for this file and for libraries."""
    path = Path(filename)
    # Installed libraries live inside the checkout too (.venv, .venv-core): not ours.
    ours = path.is_relative_to(ROOT) and "site-packages" not in path.parts
    if path == Path(__file__) or not ours:
        return _NOT_OURS
    return path if path.is_relative_to(PLATFORM) else None


@functools.lru_cache(maxsize=1024)
def _maintenance(module: Path) -> bool:
    return any(module.is_relative_to(m) for m in MAINTENANCE)


def _platform_module() -> Path | None:
    """The module of ours nearest the call, when it is part of the platform."""
    frame: FrameType | None = sys._getframe(2)
    while frame is not None:
        kind = _kind_of(frame.f_code.co_filename)
        if kind != _NOT_OURS:
            return kind if isinstance(kind, Path) else None
        frame = frame.f_back
    return None


@dataclass
class StatementLog:
    """Statements the platform ran while the log was open, with where each came from."""

    seen: list[tuple[str, Path]] = field(default_factory=list)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def record(self, statement: str) -> None:
        module = _platform_module()
        if module is None or _maintenance(module):
            return
        with self._lock:
            self.seen.append((statement, module))

    def problems(self) -> list[str]:
        found: dict[str, str] = {}
        names = shop_table_names()
        for statement, module in self.seen:
            loose = unkeyed_tables(statement, names)
            if loose:
                found.setdefault(
                    statement,
                    f"{', '.join(loose)} without shop_id, from {module.relative_to(ROOT)}: "
                    f"{' '.join(statement.split())[:300]}",
                )
        return list(found.values())


@contextmanager
def recording() -> Iterator[StatementLog]:
    log = StatementLog()

    def before_cursor_execute(
        _conn: Any, _cursor: Any, statement: str, *_args: Any, **_kwargs: Any
    ) -> None:
        log.record(statement)

    event.listen(Engine, "before_cursor_execute", before_cursor_execute)
    try:
        yield log
    finally:
        event.remove(Engine, "before_cursor_execute", before_cursor_execute)
