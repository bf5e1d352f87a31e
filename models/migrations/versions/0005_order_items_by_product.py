"""order items found by product with their order on one index

Revision ID: 0005
Revises: 0004
Create Date: 2026-11-24 19:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0005"
down_revision: str | None = "0004"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    with op.batch_alter_table("order_item", schema=None) as batch_op:
        batch_op.drop_index("ix_order_item_product_id", if_exists=True)
        batch_op.create_index(
            "ix_order_item_product_order", ["product_id", "order_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("order_item", schema=None) as batch_op:
        batch_op.drop_index("ix_order_item_product_order")
        batch_op.create_index("ix_order_item_product_id", ["product_id"], unique=False)
