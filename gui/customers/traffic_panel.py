"""The traffic compensation tab: customers and sales lost to releases against what the platform
allocated from public-domain traffic, month by month."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QSplitter,
    QStackedWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.customers.labels import day
from gui.customers.traffic_months import MonthsChart, MonthsModel, signed, signed_money
from gui.formatting import count, fill, money
from models.profile import Profile
from models.services.traffic import LOOKBACK_DAYS, TrafficCompensation, traffic_compensation


class TrafficPanel(QWidget):
    loaded = Signal(object)  # the TrafficCompensation now on screen

    def __init__(self, profile: Profile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._profile = profile
        self._generation = 0
        self.figures: TrafficCompensation | None = None
        self._create_widgets()
        self._connect_signals()

    def _create_widgets(self) -> None:
        self.explanation = QLabel(
            fill(
                self.tr(
                    "Customers who left with a released store manager, against the customers "
                    "the platform allocated from public-domain traffic. Sales lost are what the "
                    "leavers bought in their last %1 days with the shop, counted in the month "
                    "they left; sales brought are what allocated customers bought since "
                    "arriving, counted in the month they paid."
                ),
                LOOKBACK_DAYS,
            )
        )
        self.explanation.setWordWrap(True)
        self.compensation_only = QCheckBox(self.tr("Only customers sent to make up for releases"))
        self.chart_kind = QComboBox()
        self.chart_kind.addItem(self.tr("Chart customers"), False)
        self.chart_kind.addItem(self.tr("Chart sales (¥)"), True)
        self.summary = QLabel()
        self.summary.setWordWrap(True)
        self.upcoming = QLabel()
        self.upcoming.setWordWrap(True)
        self.chart = MonthsChart()
        self.chart.setMinimumHeight(160)
        self.model = MonthsModel(self)
        self.table = QTableView()
        self.table.setModel(self.model)
        self.table.setAlternatingRowColors(True)
        self.table.verticalHeader().hide()
        self.table.verticalHeader().setDefaultSectionSize(26)
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(QHeaderView.ResizeMode.Stretch)
        self.empty = QLabel()
        self.empty.setWordWrap(True)
        self.empty.setAlignment(Qt.AlignmentFlag.AlignCenter)

        splitter = QSplitter(Qt.Orientation.Vertical)
        splitter.addWidget(self.chart)
        splitter.addWidget(self.table)
        splitter.setStretchFactor(0, 1)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([280, 240])
        self.stack = QStackedWidget()
        self.stack.addWidget(self.empty)
        self.stack.addWidget(splitter)
        options = QHBoxLayout()
        options.addWidget(self.compensation_only)
        options.addStretch(1)
        options.addWidget(self.chart_kind)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 8, 0, 0)
        layout.addWidget(self.explanation)
        layout.addLayout(options)
        layout.addWidget(self.summary)
        layout.addWidget(self.upcoming)
        layout.addWidget(self.stack, 1)
        self._show_empty(self.tr("Reading the months…"))

    def _connect_signals(self) -> None:
        self.compensation_only.toggled.connect(self._on_compensation_only_toggled)
        self.chart_kind.currentIndexChanged.connect(self._on_chart_kind_current_index_changed)

    def refresh(self) -> None:
        self._generation += 1
        generation, profile = self._generation, self._profile
        only = self.compensation_only.isChecked()
        now = dt.datetime.now().astimezone()
        tasks.run(
            lambda: traffic_compensation(profile, now, compensation_only=only),
            name="customers.traffic",
        ).then(lambda figures: self._on_loaded(generation, figures), self._on_failed)

    def _on_compensation_only_toggled(self, _checked: bool) -> None:
        self.refresh()

    def _on_chart_kind_current_index_changed(self, _index: int) -> None:
        if self.figures is not None:
            self.chart.show_months(self.figures.months, sales=bool(self.chart_kind.currentData()))

    def _on_loaded(self, generation: int, figures: TrafficCompensation) -> None:
        if generation != self._generation:
            return
        self.figures = figures
        self.model.set_months(figures.months)
        self.chart.show_months(figures.months, sales=bool(self.chart_kind.currentData()))
        self.upcoming.setVisible(figures.upcoming > 0)
        if figures.upcoming and figures.upcoming_until is not None:
            self.upcoming.setText(
                fill(
                    self.tr("%1 by %2, not counted yet."),
                    self.tr("%Ln more customer(s) are due to arrive", "", figures.upcoming),
                    day(figures.upcoming_until),
                )
            )
        if not figures.months:
            self.summary.clear()
            self._show_empty(
                self.tr(
                    "Nothing to compare yet: no customer has left with a released store "
                    "manager, and no public-domain customers have arrived."
                )
            )
        else:
            self.summary.setText(
                fill(
                    self.tr(
                        "In total: %1 lost, %2 allocated, net %3 customers; "
                        "sales %4 lost, %5 brought, net %6."
                    ),
                    count(figures.lost),
                    count(figures.allocated),
                    signed(figures.net),
                    money(figures.sales_lost_cents),
                    money(figures.sales_brought_cents),
                    signed_money(figures.net_sales_cents),
                )
            )
            self.stack.setCurrentIndex(1)
        self.loaded.emit(figures)

    def _on_failed(self, error: Exception) -> None:
        self._show_empty(messages.describe(error))

    def _show_empty(self, text: str) -> None:
        self.empty.setText(text)
        self.stack.setCurrentIndex(0)
