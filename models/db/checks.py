"""Orders whose money does not add up (yet): derived from the mirror, like the rollups.

One row per order where what the rules give the owner differs from what the statements paid
her, with the facts that say why. Orders that add up have no row, so the table stays small
beside a million orders and the order table can filter on it at once.
"""

from sqlalchemy import CheckConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.db.base import Base, table_of


class MoneyDifference(Base):
    __tablename__ = "money_difference"
    __table_args__ = (Index("ix_money_difference_kind", "kind", "settleable_at"),)
    order_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # unsettled, paid_twice, refunded_after_settlement, share_rate_differs or amount_differs;
    # an unsettled order is overdue once a statement covers its settleable moment.
    kind: Mapped[str] = mapped_column(String(32))
    status: Mapped[str] = mapped_column(String(16))
    expected_cents: Mapped[int]
    paid_cents: Mapped[int]
    expected_share_cents: Mapped[int]
    paid_share_cents: Mapped[int]
    expected_rate_bp: Mapped[int | None]
    paid_rate_bp: Mapped[int | None]
    commission_lines: Mapped[int]
    settleable_at: Mapped[int | None]


class MoneyCheckState(Base):
    """Whether the differences wait for a rebuild, and what they mean."""

    __tablename__ = "money_check_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    stale: Mapped[bool]
    version: Mapped[int]


MONEY_CHECK_TABLES = (table_of(MoneyDifference), table_of(MoneyCheckState))
