"""A table model over rows that live in the database: a count and pages, fetched in the background.

The model never holds all rows. It knows how many rows the query has, keeps the pages it has
fetched, and asks for a missing page (in the task pool) when a view paints one of its rows. A new
filter or sort bumps a generation, so answers to an older query are dropped when they arrive.
Subclasses say how to count and fetch (pure functions of their arguments: they run in a worker)
and how to show a row.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    Signal,
)

from gui import tasks
from models.profile import Profile

log = logging.getLogger(__name__)

RowT = TypeVar("RowT")
FilterT = TypeVar("FilterT")
SortT = TypeVar("SortT")
Index = QModelIndex | QPersistentModelIndex


def keyset_or_nearer_end(
    fetch: Callable[..., list[RowT]],
    sort_key: Callable[[RowT], Any],
    *,
    page: int,
    size: int,
    before: list[RowT] | None,
    count: int,
) -> list[RowT]:
    """A page through a service's ``fetch_page(limit=, after=, offset=, from_end=)``.

    Right after a full page already here, by its last sort key (an index seek); else by offset
    from whichever end is nearer, so a jump to the bottom costs no more than one to the top.
    """
    start = page * size
    if before is not None and len(before) == size:
        return fetch(limit=size, after=sort_key(before[-1]))
    if start <= count // 2:
        return fetch(limit=size, offset=start)
    size = min(size, count - start)
    return fetch(limit=size, offset=count - start - size, from_end=True)


@dataclass(frozen=True)
class _Loaded(Generic[RowT]):
    generation: int
    count: int
    first: list[RowT]


class PagedTableModel(QAbstractTableModel, Generic[RowT, FilterT, SortT]):
    loaded = Signal(int)  # the row count, once a new filter or sort has its first page and count
    page_loaded = Signal(int)  # the page number
    failed = Signal(object)

    page_size: ClassVar[int] = 200
    task_name: ClassVar[str] = "rows"

    def __init__(
        self,
        profile: Profile,
        f: FilterT,
        sort: SortT,
        titles: list[str],
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._filter = f
        self._sort = sort
        self._titles = titles
        self._count = 0
        self._pages: dict[int, list[RowT]] = {}
        self._rows_of: dict[int, int] = {}
        self._asked: set[int] = set()
        self._generation = 0
        self.loading = False

    # --- what subclasses say ----------------------------------------------------------------

    def _load_count(self, profile: Profile, f: FilterT) -> int:
        raise NotImplementedError

    def _load_page(
        self,
        profile: Profile,
        f: FilterT,
        sort: SortT,
        *,
        page: int,
        before: list[RowT] | None,
        count: int,
    ) -> list[RowT]:
        """Page ``page`` of the query; ``before`` is the page above it when already fetched."""
        raise NotImplementedError

    def _id_of(self, row: RowT) -> int:
        raise NotImplementedError

    # --- what the view asks -----------------------------------------------------------------

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._count

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        horizontal = orientation == Qt.Orientation.Horizontal
        if horizontal and role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._titles):
            return self._titles[section]
        return None

    # --- what the workspace asks ------------------------------------------------------------

    def item_at(self, row: int) -> RowT | None:
        """The row when its page is here; otherwise None, and the page is on its way."""
        page, offset = divmod(row, self.page_size)
        rows = self._pages.get(page)
        if rows is None:
            self._ask(page)
            return None
        return rows[offset] if offset < len(rows) else None

    def row_of(self, item_id: int) -> int | None:
        return self._rows_of.get(item_id)

    def set_query(self, f: FilterT, sort: SortT | None = None) -> None:
        """Show the rows of ``f``: the first page first, then the count, in the background.

        Counting can take longer than a page (a search counts every match), so the first page
        is shown as soon as it is here; until the count follows, no other page is asked for.
        """
        self._filter = f
        self._sort = sort if sort is not None else self._sort
        self._generation += 1
        generation, profile, sort_now = self._generation, self._profile, self._sort
        self.loading = True

        def first_page() -> _Loaded[RowT]:
            rows = self._load_page(profile, f, sort_now, page=0, before=None, count=self.page_size)
            return _Loaded(generation, len(rows), rows)

        tasks.run(first_page, name=f"{self.task_name}.load").then(
            self._on_first_page, self._on_failed
        )

    @property
    def started(self) -> bool:
        """Whether a query was set: until then the model shows nothing and reads nothing."""
        return self._generation > 0

    def refresh(self) -> None:
        self.set_query(self._filter, self._sort)

    def replace_item(self, item: RowT) -> None:
        """Show a row the owner changed without fetching its page again."""
        position = self.row_of(self._id_of(item))
        if position is None:
            return
        page, offset = divmod(position, self.page_size)
        self._pages[page][offset] = item
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._titles) - 1))

    # --- fetching ---------------------------------------------------------------------------

    def _ask(self, page: int) -> None:
        if page in self._asked or self.loading:
            return
        self._asked.add(page)
        generation, f, sort, count = self._generation, self._filter, self._sort, self._count
        before, profile = self._pages.get(page - 1), self._profile

        def fetch() -> tuple[int, int, list[RowT]]:
            rows = self._load_page(profile, f, sort, page=page, before=before, count=count)
            return generation, page, rows

        tasks.run(fetch, name=f"{self.task_name}.page").then(
            self._on_page_finished, self._on_failed
        )

    def _keep(self, page: int, rows: list[RowT]) -> None:
        self._pages[page] = rows
        for offset, row in enumerate(rows):
            self._rows_of[self._id_of(row)] = page * self.page_size + offset

    def _on_first_page(self, loaded: _Loaded[RowT]) -> None:
        if loaded.generation != self._generation:
            return
        self.beginResetModel()
        self._count = loaded.count
        self._pages = {}
        self._rows_of = {}
        if loaded.first:
            self._keep(0, loaded.first)
        self._asked = {0}
        self.endResetModel()
        if loaded.count < self.page_size:
            self._on_counted((loaded.generation, loaded.count))
            return
        generation, profile, f = loaded.generation, self._profile, self._filter

        def count() -> tuple[int, int]:
            return generation, self._load_count(profile, f)

        tasks.run(count, name=f"{self.task_name}.count").then(self._on_counted, self._on_failed)

    def _on_counted(self, counted: tuple[int, int]) -> None:
        generation, total = counted
        if generation != self._generation:
            return
        shown = self._count
        if total > shown:
            self.beginInsertRows(QModelIndex(), shown, total - 1)
            self._count = total
            self.endInsertRows()
        elif total < shown:
            # The rows changed between the page and the count (a sync came in): show the count.
            self.beginResetModel()
            self._count = total
            self._pages = {0: self._pages.get(0, [])[:total]}
            self._rows_of = {k: v for k, v in self._rows_of.items() if v < total}
            self.endResetModel()
        self.loading = False
        self.loaded.emit(total)

    def _on_page_finished(self, result: tuple[int, int, list[RowT]]) -> None:
        generation, page, rows = result
        if generation != self._generation:
            return
        self._keep(page, rows)
        first = page * self.page_size
        last = min(first + self.page_size, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._titles) - 1))
        self.page_loaded.emit(page)

    def _on_failed(self, error: Exception) -> None:
        self.loading = False
        log.warning("%s could not be read: %s", self.task_name, error)
        self.failed.emit(error)
