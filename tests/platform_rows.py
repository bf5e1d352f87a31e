"""Changes made on the platform while a desktop works: through the platform's own row functions,
so that each reaches the feed as the platform's own work would."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from server.db import make_engine
from server.db.engine import write_begin
from server.db.schema import ENTITY_TABLES
from server.rows import load_rows, save_rows

NEXT_STATUS = {
    "pending_payment": "paid",
    "paid": "shipped",
    "shipped": "completed",
    "completed": "refunded",
    "refunded": "refunded",
    "cancelled": "cancelled",
}


def shop_id_of(profile_db: Path) -> int:
    with sqlite3.connect(profile_db) as conn:
        return int(conn.execute("SELECT shop_id FROM sync_state").fetchone()[0])


def advance_orders(db: Path | str, shop_id: int, order_ids: list[int]) -> dict[int, str]:
    """Move each order one status on and raise its amount by a yuan; returns the new statuses."""
    engine = make_engine(str(db))
    try:
        with write_begin(engine) as conn:
            table = ENTITY_TABLES["order"]
            rows = load_rows(conn, "order", shop_id, table.c.id.in_(order_ids))
            for row in rows:
                row["status"] = NEXT_STATUS[row["status"]]
                row["amount_cents"] += 100
            save_rows(conn, "order", rows, shop_id)
        return {int(r["id"]): str(r["status"]) for r in rows}
    finally:
        engine.dispose()


def set_platform_review(db: Path | str, shop_id: int, order_id: int, note: str) -> None:
    """The shop's review of an order, as another computer of the shop would have left it."""
    engine = make_engine(str(db))
    try:
        with write_begin(engine) as conn:
            row = {
                "order_id": order_id,
                "reviewed": True,
                "flag": "problem",
                "note": note,
                "updated_at": 1_700_000_000,
                # Another computer of the shop: its owner's.
                "actor": "owner",
            }
            save_rows(conn, "order_review", [row], shop_id)
    finally:
        engine.dispose()
