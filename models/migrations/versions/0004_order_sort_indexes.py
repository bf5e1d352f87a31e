"""indexes for sorting orders by commission and items, and filtering by category

Revision ID: 0004
Revises: 0003
Create Date: 2026-11-24 18:10:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "ix_order_commission": ["commission_cents", "id"],
    "ix_order_items": ["items_summary", "id"],
    "ix_order_category_placed": ["category", "placed_at", "id"],
}


def upgrade() -> None:
    with op.batch_alter_table("order", schema=None) as batch_op:
        for name, columns in INDEXES.items():
            batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    with op.batch_alter_table("order", schema=None) as batch_op:
        for name in INDEXES:
            batch_op.drop_index(name)
