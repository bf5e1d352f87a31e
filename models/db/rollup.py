"""Sales and customer counts per local day, kept in step with the mirror as pages are applied.

The charts read these instead of the order table: a range over a million orders is a few
thousand rows here.
"""

from sqlalchemy import CheckConstraint, String
from sqlalchemy.orm import Mapped, mapped_column

from models.db.base import Base, table_of


class CategorySalesDay(Base):
    """The sales of one local day in one category.

    A sale is an order in a paid state (paid, shipped, completed), counted on the day it was paid:
    pending, cancelled and refunded orders brought no money in.
    """

    __tablename__ = "category_sales_day"
    # Clustered by day: a chart's range is one contiguous read.
    __table_args__ = ({"sqlite_with_rowid": False},)
    # Days since 1970-01-01 in the zone of ``rollup_state.utc_offset``.
    day: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    category: Mapped[str] = mapped_column(String(20), primary_key=True)
    orders: Mapped[int]
    amount_cents: Mapped[int]
    commission_cents: Mapped[int]


class StoreSalesDay(Base):
    """The sales of one local day in one store, counted as in ``category_sales_day``.

    Kept apart from the categories: a day is a handful of rows in each table, where one table by
    store and category would make the all-time charts read a row per order of some days.
    """

    __tablename__ = "store_sales_day"
    __table_args__ = ({"sqlite_with_rowid": False},)
    day: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # 0 for the owner's own store, otherwise the store manager's id.
    store_key: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    orders: Mapped[int]
    amount_cents: Mapped[int]
    commission_cents: Mapped[int]


class CustomerDay(Base):
    """Customers bound to the shop on one local day, by how they came (``bound_via``)."""

    __tablename__ = "customer_day"
    __table_args__ = ({"sqlite_with_rowid": False},)
    day: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    source: Mapped[str] = mapped_column(String(20), primary_key=True)
    customers: Mapped[int]


class RollupState(Base):
    """The zone the rollups' days are counted in, and whether they wait for a rebuild."""

    __tablename__ = "rollup_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    utc_offset: Mapped[int]
    # Set while a first pull writes the mirror without keeping the rollups; rebuilt at its end.
    stale: Mapped[bool]
    # What the counts mean (models.sync.rollups.ROLLUP_VERSION); another one is rebuilt.
    version: Mapped[int]


# The rollup tables and their state: derived data, dropped and made again at will.
ROLLUP_TABLES = (table_of(CategorySalesDay), table_of(StoreSalesDay), table_of(CustomerDay))
