"""One order in full beside the table: items, the customer's binding, the timeline, the review."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QSize, Qt, Signal
from PySide6.QtGui import QIcon, QPixmap
from PySide6.QtWidgets import (
    QLabel,
    QListWidget,
    QListWidgetItem,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.catalogue.pictures import PictureLoader
from gui.formatting import day, day_and_time, fill, money
from gui.orders.labels import own_store, status_label
from gui.orders.review_form import ReviewForm
from models.images import PictureCache
from models.profile import Profile
from models.services.order_detail import Moment, OrderDetail, order_detail

PICTURE_SIDE = 48


def via_label(via: str) -> str:
    return {
        "own": QCoreApplication.translate("orders", "own customer"),
        "manager": QCoreApplication.translate("orders", "through a store manager"),
        "public_domain": QCoreApplication.translate(
            "orders", "allocated from public-domain traffic"
        ),
        "transferred_in": QCoreApplication.translate("orders", "transferred in"),
    }.get(via, via)


def moment_label(moment: Moment) -> str:
    labels = {
        "placed": QCoreApplication.translate("orders", "Order placed"),
        "paid": QCoreApplication.translate("orders", "Paid"),
        "reviewed": QCoreApplication.translate("orders", "Reviewed by you"),
        "ledger:first_order": QCoreApplication.translate(
            "orders", "Customer bound by a first order"
        ),
        "ledger:release_out": QCoreApplication.translate(
            "orders", "Customer left with a released manager"
        ),
        "ledger:transfer_in": QCoreApplication.translate("orders", "Customer transferred in"),
        "ledger:allocation": QCoreApplication.translate(
            "orders", "Customer allocated from public-domain traffic"
        ),
    }
    return labels.get(moment.what, moment.what)


class OrderDetailPane(QScrollArea):
    review_requested = Signal(str, object, object, object)  # as the review form's
    draft_saved = Signal(object)  # the Changes a draft write made

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._order_id: int | None = None
        self.detail: OrderDetail | None = None
        self.pictures = PictureLoader(PictureCache.for_profile(profile), PICTURE_SIDE, self)
        self._create_widgets()
        self._connect_signals()
        self.show_order(None)

    def _create_widgets(self) -> None:
        self.setWidgetResizable(True)
        self.setMinimumWidth(200)
        body = QWidget()
        self.heading = QLabel()
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setBold(True)
        self.heading.setFont(font)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.items = QListWidget()
        self.items.setMinimumHeight(80)
        self.items.setMaximumHeight(150)
        self.items.setWordWrap(True)
        self.items.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.items.setResizeMode(QListWidget.ResizeMode.Adjust)
        self.items.setIconSize(QSize(PICTURE_SIDE, PICTURE_SIDE))
        self.binding = QLabel()
        self.binding.setWordWrap(True)
        self.timeline = QLabel()
        self.timeline.setWordWrap(True)
        self.timeline.setTextFormat(Qt.TextFormat.PlainText)

        self.review = ReviewForm(self._profile)
        # The form's parts, as the owner and the tests reach them.
        self.reviewed, self.flag, self.note = (
            self.review.reviewed,
            self.review.flag,
            self.review.note,
        )
        self.save, self.sync_state = self.review.save, self.review.sync_state

        layout = QVBoxLayout(body)
        layout.addWidget(self.heading)
        layout.addWidget(self.summary)
        layout.addWidget(self.review)
        layout.addWidget(QLabel(self.tr("Items")))
        layout.addWidget(self.items)
        layout.addWidget(QLabel(self.tr("Customer")))
        layout.addWidget(self.binding)
        layout.addWidget(QLabel(self.tr("Timeline")))
        layout.addWidget(self.timeline)
        layout.addStretch(1)
        self.setWidget(body)

    def _connect_signals(self) -> None:
        self.pictures.arrived.connect(self._on_pictures_arrived)
        self.review.review_requested.connect(self.review_requested)
        self.review.draft_saved.connect(self.draft_saved)

    def order_no(self) -> str:
        return self.review.order_no()

    def order_id(self) -> int | None:
        """The order shown, or being read."""
        return self._order_id

    def show_order(self, order_id: int | None) -> None:
        """Show ``order_id``; the same order again is read anew, keeping what is being typed."""
        if order_id != self._order_id:
            # What the owner typed for the order she leaves is kept as its draft now.
            self.review.keep_unsaved_later()
        self._order_id = order_id
        if order_id is None:
            self.detail = None
            self.heading.setText(self.tr("No order selected"))
            self.summary.setText(self.tr("Choose an order in the table to see it here."))
            self.items.clear()
            self.binding.clear()
            self.timeline.clear()
            self.review.show_review(None)
            return
        profile = self._profile
        tasks.run(lambda: order_detail(profile, order_id), name="orders.detail").then(
            self._on_detail_loaded, self._on_detail_failed
        )

    def keep_unsaved(self) -> None:
        self.review.keep_unsaved()

    def _on_detail_failed(self, error: Exception) -> None:
        self.summary.setText(
            fill(self.tr("This order cannot be read: %1"), messages.describe(error))
        )

    def _on_detail_loaded(self, detail: OrderDetail | None) -> None:
        if detail is None:
            shown = self.detail
            if shown is not None and shown.id == self._order_id:
                self.summary.setText(self.tr("This order is no longer on this computer."))
            return
        if detail.id != self._order_id:
            return
        self.detail = detail
        self.heading.setText(detail.order_no)
        self.summary.setText(
            fill(
                self.tr("%1 · %2 · commission %3"),
                status_label(detail.status),
                money(detail.amount_cents),
                money(detail.commission_cents),
            )
        )
        self.items.clear()
        for item in detail.items:
            line = QListWidgetItem(
                fill(
                    self.tr("%1\n%2 × %3 · commission %4"),
                    item.title,
                    money(item.unit_price_cents),
                    item.quantity,
                    money(item.commission_cents),
                )
            )
            line.setData(Qt.ItemDataRole.UserRole, item.product_id)
            line.setIcon(QIcon(self._picture(item.product_id)))
            self.items.addItem(line)
        if detail.binding is None:
            self.binding.setText(self.tr("Customer not yet synced"))
        else:
            b = detail.binding
            store = b.store_name or own_store()
            text = fill(
                self.tr("%1 %2, %3\nBelongs to %4 since %5 (%6)"),
                b.customer_name,
                b.phone_masked,
                b.city,
                store,
                day(b.bound_at),
                via_label(b.bound_via),
            )
            if b.status == "left":
                text += "\n" + self.tr("Left this shop with a released store manager")
            self.binding.setText(text)
        self.timeline.setText(
            "\n".join(f"{day_and_time(m.at)}  {self._moment(m, detail)}" for m in detail.timeline)
        )
        self.review.show_review(detail)

    def _moment(self, moment: Moment, detail: OrderDetail) -> str:
        if moment.what == "reviewed" and detail.review_by and not detail.review_by_me:
            return fill(self.tr("Reviewed by %1"), detail.review_by)
        return moment_label(moment)

    def _picture(self, product_id: int) -> QPixmap:
        # Only a pane the owner can see asks for pictures.
        found = self.pictures.pixmap(product_id) if self.isVisible() else None
        return found if found is not None else self.pictures.placeholder()

    def _on_pictures_arrived(self, product_id: int) -> None:
        for row in range(self.items.count()):
            line = self.items.item(row)
            if line.data(Qt.ItemDataRole.UserRole) == product_id:
                line.setIcon(QIcon(self._picture(product_id)))
