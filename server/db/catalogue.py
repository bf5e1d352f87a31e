"""The platform-wide catalogue: one copy for every shop (a reference table when distributed)."""

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


class Brand(Base):
    __tablename__ = "brand"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    name: Mapped[str] = mapped_column(String(100))
    category: Mapped[str] = mapped_column(String(20))


class SaleEvent(Base):
    __tablename__ = "sale_event"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    brand_id: Mapped[int]
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    starts_at: Mapped[int]
    ends_at: Mapped[int]


class Product(Base):
    __tablename__ = "product"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    brand_id: Mapped[int]
    sale_event_id: Mapped[int | None]
    title: Mapped[str] = mapped_column(String(200))
    category: Mapped[str] = mapped_column(String(20))
    supply_price_cents: Mapped[int]
    retail_price_cents: Mapped[int]
    commission_rate_bp: Mapped[int]
    sales_count: Mapped[int]
    created_at: Mapped[int]


class Sku(Base):
    __tablename__ = "sku"
    __table_args__ = (Index("ix_sku_product", "product_id"),)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    product_id: Mapped[int]
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


class CatalogueFeed(Base):
    """The catalogue's compacted change log, read by every shop: one entry per row."""

    __tablename__ = "catalogue_feed"
    __table_args__ = (UniqueConstraint("seq"),)
    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int]
    # The wire row as JSON text; NULL marks a deleted row.
    payload: Mapped[str | None] = mapped_column(Text)


class CatalogueFeedState(Base):
    """Where the catalogue's feed stands: one row (id 1), updated by every catalogue writer."""

    __tablename__ = "catalogue_feed_state"
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    last_seq: Mapped[int]
    horizon_seq: Mapped[int]


class CatalogueIdCounter(Base):
    """The last id the catalogue handed out per entity."""

    __tablename__ = "catalogue_id_counter"
    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    last_id: Mapped[int]
