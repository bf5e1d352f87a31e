"""the shop's money: settlement terms, statements and their lines, withdrawals and the owner's
requests, each order's completion and each stage's share rate, and the differences found

Revision ID: 0011
Revises: 0009
Create Date: 2026-11-26 09:00:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0011"
down_revision: str | None = "0009"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# Orders and stages pulled before this schema lack their new columns: an epoch that no platform
# has makes the next sync take a fresh snapshot (keeping every local action).
RESNAPSHOT = "UPDATE sync_state SET epoch = 'schema-0011' WHERE epoch IS NOT NULL"
STALE = "INSERT INTO money_check_state (id, stale, version) VALUES (1, 1, 1)"


def upgrade() -> None:
    op.create_table(
        "settlement_terms",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("after_sales_days", sa.Integer(), nullable=False),
        sa.Column("min_withdrawal_cents", sa.Integer(), nullable=False),
        sa.Column("period_days", sa.Integer(), nullable=False),
        sa.Column("period_anchor", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_settlement_terms")),
    )
    op.create_table(
        "statement",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("period_start", sa.Integer(), nullable=False),
        sa.Column("period_end", sa.Integer(), nullable=False),
        sa.Column("settled_at", sa.Integer(), nullable=False),
        sa.Column("commission_cents", sa.Integer(), nullable=False),
        sa.Column("manager_share_cents", sa.Integer(), nullable=False),
        sa.Column("clawback_cents", sa.Integer(), nullable=False),
        sa.Column("adjustment_cents", sa.Integer(), nullable=False),
        sa.Column("total_cents", sa.Integer(), nullable=False),
        sa.Column("line_count", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement")),
    )
    with op.batch_alter_table("statement", schema=None) as batch_op:
        batch_op.create_index("ix_statement_period_end", ["period_end"], unique=False)
    op.create_table(
        "statement_line",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("statement_id", sa.Integer(), nullable=False),
        sa.Column("order_id", sa.Integer(), nullable=True),
        sa.Column("order_no", sa.String(length=32), nullable=False),
        sa.Column("store_manager_id", sa.Integer(), nullable=True),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("share_rate_bp", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_statement_line")),
    )
    with op.batch_alter_table("statement_line", schema=None) as batch_op:
        batch_op.create_index("ix_statement_line_order", ["order_id"], unique=False)
        batch_op.create_index("ix_statement_line_statement", ["statement_id", "id"], unique=False)
    op.create_table(
        "withdrawal",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("request_id", sa.String(length=64), nullable=True),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("decided_at", sa.Integer(), nullable=True),
        sa.Column("reason", sa.String(length=500), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withdrawal")),
    )
    with op.batch_alter_table("withdrawal", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_withdrawal_request_id"), ["request_id"], unique=False)
    op.create_table(
        "withdrawal_request",
        sa.Column("id", sa.String(length=64), nullable=False),
        sa.Column("amount_cents", sa.Integer(), nullable=False),
        sa.Column("requested_at", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_withdrawal_request")),
    )
    op.create_table(
        "money_difference",
        sa.Column("order_id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("kind", sa.String(length=32), nullable=False),
        sa.Column("status", sa.String(length=16), nullable=False),
        sa.Column("expected_cents", sa.Integer(), nullable=False),
        sa.Column("paid_cents", sa.Integer(), nullable=False),
        sa.Column("expected_share_cents", sa.Integer(), nullable=False),
        sa.Column("paid_share_cents", sa.Integer(), nullable=False),
        sa.Column("expected_rate_bp", sa.Integer(), nullable=True),
        sa.Column("paid_rate_bp", sa.Integer(), nullable=True),
        sa.Column("commission_lines", sa.Integer(), nullable=False),
        sa.Column("settleable_at", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("order_id", name=op.f("pk_money_difference")),
    )
    with op.batch_alter_table("money_difference", schema=None) as batch_op:
        batch_op.create_index("ix_money_difference_kind", ["kind", "settleable_at"], unique=False)
    op.create_table(
        "money_check_state",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("stale", sa.Boolean(), nullable=False),
        sa.Column("version", sa.Integer(), nullable=False),
        sa.CheckConstraint("id = 1", name=op.f("ck_money_check_state_single_row")),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_money_check_state")),
    )
    # Adding a nullable column leaves the big order table as it is (no copy).
    op.add_column("order", sa.Column("completed_at", sa.Integer(), nullable=True))
    op.add_column(
        "task_stage",
        sa.Column("share_rate_bp", sa.Integer(), nullable=False, server_default="0"),
    )
    with op.batch_alter_table("task_stage", schema=None) as batch_op:
        batch_op.alter_column("share_rate_bp", server_default=None)
    op.execute(STALE)
    op.execute(RESNAPSHOT)


def downgrade() -> None:
    with op.batch_alter_table("task_stage", schema=None) as batch_op:
        batch_op.drop_column("share_rate_bp")
    with op.batch_alter_table("order", schema=None) as batch_op:
        batch_op.drop_column("completed_at")
    op.drop_table("money_check_state")
    op.drop_table("money_difference")
    op.drop_table("withdrawal_request")
    op.drop_table("withdrawal")
    op.drop_table("statement_line")
    op.drop_table("statement")
    op.drop_table("settlement_terms")
