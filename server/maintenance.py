"""What an operator runs across every shop at once, never a request of one shop."""

from __future__ import annotations

import logging

from sqlalchemy import Engine, select

from server.db.engine import write_begin
from server.db.platform import FeedPartition
from server.feed import INT64_MAX, position, purge_tombstones

log = logging.getLogger(__name__)


def purge_all_tombstones(engine: Engine) -> tuple[int, int]:
    """Forget every deletion the feeds hold, the catalogue's and each shop's, one transaction each.

    Returns how many deletions were forgotten and in how many feeds.
    """
    with engine.connect() as conn:
        feeds: list[int | None] = [None, *conn.scalars(select(FeedPartition.shop_id))]
    dropped = 0
    for shop_id in feeds:
        with write_begin(engine) as conn:
            if position(conn, shop_id) is not None:
                dropped += purge_tombstones(conn, shop_id, INT64_MAX)
    log.info("forgot %d deletions in %d feeds", dropped, len(feeds))
    return dropped, len(feeds)
