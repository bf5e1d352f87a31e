"""the alerts told to the owner once, so that none is told again at the next sync or start, and
the kinds of alert she switched off

Revision ID: 0014
Revises: 0012
Create Date: 2026-12-01 11:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0014"
down_revision: str | None = "0013"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.create_table(
        "announced_alert",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("announced_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", "key", name=op.f("pk_announced_alert")),
    )
    op.create_table(
        "alert_kind_off",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("switched_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_alert_kind_off")),
    )


def downgrade() -> None:
    op.drop_table("alert_kind_off")
    op.drop_table("announced_alert")
