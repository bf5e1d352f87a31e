"""Everything the owner reads before deciding: the path, who would leave and why, what it costs."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QFont
from PySide6.QtWidgets import (
    QAbstractItemView,
    QGridLayout,
    QGroupBox,
    QHeaderView,
    QLabel,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui.formatting import count
from gui.releases.consequences import Consequences
from gui.releases.labels import assessment_label, day, stage_status
from models.services.release_dossier import ReleaseDossier


def _list(titles: list[str]) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setHeaderLabels(titles)
    tree.setRootIsDecorated(False)
    tree.setAlternatingRowColors(True)
    tree.setUniformRowHeights(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    tree.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    return tree


def _sentence() -> QLabel:
    label = QLabel()
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    return label


class DossierView(QWidget):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._words = Consequences(self)
        self._create_widgets()

    def _create_widgets(self) -> None:
        self.path = _list(
            [self.tr("Stage"), self.tr("Started"), self.tr("Completed"), self.tr("Assessment")]
        )
        self.sales = _sentence()
        self.open_orders = _sentence()
        self.earlier = _list(
            [self.tr("Store manager"), self.tr("Released on"), self.tr("Since then")]
        )
        self.earlier.setMaximumHeight(120)
        self.no_earlier = _sentence()
        self.no_earlier.setText(self.tr("No earlier releases: nothing was allocated yet."))
        self.leaving_title = QLabel()
        bold = QFont(self.leaving_title.font())
        bold.setBold(True)
        self.leaving_title.setFont(bold)
        self.leaving = _list(
            [
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Paid orders"),
                self.tr("Proof: paid orders in the sub-store"),
            ]
        )
        self.staying = _sentence()

        path_box = QGroupBox(self.tr("Path through the stages"))
        QVBoxLayout(path_box).addWidget(self.path)
        cost_box = QGroupBox(self.tr("What the shop gives up"))
        cost = QVBoxLayout(cost_box)
        cost.addWidget(self.sales)
        cost.addWidget(self.open_orders)
        earlier_box = QGroupBox(self.tr("After your earlier releases"))
        earlier = QVBoxLayout(earlier_box)
        earlier.addWidget(self.earlier)
        earlier.addWidget(self.no_earlier)
        people_box = self.people_box = QGroupBox(self.tr("Who would leave"))
        people = QVBoxLayout(people_box)
        people.addWidget(self.leaving_title)
        people.addWidget(self.leaving, 1)
        people.addWidget(self.staying)

        layout = QGridLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(path_box, 0, 0)
        layout.addWidget(cost_box, 1, 0)
        layout.addWidget(earlier_box, 2, 0)
        layout.addWidget(people_box, 0, 1, 3, 1)
        layout.setColumnStretch(0, 5)
        layout.setColumnStretch(1, 6)
        layout.setRowStretch(0, 1)

    def show_dossier(self, dossier: ReleaseDossier) -> None:
        self.path.clear()
        for step in dossier.path:
            completed = day(step.completed_at) if step.completed_at else stage_status(step.status)
            self.path.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        f"{step.position}. {step.name}",
                        day(step.started_at),
                        completed,
                        assessment_label(step.assessment),
                    ]
                )
            )
        self.path.resizeColumnToContents(0)
        self.sales.setText(self._words.sales(dossier))
        self.open_orders.setText(self._words.open_orders(dossier))
        self.earlier.clear()
        for release in dossier.earlier:
            self.earlier.addTopLevelItem(
                QTreeWidgetItem(
                    [
                        release.manager_name,
                        day(release.decided_at),
                        self._words.allocated(release.allocated),
                    ]
                )
            )
        self.earlier.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.earlier.setVisible(bool(dossier.earlier))
        self.no_earlier.setVisible(not dossier.earlier)
        self.people_box.setTitle(
            self.tr("Who left") if dossier.status == "approved" else self.tr("Who would leave")
        )
        self.leaving_title.setText(self._words.leaving_title(dossier))
        self.leaving.clear()
        for customer in dossier.leaving:
            item = QTreeWidgetItem(
                [
                    customer.name,
                    customer.phone_masked,
                    count(len(customer.proof)),
                    ", ".join(customer.proof),
                ]
            )
            item.setTextAlignment(2, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setToolTip(3, "\n".join(customer.proof))
            self.leaving.addTopLevelItem(item)
        self.leaving.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.staying.setText(self._words.staying(dossier))

    def leaving_rows(self) -> list[tuple[str, str, str]]:
        """The leaving customers as shown: name, masked phone, proof order numbers."""
        rows = []
        for n in range(self.leaving.topLevelItemCount()):
            item = self.leaving.topLevelItem(n)
            if item is not None:
                rows.append((item.text(0), item.text(1), item.text(3)))
        return rows
