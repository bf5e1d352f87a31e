"""keys by shop: the catalogue's own feed, each shop's feed and id counters keyed by shop_id

Revision ID: 0002
Revises: 0001
Create Date: 2026-12-01 09:00:00

Partition 0 of the feed was the catalogue: its entries move to catalogue_feed, and the feed's
partition_id becomes shop_id. The one global id counter row per entity becomes one row per shop
and entity, each continuing from the global value, so every id handed out later is still new in
its shop (ids reserved for allocations not yet delivered included).
"""

from collections.abc import Sequence

import sqlalchemy as sa
from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

# As the catalogue was when this revision was written; later catalogue tables count for
# themselves.
_CATALOGUE_ENTITIES = ("brand", "sale_event", "product", "sku", "task_stage")
_CATALOGUE_STATE_ID = 1


def upgrade() -> None:
    bind = op.get_bind()
    op.create_table(
        "catalogue_feed",
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("key", sa.String(length=64), nullable=False),
        sa.Column("seq", sa.BigInteger(), nullable=False),
        sa.Column("payload", sa.Text(), nullable=True),
        sa.PrimaryKeyConstraint("entity", "key", name=op.f("pk_catalogue_feed")),
        sa.UniqueConstraint("seq", name=op.f("uq_catalogue_feed_seq")),
    )
    op.create_table(
        "catalogue_feed_state",
        sa.Column("id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("last_seq", sa.BigInteger(), nullable=False),
        sa.Column("horizon_seq", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_catalogue_feed_state")),
    )
    op.create_table(
        "catalogue_id_counter",
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("entity", name=op.f("pk_catalogue_id_counter")),
    )

    bind.execute(
        sa.text(
            "INSERT INTO catalogue_feed (entity, key, seq, payload)"
            " SELECT entity, key, seq, payload FROM feed WHERE partition_id = 0"
        )
    )
    state = bind.execute(
        sa.text("SELECT last_seq, horizon_seq FROM feed_partition WHERE partition_id = 0")
    ).first()
    bind.execute(
        sa.text(
            "INSERT INTO catalogue_feed_state (id, last_seq, horizon_seq) VALUES (:id, :last, :h)"
        ),
        {
            "id": _CATALOGUE_STATE_ID,
            "last": state.last_seq if state else 0,
            "h": state.horizon_seq if state else 0,
        },
    )
    bind.execute(sa.text("DELETE FROM feed WHERE partition_id = 0"))
    bind.execute(sa.text("DELETE FROM feed_partition WHERE partition_id = 0"))

    # A constraint on a column renamed in the same batch would be lost: two batches.
    with op.batch_alter_table("feed", recreate="auto") as batch_op:
        batch_op.drop_constraint("uq_feed_partition_id_seq", type_="unique")
        batch_op.alter_column("partition_id", new_column_name="shop_id")
    with op.batch_alter_table("feed", recreate="auto") as batch_op:
        batch_op.create_unique_constraint(batch_op.f("uq_feed_shop_id_seq"), ["shop_id", "seq"])
    with op.batch_alter_table("feed_partition", recreate="auto") as batch_op:
        batch_op.alter_column("partition_id", new_column_name="shop_id")

    counters = bind.execute(sa.text("SELECT entity, last_id FROM id_counter")).all()
    shops = [row[0] for row in bind.execute(sa.text("SELECT shop_id FROM feed_partition"))]
    op.drop_table("id_counter")
    id_counter = op.create_table(
        "id_counter",
        sa.Column("shop_id", sa.BigInteger(), autoincrement=False, nullable=False),
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("shop_id", "entity", name=op.f("pk_id_counter")),
    )
    catalogue = [
        {"entity": entity, "last_id": last}
        for entity, last in counters
        if entity in _CATALOGUE_ENTITIES
    ]
    # Shop ids come from the shops that signed up now, not from a counter.
    per_shop = [
        {"shop_id": shop_id, "entity": entity, "last_id": last}
        for shop_id in shops
        for entity, last in counters
        if entity not in _CATALOGUE_ENTITIES and entity != "shop"
    ]
    if catalogue:
        bind.execute(
            sa.text(
                "INSERT INTO catalogue_id_counter (entity, last_id) VALUES (:entity, :last_id)"
            ),
            catalogue,
        )
    if per_shop:
        op.bulk_insert(id_counter, per_shop)


def downgrade() -> None:
    bind = op.get_bind()
    counters = bind.execute(
        sa.text("SELECT entity, max(last_id) FROM id_counter GROUP BY entity")
    ).all()
    catalogue = bind.execute(sa.text("SELECT entity, last_id FROM catalogue_id_counter")).all()
    shops = bind.execute(sa.text("SELECT max(shop_id) FROM feed_partition")).scalar()
    op.drop_table("id_counter")
    id_counter = op.create_table(
        "id_counter",
        sa.Column("entity", sa.String(length=24), nullable=False),
        sa.Column("last_id", sa.BigInteger(), nullable=False),
        sa.PrimaryKeyConstraint("entity", name=op.f("pk_id_counter")),
    )
    # Ids were unique per shop only: the global counters continue above the highest of any.
    rows = [{"entity": e, "last_id": last} for e, last in [*counters, *catalogue]]
    rows.append({"entity": "shop", "last_id": shops or 0})
    op.bulk_insert(id_counter, rows)

    with op.batch_alter_table("feed_partition", recreate="auto") as batch_op:
        batch_op.alter_column("shop_id", new_column_name="partition_id")
    with op.batch_alter_table("feed", recreate="auto") as batch_op:
        batch_op.drop_constraint("uq_feed_shop_id_seq", type_="unique")
        batch_op.alter_column("shop_id", new_column_name="partition_id")
    with op.batch_alter_table("feed", recreate="auto") as batch_op:
        batch_op.create_unique_constraint(
            batch_op.f("uq_feed_partition_id_seq"), ["partition_id", "seq"]
        )
    bind.execute(
        sa.text(
            "INSERT INTO feed (partition_id, entity, key, seq, payload)"
            " SELECT 0, entity, key, seq, payload FROM catalogue_feed"
        )
    )
    bind.execute(
        sa.text(
            "INSERT INTO feed_partition (partition_id, last_seq, horizon_seq)"
            " SELECT 0, last_seq, horizon_seq FROM catalogue_feed_state"
        )
    )
    op.drop_table("catalogue_id_counter")
    op.drop_table("catalogue_feed_state")
    op.drop_table("catalogue_feed")
