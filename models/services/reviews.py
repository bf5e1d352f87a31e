"""Order review: the owner's offline marks, flags and notes, carried to the platform."""

from __future__ import annotations

from models.profile import Profile
from models.services.bulk_review import FLAGS, ReviewState, review_orders

__all__ = ["FLAGS", "ReviewState", "review_order"]


def review_order(
    profile: Profile,
    order_no: str,
    *,
    reviewed: bool | None = None,
    flag: str | None = None,
    note: str | None = None,
    now: int | None = None,
) -> ReviewState:
    """Change what was given of an order's review; the rest stays as it was.

    What is saved leaves the order's draft; a draft of what was not given stays.
    """
    [state] = review_orders(profile, [order_no], reviewed=reviewed, flag=flag, note=note, now=now)
    return state
