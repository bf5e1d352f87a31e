"""What the main window needs of a workspace: a title, an icon, and a way to show fresh data."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget


class Workspace(QWidget):
    """One page of the main window, chosen in the navigation on the left."""

    icon_name: ClassVar[str] = "dashboard"

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
