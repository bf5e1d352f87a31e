"""The people who sign in to a shop: the owner, assistants and store managers.

``person`` is a feed entity (the owner's feed alone carries it); what proves a person is in
``person_secret``, which no feed ever carries.
"""

from sqlalchemy import ForeignKeyConstraint, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from server.db.base import Base


class Person(Base):
    __tablename__ = "person"
    __table_args__ = (UniqueConstraint("shop_id", "user_name"),)
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    user_name: Mapped[str] = mapped_column(String(64))
    display_name: Mapped[str] = mapped_column(String(100))
    role: Mapped[str] = mapped_column(String(12))
    store_manager_id: Mapped[int | None]
    status: Mapped[str] = mapped_column(String(10))
    created_at: Mapped[int]
    last_sign_in_at: Mapped[int | None]
    disabled_at: Mapped[int | None]


class PersonSecret(Base):
    """An assistant's or a manager's password, or the one-time code they sign up with. The
    owner's password stays with the shop's credentials."""

    __tablename__ = "person_secret"
    __table_args__ = (
        ForeignKeyConstraint(["shop_id", "person_id"], ["person.shop_id", "person.id"]),
    )
    shop_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    person_id: Mapped[int] = mapped_column(primary_key=True, autoincrement=False)
    # "scrypt$n$r$p$salt$hash", or server.auth.NO_PASSWORD until they signed up.
    password_hash: Mapped[str] = mapped_column(String(300))
    # Only a digest of the sign-up code is kept, with the moment it stops working.
    signup_sha256: Mapped[str | None] = mapped_column(String(64))
    signup_expires_at: Mapped[int | None]
