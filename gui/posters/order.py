"""What the owner asked the studio for, and the job it makes: the subjects read, in the poster's
language; pictures come page by page while a file is written, or all at once for a print."""

from __future__ import annotations

from dataclasses import dataclass, replace

from gui.i18n import CHINESE
from gui.posters.job import PosterJob
from gui.posters.render import fetch_pictures
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
    language: str = CHINESE


def prepare(profile: Profile, order: PosterOrder) -> PosterJob:
    """The job of ``order``, its pictures still to fetch; in the background."""
    subjects: list[PosterSubject]
    if order.kind == "shop":
        subjects = [shop_subject(profile)]
    elif order.kind == "product":
        subjects = product_subjects(profile, order.target_ids)
    elif order.kind == "sale_event":
        subjects = [sale_event_subject(profile, i) for i in order.target_ids]
    else:
        subjects = [manager_subject(profile, i) for i in order.target_ids]
    return PosterJob(tuple(subjects), order.layout, order.show_commission, language=order.language)


def prepare_print(profile: Profile, cache: PictureCache, order: PosterOrder) -> PosterJob:
    """The job with every picture at hand: a printer is painted on the GUI thread, which must
    not wait for the network."""
    job = prepare(profile, order)
    return replace(job, pictures=fetch_pictures(cache, job.subjects, job.picture_size()))
