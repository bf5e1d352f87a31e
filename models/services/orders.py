"""The newest orders, for the command line and scripts."""

from __future__ import annotations

from models.profile import Profile
from models.services.order_table import OrderFilter, OrderRow, Sort, fetch_page


def newest_orders(profile: Profile, limit: int = 20) -> list[OrderRow]:
    """The ``limit`` most recently placed orders, newest first, with their review state."""
    return fetch_page(profile, OrderFilter(), Sort(), limit=limit)
