"""sales and customer rollups per local day, for the charts

Revision ID: 0006
Revises: 0005
Create Date: 2026-11-24 18:45:00
"""

import time
from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0006"
down_revision: str | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Stale: the next sync, or the charts when first opened, count the orders already here.
STATE = "INSERT INTO rollup_state (id, utc_offset, stale, version) VALUES (1, :offset, 1, 1)"


def upgrade() -> None:
    op.create_table(
        "customer_day",
        sa.Column("day", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("source", sa.String(length=20), nullable=False),
        sa.Column("customers", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "source", name=op.f("pk_customer_day")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "rollup_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("utc_offset", sa.Integer(), nullable=False),
        sa.Column("stale", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_rollup_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rollup_state")),
    )
    op.create_table(
        "category_sales_day",
        sa.Column("day", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("category", sa.String(length=20), nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("commission_cents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "category", name=op.f("pk_category_sales_day")),
        sqlite_with_rowid=False,
    )
    op.create_table(
        "store_sales_day",
        sa.Column("day", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("store_key", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("orders", sa.Integer(), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("commission_cents", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("day", "store_key", name=op.f("pk_store_sales_day")),
        sqlite_with_rowid=False,
    )
    op.execute(sa.text(STATE).bindparams(offset=time.localtime().tm_gmtoff))


def downgrade() -> None:
    op.drop_table("store_sales_day")
    op.drop_table("category_sales_day")
    op.drop_table("rollup_state")
    op.drop_table("customer_day")
