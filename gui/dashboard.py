"""The first workspace: today's and the week's takings, and what waits for the owner.

During the very first sync, when nothing of the shop is here yet, it says what is arriving and
how far the sync got rather than showing zeros.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable

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
from gui.dashboard_cards import (
    RANKED,
    Card,
    Opening,
    card_opening,
    product_opening,
    store_opening,
    visible_cards,
)
from gui.figure_card import FigureCard
from gui.formatting import (
    count,
    day_and_time,
    fill,
    local_time,
    money,
    short_day,
    stamp,
    time_ago,
    tooltip,
)
from gui.icons import icon
from gui.ranked_list import RankedList
from gui.workspace import Workspace
from models.profile import Profile
from models.services.dashboard import (
    Comparison,
    Dashboard,
    Takings,
    dashboard,
    local_day_start,
)
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
    "waiting_to_ship",
    "refunded_today",
    "cancelled_today",
    "pending_releases",
    "managers_at_risk",
    "events_ending_today",
    "today_commission",
    "available_balance",
    "available_this_week",
)
HEADING_SCALE = 1.6
# Cards a row holds, by section: the to-do list is six short figures in one row.
COLUMNS = {"today": 4, "todo": 6, "money": 3, "sync": 3}


def change(now: int, before: int) -> str:
    """+12%, −3% or ±0% from ``before`` to ``now``; nothing when there was nothing before."""
    if before <= 0:
        return ""
    percent = round((now - before) * 100 / before)
    if percent > 0:
        return f"+{percent}%"
    if percent < 0:
        return f"\u2212{-percent}%"
    return "\u00b10%"


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
            "order_item",
            "store_manager",
            "task_progress",
            "task_stage",
            "sale_event",
        }
    )
    sync_requested = Signal()
    figures_shown = Signal(object)  # the Dashboard now on screen
    open_requested = Signal(object)  # an Opening: the place a card counts, filtered

    def __init__(
        self,
        profile: Profile,
        parent: QWidget | None = None,
        may_see: Callable[[str], bool] | None = None,
    ) -> None:
        """``may_see`` says which places (orders, earnings, …) the dashboard may lead to:
        the cards of the others are left out."""
        super().__init__(parent)
        self._profile = profile
        self._cards_shown: list[Card] = visible_cards(may_see)
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
        titles = self._titles()
        grids = {
            section: self._card_grid(
                [(c.name, titles[c.name]) for c in self._cards_shown if c.section == section],
                COLUMNS[section],
            )
            for section in COLUMNS
        }
        self._ranked: dict[str, RankedList] = {}
        if any(c.place == "orders" for c in self._cards_shown):
            products = RankedList("top_products", self.tr("Best-selling products today"))
            products.set_headers([self.tr("Product"), self.tr("Pieces"), self.tr("Sales")])
            stores = RankedList("top_stores", self.tr("Best sub-stores today"))
            stores.set_headers([self.tr("Sub-store"), self.tr("Orders"), self.tr("Sales")])
            self._ranked = dict(zip(RANKED, (products, stores), strict=True))

        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(24, 12, 24, 12)
        layout.setSpacing(8)
        top = QHBoxLayout()
        top.addWidget(self._heading)
        top.addStretch(1)
        top.addWidget(self._date)
        layout.addLayout(top)
        layout.addWidget(self._notice)
        layout.addWidget(self._problem)
        layout.addWidget(self._section(self.tr("Orders and sales")))
        layout.addLayout(grids["today"])
        layout.addWidget(self._section(self.tr("Waiting for you")))
        layout.addLayout(grids["todo"])
        # The lower half: the day's best, then the money beside the sync.
        best = QHBoxLayout()
        best.setSpacing(12)
        for ranked in self._ranked.values():
            best.addWidget(ranked, 1)
        layout.addLayout(best)
        last = QGridLayout()
        last.setHorizontalSpacing(24)
        last.setVerticalSpacing(10)
        for column, (section, words) in enumerate(
            (("money", self.tr("Your earnings")), ("sync", self.tr("Sync")))
        ):
            if grids[section].count():
                last.addWidget(self._section(words), 0, column)
                last.addLayout(grids[section], 1, column)
                last.setColumnStretch(column, 1)
        layout.addLayout(last)
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

    def _titles(self) -> dict[str, str]:
        return {
            "today_orders": self.tr("Today's orders"),
            "today_sales": self.tr("Today's sales"),
            "week_orders": self.tr("Orders, last 7 days"),
            "week_sales": self.tr("Sales, last 7 days"),
            "waiting_to_ship": self.tr("Paid, to ship"),
            "refunded_today": self.tr("Refunded today"),
            "cancelled_today": self.tr("Cancelled today"),
            "pending_releases": self.tr("Release requests"),
            "managers_at_risk": self.tr("Managers at risk"),
            "events_ending_today": self.tr("Sales ending today"),
            "today_commission": self.tr("Today's commission"),
            "available_balance": self.tr("Available balance"),
            "available_this_week": self.tr("Available this week"),
            "waiting_to_sync": self.tr("Waiting to sync"),
            "refused": self.tr("Refused by the platform"),
            "last_sync": self.tr("Last sync"),
        }

    def _places(self) -> dict[str, str]:
        """What the owner reads where a card leads (the status bar's words)."""
        return {
            "orders": self.tr("Opens these orders"),
            "releases": self.tr("Opens the release requests"),
            "managers": self.tr("Opens these managers"),
            "earnings": self.tr("Opens your earnings"),
            "catalogue": self.tr("Opens these sale events"),
        }

    def _card_grid(self, cards: list[tuple[str, str]], columns: int) -> QGridLayout:
        grid = QGridLayout()
        grid.setSpacing(12)
        places = self._places()
        leads = {c.name: c.place for c in self._cards_shown}
        for index, (name, title) in enumerate(cards):
            card = FigureCard(name, title)
            place = leads.get(name)
            if place is not None:
                card.lead_somewhere(places[place])
                card.activated.connect(lambda n=name: self._on_card_activated(n))
            self._cards[name] = card
            grid.addWidget(card, index // columns, index % columns)
        for column in range(columns):
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
        if self._ranked:
            self._ranked["top_products"].line_activated.connect(self._on_product_activated)
            self._ranked["top_stores"].line_activated.connect(self._on_store_activated)

    def card(self, name: str) -> FigureCard:
        return self._cards[name]

    def ranked(self, name: str) -> RankedList:
        """top_products or top_stores."""
        return self._ranked[name]

    def opening(self, name: str) -> Opening | None:
        """Where the card ``name`` leads now (None before the figures are read)."""
        return card_opening(name, self.figures) if self.figures is not None else None

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
        compared = figures.compared
        today_orders = self.tr("placed since midnight")
        today_sales = sales_caption
        if compared is not None:
            today_orders = self._against(figures.today, compared, figures, money_of=False)
            today_sales = self._against(figures.today, compared, figures, money_of=True)
        self._set("today_orders", count(figures.today.orders), today_orders)
        self._set("today_sales", money(figures.today.sales_cents), today_sales)
        self._set(
            "week_orders",
            count(figures.last_7_days.orders),
            self.tr("today and the 6 days before"),
        )
        self._set("week_sales", money(figures.last_7_days.sales_cents), sales_caption)
        releases = figures.pending_releases
        self._set(
            "pending_releases",
            count(releases),
            self.tr("for your decision") if releases else self.tr("none waiting"),
        )
        self._show_todo(figures)
        self._show_ranked(figures)
        sync = figures.sync
        self._set(
            "waiting_to_sync",
            count(sync.outbox_pending),
            self.tr("your changes, sent at the next sync")
            if sync.outbox_pending
            else self.tr("everything is sent"),
        )
        self._set(
            "refused",
            count(sync.outbox_rejected),
            self.tr("actions the platform did not accept")
            if sync.outbox_rejected
            else self.tr("nothing refused"),
        )
        if sync.last_sync is None:
            self._set("last_sync", self.tr("Not yet"), self.tr("sync to fetch your shop's data"))
        else:
            self._set("last_sync", time_ago(sync.last_sync, now), day_and_time(sync.last_sync, now))
        self._show_money(figures)
        self._explain(figures, now)
        self._show_notice(figures, now)
        self._problem.hide()
        if self.is_first_sync():
            self._show_arriving()
        self.figures_shown.emit(figures)

    def _set(self, name: str, value: str, caption: str | None = None) -> None:
        card = self._cards.get(name)
        if card is not None:
            card.set_figure(value, caption)

    def _against(
        self, today: Takings, compared: Comparison, figures: Dashboard, *, money_of: bool
    ) -> str:
        """Yesterday and the same day last week, each up to this time of day."""

        def figure(t: Takings) -> int:
            return t.sales_cents if money_of else t.orders

        def shown(t: Takings) -> str:
            return money(t.sales_cents) if money_of else count(t.orders)

        weekday = QLocale().dayName(
            local_time(figures.day_start).isoweekday(), QLocale.FormatType.ShortFormat
        )
        return "\n".join(
            (
                fill(
                    self.tr("yesterday by now %1 %2"),
                    shown(compared.yesterday),
                    change(figure(today), figure(compared.yesterday)),
                ),
                fill(
                    self.tr("last %1 by now %2 %3"),
                    weekday,
                    shown(compared.last_week),
                    change(figure(today), figure(compared.last_week)),
                ),
            )
        )

    def _show_todo(self, figures: Dashboard) -> None:
        todo = figures.todo
        if todo is None:
            return
        self._set(
            "waiting_to_ship",
            count(todo.waiting_to_ship),
            self.tr("paid, not shipped yet")
            if todo.waiting_to_ship
            else self.tr("everything paid is shipped"),
        )
        self._set("refunded_today", count(todo.refunded_today), self.tr("of today's orders"))
        self._set("cancelled_today", count(todo.cancelled_today), self.tr("of today's orders"))
        self._set(
            "managers_at_risk",
            count(todo.managers_at_risk),
            self.tr("may miss the deadline") if todo.managers_at_risk else self.tr("none at risk"),
        )
        self._set(
            "events_ending_today",
            count(todo.events_ending_today),
            self.tr("sale events ending before midnight")
            if todo.events_ending_today
            else self.tr("none ends today"),
        )

    def _show_ranked(self, figures: Dashboard) -> None:
        if not self._ranked:
            return
        own = self.tr("Own store")
        self._ranked["top_products"].set_lines(
            [[p.title, count(p.pieces), money(p.sales_cents)] for p in figures.top_products],
            self.tr("No paid orders yet today."),
        )
        self._ranked["top_stores"].set_lines(
            [[s.name or own, count(s.orders), money(s.sales_cents)] for s in figures.top_stores],
            self.tr("No orders yet today."),
        )

    def _show_money(self, figures: Dashboard) -> None:
        shown = figures.money
        if shown is None:
            return
        self._set(
            "today_commission",
            money(shown.today_commission_cents),
            fill(
                self.tr("your share of %1 on today's paid orders"),
                money(shown.today_gross_cents),
            ),
        )
        self._set(
            "available_balance",
            money(shown.available_cents),
            self.tr("settled, ready to withdraw"),
        )
        self._set(
            "available_this_week",
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
                "stage and asks to become an owner. Click to open them."
            ),
            "waiting_to_ship": self.tr(
                "Orders paid and not shipped yet, placed on any day. Click to open them in the "
                "orders workspace."
            ),
            "refunded_today": self.tr(
                "Orders placed today that were refunded since. Click to open them."
            ),
            "cancelled_today": self.tr(
                "Orders placed today that were cancelled since. Click to open them."
            ),
            "managers_at_risk": self.tr(
                "Store managers whose forecast says they may not reach their stage's targets "
                "before its deadline. Click to open them."
            ),
            "events_ending_today": self.tr(
                "Brand sale events on now that end before midnight: the last chance to promote "
                "their products. Click to open them in the catalogue."
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
        compared = self.tr(
            " Below: yesterday and the same weekday last week, each up to this time of day."
        )
        tips["today_orders"] += compared
        tips["today_sales"] += compared
        for name, tip in tips.items():
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
            self._set(name, "…", arriving)
        self._set("last_sync", self.tr("Now"), self.tr("the first sync is under way"))
        for ranked in self._ranked.values():
            ranked.set_lines([], arriving)

    def _show_notice(self, figures: Dashboard, now: dt.datetime | None = None) -> None:
        self._notice_sync.show()
        self._arriving.hide()
        last = figures.sync.last_sync
        at = int((now or dt.datetime.now().astimezone()).timestamp())
        if last is not None and (figures.sync.last_error or figures.is_stale(at)):
            # Offline or long unsynced: the figures are those of the last sync, and say so.
            text = fill(self.tr("Figures as of %1, the last sync."), day_and_time(last, now))
            if figures.sync.last_error:
                text += " " + self.tr(
                    "The platform could not be reached since; what you do here waits and "
                    "goes at the next sync."
                )
            self._notice_text.setText(text)
            self._notice.show()
            return
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

    def _on_card_activated(self, name: str) -> None:
        opening = self.opening(name)
        if opening is not None:
            self.open_requested.emit(opening)

    def _on_product_activated(self, row: int) -> None:
        if self.figures is not None and row < len(self.figures.top_products):
            self.open_requested.emit(product_opening(self.figures.top_products[row], self.figures))

    def _on_store_activated(self, row: int) -> None:
        if self.figures is not None and row < len(self.figures.top_stores):
            self.open_requested.emit(store_opening(self.figures.top_stores[row], self.figures))

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
