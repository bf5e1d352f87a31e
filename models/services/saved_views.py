"""Named sets of order-table filters the owner keeps."""

from __future__ import annotations

import dataclasses
import time
from dataclasses import dataclass

import orjson
from sqlalchemy import delete, select

from models.changes import Changes
from models.db import SavedView
from models.errors import InvalidInput
from models.profile import Profile
from models.services.order_table import OrderFilter

MAX_NAME = 100


@dataclass(frozen=True)
class View:
    id: int
    name: str
    filter: OrderFilter


@dataclass(frozen=True)
class ViewSaved:
    view: View
    changes: Changes


def save_view(profile: Profile, name: str, f: OrderFilter) -> ViewSaved:
    """Save (or replace) a view under ``name``."""
    name = name.strip()
    if not name:
        raise InvalidInput("view_name", "missing")
    if len(name) > MAX_NAME:
        raise InvalidInput("view_name", "too_long", value=len(name), limit=MAX_NAME)
    filters = orjson.dumps(dataclasses.asdict(f)).decode()
    with profile.write() as s:
        view = s.scalar(select(SavedView).where(SavedView.name == name))
        if view is None:
            view = SavedView(name=name, filters=filters, created_at=int(time.time()))
            s.add(view)
        else:
            view.filters = filters
        s.flush()
        saved = View(view.id, view.name, f)
    return ViewSaved(saved, Changes.of_rows("saved_view", [saved.id]))


def saved_views(profile: Profile) -> list[View]:
    with profile.read() as s:
        rows = s.scalars(select(SavedView).order_by(SavedView.name)).all()
        return [View(v.id, v.name, _filter(v.filters)) for v in rows]


def delete_view(profile: Profile, view_id: int) -> Changes:
    with profile.write() as s:
        s.execute(delete(SavedView).where(SavedView.id == view_id))
    return Changes.of_rows("saved_view", [view_id])


def _filter(filters: str) -> OrderFilter:
    known = {f.name for f in dataclasses.fields(OrderFilter)}
    data = {k: v for k, v in orjson.loads(filters).items() if k in known}
    return OrderFilter(**data)
