"""The status bar's words while a fresh copy of the shop is taken beside the mirror."""

from __future__ import annotations

import pytest
from PySide6.QtWidgets import QApplication
from pytestqt.qtbot import QtBot

from gui import i18n, tasks
from gui.sync_status import SyncStatusLabel
from models.profile import Profile
from models.sync.syncer import SyncProgress


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("en", "Taking a fresh copy of the shop… 12,000 rows received; this copy stays in use"),
        ("zh_CN", "正在重新获取店铺的完整数据… 已收到 12,000 行；在此期间仍使用现有数据"),
    ],
)
def test_a_resnapshot_says_the_owner_keeps_working_on_this_copy(
    qtbot: QtBot, qapp: QApplication, shop_profile: Profile, language: str, words: str
) -> None:
    i18n.install(qapp, language)
    label = SyncStatusLabel(shop_profile)
    qtbot.addWidget(label)
    qtbot.waitUntil(lambda: not label.is_loading())
    label.show_started()
    label.show_progress(SyncProgress("snapshot", 12_000, 0))
    assert label.text() == words
    label.show_finished()
    qtbot.waitUntil(lambda: not label.is_loading() and not tasks.running())
    assert words not in label.text()
