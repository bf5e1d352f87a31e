"""The first workspace: today's and the week's takings, and what waits for the owner.

During the very first sync, when nothing of the shop is here yet, it says what is arriving and
how far the sync got rather than showing zeros.
"""

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
    QProgressBar,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from gui import messages, tasks
from gui.arriving import Arriving
from gui.figure_card import FigureCard
from gui.formatting import (
    count,
    day_and_time,
    fill,
    money,
    short_day,
    stamp,
    time_ago,
    tooltip,
)
from gui.icons import icon
from gui.workspace import Workspace
from models.profile import Profile
from models.services.dashboard import Dashboard, dashboard, local_day_start
from models.sync.syncer import SyncProgress

log = logging.getLogger(__name__)

REFRESH_MS = 60_000
DAY = 86_400
# The figures of the shop itself: until its data has arrived they are not zero but unknown.
SHOP_FIGURES = (
    "today_orders",
    "today_sales",
    "week_orders",
    "week_sales",
    "pending_releases",
    "today_commission",
    "available_balance",
    "available_this_week",
)
HEADING_SCALE = 1.6
COLUMNS = 4


class DashboardWorkspace(Workspace):
    """Figures straight from the local database, read in the background."""

    icon_name = "dashboard"
    shows = frozenset(
        {
            "order",
            "release_request",
            "release_decision",
            "outbox",
            "sync_state",
            "statement",
            "withdrawal",
            "withdrawal_request",
        }
    )
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
        self._syncing = False
        self._progress: SyncProgress | None = None
        self.figures: Dashboard | None = None
        self._create_widgets()
        self._connect_signals()
        self._explain(None)

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
        self._arriving = QProgressBar()
        self._arriving.setObjectName("first_sync_progress")
        self._arriving.setRange(0, 0)
        self._arriving.setTextVisible(False)
        self._arriving.setMaximumWidth(160)
        self._arriving.hide()
        notice_layout = QHBoxLayout(self._notice)
        notice_layout.setContentsMargins(16, 12, 16, 12)
        notice_layout.addWidget(self._notice_text, 1)
        notice_layout.addWidget(self._arriving)
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

    def is_first_sync(self) -> bool:
        """A sync is running and nothing of the shop has arrived here before it."""
        return self._syncing and (self.figures is None or self.figures.sync.last_sync is None)

    def show_sync_started(self) -> None:
        self._syncing, self._progress = True, None
        self._show_arriving()

    def show_sync_progress(self, progress: object) -> None:
        if isinstance(progress, SyncProgress):
            self._progress = progress
            self._show_arriving()

    def show_sync_ended(self) -> None:
        self._syncing, self._progress = False, None
        self._arriving.hide()
        if self.figures is not None:
            self.show_figures(self.figures)

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
        self._explain(figures, now)
        self._show_notice(figures)
        self._problem.hide()
        if self.is_first_sync():
            self._show_arriving()
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
                short_day(shown.next_statement_day),
            ),
        )

    def _explain(self, figures: Dashboard | None, now: dt.datetime | None = None) -> None:
        """Say on every card what its figure counts."""
        today = local_day_start(now or dt.datetime.now().astimezone())
        last_sync = figures.sync.last_sync if figures is not None else None
        shown = figures.money if figures is not None else None
        coming = shown.next_statement_day if shown is not None else None
        tips = {
            "today_orders": fill(
                self.tr(
                    "Orders placed today, since midnight (%1) on this computer's clock, "
                    "whatever their status: waiting for payment, paid or cancelled."
                ),
                stamp(today),
            ),
            "today_sales": self.tr(
                "What today's orders that are paid came to: paid, shipped or completed. Orders "
                "waiting for payment, cancelled or refunded are not counted."
            ),
            "week_orders": fill(
                self.tr(
                    "Orders placed since %1: today and the 6 days before, on this computer's "
                    "clock, whatever their status."
                ),
                stamp(today - 6 * DAY),
            ),
            "week_sales": self.tr(
                "What the paid orders of the last 7 days came to: paid, shipped or completed."
            ),
            "pending_releases": self.tr(
                "Release requests waiting for your decision: a store manager completed every "
                "stage and asks to become an owner."
            ),
            "waiting_to_sync": self.tr(
                "What you did on this computer that the platform has not received yet; it goes "
                "at the next sync."
            ),
            "refused": self.tr(
                "What you did that the platform did not accept; where you did it, it says why."
            ),
            "last_sync": fill(
                self.tr("The last sync with the platform ended %1, on this computer's clock."),
                stamp(last_sync),
            )
            if last_sync is not None
            else self.tr("This computer has not synced with the platform yet."),
            "today_commission": self.tr(
                "Your share of the commission of the orders paid today (since midnight on this "
                "computer's clock) that are still paid: their commission less the store "
                "managers' shares. Refunded and cancelled orders are not counted."
            ),
            "available_balance": self.tr(
                "What the weekly statements have paid you, less what you withdrew or asked to "
                "withdraw: what you can withdraw now."
            ),
            "available_this_week": fill(
                self.tr("What the statement of %1 adds to your available balance."),
                stamp(coming),
            )
            if coming is not None
            else self.tr("What the coming weekly statement adds to your available balance."),
        }
        for name, tip in tips.items():
            # An assistant's dashboard has no release or money cards.
            if name in self._cards:
                self._cards[name].setToolTip(tooltip(tip))

    def _show_arriving(self) -> None:
        """The very first sync: what is arriving instead of zeros and "no data"."""
        if not self.is_first_sync():
            return
        progress = self._progress
        if progress is None:
            text = self.tr(
                "Fetching your shop's data from the platform for the first time. "
                "Your figures appear here as soon as it has arrived."
            )
        elif progress.phase == "push":
            text = self.tr("Sending your actions to the platform, then fetching your shop…")
        else:
            text = fill(
                self.tr("Fetching your shop's data for the first time: %1."),
                Arriving().so_far(progress.received, progress.done),
            )
        self._notice_text.setText(text)
        self._notice_sync.hide()
        self._arriving.show()
        self._notice.show()
        arriving = self.tr("arriving…")
        for name in SHOP_FIGURES:
            if name in self._cards:
                self._cards[name].set_figure("…", arriving)
        self._cards["last_sync"].set_figure(self.tr("Now"), self.tr("the first sync is under way"))

    def _show_notice(self, figures: Dashboard) -> None:
        self._notice_sync.show()
        self._arriving.hide()
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
