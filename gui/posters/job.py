"""A print job: the subjects, their layout and language, and which pictures each page shows."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from gui.i18n import CHINESE
from gui.posters.layouts import LAYOUTS, Layout
from models import wire
from models.images import DETAIL_SIZE, GRID_SIZE
from models.services.posters import PosterSubject


@dataclass(frozen=True)
class PosterJob:
    subjects: tuple[PosterSubject, ...]
    layout: wire.PosterLayout
    show_commission: bool = False
    # Pictures fetched already (a print is painted on the GUI thread, which must not wait for
    # the network); a file export fetches them page by page instead.
    pictures: Mapping[int, bytes | None] = field(default_factory=dict)
    language: str = CHINESE

    @property
    def paper(self) -> Layout:
        return LAYOUTS[self.layout]

    def pages(self) -> int:
        return self.paper.pages(len(self.subjects))

    def picture_size(self) -> int:
        """Pixels of the pictures fetched: a label's picture prints a few centimetres wide."""
        return GRID_SIZE if self.paper.per_page > 1 else DETAIL_SIZE

    def subjects_on(self, page: int) -> range:
        first = page * self.paper.per_page
        return range(first, min(first + self.paper.per_page, len(self.subjects)))

    def picture_ids(self, page: int) -> list[int]:
        """The products whose pictures ``page`` shows, each once."""
        ids = (i for s in self.subjects_on(page) for i in self.subjects[s].picture_ids)
        return list(dict.fromkeys(ids))
