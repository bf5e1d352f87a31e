"""Bringing the sign-in tables of an older platform database to their present shape.

Tokens now name their shop and credentials are keyed by shop code. The old tokens cannot be
routed by shop, so they are dropped (each computer signs in again once); credentials keep every
password. This is the platform's one schema change made outside migrations, written so that it
moves into the first migration that follows the initial schema unchanged.
"""

from __future__ import annotations

import logging

from sqlalchemy import Engine, insert, inspect, text

from server.db.base import table_of
from server.db.platform import ShopCredential, ShopToken

log = logging.getLogger(__name__)


def upgrade_access_tables(engine: Engine) -> None:
    inspector = inspect(engine)
    tables = set(inspector.get_table_names())
    old_tokens = "shop_token" in tables and "last_used_at" not in {
        column["name"] for column in inspector.get_columns("shop_token")
    }
    old_credentials = "shop_credential" in tables and inspector.get_pk_constraint(
        "shop_credential"
    ).get("constrained_columns") != ["shop_code"]
    if not old_tokens and not old_credentials:
        return
    with engine.begin() as conn:
        if old_tokens:
            conn.execute(text("DROP TABLE shop_token"))
            table_of(ShopToken).create(conn)
            log.info("sign-in tokens now name their shop; every computer signs in again once")
        if old_credentials:
            rows = [
                dict(row._mapping)
                for row in conn.execute(
                    text("SELECT shop_id, shop_code, password_hash FROM shop_credential")
                )
            ]
            conn.execute(text("DROP TABLE shop_credential"))
            table_of(ShopCredential).create(conn)
            if rows:
                conn.execute(insert(table_of(ShopCredential)), rows)
            log.info("credentials of %d shops are now found by shop code", len(rows))
