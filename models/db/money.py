"""The shop's money as the platform settled it: terms, statements and their lines, withdrawals.

Mirror tables like the others: columns match ``models.wire`` one for one, overwritten by pulls.
"""

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.db.base import Base


class SettlementTerms(Base):
    __tablename__ = "settlement_terms"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    after_sales_days: Mapped[int]
    min_withdrawal_cents: Mapped[int]
    period_days: Mapped[int]
    period_anchor: Mapped[int]


class Statement(Base):
    __tablename__ = "statement"
    __table_args__ = (Index("ix_statement_period_end", "period_end"),)
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
        # A statement's lines in order, and everything paid for one order.
        Index("ix_statement_line_statement", "statement_id", "id"),
        Index("ix_statement_line_order", "order_id"),
    )
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
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    request_id: Mapped[str | None] = mapped_column(String(64), index=True)
    amount_cents: Mapped[int]
    requested_at: Mapped[int]
    status: Mapped[str] = mapped_column(String(10))
    decided_at: Mapped[int | None]
    reason: Mapped[str] = mapped_column(String(500))
