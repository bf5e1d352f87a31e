"""What the main window needs of a workspace: a title, an icon, and one policy for fresh data.

The policy, the same for every page: the main window hands every change (a sync's, a local
action's) to every workspace. A workspace reads again only when the change touches an entity it
shows (``shows``); while hidden it only notes that it is stale, and catches up when next shown.
What a hidden page still shows (a count in the navigation) it reads at once.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget

from models.changes import NOTHING, Changes


class Workspace(QWidget):
    """One page of the main window, chosen in the navigation on the left."""

    icon_name = "dashboard"
    # The entities whose rows this page shows; a change to any other leaves it alone.
    shows: ClassVar[frozenset[str]] = frozenset()
    # Of those, the ones its navigation count depends on: read even while the page is hidden.
    counts: ClassVar[frozenset[str]] = frozenset()

    # The number shown beside the title in the navigation changed (see ``badge``).
    badge_changed = Signal()
    # The owner did something here (a decision, a pick, a print): the Changes it made, which
    # this page has shown already; the main window hands them to the others.
    local_action_done = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        # Until first shown, everything is unread.
        self._unread: Changes = Changes.everything()

    def title(self) -> str:
        raise NotImplementedError

    def badge(self) -> int:
        """Things waiting for the owner here (e.g. release requests); 0 shows nothing."""
        return 0

    def refresh(self) -> None:
        """Read the shop's data again now; never blocks the GUI thread."""

    def refresh_changed(self, changes: Changes) -> None:
        """Read again what ``changes`` touched, keeping the owner's place and unsaved words.

        A page that can redraw single rows overrides this; by default it reads everything.
        """
        self.refresh()

    def refresh_count(self, changes: Changes) -> None:
        """While hidden: read again only the count the navigation shows."""

    def keep_unsaved(self) -> None:
        """Write what the owner typed and did not save as a draft, now (the window closes)."""

    # --- the policy ---------------------------------------------------------------------------

    def shown_entities(self) -> frozenset[str]:
        return self.shows

    def take_changes(self, changes: Changes) -> None:
        """Refresh now if shown and touched; if hidden, only remember what to catch up on."""
        if not changes.touches(self.shown_entities()):
            return
        if self.isVisible():
            self.refresh_changed(changes)
            return
        self._unread = self._unread | changes
        if changes.touches(self.counts):
            self.refresh_count(changes)

    def is_stale(self) -> bool:
        """Whether changes wait to be read when the page is next shown."""
        return bool(self._unread)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._catch_up()

    def _catch_up(self) -> None:
        if not self._unread:
            return
        unread, self._unread = self._unread, NOTHING
        self.refresh_changed(unread)


class LazyWorkspace(Workspace):
    """A page built the first time the owner opens it.

    Chart pages load a plotting library and build their plots; a start need not wait for that
    when the owner may not look at a chart today. Until it is built there is nothing to refresh:
    it reads everything when built.
    """

    def __init__(
        self, icon_name: str, title: Callable[[], str], build: Callable[[], Workspace]
    ) -> None:
        super().__init__()
        self.icon_name = icon_name
        self._title = title
        self._build = build
        self._inner: Workspace | None = None
        self._unread = NOTHING
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def title(self) -> str:
        return self._title()

    def badge(self) -> int:
        return self._inner.badge() if self._inner is not None else 0

    def refresh(self) -> None:
        if self._inner is not None:
            self._inner.refresh()

    def shown_entities(self) -> frozenset[str]:
        return self._inner.shown_entities() if self._inner is not None else frozenset()

    def take_changes(self, changes: Changes) -> None:
        if self._inner is not None:
            self._inner.take_changes(changes)

    def is_stale(self) -> bool:
        return self._inner.is_stale() if self._inner is not None else False

    def keep_unsaved(self) -> None:
        if self._inner is not None:
            self._inner.keep_unsaved()

    def is_built(self) -> bool:
        return self._inner is not None

    def inner(self) -> Workspace:
        """The page itself, built now if it was not yet."""
        if self._inner is None:
            self._inner = self._build()
            self._inner.badge_changed.connect(self.badge_changed)
            self._inner.local_action_done.connect(self.local_action_done)
            self._layout.addWidget(self._inner)
            self._inner.show()
        return self._inner

    def showEvent(self, event: QShowEvent) -> None:
        self.inner()
        QWidget.showEvent(self, event)
