"""the people of a shop: who signs in (the owner, assistants, store managers), sign-ins that
belong to a person, who did each action, and what of the feed each store manager sees

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-01 12:00:00

Until now only owners signed in, so every shop gets its owner as person 1 (in its feed), every
sign-in and applied action becomes hers, and every row the desktops wrote names her. The
managers' feed is built from the rows at the next start (``server.db.schema``).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0004"
down_revision: str | None = "0003"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

_ACTOR_TABLES = (
    "order_review",
    "product_pick",
    "release_decision",
    "poster_print",
    "withdrawal_request",
)
_OWNER = "owner"


def upgrade() -> None:
    op.create_table(
        "person",
        sa.Column("shop_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("user_name", sa.String(length=64), nullable=False),
        sa.Column("display_name", sa.String(length=100), nullable=False),
        sa.Column("role", sa.String(length=12), nullable=False),
        sa.Column("store_manager_id", sa.BigInteger(), nullable=True),
        sa.Column("status", sa.String(length=10), nullable=False),
        sa.Column("created_at", sa.BigInteger(), nullable=False),
        sa.Column("last_sign_in_at", sa.BigInteger(), nullable=True),
        sa.Column("disabled_at", sa.BigInteger(), nullable=True),
        sa.PrimaryKeyConstraint("shop_id", "id", name=op.f("pk_person")),
        sa.UniqueConstraint("shop_id", "user_name", name=op.f("uq_person_shop_id_user_name")),
    )
    op.create_table(
        "person_secret",
        sa.Column("shop_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("person_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("password_hash", sa.String(length=300), nullable=False),
        sa.Column("signup_sha256", sa.String(length=64), nullable=True),
        sa.Column("signup_expires_at", sa.BigInteger(), nullable=True),
        sa.ForeignKeyConstraint(
            ["shop_id", "person_id"],
            ["person.shop_id", "person.id"],
            name=op.f("fk_person_secret_shop_id_person_id_person"),
        ),
        sa.PrimaryKeyConstraint("shop_id", "person_id", name=op.f("pk_person_secret")),
    )
    op.create_table(
        "manager_feed",
        sa.Column("shop_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("manager_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("gone", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint(
            "shop_id", "manager_id", "entity", "key", name=op.f("pk_manager_feed")
        ),
        sa.UniqueConstraint(
            "shop_id", "manager_id", "seq", name=op.f("uq_manager_feed_shop_id_manager_id_seq")
        ),
    )
    with op.batch_alter_table("manager_feed", schema=None) as batch_op:
        batch_op.create_index("ix_manager_feed_row", ["shop_id", "entity", "key"], unique=False)

    for table in _ACTOR_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.add_column(
                sa.Column("actor", sa.String(length=64), nullable=False, server_default=_OWNER)
            )
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.alter_column("actor", server_default=None)
    with op.batch_alter_table("applied_mutation", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("person_id", sa.BigInteger(), nullable=False, server_default="1")
        )
        batch_op.add_column(
            sa.Column("actor", sa.String(length=64), nullable=False, server_default=_OWNER)
        )
    with op.batch_alter_table("applied_mutation", schema=None) as batch_op:
        batch_op.alter_column("person_id", server_default=None)
        batch_op.alter_column("actor", server_default=None)
    with op.batch_alter_table("shop_token", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("person_id", sa.BigInteger(), nullable=False, server_default="1")
        )
        batch_op.add_column(
            sa.Column("user_name", sa.String(length=64), nullable=False, server_default=_OWNER)
        )
        batch_op.add_column(
            sa.Column("role", sa.String(length=12), nullable=False, server_default=_OWNER)
        )
        batch_op.add_column(sa.Column("store_manager_id", sa.BigInteger(), nullable=True))
    with op.batch_alter_table("shop_token", schema=None) as batch_op:
        for column in ("person_id", "user_name", "role"):
            batch_op.alter_column(column, server_default=None)

    bind = op.get_bind()
    # The rows the desktops wrote, as their feeds serve them, name their maker too.
    entities = ", ".join(f"'{t}'" for t in _ACTOR_TABLES)
    if bind.dialect.name == "postgresql":
        named = '(payload::jsonb || \'{"actor": "owner"}\'::jsonb)::text'
    else:
        named = "json_set(payload, '$.actor', 'owner')"
    op.execute(
        f"UPDATE feed SET payload = {named} WHERE entity IN ({entities}) AND payload IS NOT NULL"
    )
    # Every shop's owner becomes its person 1, published in the shop's feed.
    op.execute(
        "INSERT INTO person (shop_id, id, user_name, display_name, role, store_manager_id,"
        " status, created_at, last_sign_in_at, disabled_at)"
        f" SELECT s.shop_id, 1, '{_OWNER}', s.owner_name, 'owner', NULL, 'active',"
        " s.created_at, NULL, NULL FROM shop s WHERE s.id = s.shop_id"
    )
    op.execute(
        "UPDATE feed_partition SET last_seq = last_seq + 1 WHERE shop_id IN"
        " (SELECT shop_id FROM person)"
    )
    if bind.dialect.name == "postgresql":
        payload = (
            "json_build_object('id', p.id, 'user_name', p.user_name, 'display_name',"
            " p.display_name, 'role', p.role, 'store_manager_id', p.store_manager_id, 'status',"
            " p.status, 'created_at', p.created_at, 'last_sign_in_at', p.last_sign_in_at,"
            " 'disabled_at', p.disabled_at)::text"
        )
    else:
        payload = (
            "json_object('id', p.id, 'user_name', p.user_name, 'display_name',"
            " p.display_name, 'role', p.role, 'store_manager_id', p.store_manager_id, 'status',"
            " p.status, 'created_at', p.created_at, 'last_sign_in_at', p.last_sign_in_at,"
            " 'disabled_at', p.disabled_at)"
        )
    op.execute(
        "INSERT INTO feed (shop_id, entity, key, seq, payload)"
        f" SELECT p.shop_id, 'person', CAST(p.id AS VARCHAR(64)), f.last_seq, {payload}"
        " FROM person p JOIN feed_partition f ON f.shop_id = p.shop_id"
    )
    op.execute(
        "INSERT INTO id_counter (shop_id, entity, last_id) SELECT shop_id, 'person', 1 FROM person"
    )
    op.execute("INSERT INTO meta (key, value) VALUES ('manager_feed', 'stale')")


def downgrade() -> None:
    op.execute("DELETE FROM meta WHERE key = 'manager_feed'")
    op.execute("DELETE FROM id_counter WHERE entity = 'person'")
    op.execute("DELETE FROM feed WHERE entity = 'person'")
    with op.batch_alter_table("shop_token", schema=None) as batch_op:
        for column in ("store_manager_id", "role", "user_name", "person_id"):
            batch_op.drop_column(column)
    with op.batch_alter_table("applied_mutation", schema=None) as batch_op:
        batch_op.drop_column("actor")
        batch_op.drop_column("person_id")
    for table in _ACTOR_TABLES:
        with op.batch_alter_table(table, schema=None) as batch_op:
            batch_op.drop_column("actor")
    with op.batch_alter_table("manager_feed", schema=None) as batch_op:
        batch_op.drop_index("ix_manager_feed_row")
    op.drop_table("manager_feed")
    op.drop_table("person_secret")
    op.drop_table("person")
