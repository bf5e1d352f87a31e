"""Server-owned rows, pulled from the platform and overwritten by pulls.

Columns match the rows of ``models.wire`` one for one, so a pulled row is upserted as it is.
Mirror tables carry no foreign keys between each other: the platform is the authority, and a page
may name a row whose parent arrives in the next page.
"""

from sqlalchemy import Index, String
from sqlalchemy.orm import Mapped, mapped_column

from models.db.base import Base, table_of
from models.db.money import SettlementTerms, Statement, StatementLine, Withdrawal


class Shop(Base):
    __tablename__ = "shop"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    code: Mapped[str] = mapped_column(String(64))
    name: Mapped[str] = mapped_column(String(200))
    owner_name: Mapped[str] = mapped_column(String(100))
    city: Mapped[str] = mapped_column(String(50))
    created_at: Mapped[int]
    released_from_shop_id: Mapped[int | None]


class Brand(Base):
    __tablename__ = "brand"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(20))


class SaleEvent(Base):
    __tablename__ = "sale_event"
    __table_args__ = (Index("ix_sale_event_window", "ends_at", "starts_at"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    brand_id: Mapped[int] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[int]
    ends_at: Mapped[int]


class Product(Base):
    __tablename__ = "product"
    __table_args__ = (
        # The catalogue's sorts (price, commission, sales, newest), each with the id as tiebreak.
        Index("ix_product_retail_price", "retail_price_cents", "id"),
        Index("ix_product_commission_rate", "commission_rate_bp", "id"),
        Index("ix_product_sales", "sales_count", "id"),
        Index("ix_product_created", "created_at", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    brand_id: Mapped[int] = mapped_column(index=True)
    sale_event_id: Mapped[int | None] = mapped_column(index=True)
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20), index=True)
    supply_price_cents: Mapped[int]
    retail_price_cents: Mapped[int]
    commission_rate_bp: Mapped[int]
    sales_count: Mapped[int]
    created_at: Mapped[int]


class Sku(Base):
    __tablename__ = "sku"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    product_id: Mapped[int] = mapped_column(index=True)
    spec: Mapped[str] = mapped_column(String(100))
    stock: Mapped[int]
    supply_price_cents: Mapped[int]
    retail_price_cents: Mapped[int]
    commission_cents: Mapped[int]


class TaskStage(Base):
    __tablename__ = "task_stage"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    position: Mapped[int]
    name: Mapped[str] = mapped_column(String(100))
    sales_target_cents: Mapped[int]
    customers_target: Mapped[int]
    window_days: Mapped[int]
    description: Mapped[str] = mapped_column(String(500))
    share_rate_bp: Mapped[int]


class Customer(Base):
    __tablename__ = "customer"
    __table_args__ = (
        # The customer table's sorts (name, since), each with the id as tiebreak.
        Index("ix_customer_name", "name", "id"),
        Index("ix_customer_bound", "bound_at", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100))
    phone_masked: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(50))
    store_manager_id: Mapped[int | None] = mapped_column(index=True)
    bound_at: Mapped[int]
    bound_via: Mapped[str] = mapped_column(String(20))
    status: Mapped[str] = mapped_column(String(10))
    first_order_at: Mapped[int | None]


class CustomerBinding(Base):
    """The ledger of every change of a customer's owning store."""

    __tablename__ = "customer_binding"
    # The traffic compensation counts the releases' departures month by month.
    __table_args__ = (Index("ix_customer_binding_event_at", "event", "at"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    customer_id: Mapped[int] = mapped_column(index=True)
    at: Mapped[int]
    event: Mapped[str] = mapped_column(String(20))
    from_manager_id: Mapped[int | None]
    to_manager_id: Mapped[int | None]
    via: Mapped[str] = mapped_column(String(20))
    release_request_id: Mapped[int | None]
    note: Mapped[str] = mapped_column(String(500))


class StoreManager(Base):
    __tablename__ = "store_manager"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100))
    phone_masked: Mapped[str] = mapped_column(String(20))
    city: Mapped[str] = mapped_column(String(50))
    joined_at: Mapped[int]
    status: Mapped[str] = mapped_column(String(10))
    current_stage_position: Mapped[int]
    released_at: Mapped[int | None]


class TaskProgress(Base):
    __tablename__ = "task_progress"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    store_manager_id: Mapped[int] = mapped_column(index=True)
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
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    store_manager_id: Mapped[int] = mapped_column(index=True)
    created_at: Mapped[int]
    status: Mapped[str] = mapped_column(String(10), index=True)
    decided_at: Mapped[int | None]
    decision_reason: Mapped[str] = mapped_column(String(500))
    new_shop_code: Mapped[str | None] = mapped_column(String(64))


class Order(Base):
    __tablename__ = "order"
    __table_args__ = (
        # Keyset paging and the common sorts and filters of the order table.
        Index("ix_order_placed", "placed_at", "id"),
        Index("ix_order_status_placed", "status", "placed_at", "id"),
        Index("ix_order_manager_placed", "store_manager_id", "placed_at", "id"),
        Index("ix_order_customer_placed", "customer_id", "placed_at"),
        Index("ix_order_amount", "amount_cents", "id"),
        Index("ix_order_commission", "commission_cents", "id"),
        Index("ix_order_items", "items_summary", "id"),
        Index("ix_order_category_placed", "category", "placed_at", "id"),
    )
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    order_no: Mapped[str] = mapped_column(String(32), unique=True)
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
    # Searching orders by product goes from products to orders on this index alone.
    __table_args__ = (Index("ix_order_item_product_order", "product_id", "order_id"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    order_id: Mapped[int] = mapped_column(index=True)
    product_id: Mapped[int]
    sku_id: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    quantity: Mapped[int]
    unit_price_cents: Mapped[int]
    commission_cents: Mapped[int]


class TrafficAllocation(Base):
    __tablename__ = "traffic_allocation"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    customer_id: Mapped[int] = mapped_column(index=True)
    allocated_at: Mapped[int] = mapped_column(index=True)
    reason: Mapped[str] = mapped_column(String(30))
    release_request_id: Mapped[int | None]


class Person(Base):
    """Someone who signs in to the shop; only the owner's mirror holds these."""

    __tablename__ = "person"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    user_name: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(12))
    store_manager_id: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[int]
    last_sign_in_at: Mapped[int | None]
    disabled_at: Mapped[int | None]


# Feed entity -> mirror table, for the entities only the platform writes.
MIRROR_TABLES = {
    "shop": table_of(Shop),
    "brand": table_of(Brand),
    "sale_event": table_of(SaleEvent),
    "product": table_of(Product),
    "sku": table_of(Sku),
    "task_stage": table_of(TaskStage),
    "customer": table_of(Customer),
    "customer_binding": table_of(CustomerBinding),
    "store_manager": table_of(StoreManager),
    "task_progress": table_of(TaskProgress),
    "release_request": table_of(ReleaseRequest),
    "order": table_of(Order),
    "order_item": table_of(OrderItem),
    "traffic_allocation": table_of(TrafficAllocation),
    "settlement_terms": table_of(SettlementTerms),
    "statement": table_of(Statement),
    "statement_line": table_of(StatementLine),
    "withdrawal": table_of(Withdrawal),
    "person": table_of(Person),
}
