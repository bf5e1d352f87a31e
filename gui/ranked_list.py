"""A card with the day's best few (products, sub-stores): each line leads to its orders."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

ROWS = 5


class RankedList(QFrame):
    """A title, up to ``ROWS`` lines of name and figures, and words when there is none."""

    line_activated = Signal(int)  # the line's position, 0 the best

    def __init__(self, name: str, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("figure_card")
        self.setProperty("figure", name)
        self._title = QLabel(title)
        self._title.setObjectName("figure_card_title")
        self._title.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._lines = QTreeWidget()
        self._lines.setObjectName("ranked_lines")
        self._lines.setRootIsDecorated(False)
        self._lines.setUniformRowHeights(True)
        self._lines.setFrameShape(QFrame.Shape.NoFrame)
        self._lines.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self._lines.setVerticalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._lines.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._lines.setCursor(Qt.CursorShape.PointingHandCursor)
        self._empty = QLabel()
        self._empty.setWordWrap(True)
        self._empty.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        self._empty.hide()
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 12, 16, 12)
        layout.setSpacing(4)
        layout.addWidget(self._title)
        layout.addWidget(self._lines)
        layout.addWidget(self._empty)
        layout.addStretch(1)
        self.setAccessibleName(title)
        self._lines.itemActivated.connect(self._on_lines_item_activated)
        self._lines.itemClicked.connect(self._on_lines_item_activated)

    def set_headers(self, headers: list[str]) -> None:
        self._lines.setHeaderLabels(headers)
        header = self._lines.header()
        header.setStretchLastSection(False)
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for column in range(1, len(headers)):
            header.setSectionResizeMode(column, QHeaderView.ResizeMode.ResizeToContents)
        self._fit()

    def set_lines(self, lines: list[list[str]], empty: str) -> None:
        self._lines.clear()
        for cells in lines[:ROWS]:
            item = QTreeWidgetItem(cells)
            for column in range(1, len(cells)):
                item.setTextAlignment(
                    column, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
                )
            item.setToolTip(0, cells[0])
            self._lines.addTopLevelItem(item)
        self._empty.setText(empty)
        self._empty.setVisible(not lines)
        self._lines.setVisible(bool(lines))
        self._fit()

    def title_text(self) -> str:
        return self._title.text()

    def line_texts(self) -> list[list[str]]:
        tree = self._lines
        items = [tree.topLevelItem(r) for r in range(tree.topLevelItemCount())]
        return [[i.text(c) for c in range(tree.columnCount())] for i in items if i is not None]

    def empty_text(self) -> str:
        return self._empty.text() if not self._empty.isHidden() else ""

    def activate_line(self, row: int) -> None:
        """What a click on line ``row`` does."""
        item = self._lines.topLevelItem(row)
        if item is not None:
            self._lines.itemClicked.emit(item, 0)

    def _fit(self) -> None:
        """Room for exactly ``ROWS`` lines, however many there are: the cards do not jump."""
        row = self._lines.sizeHintForRow(0)
        if row <= 0:
            row = self._lines.fontMetrics().height() + 4
        header = self._lines.header().sizeHint().height()
        self._lines.setFixedHeight(header + ROWS * row + 2 * self._lines.frameWidth() + 2)

    def _on_lines_item_activated(self, item: QTreeWidgetItem, _column: int) -> None:
        self.line_activated.emit(self._lines.indexOfTopLevelItem(item))
