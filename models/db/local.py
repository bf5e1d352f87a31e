"""Rows the owner writes on this computer, the outbox that carries them, and the sync state."""

from sqlalchemy import CheckConstraint, Index, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from models.db.base import Base, table_of


class OrderReview(Base):
    __tablename__ = "order_review"
    __table_args__ = (
        CheckConstraint("flag IN ('none', 'problem', 'follow_up')", name="flag"),
        Index("ix_order_review_flag", "flag"),
    )
    order_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    reviewed: Mapped[bool]
    flag: Mapped[str] = mapped_column(String(12))
    note: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[int]
    actor: Mapped[str] = mapped_column(String(64), default="")


class ProductPick(Base):
    __tablename__ = "product_pick"
    product_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    picked: Mapped[bool]
    updated_at: Mapped[int]
    actor: Mapped[str] = mapped_column(String(64), default="")


class ReleaseDecision(Base):
    __tablename__ = "release_decision"
    request_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[int]
    mutation_id: Mapped[str] = mapped_column(String(64))
    actor: Mapped[str] = mapped_column(String(64), default="")


class PosterPrint(Base):
    __tablename__ = "poster_print"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))
    target_id: Mapped[int | None]
    layout: Mapped[str] = mapped_column(String(10))
    copies: Mapped[int]
    printed_at: Mapped[int]
    actor: Mapped[str] = mapped_column(String(64), default="")


class WithdrawalRequest(Base):
    """A withdrawal the owner asked for on this computer (or another of the shop's)."""

    __tablename__ = "withdrawal_request"
    id: Mapped[str] = mapped_column(String(64), primary_key=True)
    amount_cents: Mapped[int]
    requested_at: Mapped[int]
    actor: Mapped[str] = mapped_column(String(64), default="")


class OutboxEntry(Base):
    """One local action waiting for (or answered by) the platform.

    ``position`` orders the queue; ``id`` is the mutation id the platform deduplicates on. Answered
    entries stay as a journal: after the platform is restored from a backup they are sent again,
    and the platform answers those it still knows as duplicates.
    """

    __tablename__ = "outbox"
    __table_args__ = (
        CheckConstraint("status IN ('pending', 'applied', 'rejected')", name="status"),
        Index("ix_outbox_status_position", "status", "position"),
        Index("ix_outbox_entity_key", "entity", "entity_key", "status"),
    )
    position: Mapped[int] = mapped_column(primary_key=True, autoincrement=True)
    id: Mapped[str] = mapped_column(String(64), unique=True)
    kind: Mapped[str] = mapped_column(String(32))
    entity: Mapped[str] = mapped_column(String(32))
    entity_key: Mapped[str] = mapped_column(String(64))
    payload: Mapped[str] = mapped_column(Text)
    created_at: Mapped[int]
    status: Mapped[str] = mapped_column(String(10), default="pending")
    attempts: Mapped[int] = mapped_column(default=0)
    answered_at: Mapped[int | None]
    reject_code: Mapped[str] = mapped_column(String(64), default="")
    reject_reason: Mapped[str] = mapped_column(Text, default="")


class SyncState(Base):
    """The single row that says which shop this profile belongs to and where its sync stands."""

    __tablename__ = "sync_state"
    __table_args__ = (CheckConstraint("id = 1", name="single_row"),)
    id: Mapped[int] = mapped_column(primary_key=True, default=1)
    platform_url: Mapped[str] = mapped_column(String(500))
    shop_id: Mapped[int]
    shop_code: Mapped[str] = mapped_column(String(64))
    shop_name: Mapped[str] = mapped_column(String(200))
    token: Mapped[str] = mapped_column(String(200))
    # Who is signed in here: every row of the mirror is one this person's role may see.
    user: Mapped[str] = mapped_column(String(64), default="owner")
    role: Mapped[str] = mapped_column(String(12), default="owner")
    person_id: Mapped[int] = mapped_column(default=0)
    display_name: Mapped[str] = mapped_column(String(100), default="")
    store_manager_id: Mapped[int | None]
    cursor: Mapped[str] = mapped_column(String(64), default="0:0")
    epoch: Mapped[str | None] = mapped_column(String(64))
    last_sync_at: Mapped[int | None]
    last_error: Mapped[str] = mapped_column(Text, default="")
    # The re-snapshot being built beside the mirror (models.sync.snapshot), or "" when none is.
    snapshot_id: Mapped[str] = mapped_column(String(64), default="", server_default="")
    # The platform's public address for posters' codes, as it announced it; "" when it announced
    # none (its own address serves), None until it has been asked.
    public_url: Mapped[str | None] = mapped_column(String(200))


class DecisionLog(Base):
    """Every release decision made on this computer, kept for good: the outbox forgets answered
    entries after a while, the log never does."""

    __tablename__ = "decision_log"
    __table_args__ = (
        CheckConstraint("outcome IN ('waiting', 'applied', 'refused')", name="outcome"),
        Index("ix_decision_log_request", "request_id", "decided_at"),
    )
    mutation_id: Mapped[str] = mapped_column(String(64), primary_key=True)
    request_id: Mapped[int]
    decision: Mapped[str] = mapped_column(String(10))
    reason: Mapped[str] = mapped_column(Text)
    decided_at: Mapped[int]
    # Who decided, as signed in here: the user name, their name, and the shop's code.
    actor: Mapped[str] = mapped_column(String(64))
    actor_name: Mapped[str] = mapped_column(String(100))
    shop_code: Mapped[str] = mapped_column(String(64))
    outcome: Mapped[str] = mapped_column(String(10), default="waiting")
    answered_at: Mapped[int | None]
    refusal_code: Mapped[str] = mapped_column(String(64), default="")
    refusal: Mapped[str] = mapped_column(Text, default="")


class SavedView(Base):
    """A named set of order-table filters the owner saved."""

    __tablename__ = "saved_view"
    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(100), unique=True)
    filters: Mapped[str] = mapped_column(Text)
    created_at: Mapped[int]


# Feed entity -> local table, for the rows the owner writes; the value names the key column.
CLIENT_TABLES = {
    "order_review": table_of(OrderReview),
    "product_pick": table_of(ProductPick),
    "release_decision": table_of(ReleaseDecision),
    "poster_print": table_of(PosterPrint),
    "withdrawal_request": table_of(WithdrawalRequest),
}


class ConfirmedRow(Base):
    """The platform's last version of a row the owner has changed locally and not yet synced.

    A pull does not overwrite a row with a pending outbox entry; it parks the platform's version
    here instead, so that a rejected action can put the row back as the platform has it.
    ``payload`` is NULL when the platform has no such row.
    """

    __tablename__ = "confirmed_row"
    entity: Mapped[str] = mapped_column(String(32), primary_key=True)
    entity_key: Mapped[str] = mapped_column(String(64), primary_key=True)
    payload: Mapped[str | None] = mapped_column(Text)


class OrderReviewDraft(Base):
    """What the owner has set in an order's review and not yet saved; never sent anywhere.

    A field left NULL was not touched: the saved review's value stands. ``base_*`` is the saved
    review and the order's status as they were when she began, so that a change on the platform
    meanwhile can be told to her rather than silently kept or overwritten.
    """

    __tablename__ = "order_review_draft"
    order_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    reviewed: Mapped[bool | None]
    flag: Mapped[str | None] = mapped_column(String(12))
    note: Mapped[str | None] = mapped_column(Text)
    base_reviewed: Mapped[bool]
    base_flag: Mapped[str] = mapped_column(String(12))
    base_note: Mapped[str] = mapped_column(Text)
    base_status: Mapped[str] = mapped_column(String(20))
    updated_at: Mapped[int]


class ReleaseReasonDraft(Base):
    """A reason the owner is typing for a release decision she has not made yet."""

    __tablename__ = "release_reason_draft"
    request_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    reason: Mapped[str] = mapped_column(Text)
    updated_at: Mapped[int]


class AnnouncedAlert(Base):
    """An event the desktop has told the owner of once (a release request, a deadline near, a
    refused action, a sync failing): never told again, at the next sync or the next start."""

    __tablename__ = "announced_alert"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    key: Mapped[str] = mapped_column(String(64), primary_key=True)
    announced_at: Mapped[int]


class AlertKindOff(Base):
    """A kind of alert the owner switched off (release requests, deadlines, refusals, sync)."""

    __tablename__ = "alert_kind_off"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    switched_at: Mapped[int]
