"""One customer beside the table: where they belong in words, and every change of owner."""

from __future__ import annotations

import time

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.customers.labels import binding_sentence, entry_sentence, via_label
from gui.formatting import day_and_time, fill, money
from gui.orders.labels import status_label
from models.profile import Profile
from models.services.customer_timeline import CustomerTimeline, OrderBrief, customer_timeline

HEADING_SCALE = 1.3


class CustomerDetailPane(QScrollArea):
    shown = Signal(object)  # the CustomerTimeline now on screen, or None

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._wanted: int | None = None
        self.timeline: CustomerTimeline | None = None
        self._create_widgets()
        self.show_customer(None)

    def _create_widgets(self) -> None:
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setMinimumWidth(240)
        self.name = QLabel()
        font = self.name.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
        font.setBold(True)
        self.name.setFont(font)
        self.contact = QLabel()
        self.binding = QLabel()
        self.binding.setWordWrap(True)
        self.figures = QLabel()
        self.figures.setWordWrap(True)
        self.timeline_heading = QLabel(self.tr("Changes of owner"))
        bold = self.timeline_heading.font()
        bold.setBold(True)
        self.timeline_heading.setFont(bold)
        self.entries = QListWidget()
        self.entries.setWordWrap(True)
        self.entries.setAlternatingRowColors(True)
        self.entries.setSelectionMode(QListWidget.SelectionMode.NoSelection)
        self.entries.setVerticalScrollMode(QListWidget.ScrollMode.ScrollPerPixel)
        self.no_entries = QLabel()
        self.no_entries.setWordWrap(True)
        self.orders_heading = QLabel(self.tr("Orders"))
        self.orders_heading.setFont(bold)
        self.first_order = QLabel()
        self.first_order.setWordWrap(True)
        self.latest_order = QLabel()
        self.latest_order.setWordWrap(True)
        self.empty = QLabel(self.tr("Select a customer to see which store they belong to and why."))
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(12, 4, 4, 4)
        layout.addWidget(self.empty)
        for widget in (
            self.name,
            self.contact,
            self.binding,
            self.figures,
            self.timeline_heading,
            self.no_entries,
            self.entries,
            self.orders_heading,
            self.first_order,
            self.latest_order,
        ):
            layout.addWidget(widget)
        layout.addStretch(1)
        self._details = [
            self.name,
            self.contact,
            self.binding,
            self.figures,
            self.timeline_heading,
            self.no_entries,
            self.entries,
            self.orders_heading,
            self.first_order,
            self.latest_order,
        ]
        self.setWidget(page)

    def customer_id(self) -> int | None:
        """The customer shown, or being read."""
        return self._wanted

    def show_customer(self, customer_id: int | None) -> None:
        """Read the customer's timeline in the background; None shows the empty state."""
        self._wanted = customer_id
        if customer_id is None:
            self._show(None)
            return
        profile, now = self._profile, int(time.time())
        tasks.run(
            lambda: customer_timeline(profile, customer_id, now), name="customers.timeline"
        ).then(
            lambda found: self._on_loaded(customer_id, found),
            self._on_failed,
        )

    def _on_loaded(self, customer_id: int, found: CustomerTimeline | None) -> None:
        if customer_id == self._wanted:
            self._show(found)

    def _on_failed(self, error: Exception) -> None:
        self._show(None)
        self.empty.setText(messages.describe(error))

    def _show(self, found: CustomerTimeline | None) -> None:
        self.timeline = found
        self.empty.setVisible(found is None)
        for widget in self._details:
            widget.setVisible(found is not None)
        if found is None:
            self.empty.setText(
                self.tr("Select a customer to see which store they belong to and why.")
            )
            self.shown.emit(None)
            return
        customer = found.customer
        self.name.setText(customer.name)
        self.contact.setText(" · ".join(p for p in (customer.phone, customer.city) if p))
        self.binding.setText(binding_sentence(customer))
        self.figures.setText(
            fill(
                self.tr("%1 · %2 spent · %3"),
                self.tr("%Ln paid order(s)", "", customer.paid_orders),
                money(customer.spent_cents),
                via_label(customer.bound_via),
            )
        )
        self.entries.clear()
        for entry in found.entries:
            when = day_and_time(entry.at)
            item = QListWidgetItem(f"{when}\n{entry_sentence(entry)}")
            if entry.note:
                item.setToolTip(entry.note)
            self.entries.addItem(item)
        self.entries.setVisible(bool(found.entries))
        self.entries.setFixedHeight(min(60 * len(found.entries) + 8, 260))
        self.no_entries.setVisible(not found.entries)
        self.no_entries.setText(
            self.tr(
                "No change of owner recorded yet: the customer has not paid an order, "
                "so they stay with the store they joined through."
            )
        )
        self.first_order.setText(self._order_line(self.tr("First order"), found.first_order))
        self.latest_order.setText(self._order_line(self.tr("Latest order"), found.latest_order))
        self.latest_order.setVisible(found.orders > 1)
        if not found.orders:
            self.first_order.setText(self.tr("No orders yet."))
        elif found.orders > 1:
            self.orders_heading.setText(self.tr("%Ln order(s)", "", found.orders))
        else:
            self.orders_heading.setText(self.tr("Orders"))
        self.shown.emit(found)

    def _order_line(self, label: str, order: OrderBrief | None) -> str:
        if order is None:
            return ""
        store = order.store_name or QCoreApplication.translate("customers", "Own store")
        return fill(
            self.tr("%1: %2, %3, %4 (%5) in %6"),
            label,
            day_and_time(order.placed_at),
            order.order_no,
            money(order.amount_cents),
            status_label(order.status),
            store,
        )
