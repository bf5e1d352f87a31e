"""One product in full beside the grid: its picture, prices, sale event, SKUs, and the button
that picks it for the shop or drops it."""

from __future__ import annotations

import time
from collections.abc import Callable

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QFormLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import tasks
from gui.catalogue.labels import commission_rate, countdown
from gui.catalogue.pictures import PictureLoader
from gui.catalogue.sku_model import SPEC, SkuTableModel
from gui.formatting import count, fill, money
from models.profile import Profile
from models.services.catalogue import ProductDetail, product_detail

PICTURE_SIDE = 200


class ProductDetailPane(QScrollArea):
    pick_requested = Signal(int, bool)  # product id, picked

    def __init__(
        self,
        profile: Profile,
        pictures: PictureLoader,
        clock: Callable[[], float] = time.time,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._pictures = pictures
        self._clock = clock
        self._product_id: int | None = None
        self.detail: ProductDetail | None = None
        self._create_widgets()
        self._connect_signals()
        self.show_product(None)

    def _create_widgets(self) -> None:
        self.setWidgetResizable(True)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAsNeeded)
        body = QWidget()
        self.picture = QLabel()
        self.picture.setFixedSize(PICTURE_SIDE, PICTURE_SIDE)
        self.picture.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.heading = QLabel()
        self.heading.setWordWrap(True)
        self.heading.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        font = self.heading.font()
        font.setBold(True)
        font.setPointSizeF(font.pointSizeF() * 1.1)
        self.heading.setFont(font)
        self.brand = QLabel()
        self.brand.setWordWrap(True)
        self.sale_event = QLabel()
        self.sale_event.setWordWrap(True)
        self.retail = QLabel()
        self.supply = QLabel()
        self.commission = QLabel()
        self.sales = QLabel()
        for label in (self.retail, self.supply, self.commission, self.sales):
            label.setWordWrap(True)
        figures = QFormLayout()
        figures.setContentsMargins(0, 0, 0, 0)
        figures.addRow(self.tr("Suggested retail"), self.retail)
        figures.addRow(self.tr("Supply price"), self.supply)
        figures.addRow(self.tr("Commission"), self.commission)
        figures.addRow(self.tr("Sold / stock"), self.sales)
        self.skus = SkuTableModel(self)
        self.sku_table = QTableView()
        self.sku_table.setModel(self.skus)
        self.sku_table.verticalHeader().hide()
        self.sku_table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.sku_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.sku_table.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Minimum)
        self.sku_table.setMinimumHeight(120)
        self.sku_table.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.sku_table.setWordWrap(False)
        self.sku_table.verticalHeader().setDefaultSectionSize(24)
        header = self.sku_table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(SPEC, QHeaderView.ResizeMode.Stretch)
        header.setMinimumSectionSize(36)
        self.pick = QPushButton()
        self.pick.setAutoDefault(False)
        self.sync_state = QLabel()
        self.sync_state.setWordWrap(True)

        layout = QVBoxLayout(body)
        layout.addWidget(self.picture, 0, Qt.AlignmentFlag.AlignHCenter)
        layout.addWidget(self.heading)
        layout.addWidget(self.brand)
        layout.addWidget(self.sale_event)
        layout.addLayout(figures)
        layout.addWidget(self.pick)
        layout.addWidget(self.sync_state)
        layout.addWidget(QLabel(self.tr("Specs (SKUs)")))
        layout.addWidget(self.sku_table, 1)
        self.setWidget(body)

    def _connect_signals(self) -> None:
        self.pick.clicked.connect(self._on_pick_clicked)
        self._pictures.arrived.connect(self._on_pictures_arrived)

    # --- what the workspace asks ----------------------------------------------------------

    def show_product(self, product_id: int | None) -> None:
        self._product_id = product_id
        self.pick.setEnabled(product_id is not None)
        if product_id is None:
            self.detail = None
            self.picture.setPixmap(self._pictures.placeholder())
            self.heading.setText(self.tr("No product selected"))
            self.brand.setText(self.tr("Choose a product to see its specs and prices here."))
            for label in (self.sale_event, self.retail, self.supply, self.commission, self.sales):
                label.clear()
            self.sync_state.clear()
            self.pick.setText(self.tr("Pick for my shop"))
            self.skus.set_skus([])
            return
        self._show_picture(product_id)
        profile = self._profile
        tasks.run(
            lambda: product_detail(profile, product_id), name="catalogue.detail", owner=self
        ).then(self._on_detail_loaded)

    def product_id(self) -> int | None:
        return self._product_id

    # --- slots ----------------------------------------------------------------------------

    def show_problem(self, text: str) -> None:
        """The product could not be read: said where its brand would be."""
        self.brand.setText(text)

    def _on_detail_loaded(self, detail: ProductDetail | None) -> None:
        if detail is None or detail.card.id != self._product_id:
            return
        self.detail = detail
        card = detail.card
        self.heading.setText(card.title)
        self.brand.setText(f"{card.brand_name} · {card.category}")
        if detail.sale_event is None:
            self.sale_event.setText(self.tr("In the catalogue, outside any sale event"))
        else:
            window = detail.sale_event
            when = countdown(window.starts_at, window.ends_at, int(self._clock()))
            self.sale_event.setText(f"{window.title} · {when}")
        self.retail.setText(money(card.retail_price_cents))
        self.supply.setText(money(card.supply_price_cents))
        self.commission.setText(
            fill(
                self.tr("%1 · %2 per piece"),
                commission_rate(card.commission_rate_bp),
                money(card.commission_cents),
            )
        )
        self.sales.setText(f"{count(card.sales_count)} / {count(card.stock)}")
        self.skus.set_skus(detail.skus)
        self.pick.setText(
            self.tr("Drop from my shop") if card.picked else self.tr("Pick for my shop")
        )
        if card.pick_sync == "pending":
            self.sync_state.setText(self.tr("Waiting to sync"))
        elif card.pick_sync == "rejected":
            self.sync_state.setText(
                fill(self.tr("Refused by the platform: %1"), detail.reject_reason)
            )
        else:
            self.sync_state.setText("")

    def _on_pick_clicked(self) -> None:
        if self.detail is not None:
            self.pick_requested.emit(self.detail.card.id, not self.detail.card.picked)

    def _on_pictures_arrived(self, product_id: int) -> None:
        if product_id == self._product_id:
            self._show_picture(product_id)

    def _show_picture(self, product_id: int) -> None:
        self.picture.setPixmap(self._pictures.pixmap(product_id) or self._pictures.placeholder())
