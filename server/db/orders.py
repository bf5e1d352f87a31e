"""Orders and their lines, the bulk of every shop's data."""

from sqlalchemy import ForeignKeyConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


class Order(Base):
    __tablename__ = "order"
    __table_args__ = (
        ForeignKeyConstraint(["shop_id", "customer_id"], ["customer.shop_id", "customer.id"]),
        ForeignKeyConstraint(
            ["shop_id", "store_manager_id"], ["store_manager.shop_id", "store_manager.id"]
        ),
        # A release asks which customers paid in one sub-store.
        Index("ix_order_manager_customer", "shop_id", "store_manager_id", "customer_id"),
        # The platform moves orders along by status: waiting for payment, paid, shipped.
        Index("ix_order_status", "shop_id", "status", "paid_at"),
        # Settlement takes the orders whose after-sales window closed in its period.
        Index("ix_order_completed", "shop_id", "status", "completed_at"),
    )
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    order_no: Mapped[str] = mapped_column(String(32))
    customer_id: Mapped[int]
    store_manager_id: Mapped[int | None]
    placed_at: Mapped[int]
    paid_at: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(16))
    amount_cents: Mapped[int]
    commission_cents: Mapped[int]
    item_count: Mapped[int]
    items_summary: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    completed_at: Mapped[int | None]


class OrderItem(Base):
    __tablename__ = "order_item"
    __table_args__ = (ForeignKeyConstraint(["shop_id", "order_id"], ["order.shop_id", "order.id"]),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    order_id: Mapped[int]
    product_id: Mapped[int]
    sku_id: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int]
    unit_price_cents: Mapped[int]
    commission_cents: Mapped[int]
