"""indexes for the customers workspace: its sorts and the releases' departures

Revision ID: 0007
Revises: 0006
Create Date: 2026-11-24 18:45:00
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0007"
down_revision: str | None = "0006"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

INDEXES = {
    "customer": {
        "ix_customer_name": ["name", "id"],
        "ix_customer_bound": ["bound_at", "id"],
    },
    "customer_binding": {
        "ix_customer_binding_event_at": ["event", "at"],
    },
}


def upgrade() -> None:
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name, columns in indexes.items():
                batch_op.create_index(name, columns, unique=False)


def downgrade() -> None:
    for table, indexes in INDEXES.items():
        with op.batch_alter_table(table, schema=None) as batch_op:
            for name in indexes:
                batch_op.drop_index(name)
