"""the people of a shop: who is signed in here, who did each action, the shop's people, and a
decision log of its own

Revision ID: 0013
Revises: 0011
Create Date: 2026-12-01 10:30:00
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0013"
down_revision: str | None = "0012"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

ACTOR_TABLES = ("order_review", "product_pick", "release_decision", "poster_print")
# Rows pulled before this schema lack who made them: an epoch that no platform has makes the
# next sync take a fresh snapshot (keeping every local action).
RESNAPSHOT = "UPDATE sync_state SET epoch = 'schema-0013' WHERE epoch IS NOT NULL"
# Until now only the owner signed in, so every action recorded here was hers. The log keeps
# the decisions the outbox still remembers; older ones it had already forgotten.
DECISIONS_FROM_OUTBOX = """
INSERT INTO decision_log (
    mutation_id, request_id, decision, reason, decided_at, actor, actor_name, shop_code,
    outcome, answered_at, refusal_code, refusal
)
SELECT
    o.id,
    CAST(o.entity_key AS INTEGER),
    COALESCE(json_extract(o.payload, '$.decision'), ''),
    COALESCE(json_extract(o.payload, '$.reason'), ''),
    o.created_at,
    'owner',
    COALESCE((SELECT s.owner_name FROM shop s WHERE s.id = st.shop_id), st.shop_name, ''),
    COALESCE(st.shop_code, ''),
    CASE o.status WHEN 'pending' THEN 'waiting' WHEN 'rejected' THEN 'refused'
        ELSE 'applied' END,
    o.answered_at,
    o.reject_code,
    o.reject_reason
FROM outbox o LEFT JOIN sync_state st ON st.id = 1
WHERE o.kind = 'release.decide'
"""


def upgrade() -> None:
    for table in (*ACTOR_TABLES, "withdrawal_request"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("actor", sa.String(length=64), nullable=False, server_default="")
            )
        op.execute(f"UPDATE {table} SET actor = 'owner'")
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("user", sa.String(length=64), nullable=False, server_default="owner")
        )
        batch_op.add_column(
            sa.Column("role", sa.String(length=12), nullable=False, server_default="owner")
        )
        batch_op.add_column(
            sa.Column("person_id", sa.Integer(), nullable=False, server_default="0")
        )
        batch_op.add_column(
            sa.Column("display_name", sa.String(length=100), nullable=False, server_default="")
        )
        batch_op.add_column(sa.Column("store_manager_id", sa.Integer(), nullable=True))
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), autoincrement=False, nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("store_manager_id", sa.Integer(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.Integer(), nullable=False),
        sa.Column("last_sign_in_at", sa.Integer(), nullable=True),
        sa.Column("disabled_at", sa.Integer(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_person")),
    )
    op.create_table(
        "decision_log",
        sa.Column("mutation_id", sa.String(length=64), nullable=False),
        sa.Column("request_id", sa.Integer(), nullable=False),
        sa.Column("decision", sa.String(length=10), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("decided_at", sa.Integer(), nullable=False),
        sa.Column("actor", sa.String(length=64), nullable=False),
        sa.Column("actor_name", sa.String(length=100), nullable=False),
        sa.Column("shop_code", sa.String(length=64), nullable=False),
        sa.Column("outcome", sa.String(length=10), nullable=False),
        sa.Column("answered_at", sa.Integer(), nullable=True),
        sa.Column("refusal_code", sa.String(length=64), nullable=False),
        sa.Column("refusal", sa.Text(), nullable=False),
        sa.CheckConstraint(
            "outcome IN ('waiting', 'applied', 'refused')", name=op.f("ck_decision_log_outcome")
        ),
        sa.PrimaryKeyConstraint("mutation_id", name=op.f("pk_decision_log")),
    )
    with op.batch_alter_table("decision_log", schema=None) as batch_op:
        batch_op.create_index("ix_decision_log_request", ["request_id", "decided_at"], unique=False)
    op.execute(DECISIONS_FROM_OUTBOX)
    op.execute(RESNAPSHOT)


def downgrade() -> None:
    with op.batch_alter_table("decision_log", schema=None) as batch_op:
        batch_op.drop_index("ix_decision_log_request")
    op.drop_table("decision_log")
    op.drop_table("person")
    with op.batch_alter_table("sync_state", schema=None) as batch_op:
        for column in ("store_manager_id", "display_name", "person_id", "role", "user"):
            batch_op.drop_column(column)
    for table in (*ACTOR_TABLES, "withdrawal_request"):
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("actor")
