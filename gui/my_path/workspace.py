"""A store manager's first page: her path to becoming an owner, what is left of the stage she
is on by when, who would come along today, her sub-store's orders and her share."""

from __future__ import annotations

import logging
import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QGroupBox,
    QLabel,
    QSplitter,
    QTreeWidget,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.figure_card import FigureCard
from gui.formatting import count, fill, local_time, money, short_day, stamp
from gui.managers.detail_pane import _add, _tree
from gui.managers.labels import assessment_label, outlook_colour, outlook_label, stage_status_label
from gui.orders.labels import status_label
from gui.workspace import Workspace
from models.profile import Profile
from models.services.my_path import MyPath, WhatIsLeft, my_path

log = logging.getLogger(__name__)

HEADING_SCALE = 1.5
CARD_COLUMNS = 4


def percent(rate_bp: int) -> str:
    """A share rate as people write it: 12%, 12.5%."""
    whole, rest = divmod(rate_bp, 100)
    return f"{whole}%" if rest == 0 else f"{rate_bp / 100:g}%"


class MyPathWorkspace(Workspace):
    icon_name = "my-path"
    shows = frozenset(
        {
            "store_manager",
            "task_stage",
            "task_progress",
            "release_request",
            "customer",
            "order",
            "statement_line",
        }
    )
    loaded = Signal(object)  # the MyPath on screen, or None

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        # The moment the forecast is made for; tests set a fixed one.
        self.clock: Callable[[], int] = lambda: int(time.time())
        self._stale = True
        self.path: MyPath | None = None
        self._create_widgets()

    def title(self) -> str:
        return self.tr("My path")

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.heading = QLabel(self.tr("My path"))
        font = self.heading.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        self.left_box = QFrame()
        self.left_box.setObjectName("notice")
        self.left_text = QLabel()
        self.left_text.setObjectName("what_is_left")
        self.left_text.setWordWrap(True)
        left_layout = QVBoxLayout(self.left_box)
        left_layout.setContentsMargins(16, 10, 16, 10)
        left_layout.addWidget(self.left_text)

        self._cards: dict[str, FigureCard] = {}
        cards = QGridLayout()
        cards.setSpacing(10)
        for index, (name, title) in enumerate(
            [
                ("paid_orders", self.tr("Paid orders")),
                ("share_settled", self.tr("My share, settled")),
                ("share_pending", self.tr("My share, pending")),
                ("coming_along", self.tr("Would come along today")),
            ]
        ):
            card = FigureCard(name, title)
            self._cards[name] = card
            cards.addWidget(card, index // CARD_COLUMNS, index % CARD_COLUMNS)
        for column in range(CARD_COLUMNS):
            cards.setColumnStretch(column, 1)

        self.stages = _tree(
            [
                self.tr("Stage"),
                self.tr("Window"),
                self.tr("Outcome"),
                self.tr("Sales"),
                self.tr("Customers"),
                self.tr("Share"),
            ],
            right=(3, 4, 5),
        )
        self.coming = _tree(
            [
                self.tr("Customer"),
                self.tr("Phone"),
                self.tr("Paid orders"),
                self.tr("Paid"),
                self.tr("Bound to"),
            ],
            right=(2, 3),
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
        )
        self.stages_box = _boxed(self.tr("My stages"), self.stages)
        self.coming_box = _boxed(self.tr("Customers who would come along today"), self.coming)
        self.orders_box = _boxed(self.tr("My sub-store's orders"), self.orders)
        lower = QSplitter(Qt.Orientation.Horizontal)
        lower.addWidget(self.coming_box)
        lower.addWidget(self.orders_box)
        lower.setSizes([500, 500])
        self.splitter = QSplitter(Qt.Orientation.Vertical)
        self.splitter.addWidget(self.stages_box)
        self.splitter.addWidget(lower)
        self.splitter.setStretchFactor(0, 2)
        self.splitter.setStretchFactor(1, 3)

        self.empty = QLabel(
            self.tr(
                "Your path arrives with the first sync.\n\nOnce it is here you see your "
                "stages, what is left to do by when, and the customers who would come with you."
            )
        )
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.empty.setWordWrap(True)
        self.empty.hide()

        layout = QVBoxLayout(self)
        layout.setContentsMargins(20, 16, 20, 12)
        layout.setSpacing(10)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.left_box)
        layout.addLayout(cards)
        layout.addWidget(self.splitter, 1)
        layout.addWidget(self.empty, 1)

    # --- what the main window asks --------------------------------------------------------

    def refresh(self) -> None:
        if not self.isVisible():
            self._stale = True
            return
        self._stale = False
        profile, now = self._profile, self.clock()
        tasks.run(lambda: my_path(profile, now), name="my_path").then(
            self._on_path_loaded, self._on_path_failed
        )

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if self._stale:
            self.refresh()

    def card(self, name: str) -> FigureCard:
        return self._cards[name]

    # --- slots ----------------------------------------------------------------------------

    def _on_path_loaded(self, path: MyPath | None) -> None:
        self.path = path
        shown = path is not None
        for widget in (self.left_box, self.splitter, self.summary):
            widget.setVisible(shown)
        for card in self._cards.values():
            card.setVisible(shown)
        self.empty.setVisible(not shown)
        if path is not None:
            self._show(path)
        self.loaded.emit(path)

    def _on_path_failed(self, error: Exception) -> None:
        self.summary.setText(messages.describe(error))
        self.summary.show()

    # --- showing --------------------------------------------------------------------------

    def _show(self, path: MyPath) -> None:
        self.heading.setText(fill(self.tr("My path · %1"), path.name))
        self.summary.setText(self._summary(path))
        self._show_left(path.left, path)
        self._cards["paid_orders"].set_figure(
            count(path.paid_orders),
            fill(
                self.tr("%1 in sales, of %2 orders"),
                money(path.paid_sales_cents),
                count(path.orders_total),
            ),
        )
        share = path.share
        self._cards["share_settled"].set_figure(
            money(share.settled_cents), self.tr("on the weekly statements so far")
        )
        self._cards["share_pending"].set_figure(
            money(share.pending_cents),
            fill(
                self.tr("of paid orders not settled yet; your rate is %1 now"),
                percent(share.rate_bp),
            )
            if share.rate_bp
            else self.tr("of paid orders not settled yet"),
        )
        self._cards["coming_along"].set_figure(
            count(path.coming_along_total),
            fill(
                self.tr("with a paid order in your sub-store; %1 bound to it"),
                count(path.customers_bound),
            ),
        )
        self._fill_stages(path)
        self.coming.clear()
        for c in path.coming_along:
            _add(
                self.coming,
                [
                    c.name,
                    c.phone_masked,
                    count(c.paid_orders),
                    money(c.paid_cents),
                    self.tr("your sub-store") if c.bound_here else self.tr("the shop"),
                ],
                right=(2, 3),
            )
        self.coming_box.setTitle(
            fill(
                self.tr("Customers who would come along today (%1)"), count(path.coming_along_total)
            )
        )
        self.orders.clear()
        for o in path.orders:
            _add(
                self.orders,
                [
                    local_time(o.placed_at).strftime("%m-%d %H:%M"),
                    o.customer_name,
                    money(o.amount_cents),
                    status_label(o.status),
                    o.order_no,
                ],
                right=(2,),
            )
        self.orders_box.setTitle(
            fill(
                self.tr("My sub-store's orders (%1 newest of %2)"),
                count(len(path.orders)),
                count(path.orders_total),
            )
        )

    def _summary(self, path: MyPath) -> str:
        if path.status == "released":
            return self.tr("You were released: your own shop carries on with your customers.")
        stages = len(path.stages) + len(path.to_come)
        left = path.left
        if left is None:
            if path.release_status == "pending":
                return self.tr(
                    "Every stage is behind you: your release request waits for the owner."
                )
            return self.tr("Every stage is behind you.")
        return fill(
            self.tr("Stage %1 of %2: %3 · %4"),
            left.position,
            stages,
            left.name,
            outlook_label(left.forecast.outlook),
        )

    def _show_left(self, left: WhatIsLeft | None, path: MyPath) -> None:
        if left is None:
            self.left_box.setVisible(False)
            return
        self.left_box.setVisible(True)
        deadline = local_time(left.deadline_at).strftime("%Y-%m-%d")
        parts = []
        if left.sales_left_cents or left.customers_left:
            parts.append(
                fill(
                    self.tr(
                        "Left to do by %1 (%2 days): %3 in sales and %4 more paying customers."
                    ),
                    deadline,
                    count(left.days_left),
                    money(left.sales_left_cents),
                    count(left.customers_left),
                )
            )
        else:
            parts.append(self.tr("Every target of this stage is met."))
        if left.sales_per_day_cents:
            parts.append(
                fill(
                    self.tr("That is %1 of sales a day from now."), money(left.sales_per_day_cents)
                )
            )
        completes = left.forecast.completes_at
        if left.forecast.outlook in ("on_track", "at_risk") and completes is not None:
            parts.append(
                fill(
                    self.tr("At your pace so far you complete it on %1."),
                    local_time(completes).strftime("%Y-%m-%d"),
                )
            )
        elif left.forecast.outlook == "stalled":
            parts.append(self.tr("No sale for two weeks: the stage has stalled."))
        if path.to_come:
            nxt = path.to_come[0]
            parts.append(
                fill(
                    self.tr("Next: %1, where your share is %2."),
                    nxt.name,
                    percent(nxt.share_rate_bp),
                )
            )
        self.left_text.setText(" ".join(parts))
        colour = outlook_colour(left.forecast.outlook, self.palette())
        self.left_text.setStyleSheet(f"color: {colour.name()};" if colour is not None else "")

    def _fill_stages(self, path: MyPath) -> None:
        self.stages.clear()
        rates = path.stage_rates
        for step in path.stages:
            outcome = stage_status_label(step.status)
            if step.status == "completed" and step.assessment != "not_started":
                outcome = f"{outcome} · {assessment_label(step.assessment)}"
            rate = rates.get(step.position)
            item = _add(
                self.stages,
                [
                    f"{step.position} · {step.name}",
                    f"{short_day(step.started_at)} – {short_day(step.deadline_at)}",
                    outcome,
                    f"{money(step.sales_cents)} / {money(step.sales_target_cents)}",
                    f"{count(step.customers)} / {count(step.customers_target)}",
                    percent(rate) if rate is not None else "",
                ],
                right=(3, 4, 5),
            )
            item.setToolTip(1, f"{stamp(step.started_at)} – {stamp(step.deadline_at)}")
        for stage in path.to_come:
            _add(
                self.stages,
                [
                    f"{stage.position} · {stage.name}",
                    fill(self.tr("%1 days"), stage.window_days),
                    self.tr("To come"),
                    money(stage.sales_target_cents),
                    count(stage.customers_target),
                    percent(stage.share_rate_bp),
                ],
                right=(3, 4, 5),
            )


def _boxed(title: str, tree: QTreeWidget) -> QGroupBox:
    box = QGroupBox(title)
    layout = QVBoxLayout(box)
    layout.setContentsMargins(8, 8, 8, 8)
    layout.addWidget(tree)
    return box
