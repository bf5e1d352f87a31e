"""Rows the shop's people write on the desktop and push; kept here so every computer sees them,
each with the user name of who wrote it."""

from sqlalchemy import ForeignKeyConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


class OrderReview(Base):
    __tablename__ = "order_review"
    __table_args__ = (ForeignKeyConstraint(["shop_id", "order_id"], ["order.shop_id", "order.id"]),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    order_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    reviewed: Mapped[bool]
    flag: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(String(2000))
    updated_at: Mapped[int]
    # The user name of the person whose action wrote the row.
    actor: Mapped[str] = mapped_column(String(64))


class ProductPick(Base):
    __tablename__ = "product_pick"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    product_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    picked: Mapped[bool]
    updated_at: Mapped[int]
    actor: Mapped[str] = mapped_column(String(64))


class ReleaseDecision(Base):
    __tablename__ = "release_decision"
    __table_args__ = (
        ForeignKeyConstraint(
            ["shop_id", "request_id"], ["release_request.shop_id", "release_request.id"]
        ),
    )
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    request_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(String(500))
    decided_at: Mapped[int]
    mutation_id: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64))


class PosterPrint(Base):
    __tablename__ = "poster_print"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    target_id: Mapped[int | None]
    layout: Mapped[str] = mapped_column(String(10))
    copies: Mapped[int]
    printed_at: Mapped[int]
    actor: Mapped[str] = mapped_column(String(64))


class WithdrawalRequest(Base):
    """The desktop's request as it asked; the platform's answer is a ``withdrawal`` row."""

    __tablename__ = "withdrawal_request"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    amount_cents: Mapped[int]
    requested_at: Mapped[int]
    actor: Mapped[str] = mapped_column(String(64))
