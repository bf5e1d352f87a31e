"""The platform's own bookkeeping: sign-in, idempotent pushes, each shop's feed and id counters."""

from sqlalchemy import Index, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


class ShopCredential(Base):
    """Found by the shop code a person types, before the platform knows the shop: keyed by the
    code alone, a small table every node of a distributed database can hold whole."""

    __tablename__ = "shop_credential"
    shop_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    shop_id: Mapped[int] = mapped_column(unique=True)
    # "scrypt$n$r$p$salt$hash", so the cost can rise without breaking old passwords.
    password_hash: Mapped[str] = mapped_column(String(300))


class ShopToken(Base):
    """A computer's sign-in. The token names its shop, so it is found within the shop's rows."""

    __tablename__ = "shop_token"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # Only a digest is kept: a copied database does not hand out sessions.
    token_sha256: Mapped[str] = mapped_column(String(64), primary_key=True)
    created_at: Mapped[int]
    # Refreshed at most once an hour, so a busy desktop does not write at every request.
    last_used_at: Mapped[int]
    # Whose sign-in it is. A person's role and sub-store never change, so they are kept here
    # and a request learns what it may see from the token's row alone.
    person_id: Mapped[int]
    user_name: Mapped[str] = mapped_column(String(64))
    role: Mapped[str] = mapped_column(String(12))
    store_manager_id: Mapped[int | None]


class LoginFailure(Base):
    """Failed sign-ins of one shop code from one address within the current window."""

    __tablename__ = "login_failure"
    shop_code: Mapped[str] = mapped_column(String(64), primary_key=True)
    client: Mapped[str] = mapped_column(String(64), primary_key=True)
    window_start: Mapped[int] = mapped_column(index=True)
    failures: Mapped[int]


class AppliedMutation(Base):
    """One row per pushed mutation: claiming its id makes a retry answer with the first result."""

    __tablename__ = "applied_mutation"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    mutation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(32))
    outcome: Mapped[str] = mapped_column(String(10))
    code: Mapped[str] = mapped_column(String(40))
    reason: Mapped[str] = mapped_column(String(600))
    applied_at: Mapped[int]
    # Who pushed it: the person of the token it came with.
    person_id: Mapped[int]
    actor: Mapped[str] = mapped_column(String(64))


class Meta(Base):
    __tablename__ = "meta"
    key: Mapped[str] = mapped_column(String(40), primary_key=True)
    value: Mapped[str] = mapped_column(String(200))


class FeedPartition(Base):
    """Where a shop's feed stands: its row exists from the moment the shop opens."""

    __tablename__ = "feed_partition"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # Updating this row is what orders the writers of one shop (a row lock on PostgreSQL).
    last_seq: Mapped[int]
    # Tombstones at or below this were purged; a cursor older than it cannot be continued.
    horizon_seq: Mapped[int]


class Feed(Base):
    """A shop's compacted change log: the latest change of every row, numbered per shop."""

    __tablename__ = "feed"
    __table_args__ = (UniqueConstraint("shop_id", "seq"),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int]
    # The wire row as JSON text, served as it is; NULL marks a deleted row.
    payload: Mapped[str | None] = mapped_column(Text)


class ManagerFeed(Base):
    """What of a shop's feed each store manager sees: one entry per row within reach of her
    sub-store, numbered with the shop's own sequence in the same transaction as the row's feed
    entry. A row that leaves her sight keeps its entry as gone (a tombstone for her alone)."""

    __tablename__ = "manager_feed"
    __table_args__ = (
        UniqueConstraint("shop_id", "manager_id", "seq"),
        # Finding who sees a row, to tell whoever no longer does.
        Index("ix_manager_feed_row", "shop_id", "entity", "key"),
    )
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    manager_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    seq: Mapped[int]
    gone: Mapped[bool]


class IdCounter(Base):
    """The last id a shop handed out per entity: ids are unique within a shop, and a shop's
    writers never wait for another shop's."""

    __tablename__ = "id_counter"
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    entity: Mapped[str] = mapped_column(String(24), primary_key=True)
    last_id: Mapped[int]
