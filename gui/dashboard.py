"""The first workspace: today's and the week's takings, and what waits for the owner."""

from __future__ import annotations

import datetime as dt
import logging

from PySide6.QtCore import QDate, QLocale, QTimer, Signal
from PySide6.QtGui import QHideEvent, QShowEvent
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.figure_card import FigureCard
from gui.formatting import count, day_and_time, fill, local_time, money, time_ago
from gui.icons import icon
from gui.workspace import Workspace
from models.profile import Profile
from models.services.dashboard import Dashboard, dashboard

log = logging.getLogger(__name__)

REFRESH_MS = 60_000
HEADING_SCALE = 1.6
COLUMNS = 4


class DashboardWorkspace(Workspace):
    """Figures straight from the local database, read in the background."""

    icon_name = "dashboard"
    sync_requested = Signal()
    figures_shown = Signal(object)  # the Dashboard now on screen

    def __init__(
        self, profile: Profile, parent: QWidget | None = None, *, owner: bool = True
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        # Earnings and release decisions are the owner's; an assistant's dashboard has neither.
        self._owner = owner
        self._task: tasks.Task[Dashboard] | None = None
        self._again = False
        self._loaded_once = False
        self.figures: Dashboard | None = None
        self._create_widgets()
        self._connect_signals()

    def title(self) -> str:
        return self.tr("Dashboard")

    def _create_widgets(self) -> None:
        self._heading = QLabel(self.tr("Today at a glance"))
        font = self._heading.font()
        if font.pointSizeF() > 0:
            font.setPointSizeF(font.pointSizeF() * HEADING_SCALE)
        font.setBold(True)
        self._heading.setFont(font)
        self._date = QLabel()

        self._notice = QFrame()
        self._notice.setObjectName("notice")
        self._notice_text = QLabel()
        self._notice_text.setWordWrap(True)
        self._notice_sync = QPushButton(icon("sync"), self.tr("Sync now"))
        notice_layout = QHBoxLayout(self._notice)
        notice_layout.setContentsMargins(16, 12, 16, 12)
        notice_layout.addWidget(self._notice_text, 1)
        notice_layout.addWidget(self._notice_sync)
        self._notice.hide()

        self._problem = QLabel()
        self._problem.setWordWrap(True)
        self._problem.hide()

        self._cards: dict[str, FigureCard] = {}
        takings = self._card_grid(
            [
                ("today_orders", self.tr("Today's orders")),
                ("today_sales", self.tr("Today's sales")),
                ("week_orders", self.tr("Orders, last 7 days")),
                ("week_sales", self.tr("Sales, last 7 days")),
            ]
        )
        earned = self._card_grid(
            [
                ("today_commission", self.tr("Today's commission")),
                ("available_balance", self.tr("Available balance")),
                ("available_this_week", self.tr("Available this week")),
            ]
            if self._owner
            else []
        )
        waiting_cards = [
            ("pending_releases", self.tr("Release requests")),
            ("waiting_to_sync", self.tr("Waiting to sync")),
            ("refused", self.tr("Refused by the platform")),
            ("last_sync", self.tr("Last sync")),
        ]
        waiting = self._card_grid(waiting_cards if self._owner else waiting_cards[1:])

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 20, 24, 20)
        layout.setSpacing(12)
        layout.addWidget(self._heading)
        layout.addWidget(self._date)
        layout.addWidget(self._notice)
        layout.addWidget(self._problem)
        layout.addWidget(self._section(self.tr("Orders and sales")))
        layout.addLayout(takings)
        if self._owner:
            layout.addWidget(self._section(self.tr("Your earnings")))
            layout.addLayout(earned)
        layout.addWidget(self._section(self.tr("Waiting for you")))
        layout.addLayout(waiting)
        layout.addStretch(1)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(page)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(scroll)

        self._timer = QTimer(self)
        self._timer.setInterval(REFRESH_MS)

    def _card_grid(self, cards: list[tuple[str, str]]) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(12)
        for index, (name, title) in enumerate(cards):
            card = FigureCard(name, title)
            self._cards[name] = card
            grid.addWidget(card, index // COLUMNS, index % COLUMNS)
        for column in range(COLUMNS):
            grid.setColumnStretch(column, 1)
        return grid

    def _section(self, text: str) -> QLabel:
        label = QLabel(text)
        font = label.font()
        font.setBold(True)
        label.setFont(font)
        return label

    def _connect_signals(self) -> None:
        self._notice_sync.clicked.connect(self._on_notice_sync_clicked)
        self._timer.timeout.connect(self._on_timer_timeout)

    def card(self, name: str) -> FigureCard:
        return self._cards[name]

    def card_names(self) -> list[str]:
        return list(self._cards)

    def notice_sync_button(self) -> QPushButton:
        return self._notice_sync

    def is_loading(self) -> bool:
        return self._task is not None

    def notice_text(self) -> str:
        """The empty-state notice, or "" when the figures need none."""
        return self._notice_text.text() if not self._notice.isHidden() else ""

    def refresh(self) -> None:
        if self._task is not None:
            self._again = True
            return
        profile = self._profile
        self._task = tasks.run(lambda: dashboard(profile), name="dashboard")
        self._task.then(self._on_query_finished, self._on_query_failed)
        self._task.done.connect(self._on_query_done)

    def show_figures(self, figures: Dashboard, now: dt.datetime | None = None) -> None:
        self.figures = figures
        self._date.setText(QLocale().toString(QDate.currentDate(), QLocale.FormatType.LongFormat))
        sales_caption = self.tr("from paid orders")
        self._cards["today_orders"].set_figure(
            count(figures.today.orders), self.tr("placed since midnight")
        )
        self._cards["today_sales"].set_figure(money(figures.today.sales_cents), sales_caption)
        self._cards["week_orders"].set_figure(
            count(figures.last_7_days.orders), self.tr("today and the 6 days before")
        )
        self._cards["week_sales"].set_figure(money(figures.last_7_days.sales_cents), sales_caption)
        releases = figures.pending_releases
        if self._owner:
            self._cards["pending_releases"].set_figure(
                count(releases),
                self.tr("waiting for your decision") if releases else self.tr("none waiting"),
            )
        sync = figures.sync
        self._cards["waiting_to_sync"].set_figure(
            count(sync.outbox_pending),
            self.tr("your changes, sent at the next sync")
            if sync.outbox_pending
            else self.tr("everything is sent"),
        )
        self._cards["refused"].set_figure(
            count(sync.outbox_rejected),
            self.tr("actions the platform did not accept")
            if sync.outbox_rejected
            else self.tr("nothing refused"),
        )
        if sync.last_sync is None:
            self._cards["last_sync"].set_figure(
                self.tr("Not yet"), self.tr("sync to fetch your shop's data")
            )
        else:
            self._cards["last_sync"].set_figure(
                time_ago(sync.last_sync, now), day_and_time(sync.last_sync, now)
            )
        self._show_money(figures)
        self._show_notice(figures)
        self._problem.hide()
        self.figures_shown.emit(figures)

    def _show_money(self, figures: Dashboard) -> None:
        shown = figures.money
        if shown is None or not self._owner:
            return
        self._cards["today_commission"].set_figure(
            money(shown.today_commission_cents),
            fill(
                self.tr("your share of %1 on today's paid orders"),
                money(shown.today_gross_cents),
            ),
        )
        self._cards["available_balance"].set_figure(
            money(shown.available_cents), self.tr("settled, ready to withdraw")
        )
        self._cards["available_this_week"].set_figure(
            money(shown.this_week_cents),
            fill(
                self.tr("with the statement of %1"),
                local_time(shown.next_statement_day).strftime("%m-%d"),
            ),
        )

    def _show_notice(self, figures: Dashboard) -> None:
        if figures.last_7_days.orders:
            self._notice.hide()
            return
        if figures.sync.last_sync is None:
            text = self.tr(
                "This computer has none of your shop's data yet. "
                "Sync now to fetch your orders from the platform."
            )
        else:
            text = self.tr("No orders in the last 7 days. Sync now to fetch the newest orders.")
        self._notice_text.setText(text)
        self._notice.show()

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._timer.start()
        if not self._loaded_once:
            self._loaded_once = True
            self.refresh()

    def hideEvent(self, event: QHideEvent) -> None:
        self._timer.stop()
        super().hideEvent(event)

    def _on_notice_sync_clicked(self) -> None:
        self.sync_requested.emit()

    def _on_timer_timeout(self) -> None:
        self.refresh()

    def _on_query_finished(self, figures: Dashboard) -> None:
        self.show_figures(figures)

    def _on_query_failed(self, error: Exception) -> None:
        log.warning("cannot read the dashboard: %s", error)
        self._problem.setText(
            fill(self.tr("Cannot read the figures: %1"), messages.describe(error))
        )
        self._problem.show()

    def _on_query_done(self) -> None:
        self._task = None
        if self._again:
            self._again = False
            self.refresh()
