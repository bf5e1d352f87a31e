"""The main window: workspaces chosen on the left, sync in the toolbar, sync state at the bottom."""

from __future__ import annotations

import logging
from typing import TypeVar

from PySide6.QtCore import QByteArray, QCoreApplication, QObject, QSettings, QSize, Qt, QUrl
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QCloseEvent,
    QDesktopServices,
    QKeySequence,
    QShowEvent,
)
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QMenu,
    QProgressBar,
    QSizePolicy,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from gui import messages, tasks
from gui.about import AboutDialog
from gui.alerts.places import WindowAlerts
from gui.backup_restore import restore_interactively
from gui.catalogue.workspace import CatalogueWorkspace
from gui.dashboard import DashboardWorkspace
from gui.dashboard_cards import Opening
from gui.earnings.workspace import EarningsWorkspace
from gui.formatting import fill
from gui.icons import app_icon, icon
from gui.managers.workspace import ManagersWorkspace
from gui.my_path.workspace import MyPathWorkspace
from gui.orders.workspace import OrdersWorkspace
from gui.people.workspace import PeopleWorkspace
from gui.posters.studio import PosterStudio
from gui.quitting import QuitChoice, ask_before_quitting
from gui.releases.workspace import ReleasesWorkspace
from gui.sign_in import SignInDialog
from gui.sync_controller import SyncController
from gui.sync_status import SyncStatusLabel
from gui.workspace import LazyWorkspace, Workspace
from models import wire
from models.changes import Changes
from models.log_file import log_folder
from models.profile import Profile
from models.services.account import SignedIn
from models.services.posters import KINDS
from models.services.status import sync_status

log = logging.getLogger(__name__)

W = TypeVar("W", bound=Workspace)

SETTINGS_GEOMETRY = "main_window/geometry"
SETTINGS_STATE = "main_window/state"
DEFAULT_SIZE = QSize(1280, 740)
NAVIGATION_WIDTH = 180


# The titles of pages built on first use, in their own classes' words.
def customers_title() -> str:
    return QCoreApplication.translate("CustomersWorkspace", "Customers")


def charts_title() -> str:
    return QCoreApplication.translate("ChartsWorkspace", "Sales charts")


BUSY_MESSAGE_MS = 4_000
PROBLEM_MESSAGE_MS = 12_000
SMALL_SCREEN_WIDTH = 1440


class MainWindow(QMainWindow):
    def __init__(
        self,
        profile: Profile,
        shop: SignedIn,
        controller: SyncController,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._profile = profile
        self._shop = shop
        self._controller = controller
        self._workspaces: list[Workspace] = []
        self._shown_once = False
        # Set while the window waits for a sync to finish before it closes.
        self._quitting = False
        self._may_close = False
        # Someone else signed in here from the menu: the window opens again for them.
        self.next_shop: SignedIn | None = None
        self._create_widgets()
        self._create_actions()
        self._connect_signals()
        self.alerts = WindowAlerts(self)
        if self._view_menu is not None:
            self._view_menu.addActions(self.alerts.menu_actions())
        self._restore_window_state()
        tasks.set_failure_sink(self._on_task_failed_unhandled)

    # --- building -------------------------------------------------------------------------

    def _create_widgets(self) -> None:
        self.setWindowIcon(app_icon())
        self._update_title()
        self._navigation = QListWidget()
        self._navigation.setObjectName("navigation")
        self._navigation.setFixedWidth(NAVIGATION_WIDTH)
        self._navigation.setIconSize(QSize(22, 22))
        self._navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self._stack = QStackedWidget()
        self._go_to_group = QActionGroup(self)
        self._view_menu: QMenu | None = None
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self._navigation)
        layout.addWidget(self._stack, 1)
        self.setCentralWidget(central)

        # One line per workspace, in the order of the navigation; each person sees what their
        # role may use, so nobody meets a page or a button whose action would be refused.
        role = self._shop.role
        owner, manager = role == "owner", role == "manager"
        self.my_path = self.add_workspace(MyPathWorkspace(self._profile)) if manager else None
        self.dashboard = (
            None
            if manager
            else self.add_workspace(
                DashboardWorkspace(
                    self._profile,
                    may_see=lambda place: owner or place in ("orders", "catalogue"),
                )
            )
        )
        self.orders = None if manager else self.add_workspace(OrdersWorkspace(self._profile))
        self.catalogue = self.add_workspace(
            CatalogueWorkspace(
                self._profile,
                may_pick=wire.may_push(role, "product_pick.set"),
                may_make_posters=not manager,
            )
        )
        self.managers = self.add_workspace(ManagersWorkspace(self._profile)) if owner else None
        self.releases = self.add_workspace(ReleasesWorkspace(self._profile)) if owner else None
        self.earnings = self.add_workspace(EarningsWorkspace(self._profile)) if owner else None
        self.customers = (
            None
            if manager
            else self.add_workspace(
                LazyWorkspace("customers", customers_title, self._customers_workspace)
            )
        )
        self.charts = (
            None
            if manager
            else self.add_workspace(LazyWorkspace("charts", charts_title, self._charts_workspace))
        )
        poster_kinds = [k for k in KINDS if not manager or k in wire.MANAGER_POSTER_KINDS]
        self.posters = self.add_workspace(PosterStudio(self._profile, kinds=poster_kinds))
        self.people = self.add_workspace(PeopleWorkspace(self._profile)) if owner else None

        self._sync_status = SyncStatusLabel(self._profile)
        self._sync_busy = QProgressBar()
        self._sync_busy.setRange(0, 0)
        self._sync_busy.setMaximumWidth(120)
        self._sync_busy.setTextVisible(False)
        self._sync_busy.hide()
        self.statusBar().addWidget(self._sync_status, 1)
        self.statusBar().addPermanentWidget(self._sync_busy)
        self._navigation.setCurrentRow(0)

    def _customers_workspace(self) -> Workspace:
        from gui.customers.workspace import CustomersWorkspace

        return CustomersWorkspace(self._profile)

    def _charts_workspace(self) -> Workspace:
        from gui.charts.workspace import ChartsWorkspace

        return ChartsWorkspace(self._profile)

    def _create_actions(self) -> None:
        self.sync_action = QAction(icon("sync"), self.tr("&Sync now"), self)
        self.sync_action.setIconText(self.tr("Sync now"))
        self.sync_action.setShortcuts([QKeySequence("Ctrl+R"), QKeySequence("F5")])
        self.sync_action.setToolTip(self.tr("Send your changes and fetch the newest data (F5)"))
        self.cancel_sync_action = QAction(icon("cancel"), self.tr("&Cancel sync"), self)
        self.cancel_sync_action.setIconText(self.tr("Cancel sync"))
        self.cancel_sync_action.setEnabled(False)
        self.sign_in_action = QAction(icon("sign-in"), self.tr("Sign &in again…"), self)
        self.quit_action = QAction(self.tr("&Quit"), self)
        self.quit_action.setShortcut(QKeySequence("Ctrl+Q"))
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.about_action = QAction(self.tr("&About Zhanggui"), self)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.open_log_folder_action = QAction(self.tr("Open the &log folder"), self)
        self.restore_backup_action = QAction(self.tr("&Restore a backup…"), self)

        file_menu = self.menuBar().addMenu(self.tr("&File"))
        file_menu.addAction(self.sync_action)
        file_menu.addAction(self.cancel_sync_action)
        file_menu.addSeparator()
        file_menu.addAction(self.sign_in_action)
        file_menu.addSeparator()
        file_menu.addAction(self.quit_action)

        self._toolbar = QToolBar(self.tr("Toolbar"))
        self._toolbar.setObjectName("main_toolbar")
        self._toolbar.setMovable(False)
        self._toolbar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self._toolbar.addAction(self.sync_action)
        self._toolbar.addAction(self.cancel_sync_action)
        spacer = QWidget()
        spacer.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._toolbar.addWidget(spacer)
        self.search_box = QLineEdit()
        self.search_box.setVisible(self.orders is not None)
        self.search_box.setPlaceholderText(self.tr("Search orders (Ctrl+F)"))
        self.search_box.setClearButtonEnabled(True)
        self.search_box.addAction(icon("search"), QLineEdit.ActionPosition.LeadingPosition)
        self.search_box.setFixedWidth(280)
        self._toolbar.addWidget(self.search_box)
        self.find_action = QAction(self.tr("&Find…"), self)
        self.find_action.setShortcut(QKeySequence.StandardKey.Find)
        self.addAction(self.find_action)
        self.addToolBar(self._toolbar)

        view_menu = self._view_menu = self.menuBar().addMenu(self.tr("&View"))
        view_menu.addActions(self._go_to_group.actions())
        self._end_of_workspaces = view_menu.addSeparator()
        self.show_navigation_action = QAction(self.tr("Show &navigation"), self)
        self.show_navigation_action.setCheckable(True)
        self.show_navigation_action.setChecked(True)
        view_menu.addAction(self.show_navigation_action)
        toolbar_action = self._toolbar.toggleViewAction()
        toolbar_action.setText(self.tr("Show &toolbar"))
        view_menu.addAction(toolbar_action)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        help_menu.addAction(self.open_log_folder_action)
        help_menu.addAction(self.restore_backup_action)
        help_menu.addSeparator()
        help_menu.addAction(self.about_action)

    def _connect_signals(self) -> None:
        self._navigation.currentRowChanged.connect(self._on_navigation_current_row_changed)
        self._go_to_group.triggered.connect(self._on_go_to_group_triggered)
        self.show_navigation_action.toggled.connect(self._on_show_navigation_action_toggled)
        self.sync_action.triggered.connect(self._on_sync_action_triggered)
        self.cancel_sync_action.triggered.connect(self._on_cancel_sync_action_triggered)
        self.sign_in_action.triggered.connect(self._on_sign_in_action_triggered)
        self.quit_action.triggered.connect(self._on_quit_action_triggered)
        self.about_action.triggered.connect(self._on_about_action_triggered)
        self.open_log_folder_action.triggered.connect(self._on_open_log_folder_action_triggered)
        self.restore_backup_action.triggered.connect(self._on_restore_backup_action_triggered)
        if self.dashboard is not None:
            self.dashboard.sync_requested.connect(self._on_dashboard_sync_requested)
            self.dashboard.open_requested.connect(self._on_dashboard_open_requested)
        self.find_action.triggered.connect(self._on_find_action_triggered)
        self.search_box.returnPressed.connect(self._on_search_box_return_pressed)
        self.catalogue.posters_requested.connect(self._on_catalogue_posters_requested)
        if self.managers is not None:
            self.managers.release_requested.connect(self._on_managers_release_requested)
        if self.earnings is not None:
            self.earnings.show_orders.connect(self._on_earnings_show_orders)
        self._controller.started.connect(self._on_controller_started)
        self._controller.progress.connect(self._sync_status.show_progress)
        if self.dashboard is not None:
            self._controller.progress.connect(self.dashboard.show_sync_progress)
        self._controller.changed.connect(self._on_controller_changed)
        self._controller.finished.connect(self._on_controller_finished)
        self._controller.failed.connect(self._on_controller_failed)

    # --- workspaces -------------------------------------------------------------------------

    def add_workspace(self, workspace: W) -> W:
        """Put ``workspace`` in the navigation and the stack; returns it for keeping."""
        index = len(self._workspaces)
        self._workspaces.append(workspace)
        self._stack.addWidget(workspace)
        item = QListWidgetItem(icon(workspace.icon_name), workspace.title())
        item.setSizeHint(QSize(NAVIGATION_WIDTH - 16, 40))
        self._navigation.addItem(item)
        self._fit_navigation()
        go_to = QAction(icon(workspace.icon_name), workspace.title(), self._go_to_group)
        go_to.setCheckable(True)
        go_to.setChecked(index == self._navigation.currentRow())
        go_to.setData(index)
        if index < 9:
            go_to.setShortcut(QKeySequence(f"Ctrl+{index + 1}"))
        if self._view_menu is not None:
            self._view_menu.insertAction(self._end_of_workspaces, go_to)
        workspace.badge_changed.connect(lambda: self._show_badge(workspace))
        workspace.local_action_done.connect(self._on_local_action_done)
        return workspace

    def _show_badge(self, workspace: Workspace) -> None:
        index = self._workspaces.index(workspace)
        waiting = workspace.badge()
        text = workspace.title()
        if waiting > 0:
            text = f"{text}  ({waiting})"
        item = self._navigation.item(index)
        item.setText(text)
        item.setToolTip(text)
        self._go_to_group.actions()[index].setText(text)
        self._fit_navigation()

    def _fit_navigation(self) -> None:
        """Wide enough for the longest title with its count, never narrower than the default."""
        metrics = self._navigation.fontMetrics()
        texts = [self._navigation.item(row).text() for row in range(self._navigation.count())]
        # icon, the item's padding and margins, and the frame
        chrome = self._navigation.iconSize().width() + 2 * 10 + 2 * 6 + 24
        widest = max((metrics.horizontalAdvance(text) for text in texts), default=0) + chrome
        width = max(NAVIGATION_WIDTH, widest)
        if width != self._navigation.width():
            self._navigation.setFixedWidth(width)
            for row in range(self._navigation.count()):
                self._navigation.item(row).setSizeHint(QSize(width - 16, 40))

    def workspaces(self) -> list[Workspace]:
        return list(self._workspaces)

    def go_to_actions(self) -> list[QAction]:
        """The View menu's actions that show each workspace, in order."""
        return self._go_to_group.actions()

    def current_workspace(self) -> Workspace:
        return self._workspaces[self._stack.currentIndex()]

    def show_workspace(self, workspace: Workspace) -> None:
        self._navigation.setCurrentRow(self._workspaces.index(workspace))

    def show_workspace_named(self, name: str) -> bool:
        """Show the workspace whose icon name is ``name`` (dashboard, orders, …)."""
        for workspace in self._workspaces:
            if workspace.icon_name == name:
                self.show_workspace(workspace)
                return True
        return False

    def refresh(self) -> None:
        """Show fresh data everywhere, as if every row had changed."""
        self.hand_on(Changes.everything())

    def hand_on(self, changes: Changes, *, besides: QObject | None = None) -> None:
        """Give ``changes`` to every workspace (but the one they came from, which has shown
        them already); each decides by the one policy whether to read."""
        for workspace in self._workspaces:
            if workspace is not besides:
                workspace.take_changes(changes)
        if changes.touches(("outbox", "sync_state")):
            self._sync_status.refresh()

    @property
    def sync_status(self) -> SyncStatusLabel:
        return self._sync_status

    @property
    def profile(self) -> Profile:
        return self._profile

    @property
    def controller(self) -> SyncController:
        return self._controller

    def _update_title(self) -> None:
        self.setWindowTitle(fill(self.tr("%1 — Zhanggui"), self._shop.shop_name))

    # --- window state -------------------------------------------------------------------------

    def _restore_window_state(self) -> None:
        settings = QSettings()
        geometry = settings.value(SETTINGS_GEOMETRY)
        if isinstance(geometry, QByteArray) and self.restoreGeometry(geometry):
            state = settings.value(SETTINGS_STATE)
            if isinstance(state, QByteArray):
                self.restoreState(state)
            return
        self.resize(DEFAULT_SIZE)
        screen = self.screen().availableGeometry()
        if screen.width() <= SMALL_SCREEN_WIDTH:
            # On a laptop screen the order table needs every pixel from the first start.
            self.setWindowState(Qt.WindowState.WindowMaximized)
        self.resize(self.size().boundedTo(screen.size()))
        frame = self.frameGeometry()
        frame.moveCenter(screen.center())
        self.move(frame.topLeft())

    def _save_window_state(self) -> None:
        settings = QSettings()
        settings.setValue(SETTINGS_GEOMETRY, self.saveGeometry())
        settings.setValue(SETTINGS_STATE, self.saveState())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._shown_once:
            self._shown_once = True
            self._sync_status.refresh()
            self.alerts.centre.look_at_everything()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._may_close and not self._ready_to_close():
            event.ignore()
            return
        self._save_window_state()
        self._controller.stop()
        tasks.set_failure_sink(None)
        for workspace in self._workspaces:
            workspace.keep_unsaved()
        super().closeEvent(event)

    def _ready_to_close(self, problem: str = "") -> bool:
        """Whether to close now; with actions waiting the owner chooses (sync first, quit
        anyway, or stay)."""
        if self._quitting:
            return False
        try:
            waiting = sync_status(self._profile, with_counts=False).outbox_pending
        except Exception:
            log.exception("cannot count the actions waiting to sync")
            return True
        if not waiting:
            return True
        choice = ask_before_quitting(self, waiting, problem)
        if choice is QuitChoice.QUIT:
            return True
        if choice is QuitChoice.SYNC_THEN_QUIT:
            self._quitting = True
            self.statusBar().showMessage(
                self.tr("Sending your actions to the platform, then quitting…")
            )
            if not self._controller.sync_now():
                log.info("a sync is running; quitting when it ends")
        return False

    # --- slots ------------------------------------------------------------------------------

    def _on_navigation_current_row_changed(self, row: int) -> None:
        if row < 0:
            return
        self._stack.setCurrentIndex(row)
        for action in self._go_to_group.actions():
            action.setChecked(action.data() == row)

    def _on_go_to_group_triggered(self, action: QAction) -> None:
        self._navigation.setCurrentRow(int(action.data()))

    def _on_show_navigation_action_toggled(self, shown: bool) -> None:
        self._navigation.setVisible(shown)

    def _on_sync_action_triggered(self) -> None:
        if not self._controller.sync_now():
            self.statusBar().showMessage(self.tr("A sync is already running"), BUSY_MESSAGE_MS)

    def _on_cancel_sync_action_triggered(self) -> None:
        self._controller.cancel()

    def _on_find_action_triggered(self) -> None:
        self.search_box.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search_box.selectAll()

    def _on_search_box_return_pressed(self) -> None:
        if self.orders is None:
            return
        self.show_workspace(self.orders)
        self.orders.search(self.search_box.text().strip())

    def _on_local_action_done(self, changes: object) -> None:
        if isinstance(changes, Changes):
            self.hand_on(changes, besides=self.sender())
        else:
            self._sync_status.refresh()
        self._controller.push_soon()

    def _on_task_failed_unhandled(self, words: str) -> None:
        self.statusBar().showMessage(words, PROBLEM_MESSAGE_MS)

    def _on_catalogue_posters_requested(self, product_ids: list[int]) -> None:
        self.show_workspace(self.posters.show_products(product_ids))

    def _on_managers_release_requested(self, request_id: int) -> None:
        if self.releases is not None:
            self.show_workspace(self.releases)
            self.releases.open_request(request_id)

    def _on_earnings_show_orders(self, money: str) -> None:
        if self.orders is not None:
            self.show_workspace(self.orders)
            self.orders.show_money(money)

    def _on_dashboard_open_requested(self, opening: Opening) -> None:
        """A card leads to the place it counts, filtered so that it shows the card's number."""
        if opening.orders is not None and self.orders is not None:
            self.orders.show_orders(opening.orders)
        if opening.managers is not None and self.managers is not None:
            self.managers.show_managers(opening.managers)
        if opening.events_before is not None:
            self.catalogue.show_events_ending(opening.events_before)
        self.show_workspace_named(opening.place)

    def _on_dashboard_sync_requested(self) -> None:
        self.sync_action.trigger()

    def _on_sign_in_action_triggered(self) -> None:
        shop = SignInDialog.ask(
            self._profile,
            platform_url=self._shop.platform_url,
            shop_code=self._shop.shop_code,
            parent=self,
        )
        if shop is None:
            return
        if (shop.user, shop.role) != (self._shop.user, self._shop.role):
            # Another person's pages and buttons; their profile starts afresh (the last one's
            # actions went out or wait aside), so nothing of this window is theirs to keep.
            self.next_shop = shop
            self._may_close = True
            self.close()
            return
        self._shop = shop
        self._update_title()
        self._controller.sync_now()

    def _on_quit_action_triggered(self) -> None:
        self.close()

    def _on_about_action_triggered(self) -> None:
        AboutDialog.show_for(self._profile.folder, self._shop.platform_url, self)

    def _on_open_log_folder_action_triggered(self) -> None:
        folder = log_folder(self._profile.folder)
        folder.mkdir(parents=True, exist_ok=True)
        QDesktopServices.openUrl(QUrl.fromLocalFile(str(folder)))

    def _on_restore_backup_action_triggered(self) -> None:
        if restore_interactively(self, self._profile, self._controller) is not None:
            self.refresh()

    def _on_controller_started(self) -> None:
        self.cancel_sync_action.setEnabled(True)
        self._sync_busy.show()
        self._sync_status.show_started()
        if self.dashboard is not None:
            self.dashboard.show_sync_started()

    def _on_controller_changed(self, changes: Changes) -> None:
        self.hand_on(changes)

    def _on_controller_finished(self, _report: object) -> None:
        self._sync_ended()
        self._sync_status.show_finished()
        if self._quitting:
            self._quitting = False
            self._close_after_sync()

    def _on_controller_failed(self, error: Exception) -> None:
        self._sync_ended()
        self._sync_status.show_failed(error)
        if self._quitting:
            self._quitting = False
            self.statusBar().clearMessage()
            if self._ready_to_close(messages.describe(error)):
                self._may_close = True
                self.close()

    def _close_after_sync(self) -> None:
        self.statusBar().clearMessage()
        if self._ready_to_close():
            self._may_close = True
            self.close()

    def _sync_ended(self) -> None:
        self.cancel_sync_action.setEnabled(False)
        self._sync_busy.hide()
        if self.dashboard is not None:
            self.dashboard.show_sync_ended()
