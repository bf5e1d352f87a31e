"""Starting the app: a profile that cannot open is explained, the language is the one asked for."""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication, QMessageBox

from gui.app import EXIT_PROFILE, run_app
from gui.main_window import MainWindow
from gui.welcome import WelcomeDialog
from models.profile import DB_NAME, Profile
from tests.gui.conftest import SHOP_NAME, WhenShown, answer_quit_questions


@pytest.fixture(autouse=True)
def app_state_restored(qapp: QApplication) -> Iterator[None]:
    """run_app styles and names the application; put it back for the tests that follow."""
    names = (qapp.applicationName(), qapp.organizationName())
    font, sheet = qapp.font(), qapp.styleSheet()
    yield
    qapp.setApplicationName(names[0])
    qapp.setOrganizationName(names[1])
    qapp.setFont(font)
    qapp.setStyleSheet(sheet)


def arguments(profile: Path, lang: str = "en") -> argparse.Namespace:
    return argparse.Namespace(demo=False, profile=profile, lang=lang)


def damaged_database(folder: Path) -> Path:
    """A database of ours with its schema pages scribbled over."""
    Profile.open(folder).close()
    database = folder / DB_NAME
    data = bytearray(database.read_bytes())
    data[100:4096] = b"\xff" * (4096 - 100)
    database.write_bytes(bytes(data))
    return database


def not_a_database(folder: Path) -> Path:
    folder.mkdir()
    database = folder / DB_NAME
    database.write_bytes(b"not a database at all " * 200)
    return database


@pytest.mark.parametrize(
    ("make", "words"),
    [
        (damaged_database, "The shop's database in %s is damaged."),
        (not_a_database, "The file in %s where Zhanggui keeps its database is not a database"),
    ],
    ids=["damaged", "not-a-database"],
)
def test_a_profile_that_cannot_open_is_explained_in_words_and_left_as_it_was(
    tmp_path: Path, when_shown: WhenShown, make: Callable[[Path], Path], words: str
) -> None:
    folder = tmp_path / "shop"
    database = make(folder)
    before = hashlib.sha256(database.read_bytes()).hexdigest()
    said: list[str] = []

    def read_and_close(box: QMessageBox) -> None:
        said.append(box.text())
        box.accept()

    when_shown(QMessageBox, read_and_close)
    assert run_app(arguments(folder)) == EXIT_PROFILE

    assert len(said) == 1
    assert words % folder in said[0]
    assert said[0].endswith("Nothing was changed.")
    assert hashlib.sha256(database.read_bytes()).hexdigest() == before


def test_a_profile_not_signed_in_opens_on_the_welcome_and_quit_ends(
    tmp_path: Path, when_shown: WhenShown
) -> None:
    when_shown(WelcomeDialog, lambda dialog: dialog.quit_button.click())
    assert run_app(arguments(tmp_path / "fresh")) == 0


def test_in_chinese_the_window_speaks_chinese(shop_profile: Profile, when_shown: WhenShown) -> None:
    seen: dict[str, object] = {}

    def look_then_close(window: MainWindow) -> None:
        try:
            assert window.dashboard is not None
            seen["title"] = window.windowTitle()
            seen["menus"] = [action.text() for action in window.menuBar().actions()]
            seen["cards"] = [
                window.dashboard.card(name).title_text() for name in window.dashboard.card_names()
            ]
            seen["navigation"] = [w.title() for w in window.workspaces()]
        finally:
            window.close()

    when_shown(
        MainWindow,
        look_then_close,
        ready=lambda w: w.dashboard is not None and not w.dashboard.is_loading(),
    )
    # The profile has an action waiting: the owner quits anyway.
    answer_quit_questions()
    assert run_app(arguments(shop_profile.folder, "zh_CN")) == 0

    assert seen["title"] == f"{SHOP_NAME} — 掌柜"
    assert seen["menus"] == ["文件(&F)", "查看(&V)", "帮助(&H)"]
    assert seen["navigation"] == [
        "经营概况",
        "订单",
        "选品中心",
        "店长",
        "放手申请",
        "收益",
        "顾客",
        "销售图表",
        "海报",
        "人员",
    ]
    assert seen["cards"] == [
        "今日订单",
        "今日销售额",
        "近 7 天订单",
        "近 7 天销售额",
        "待发货",
        "今日退款",
        "今日取消",
        "放手申请",
        "有风险的店长",
        "今日结束的档期",
        "可提现余额",
        "今日佣金",
        "本周将可提现",
        "待同步",
        "平台拒绝",
        "上次同步",
    ]
