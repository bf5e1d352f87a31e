"""Someone else signs in to the same profile folder: what the previous person did on this
computer is kept aside (never sent as the new person), and the new person starts from an empty
mirror, so the profile only ever holds rows its person may see.

Kept aside is a file in the profile's ``aside`` folder, one per person, holding their outbox
(waiting and answered actions) and their decision log; when they sign in here again, it is
taken back and their waiting actions go out with their own sign-in.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import Any, Final

import orjson
from sqlalchemy import Connection, delete, select, update

from models import wire
from models.db import (
    CLIENT_TABLES,
    MIRROR_TABLES,
    ConfirmedRow,
    DecisionLog,
    OutboxEntry,
    SyncState,
    table_of,
)
from models.search import clear_indexes
from models.sync import money_checks, rollups
from models.sync.apply import upsert_rows

log = logging.getLogger(__name__)

ASIDE_FOLDER: Final = "aside"
_outbox = table_of(OutboxEntry)
_decisions = table_of(DecisionLog)


def aside_path(folder: Path, shop_id: int, user: str) -> Path:
    # User names are letters, digits, dots, dashes and underscores: safe in a file name.
    safe = "".join(c if c.isalnum() or c in "._-" else "_" for c in user) or "_"
    return folder / ASIDE_FOLDER / f"{shop_id}-{safe}.json"


def set_aside(conn: Connection, folder: Path, shop_id: int, user: str) -> int:
    """Write the person's outbox and decision log to their aside file; returns how many
    actions are still waiting in it. The caller then clears the profile."""
    ordered = select(_outbox).order_by(_outbox.c.position)
    entries = [dict(r) for r in conn.execute(ordered).mappings()]
    decisions = [dict(r) for r in conn.execute(select(_decisions)).mappings()]
    if not entries and not decisions:
        return 0
    path = aside_path(folder, shop_id, user)
    kept = _read(path)
    known = {e["id"] for e in kept["outbox"]}
    kept["outbox"] += [_without_position(e) for e in entries if e["id"] not in known]
    logged = {d["mutation_id"] for d in kept["decision_log"]}
    kept["decision_log"] += [d for d in decisions if d["mutation_id"] not in logged]
    _write(path, kept)
    waiting = sum(1 for e in kept["outbox"] if e["status"] == "pending")
    log.info("set aside %d actions (%d waiting) of %s", len(kept["outbox"]), waiting, user)
    return waiting


def take_back(conn: Connection, folder: Path, shop_id: int, user: str) -> int:
    """Put the person's aside actions back in the outbox, in their order; returns how many
    are waiting to be sent. The caller removes the file once its transaction committed."""
    path = aside_path(folder, shop_id, user)
    if not path.exists():
        return 0
    kept = _read(path)
    present = set(conn.scalars(select(_outbox.c.id)))
    back = [e for e in kept["outbox"] if e["id"] not in present]
    if back:
        conn.execute(_outbox.insert(), back)
    if kept["decision_log"]:
        upsert_rows(conn, _decisions, kept["decision_log"])
    waiting = sum(1 for e in back if e["status"] == "pending")
    log.info("took back %d actions (%d waiting) of %s", len(back), waiting, user)
    return waiting


def clear_profile(conn: Connection) -> None:
    """Empty the mirror and every local action, and rewind the cursor: a fresh start."""
    for table in (*MIRROR_TABLES.values(), *CLIENT_TABLES.values()):
        conn.execute(delete(table))
    conn.execute(delete(table_of(ConfirmedRow)))
    conn.execute(delete(_outbox))
    conn.execute(delete(_decisions))
    clear_indexes(conn)
    rollups.clear(conn)
    money_checks.mark_stale(conn)
    conn.execute(update(table_of(SyncState)).values(cursor=wire.START_CURSOR, epoch=None))


def _without_position(entry: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in entry.items() if k != "position"}


def _read(path: Path) -> dict[str, list[dict[str, Any]]]:
    if not path.exists():
        return {"outbox": [], "decision_log": []}
    data = orjson.loads(path.read_bytes())
    return {
        "outbox": list(data.get("outbox", [])),
        "decision_log": list(data.get("decision_log", [])),
    }


def _write(path: Path, kept: dict[str, list[dict[str, Any]]]) -> None:
    path.parent.mkdir(mode=0o700, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(orjson.dumps(kept))
    os.replace(temporary, path)
