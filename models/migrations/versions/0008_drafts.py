"""drafts: what the owner typed in a review or a decline reason and has not saved yet

Revision ID: 0008
Revises: 0007
Create Date: 2026-11-26 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0008"
down_revision: str | None = "0007"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "order_review_draft",
        sa.Column("order_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reviewed", sa.Boolean(), nullable=True),
        sa.Column("flag", sa.String(length=12), nullable=True),
        sa.Column("note", sa.Text(), nullable=True),
        sa.Column("base_reviewed", sa.Boolean(), nullable=False),
        sa.Column("base_flag", sa.String(length=12), nullable=False),
        sa.Column("base_note", sa.Text(), nullable=False),
        sa.Column("base_status", sa.String(length=20), nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_order_review_draft")),
    )
    op.create_table(
        "release_reason_draft",
        sa.Column("request_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("request_id", name=op.f("pk_release_reason_draft")),
    )


def downgrade() -> None:
    op.drop_table("release_reason_draft")
    op.drop_table("order_review_draft")
