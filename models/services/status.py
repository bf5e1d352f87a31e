"""What a profile holds and where its sync stands."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import func, select

from models.db import MIRROR_TABLES, OrderReview, ProductPick, ReleaseDecision, SyncState, table_of
from models.profile import Profile
from models.sync import outbox


@dataclass(frozen=True)
class SyncStatus:
    shop: str | None
    shop_name: str | None
    user: str | None  # who is signed in here
    role: str | None  # owner, assistant or manager
    platform_url: str | None
    cursor: str | None
    last_sync: int | None
    last_error: str
    outbox_pending: int
    outbox_rejected: int
    counts: dict[str, int]


COUNTED = {
    **{f"{name}s" if not name.endswith("s") else name: t for name, t in MIRROR_TABLES.items()},
    "order_reviews": table_of(OrderReview),
    "product_picks": table_of(ProductPick),
    "release_decisions": table_of(ReleaseDecision),
}


def sync_status(profile: Profile, *, with_counts: bool = True) -> SyncStatus:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        conn = s.connection()
        by_status = outbox.count_by_status(conn)
        counts = (
            {
                name: int(conn.scalar(select(func.count()).select_from(table)) or 0)
                for name, table in COUNTED.items()
            }
            if with_counts
            else {}
        )
    return SyncStatus(
        shop=state.shop_code if state else None,
        shop_name=state.shop_name if state else None,
        user=state.user if state else None,
        role=state.role if state else None,
        platform_url=state.platform_url if state else None,
        cursor=state.cursor if state else None,
        last_sync=state.last_sync_at if state else None,
        last_error=state.last_error if state else "",
        outbox_pending=by_status.get("pending", 0),
        outbox_rejected=by_status.get("rejected", 0),
        counts=counts,
    )
