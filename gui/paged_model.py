"""A table model over rows that live in the database: a count and pages, fetched in the background.

The model never holds all rows. It knows how many rows the query has, keeps the pages it has
fetched, and asks for a missing page (in the task pool) when a view paints one of its rows. A new
filter or sort bumps a generation, so answers to an older query are dropped when they arrive.
Subclasses say how to count and fetch (pure functions of their arguments: they run in a worker)
and how to show a row.

``reload`` reads the same query again in place, after a sync or a local action: the count and
the pages on screen, swapped in as one layout change, so that the view's current row, selection
and scroll follow their rows by id rather than by row number. ``locate`` finds where a row stands
(after a new sort or filter) and fetches its page.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any, ClassVar, Generic, TypeVar

from PySide6.QtCore import (
    QAbstractTableModel,
    QModelIndex,
    QObject,
    QPersistentModelIndex,
    Qt,
    QTimer,
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


# A row's place is looked for page by page from the top in tables at most this long; a longer
# one says where a row stands by a query of its own (``_position_of``).
SCAN_ROWS = 20_000


class _Run:
    """Neighbouring pages read by one task: pages join while the task has not finished."""

    def __init__(self, first: int) -> None:
        self._pages = [first]
        self._lock = threading.Lock()
        self._finished = False

    def join(self, page: int) -> bool:
        """Add ``page`` when it follows the last page and the task is still reading."""
        with self._lock:
            if self._finished or page != self._pages[-1] + 1:
                return False
            self._pages.append(page)
            return True

    def pages(self) -> Iterator[int]:
        """The pages in order, those that join meanwhile too (on the task's thread)."""
        done = 0
        while True:
            with self._lock:
                if done == len(self._pages):
                    self._finished = True
                    return
                page = self._pages[done]
            done += 1
            yield page


@dataclass(frozen=True)
class _Loaded(Generic[RowT]):
    generation: int
    count: int
    first: list[RowT]


@dataclass(frozen=True)
class _Reread(Generic[RowT]):
    generation: int
    count: int
    pages: dict[int, list[RowT]]
    keep_id: int | None
    keep_row: int | None


@dataclass(frozen=True)
class Reloaded:
    """How a reload went for the row the owner was on."""

    keep_id: int | None
    row: int | None  # where it is now; None when the query no longer holds it
    previous_row: int | None  # where it was


class PagedTableModel(QAbstractTableModel, Generic[RowT, FilterT, SortT]):
    loaded = Signal(int)  # the row count, once a new filter or sort has its first page and count
    page_loaded = Signal(int)  # the page number
    reloaded = Signal(object)  # Reloaded, once the same query was read again in place
    located = Signal(int, int)  # a row's id and where it stands, -1 when the query lacks it
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
        self._run: _Run | None = None  # the pages asked for during this paint
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

    def _position_of(
        self, profile: Profile, f: FilterT, sort: SortT, item_id: int, count: int
    ) -> int | None:
        """Where ``item_id`` stands in the query; None when the query lacks it.

        By default the pages are read from the top, which suits a table of a few thousand rows;
        a table that may hold a million says it with a query of its own.
        """
        before: list[RowT] | None = None
        for page in range(min(count, SCAN_ROWS) // self.page_size + 1):
            rows = self._load_page(profile, f, sort, page=page, before=before, count=count)
            for offset, row in enumerate(rows):
                if self._id_of(row) == item_id:
                    return page * self.page_size + offset
            if len(rows) < self.page_size:
                return None
            before = rows
        return None

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
        if not 0 <= row < self._count:
            return None
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
        self._run = None
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

    def id_at(self, row: int) -> int | None:
        """The id of the row at ``row`` when its page is here (no fetch is asked for)."""
        page, offset = divmod(row, self.page_size)
        rows = self._pages.get(page)
        return self._id_of(rows[offset]) if rows is not None and offset < len(rows) else None

    def reload(self, keep_id: int | None = None, rows: range = range(0)) -> None:
        """Read the same query again in place: its count, the pages of ``rows`` (those on
        screen) and the page of ``keep_id`` (the current row), wherever that moved."""
        if not self.started:
            return
        self._generation += 1
        self._run = None
        self.loading = True
        generation, profile, f, sort = self._generation, self._profile, self._filter, self._sort
        size = self.page_size
        previous = self.row_of(keep_id) if keep_id is not None else None
        wanted = {row // size for row in rows if row >= 0}
        if previous is not None:
            wanted.add(previous // size)
        wanted = wanted or {0}

        def read() -> _Reread[RowT]:
            total = self._load_count(profile, f)
            pages: dict[int, list[RowT]] = {}
            for page in sorted(wanted):
                if page * size >= max(total, 1):
                    continue
                pages[page] = self._load_page(
                    profile, f, sort, page=page, before=pages.get(page - 1), count=total
                )
            keep_row = self._find(pages, keep_id)
            if keep_id is not None and keep_row is None:
                keep_row = self._position_of(profile, f, sort, keep_id, total)
                if keep_row is not None:
                    page = keep_row // size
                    pages[page] = self._load_page(
                        profile, f, sort, page=page, before=pages.get(page - 1), count=total
                    )
                    keep_row = self._find(pages, keep_id)
            return _Reread(generation, total, pages, keep_id, keep_row)

        def done(result: _Reread[RowT]) -> None:
            self._on_reread(result, previous)

        tasks.run(read, name=f"{self.task_name}.reload").then(done, self._on_failed)

    def locate(self, item_id: int) -> None:
        """Find where ``item_id`` stands and fetch its page; says so by ``located``."""
        known = self.row_of(item_id)
        if known is not None and not self.loading:
            self.located.emit(item_id, known)
            return
        generation, profile, f, sort = self._generation, self._profile, self._filter, self._sort
        size, total = self.page_size, self._count

        def find() -> tuple[int, int | None, list[RowT]]:
            row = self._position_of(profile, f, sort, item_id, total)
            if row is None:
                return generation, None, []
            rows = self._load_page(profile, f, sort, page=row // size, before=None, count=total)
            return generation, row, rows

        def done(found: tuple[int, int | None, list[RowT]]) -> None:
            found_generation, row, rows = found
            if found_generation != self._generation:
                return
            if row is not None and rows:
                page = row // size
                self._keep(page, rows)
                self._asked.add(page)
                first, last = page * size, min(page * size + len(rows), self._count) - 1
                if last >= first:
                    self.dataChanged.emit(
                        self.index(first, 0), self.index(last, len(self._titles) - 1)
                    )
            position = self.row_of(item_id)
            self.located.emit(item_id, -1 if position is None else position)

        tasks.run(find, name=f"{self.task_name}.locate").then(done, self._on_failed)

    def replace_item(self, item: RowT) -> None:
        """Show a row the owner changed without fetching its page again."""
        position = self.row_of(self._id_of(item))
        if position is None or position >= self._count:
            return
        page, offset = divmod(position, self.page_size)
        rows = self._pages.get(page)
        if rows is None or offset >= len(rows) or self._id_of(rows[offset]) != self._id_of(item):
            return
        rows[offset] = item
        self.dataChanged.emit(self.index(position, 0), self.index(position, len(self._titles) - 1))

    # --- fetching ---------------------------------------------------------------------------

    def _ask(self, page: int) -> None:
        if page in self._asked or self.loading or page < 0:
            return
        self._asked.add(page)
        # A paint asks for every page it shows, one after another: the first goes out at once,
        # and the next ones join its task while it runs, each read after the page above by
        # its last sort key instead of by an offset of its own.
        joined = self._run is not None and self._run.join(page)
        if joined:
            return
        run = _Run(page)
        if self._run is None:
            QTimer.singleShot(0, self, self._close_run)
        self._run = run
        generation, f, sort, count, profile = (
            self._generation,
            self._filter,
            self._sort,
            self._count,
            self._profile,
        )
        before = self._pages.get(page - 1)

        def fetch() -> tuple[int, dict[int, list[RowT]]]:
            fetched: dict[int, list[RowT]] = {}
            above = before
            for next_page in run.pages():
                above = self._load_page(profile, f, sort, page=next_page, before=above, count=count)
                fetched[next_page] = above
            return generation, fetched

        tasks.run(fetch, name=f"{self.task_name}.page").then(
            self._on_pages_finished, self._on_failed
        )

    def _close_run(self) -> None:
        self._run = None

    def _keep(self, page: int, rows: list[RowT]) -> None:
        self._pages[page] = rows
        for offset, row in enumerate(rows):
            self._rows_of[self._id_of(row)] = page * self.page_size + offset

    def _find(self, pages: dict[int, list[RowT]], item_id: int | None) -> int | None:
        if item_id is None:
            return None
        for page, rows in pages.items():
            for offset, row in enumerate(rows):
                if self._id_of(row) == item_id:
                    return page * self.page_size + offset
        return None

    def _on_reread(self, result: _Reread[RowT], previous: int | None) -> None:
        if result.generation != self._generation:
            return
        # One layout change: every persistent index (the view's current row, its selection)
        # moves to where its row's id is now, or goes when the query no longer holds it.
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        ids = [self.id_at(index.row()) for index in old]
        self._count = result.count
        self._pages = {}
        self._rows_of = {}
        for page, rows in result.pages.items():
            self._keep(page, rows)
        self._asked = set(result.pages)
        moved = []
        for index, item_id in zip(old, ids, strict=True):
            row = self._rows_of.get(item_id) if item_id is not None else None
            moved.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()
        self.loading = False
        self.reloaded.emit(Reloaded(result.keep_id, result.keep_row, previous))

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

    def _on_pages_finished(self, result: tuple[int, dict[int, list[RowT]]]) -> None:
        generation, pages = result
        if generation != self._generation:
            return
        for page, rows in pages.items():
            self._keep(page, rows)
        first = min(pages) * self.page_size
        last = min((max(pages) + 1) * self.page_size, self._count) - 1
        if last >= first:
            self.dataChanged.emit(self.index(first, 0), self.index(last, len(self._titles) - 1))
        for page in pages:
            self.page_loaded.emit(page)

    def _on_failed(self, error: Exception) -> None:
        self.loading = False
        log.warning("%s could not be read: %s", self.task_name, error)
        self.failed.emit(error)
