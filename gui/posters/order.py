"""What the owner asked the studio for, and the job it makes: subjects read, pictures fetched."""

from __future__ import annotations

from dataclasses import dataclass

from gui.posters.layouts import LAYOUTS
from gui.posters.render import PosterJob, fetch_pictures
from models import wire
from models.images import PictureCache
from models.profile import Profile
from models.services.posters import (
    PosterSubject,
    manager_subject,
    product_subjects,
    sale_event_subject,
    shop_subject,
)


@dataclass(frozen=True)
class PosterOrder:
    """What the owner asked for, read off the studio's controls."""

    kind: wire.PosterKind
    target_ids: tuple[int, ...]
    layout: wire.PosterLayout
    show_commission: bool


def prepare(
    profile: Profile, cache: PictureCache, order: PosterOrder, *, first_page_only: bool = False
) -> PosterJob:
    """The subjects of ``order`` with their pictures (of the first page only, for a preview of a
    long batch); in the background."""
    subjects: list[PosterSubject]
    if order.kind == "shop":
        subjects = [shop_subject(profile)]
    elif order.kind == "product":
        subjects = product_subjects(profile, order.target_ids)
    elif order.kind == "sale_event":
        subjects = [sale_event_subject(profile, i) for i in order.target_ids]
    else:
        subjects = [manager_subject(profile, i) for i in order.target_ids]
    shown = subjects[: LAYOUTS[order.layout].per_page] if first_page_only else subjects
    pictures = fetch_pictures(cache, shown)
    return PosterJob(tuple(subjects), order.layout, order.show_commission, pictures)
