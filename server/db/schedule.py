"""What the platform has planned but not yet done: never in the feed, so no desktop sees a
customer before the day they arrive."""

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


class ScheduledAllocation(Base):
    """A public-domain customer promised to a shop; becomes a customer, a ledger entry and a
    traffic allocation (with the ids reserved here) once ``arrives_at`` has passed."""

    __tablename__ = "scheduled_allocation"
    __table_args__ = (Index("ix_scheduled_allocation_due", "shop_id", "arrives_at"),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    customer_id: Mapped[int]
    binding_id: Mapped[int]
    arrives_at: Mapped[int]
    reason: Mapped[str] = mapped_column(String(30))
    release_request_id: Mapped[int | None]
    name: Mapped[str] = mapped_column(String(100))
    phone_masked: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(50))
