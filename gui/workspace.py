"""What the main window needs of a workspace: a title, an icon, and a way to show fresh data."""

from __future__ import annotations

from typing import ClassVar

from PySide6.QtWidgets import QWidget


class Workspace(QWidget):
    """One page of the main window, chosen in the navigation on the left."""

    icon_name: ClassVar[str] = "dashboard"

    def title(self) -> str:
        raise NotImplementedError

    def refresh(self) -> None:
        """Read the shop's data again, e.g. after a sync; never blocks the GUI thread."""
