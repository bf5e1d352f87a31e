"""Each shop's money: its settlement terms, the weekly statements and their lines, withdrawals.

Keyed (shop_id, id) like every shop table. A line names its order inside the same shop; it
does not point at its statement by a foreign key, because a bulk load writes the lines as
their orders are built and the statements once their weeks are summed.
"""

from sqlalchemy import ForeignKeyConstraint, Index, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


class SettlementTerms(Base):
    __tablename__ = "settlement_terms"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    after_sales_days: Mapped[int]
    min_withdrawal_cents: Mapped[int]
    period_days: Mapped[int]
    period_anchor: Mapped[int]


class Statement(Base):
    __tablename__ = "statement"
    # The settlement run continues after the newest period.
    __table_args__ = (Index("ix_statement_period", "shop_id", "period_end"),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    period_start: Mapped[int]
    period_end: Mapped[int]
    settled_at: Mapped[int]
    commission_cents: Mapped[int]
    manager_share_cents: Mapped[int]
    clawback_cents: Mapped[int]
    adjustment_cents: Mapped[int]
    total_cents: Mapped[int]
    line_count: Mapped[int]


class StatementLine(Base):
    __tablename__ = "statement_line"
    __table_args__ = (
        ForeignKeyConstraint(["shop_id", "order_id"], ["order.shop_id", "order.id"]),
        # Settling asks whether an order was paid already, and clawed back already.
        Index("ix_statement_line_order", "shop_id", "order_id", "kind"),
        Index("ix_statement_line_statement", "shop_id", "statement_id"),
    )
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    statement_id: Mapped[int]
    order_id: Mapped[int | None]
    order_no: Mapped[str] = mapped_column(String(32))
    store_manager_id: Mapped[int | None]
    kind: Mapped[str] = mapped_column(String(16))
    amount_cents: Mapped[int]
    share_rate_bp: Mapped[int | None]
    note: Mapped[str] = mapped_column(String(200))


class Withdrawal(Base):
    __tablename__ = "withdrawal"
    __table_args__ = (
        # One withdrawal per request of a desktop, whatever reaches the platform twice.
        UniqueConstraint("shop_id", "request_id"),
        Index("ix_withdrawal_status", "shop_id", "status", "requested_at"),
    )
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    request_id: Mapped[str | None] = mapped_column(String(64))
    amount_cents: Mapped[int]
    requested_at: Mapped[int]
    status: Mapped[str] = mapped_column(String(10))
    decided_at: Mapped[int | None]
    reason: Mapped[str] = mapped_column(String(500))
