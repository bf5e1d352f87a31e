"""What the main window needs of a workspace: a title, an icon, and a way to show fresh data."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import QVBoxLayout, QWidget


class Workspace(QWidget):
    """One page of the main window, chosen in the navigation on the left."""

    icon_name = "dashboard"

    # The number shown beside the title in the navigation changed (see ``badge``).
    badge_changed = Signal()
    # The owner did something locally (a decision, a pick, a print) that other pages show.
    local_action_done = Signal()

    def title(self) -> str:
        raise NotImplementedError

    def badge(self) -> int:
        """Things waiting for the owner here (e.g. release requests); 0 shows nothing."""
        return 0

    def refresh(self) -> None:
        """Read the shop's data again, e.g. after a sync; never blocks the GUI thread."""


class LazyWorkspace(Workspace):
    """A page built the first time the owner opens it.

    Chart pages load a plotting library and build their plots; a start need not wait for that
    when the owner may not look at a chart today.
    """

    def __init__(
        self, icon_name: str, title: Callable[[], str], build: Callable[[], Workspace]
    ) -> None:
        super().__init__()
        self.icon_name = icon_name
        self._title = title
        self._build = build
        self._inner: Workspace | None = None
        self._layout = QVBoxLayout(self)
        self._layout.setContentsMargins(0, 0, 0, 0)

    def title(self) -> str:
        return self._title()

    def badge(self) -> int:
        return self._inner.badge() if self._inner is not None else 0

    def refresh(self) -> None:
        if self._inner is not None:
            self._inner.refresh()

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
        super().showEvent(event)
