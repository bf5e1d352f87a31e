"""Short lists for pickers: the shop's store managers and the catalogue's categories."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from models import wire
from models.db import StoreManager
from models.profile import Profile


@dataclass(frozen=True)
class ManagerChoice:
    id: int
    name: str
    status: str


def manager_choices(profile: Profile) -> list[ManagerChoice]:
    with profile.read() as s:
        rows = s.execute(
            select(StoreManager.id, StoreManager.name, StoreManager.status).order_by(
                StoreManager.name
            )
        ).all()
    return [ManagerChoice(i, n, st) for i, n, st in rows]


def categories() -> tuple[str, ...]:
    return wire.CATEGORIES
