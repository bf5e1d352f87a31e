"""The owner's place in a table: which row she is on and what she sees, kept across a refresh.

A refresh reads the rows again in place (``PagedTableModel.reload``); the current row and the
selection follow their ids through the model's layout change. What this kit adds is the scroll:
the row she looks at (the current one if on screen, else the top one) stays where it was on the
screen, even when rows arrived or left above it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from PySide6.QtCore import QModelIndex, QPoint
from PySide6.QtWidgets import QAbstractItemView

IdAt = Callable[[int], int | None]
RowOf = Callable[[int], int | None]


@dataclass(frozen=True)
class Place:
    current_id: int | None
    anchor_id: int | None  # the row whose place on screen is kept
    anchor_y: int  # its top, in viewport pixels


def visible_rows(view: QAbstractItemView) -> range:
    """The rows on screen, top to bottom (empty when the model has none)."""
    model = view.model()
    if model is None or model.rowCount() == 0:
        return range(0)
    viewport = view.viewport()
    top = view.indexAt(QPoint(1, 1))
    bottom = view.indexAt(QPoint(viewport.width() - 2, viewport.height() - 2))
    first = top.row() if top.isValid() else 0
    last = bottom.row() if bottom.isValid() else min(first + 100, model.rowCount() - 1)
    return range(first, last + 1)


def remember(view: QAbstractItemView, id_at: IdAt) -> Place:
    current = view.currentIndex()
    current_id = id_at(current.row()) if current.isValid() else None
    shown = visible_rows(view)
    if current.isValid() and current.row() in shown:
        return Place(current_id, current_id, view.visualRect(current).top())
    if shown:
        top = view.model().index(shown.start, 0)
        return Place(current_id, id_at(shown.start), view.visualRect(top).top())
    return Place(current_id, None, 0)


def restore_scroll(view: QAbstractItemView, place: Place, row_of: RowOf) -> None:
    """Scroll so that the anchor row is where it was on screen (nothing if it is gone)."""
    if place.anchor_id is None:
        return
    view.doItemsLayout()
    bar = view.verticalScrollBar()
    per_pixel = view.verticalScrollMode() == QAbstractItemView.ScrollMode.ScrollPerPixel
    for _attempt in range(3):
        index = _index_of(view, place.anchor_id, row_of)
        if not index.isValid():
            return
        rect = view.visualRect(index)
        shift = rect.top() - place.anchor_y
        if shift == 0:
            return
        step = 1 if per_pixel else max(1, rect.height())
        wanted = bar.value() + round(shift / step)
        if wanted == bar.value():
            return
        bar.setValue(wanted)


def _index_of(view: QAbstractItemView, item_id: int, row_of: RowOf) -> QModelIndex:
    row = row_of(item_id)
    model = view.model()
    if row is None or model is None:
        return QModelIndex()
    return model.index(row, 0)
