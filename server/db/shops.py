"""Each shop's people and their ties: keyed (shop_id, id) so the data can be distributed by shop.

Foreign keys stay inside one shop (they always carry shop_id), which a shop-distributed
PostgreSQL accepts; rows never point at the catalogue, whose products may retire while the
history that names them stays.
"""

from sqlalchemy import ForeignKeyConstraint, Index, String
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


def _same_shop(columns: tuple[str, ...], target: str) -> ForeignKeyConstraint:
    return ForeignKeyConstraint(["shop_id", *columns], [f"{target}.shop_id", f"{target}.id"])


class Shop(Base):
    __tablename__ = "shop"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    owner_name: Mapped[str] = mapped_column(String(100))
    city: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[int]
    released_from_shop_id: Mapped[int | None]


class StoreManager(Base):
    __tablename__ = "store_manager"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100))
    phone_masked: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(50))
    joined_at: Mapped[int]
    status: Mapped[str] = mapped_column(String(10))
    current_stage_position: Mapped[int]
    released_at: Mapped[int | None]


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (
        _same_shop(("store_manager_id",), "store_manager"),
        # Who belongs to a sub-store is what a release asks.
        Index("ix_customer_manager", "shop_id", "store_manager_id"),
    )
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100))
    phone_masked: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(50))
    store_manager_id: Mapped[int | None]
    bound_at: Mapped[int]
    bound_via: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    first_order_at: Mapped[int | None]


class CustomerBinding(Base):
    """The ledger of every change of a customer's owning store."""

    __tablename__ = "customer_binding"
    __table_args__ = (_same_shop(("customer_id",), "customer"),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    customer_id: Mapped[int]
    at: Mapped[int]
    event: Mapped[str] = mapped_column(String(20))
    from_manager_id: Mapped[int | None]
    to_manager_id: Mapped[int | None]
    via: Mapped[str] = mapped_column(String(20))
    release_request_id: Mapped[int | None]
    note: Mapped[str] = mapped_column(String(500))


class TaskProgress(Base):
    __tablename__ = "task_progress"
    __table_args__ = (_same_shop(("store_manager_id",), "store_manager"),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    store_manager_id: Mapped[int]
    stage_id: Mapped[int]
    started_at: Mapped[int]
    deadline_at: Mapped[int]
    sales_cents: Mapped[int]
    customers_count: Mapped[int]
    status: Mapped[str] = mapped_column(String(12))
    assessment: Mapped[str] = mapped_column(String(12))
    completed_at: Mapped[int | None]


class ReleaseRequest(Base):
    __tablename__ = "release_request"
    __table_args__ = (_same_shop(("store_manager_id",), "store_manager"),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    store_manager_id: Mapped[int]
    created_at: Mapped[int]
    status: Mapped[str] = mapped_column(String(10))
    decided_at: Mapped[int | None]
    decision_reason: Mapped[str] = mapped_column(String(500))
    new_shop_code: Mapped[str | None] = mapped_column(String(64))


class TrafficAllocation(Base):
    __tablename__ = "traffic_allocation"
    __table_args__ = (_same_shop(("customer_id",), "customer"),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    customer_id: Mapped[int]
    allocated_at: Mapped[int]
    reason: Mapped[str] = mapped_column(String(30))
    release_request_id: Mapped[int | None]
