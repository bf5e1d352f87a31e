"""sign-ins by shop: tokens that name their shop and end when unused, credentials found by shop
code, failed sign-ins counted per code and address

Revision ID: 0003
Revises: 0002
Create Date: 2026-12-01 11:00:00

The old tokens cannot be routed by shop, so they are dropped (each computer signs in again
once); credentials keep every password.
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0003"
down_revision: str | None = "0002"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.drop_table("shop_token")
    op.create_table(
        "shop_token",
        sa.Column("shop_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("last_used_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("shop_id", "token_sha256", name=op.f("pk_shop_token")),
    )
    bind = op.get_bind()
    kept = [
        dict(row._mapping)
        for row in bind.execute(
            sa.text("SELECT shop_id, shop_code, password_hash FROM shop_credential")
        )
    ]
    op.drop_table("shop_credential")
    credentials = op.create_table(
        "shop_credential",
        sa.Column("shop_code", sa.String(length=64), nullable=False),
        sa.Column("shop_id", sa.BigInteger(), nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.PrimaryKeyConstraint("shop_code", name=op.f("pk_shop_credential")),
        sa.UniqueConstraint("shop_id", name=op.f("uq_shop_credential_shop_id")),
    )
    if kept:
        op.bulk_insert(credentials, kept)
    op.create_table(
        "login_failure",
        sa.Column("shop_code", sa.String(length=64), nullable=False),
        sa.Column("client", sa.String(length=64), nullable=False),
        sa.Column("window_start", sa.BigInteger(), nullable=False),
        sa.Column("failures", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("shop_code", "client", name=op.f("pk_login_failure")),
    )
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_login_failure_window_start"), ["window_start"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("login_failure", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_login_failure_window_start"))
    op.drop_table("login_failure")
    op.drop_table("shop_token")
    op.create_table(
        "shop_token",
        sa.Column("token_sha256", sa.String(length=64), nullable=False),
        sa.Column("shop_id", sa.BigInteger(), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("token_sha256", name=op.f("pk_shop_token")),
    )
