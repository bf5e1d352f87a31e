"""Phrases with a count in them, for code that is not a widget of its own.

The translation tools read plural forms only from a class's ``tr()``, so counted phrases used by
plain functions live here rather than in module-level ``translate()`` calls.
"""

from __future__ import annotations

from PySide6.QtCore import QObject


class Counted(QObject):
    def minutes_ago(self, n: int) -> str:
        return self.tr("%Ln minute(s) ago", "", n)

    def hours_ago(self, n: int) -> str:
        return self.tr("%Ln hour(s) ago", "", n)

    def products(self, n: int) -> str:
        return self.tr("%Ln product(s)", "", n)

    def in_minutes(self, n: int) -> str:
        return self.tr("in %Ln minute(s)", "", n)


def counted() -> Counted:
    """A fresh one each time: cheap, and never outlives the application's translators."""
    return Counted()
