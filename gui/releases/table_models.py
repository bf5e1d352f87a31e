"""The queue of release requests and the log of decisions: short lists, held whole."""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Final, Generic, TypeVar

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QObject, QPersistentModelIndex, Qt
from PySide6.QtGui import QFont

from gui.releases.labels import (
    audit_outcome,
    audit_who,
    decision_label,
    decision_state,
    moment,
    platform_status,
)
from models.services.release_audit import AuditEntry
from models.services.release_queue import QueuedRequest

Index = QModelIndex | QPersistentModelIndex
T = TypeVar("T")
ROW_ROLE: Final = Qt.ItemDataRole.UserRole + 1


class _ListTableModel(QAbstractTableModel, Generic[T]):
    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._rows: list[T] = []

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._titles())

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:
        titles = self._titles()
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(titles)
        ):
            return titles[section]
        return None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self._rows):
            return None
        row = self._rows[index.row()]
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return self._texts(row)[index.column()]
        if role == ROW_ROLE:
            return row
        if role == Qt.ItemDataRole.FontRole and self._stands_out(row):
            font = QFont()
            font.setBold(True)
            return font
        return None

    # Python asks these rather than index.data(): see gui/catalogue/product_model.py.

    def row_at(self, row: int) -> T | None:
        return self._rows[row] if 0 <= row < len(self._rows) else None

    def text_at(self, row: int, column: int) -> str:
        found = self.row_at(row)
        return "" if found is None else self._texts(found)[column]

    @property
    def rows(self) -> list[T]:
        return list(self._rows)

    def set_rows(self, rows: list[T]) -> None:
        """Show ``rows`` in place: the current row and the selection follow their rows by key."""
        self.layoutAboutToBeChanged.emit()
        old = self.persistentIndexList()
        keys = [self._key(self._rows[i.row()]) if i.row() < len(self._rows) else None for i in old]
        self._rows = list(rows)
        where = {self._key(row): number for number, row in enumerate(self._rows)}
        moved = []
        for index, key in zip(old, keys, strict=True):
            row = where.get(key) if key is not None else None
            moved.append(self.index(row, index.column()) if row is not None else QModelIndex())
        self.changePersistentIndexList(old, moved)
        self.layoutChanged.emit()

    def _key(self, row: T) -> Hashable:
        return getattr(row, "id", id(row))

    def _titles(self) -> list[str]:
        raise NotImplementedError

    def _texts(self, row: T) -> list[str]:
        raise NotImplementedError

    def _stands_out(self, _row: T) -> bool:
        return False


class ReleaseQueueModel(_ListTableModel[QueuedRequest]):
    """Every release request; those waiting for the owner come first and stand out."""

    def _titles(self) -> list[str]:
        return [
            self.tr("Store manager"),
            self.tr("Requested"),
            self.tr("On the platform"),
            self.tr("Your decision"),
        ]

    def _texts(self, row: QueuedRequest) -> list[str]:
        decision = decision_state(row)
        if row.draft_reason and row.needs_owner:
            drafted = self.tr("reason drafted")
            decision = f"{decision} · ✎ {drafted}"
        return [
            row.manager_name or self.tr("(unknown manager)"),
            moment(row.created_at),
            platform_status(row.status),
            decision,
        ]

    def _stands_out(self, row: QueuedRequest) -> bool:
        return row.needs_owner

    def row_of(self, request_id: int) -> int:
        return next((n for n, r in enumerate(self._rows) if r.id == request_id), -1)


class DecisionLogModel(_ListTableModel[AuditEntry]):
    """Every decision: who, when, what, and the platform's outcome; the newest first."""

    def _titles(self) -> list[str]:
        return [
            self.tr("When"),
            self.tr("Who"),
            self.tr("Store manager"),
            self.tr("Decision"),
            self.tr("Reason"),
            self.tr("Outcome"),
        ]

    def _key(self, row: AuditEntry) -> Hashable:
        return (row.request_id, row.at, row.here, row.decision)

    def _texts(self, row: AuditEntry) -> list[str]:
        return [
            moment(row.at),
            audit_who(row),
            row.manager_name,
            decision_label(row.decision),
            row.reason,
            audit_outcome(row),
        ]
