"""One store manager under the table: the stage history, the bound customers, the recent orders."""

from __future__ import annotations

import time
from collections.abc import Callable, Sequence

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFrame,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.formatting import (
    count,
    day,
    fill,
    money,
    short_day,
    short_stamp,
    stamp,
    tooltip,
)
from gui.managers.labels import assessment_label, stage_status_label
from gui.managers.table_model import whole_yuan
from gui.managers.tips import (
    bound_since_tip,
    customers_tip,
    customers_tips,
    orders_tips,
    paid_orders_tip,
    recent_orders_tip,
    sales_tip,
    stage_history_tips,
    stage_window,
)
from gui.orders.labels import status_label
from models.profile import Profile
from models.services.manager_detail import (
    BoundCustomer,
    ManagerDetail,
    RecentOrder,
    StageStep,
    manager_detail,
)

RIGHT = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter


def _tree(
    titles: Sequence[str], right: Sequence[int] = (), tips: Sequence[str] = ()
) -> QTreeWidget:
    tree = QTreeWidget()
    tree.setRootIsDecorated(False)
    tree.setUniformRowHeights(True)
    tree.setAlternatingRowColors(True)
    tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    tree.setHeaderLabels(list(titles))
    tree.header().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    tree.header().setStretchLastSection(False)
    for column in right:
        tree.headerItem().setTextAlignment(column, RIGHT)
    for column, tip in enumerate(tips):
        tree.headerItem().setToolTip(column, tooltip(tip))
    return tree


class _ListPage(QWidget):
    """A list of the detail as a page of its tab widget; its title is the tab's text."""

    def __init__(self, tabs: QTabWidget, tree: QTreeWidget, title: str) -> None:
        super().__init__()
        self._tabs = tabs
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addWidget(tree)
        tabs.addTab(self, title)

    def title(self) -> str:
        return self._tabs.tabText(self._tabs.indexOf(self))

    def setTitle(self, title: str) -> None:
        self._tabs.setTabText(self._tabs.indexOf(self), title)


def _add(
    tree: QTreeWidget, texts: Sequence[str], right: Sequence[int] = (), tips: Sequence[str] = ()
) -> QTreeWidgetItem:
    """A row whose every cell says in its tooltip what it shows."""
    item = QTreeWidgetItem(list(texts))
    for column in right:
        item.setTextAlignment(column, RIGHT)
    for column, tip in enumerate(tips):
        item.setToolTip(column, tooltip(tip))
    tree.addTopLevelItem(item)
    return item


class ManagerDetailPane(QWidget):
    release_requested = Signal(int)  # the pending release request's id

    def __init__(
        self,
        profile: Profile,
        parent: QWidget | None = None,
        *,
        clock: Callable[[], int] = lambda: int(time.time()),
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._clock = clock
        self._manager_id: int | None = None
        self.detail: ManagerDetail | None = None
        self._create_widgets()
        self._connect_signals()
        self.show_manager(None)

    def _create_widgets(self) -> None:
        self.heading = QLabel()
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.release = QFrame()
        self.release.setFrameShape(QFrame.Shape.StyledPanel)
        self.release_text = QLabel()
        self.release_text.setWordWrap(True)
        self.release_button = QPushButton(self.tr("Review the release request…"))
        release_layout = QHBoxLayout(self.release)
        release_layout.setContentsMargins(8, 4, 8, 4)
        release_layout.addWidget(self.release_text, 1)
        release_layout.addWidget(self.release_button)

        self.stages = _tree(
            [
                self.tr("Stage"),
                self.tr("Window"),
                self.tr("Outcome"),
                self.tr("Sales"),
                self.tr("Customers"),
                self.tr("Assessment"),
            ],
            right=(3, 4),
            tips=stage_history_tips(),
        )
        self.customers = _tree(
            [
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Since"),
                self.tr("Paid orders"),
                self.tr("Paid"),
            ],
            right=(3, 4),
            tips=customers_tips(),
        )
        self.orders = _tree(
            [
                self.tr("Placed"),
                self.tr("Customer"),
                self.tr("Amount"),
                self.tr("Status"),
                self.tr("Order no."),
            ],
            right=(2,),
            tips=orders_tips(),
        )
        # One list at a time, each as wide as the pane: side by side, three lists of five or six
        # columns each were cut off at 1366 pixels, in English most of all.
        self.lists = QTabWidget()
        self.lists.setDocumentMode(True)
        self.stages_box = _ListPage(self.lists, self.stages, self.tr("Stage history"))
        self.customers_box = _ListPage(
            self.lists, self.customers, self.tr("Customers of the sub-store")
        )
        self.orders_box = _ListPage(self.lists, self.orders, self.tr("Recent orders"))
        for page, tip in (
            (self.stages_box, stage_history_tips()[0]),
            (self.customers_box, customers_tips()[0]),
            (self.orders_box, recent_orders_tip()),
        ):
            page.setToolTip(tooltip(tip))
            self.lists.setTabToolTip(self.lists.indexOf(page), tooltip(tip))

        top = QHBoxLayout()
        top.addWidget(self.heading)
        top.addWidget(self.summary, 1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 4, 0, 0)
        layout.addLayout(top)
        layout.addWidget(self.release)
        layout.addWidget(self.lists, 1)

    def _connect_signals(self) -> None:
        self.release_button.clicked.connect(self._on_release_button_clicked)

    # --- what the workspace asks ----------------------------------------------------------

    def show_manager(self, manager_id: int | None) -> None:
        self._manager_id = manager_id
        if manager_id is None:
            self.detail = None
            self.heading.setText(self.tr("No store manager selected"))
            self.summary.setText(self.tr("Choose a store manager in the table to see them here."))
            self.release.hide()
            for tree in (self.stages, self.customers, self.orders):
                tree.clear()
            return
        profile = self._profile
        tasks.run(lambda: manager_detail(profile, manager_id), name="managers.detail").then(
            self._on_detail_loaded, self._on_detail_failed
        )

    # --- slots ----------------------------------------------------------------------------

    def _on_detail_loaded(self, detail: ManagerDetail | None) -> None:
        if detail is None or detail.id != self._manager_id:
            return
        self.detail = detail
        self.heading.setText(detail.name)
        parts = [
            detail.phone_masked,
            detail.city,
            fill(self.tr("joined %1"), day(detail.joined_at)),
        ]
        if detail.status == "released" and detail.released_at is not None:
            parts.append(fill(self.tr("released %1"), day(detail.released_at)))
        self.summary.setText(" · ".join(p for p in parts if p))
        if detail.pending_release_id is not None:
            self.release_text.setText(
                self.tr(
                    "A release request is waiting for your decision: this manager has completed "
                    "every stage and asks to become an owner."
                )
            )
            self.release.show()
        else:
            self.release.hide()
        self._show_stages(detail.stages)
        self._show_customers(detail.customers, detail.customers_total)
        self._show_orders(detail.recent_orders)

    def _on_detail_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))

    def _on_release_button_clicked(self) -> None:
        if self.detail is not None and self.detail.pending_release_id is not None:
            self.release_requested.emit(self.detail.pending_release_id)

    # --- helpers --------------------------------------------------------------------------

    def _show_stages(self, steps: Sequence[StageStep]) -> None:
        self.stages.clear()
        now = self._clock()
        for step in steps:
            if step.completed_at is not None:
                outcome = fill(self.tr("Completed %1"), short_day(step.completed_at))
            elif step.failed_at is not None:
                outcome = fill(self.tr("Failed %1"), short_day(step.failed_at))
            else:
                outcome = stage_status_label(step.status)
            window = stage_window(step.started_at, step.deadline_at, step.completed_at, now)
            _add(
                self.stages,
                [
                    f"{step.position} · {step.name}",
                    f"{short_day(step.started_at)} → {short_day(step.deadline_at)}",
                    outcome,
                    f"{whole_yuan(step.sales_cents)} / {whole_yuan(step.sales_target_cents)}",
                    f"{count(step.customers)} / {count(step.customers_target)}",
                    assessment_label(step.assessment),
                ],
                right=(3, 4),
                tips=[
                    f"{step.position} · {step.name}",
                    fill(self.tr("%1 to %2"), stamp(step.started_at), stamp(step.deadline_at)),
                    stage_status_label(step.status),
                    sales_tip(step.sales_cents, step.sales_target_cents, window),
                    customers_tip(step.customers, step.customers_target, window),
                    assessment_label(step.assessment),
                ],
            )
        self.stages_box.setTitle(self.tr("Stage history"))

    def _show_customers(self, customers: Sequence[BoundCustomer], total: int) -> None:
        self.customers.clear()
        for c in customers:
            who = c.name
            if c.status == "left":
                who = self.tr("Left with the released store manager")
            _add(
                self.customers,
                [
                    c.name,
                    c.phone_masked,
                    day(c.bound_at),
                    count(c.paid_orders),
                    money(c.paid_cents),
                ],
                right=(3, 4),
                tips=[
                    who,
                    c.phone_masked,
                    bound_since_tip(c.bound_at),
                    paid_orders_tip(c.paid_orders, c.paid_cents),
                    paid_orders_tip(c.paid_orders, c.paid_cents),
                ],
            )
        title = self.tr("%Ln customer(s) of the sub-store", "", total)
        if total > len(customers):
            title = fill(self.tr("%1 (the best %2 shown)"), title, count(len(customers)))
        self.customers_box.setTitle(title)

    def _show_orders(self, orders: Sequence[RecentOrder]) -> None:
        self.orders.clear()
        header = orders_tips()
        for o in orders:
            status = status_label(o.status)
            _add(
                self.orders,
                [
                    short_stamp(o.placed_at),
                    o.customer_name,
                    money(o.amount_cents),
                    status,
                    o.order_no,
                ],
                right=(2,),
                tips=[stamp(o.placed_at), o.customer_name, header[2], status, header[4]],
            )
        self.orders_box.setTitle(self.tr("%Ln recent order(s)", "", len(orders)))
