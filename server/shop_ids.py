"""Which shops the platform has, and the id of a new one.

Shops are listed from the sign-in table, a table every shop shares (a reference table when
distributed), so that walking all shops never scans a table of shop data.
"""

from __future__ import annotations

import logging

from sqlalchemy import Connection, func, select

from server import feed
from server.db.platform import ShopCredential

log = logging.getLogger(__name__)


def every_shop(conn: Connection) -> list[int]:
    return list(
        conn.scalars(select(ShopCredential.shop_id).distinct().order_by(ShopCredential.shop_id))
    )


def open_new_shop(conn: Connection) -> int:
    """A new shop's id, the next after every shop signed up, claimed by opening its feed.

    Two shops opened at once may try the same number; the feed's key lets one have it and the
    other take the next.
    """
    highest = conn.scalar(select(func.coalesce(func.max(ShopCredential.shop_id), 0)))
    candidate = int(highest or 0) + 1
    while not feed.open_shop_feed(conn, candidate):
        candidate += 1
    log.info("opened shop %d", candidate)
    return candidate
