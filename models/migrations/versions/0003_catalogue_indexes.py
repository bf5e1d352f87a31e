"""indexes for the catalogue's sorts

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-25 10:00:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_product_retail_price": ["retail_price_cents", "id"],
    "ix_product_commission_rate": ["commission_rate_bp", "id"],
    "ix_product_sales": ["sales_count", "id"],
    "ix_product_created": ["created_at", "id"],
}


def upgrade() -> None:
    with op.batch_alter_table("product", schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("product", schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)
