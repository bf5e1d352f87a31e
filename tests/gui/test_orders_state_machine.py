"""Random sessions at the orders workspace: typing, moving between orders, sorts, filters, local
actions, syncs that bring platform changes to the very orders on screen, and syncs that fail.

After every step: nothing typed is lost (on screen for her order, as a draft for the others),
she is on the same order unless she moved or it left the filters, and the rows the table holds
are exactly what a direct SQL query over the profile gives.
"""

from __future__ import annotations

import contextlib
import itertools
import shutil
import sqlite3
import tempfile
from pathlib import Path

import httpx
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, invariant, rule, run_state_machine_as_test
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtTest import QTest
from pytestqt.qtbot import QtBot

from gui import tasks
from gui.orders.table_model import COLUMNS
from gui.orders.workspace import OrdersWorkspace
from models.errors import PlatformUnreachable
from models.profile import Profile
from models.services.account import login
from models.services.drafts import review_draft
from models.services.order_table import SortColumn
from models.sync.syncer import SyncOptions, SyncReport, sync
from tests.gui.test_owner_s_place import type_text
from tests.platform_process import PlatformProcess
from tests.platform_rows import advance_orders, set_platform_review, shop_id_of

words = st.text(
    alphabet=st.sampled_from("好评已核对少发错发退款🚚 abcXYZ019，。"), min_size=1, max_size=12
)
SORTS = {
    (SortColumn.PLACED_AT, True): "o.placed_at DESC, o.id DESC",
    (SortColumn.PLACED_AT, False): "o.placed_at, o.id",
    (SortColumn.AMOUNT, True): "o.amount_cents DESC, o.id DESC",
    (SortColumn.AMOUNT, False): "o.amount_cents, o.id",
    (
        SortColumn.REVIEW,
        False,
    ): "coalesce(r.reviewed, 0), coalesce(r.flag, 'none'), o.placed_at, o.id",
}
TABS = (0, 2, 3, 4)  # all, paid, shipped, completed


class Refused(httpx.BaseTransport):
    """The network is down: every request is refused."""

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        raise httpx.ConnectError("connection refused", request=request)


def make_machine(qtbot: QtBot, platform: PlatformProcess, template: Path) -> type:
    counter = itertools.count()

    class OrdersAtWork(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.folder = Path(tempfile.mkdtemp(prefix=f"orders-{next(counter)}-")) / "shop"
            shutil.copytree(template, self.folder)
            self.profile = Profile.open(self.folder)
            login(self.profile, platform.url, "demo1", "demo")
            self.shop_id = shop_id_of(self.profile.db_path)
            sync(self.profile)
            self.ws = OrdersWorkspace(self.profile)
            qtbot.addWidget(self.ws)
            self.ws.resize(1200, 700)
            with qtbot.waitSignal(self.ws.model.loaded, timeout=30_000):
                self.ws.show()
            self.settle()
            self.typed: dict[int, str] = {}
            self.expected: int | None = self.current_id()
            self.moved = False

        # --- helpers ------------------------------------------------------------------------

        def settle(self) -> None:
            qtbot.waitUntil(
                lambda: not tasks.running() and not self.ws.model.loading, timeout=30_000
            )

        def current_id(self) -> int | None:
            row = self.ws.model.row_at(self.ws.table.currentIndex().row())
            return row.id if row is not None else None

        def hand_on(self, report: SyncReport) -> None:
            # As the main window does with every sync's report.
            self.ws.take_changes(report.changes)
            self.settle()
            # Pages fetched for rows the reload put on screen.
            self.settle()

        def query(self) -> list[int]:
            f, sort = self.ws.model.order_filter, self.ws.model.order_sort
            where = ["1 = 1"]
            args: list[object] = []
            if f.status:
                where.append("o.status = ?")
                args.append(f.status)
            order = SORTS[(sort.column, sort.descending)]
            sql = (
                'SELECT o.id FROM "order" o LEFT JOIN order_review r ON r.order_id = o.id '
                f"WHERE {' AND '.join(where)} ORDER BY {order}"
            )
            with sqlite3.connect(self.profile.db_path) as conn:
                return [i for (i,) in conn.execute(sql, args)]

        # --- what the owner does ------------------------------------------------------------

        @rule(text=words)
        def types(self, text: str) -> None:
            current = self.current_id()
            if current is None:
                return
            note = self.ws.detail.note
            note.setFocus()
            note.moveCursor(note.textCursor().MoveOperation.End)
            type_text(note, text)
            self.typed[current] = note.toPlainText()
            self.expected = current

        @rule(row=st.integers(0, 60))
        def moves_to(self, row: int) -> None:
            rows = self.ws.model.rowCount()
            if not rows:
                return
            index = self.ws.model.index(min(row, rows - 1), 0)
            self.ws.table.scrollTo(index)
            self.ws.table.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.settle()
            self.expected = self.current_id()

        @rule(sort=st.sampled_from(sorted(SORTS, key=str)))
        def sorts(self, sort: tuple[SortColumn, bool]) -> None:
            column, descending = sort
            order = Qt.SortOrder.DescendingOrder if descending else Qt.SortOrder.AscendingOrder
            with qtbot.waitSignal(self.ws.model.loaded, timeout=30_000):
                self.ws.table.sortByColumn(COLUMNS.index(column), order)
            self.settle()

        @rule(tab=st.sampled_from(TABS))
        def filters(self, tab: int) -> None:
            if self.ws.tabs.currentIndex() == tab:
                return
            with qtbot.waitSignal(self.ws.model.loaded, timeout=30_000):
                self.ws.tabs.setCurrentIndex(tab)
            self.settle()
            if self.expected is not None and self.expected not in self.query():
                self.expected = self.current_id()

        @rule()
        def marks_reviewed(self) -> None:
            if self.current_id() is None:
                return
            self.ws.table.setFocus()
            QTest.keyClick(self.ws.table, Qt.Key.Key_Space)
            self.settle()

        @rule()
        def saves(self) -> None:
            current = self.current_id()
            if current is None or not self.ws.detail.save.isEnabled():
                return  # nothing typed here: nothing to save
            with qtbot.waitSignal(self.ws.reviewed, timeout=10_000):
                self.ws.detail.save.click()
            self.settle()
            self.typed.pop(current, None)

        # --- what the platform and the network do -------------------------------------------

        @rule(neighbours=st.integers(0, 5), review=st.booleans())
        def platform_changes_her_orders(self, neighbours: int, review: bool) -> None:
            current = self.current_id()
            row = self.ws.table.currentIndex().row()
            ids = {self.ws.model.id_at(r) for r in range(max(row - neighbours, 0), row + 1)}
            ids.discard(None)
            if ids:
                advance_orders(platform.db, self.shop_id, sorted(i for i in ids if i is not None))
            if review and current is not None:
                set_platform_review(platform.db, self.shop_id, current, "另一台电脑写的")
            self.hand_on(sync(self.profile, SyncOptions(retries=0, timeout=10.0)))
            if self.expected is not None and self.expected not in self.query():
                self.expected = self.current_id()

        @rule()
        def sync_fails(self) -> None:
            report = SyncReport()
            with contextlib.suppress(PlatformUnreachable):
                sync(self.profile, SyncOptions(retries=0, transport=Refused()), report)
            self.hand_on(report)

        # --- what must hold -------------------------------------------------------------------

        @invariant()
        def nothing_typed_is_lost(self) -> None:
            current = self.current_id()
            for order_id, text in self.typed.items():
                if order_id == current:
                    assert self.ws.detail.note.toPlainText() == text
                else:
                    draft = review_draft(self.profile, order_id)
                    assert draft is not None, f"the draft of order {order_id} is gone"
                    assert draft.note == text

        @invariant()
        def she_stays_on_her_order(self) -> None:
            if self.expected is not None:
                assert self.current_id() == self.expected
            if self.current_id() is not None:
                qtbot.waitUntil(
                    lambda: (
                        self.ws.detail.detail is not None
                        and self.ws.detail.detail.id == self.current_id()
                    ),
                    timeout=10_000,
                )

        @invariant()
        def the_rows_are_what_sql_says(self) -> None:
            expected = self.query()
            model = self.ws.model
            assert model.rowCount() == len(expected)
            for row in range(model.rowCount()):
                held = model.id_at(row)
                if held is not None:
                    assert held == expected[row], f"row {row}"

        def teardown(self) -> None:
            self.ws.keep_unsaved()
            self.settle()
            self.ws.close()
            self.settle()
            self.profile.close()

    return OrdersAtWork


def test_the_owner_s_words_and_place_hold_through_anything(
    qtbot: QtBot, platform: PlatformProcess, synced_profile_template: Path
) -> None:
    run_state_machine_as_test(
        make_machine(qtbot, platform, synced_profile_template),
        settings=settings(
            max_examples=6,
            stateful_step_count=12,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
        ),
    )
