"""Every typed error of models/ has its own words."""

from __future__ import annotations

import inspect
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui import i18n, messages
from models import errors


def every_typed_error() -> list[errors.ZhangguiError]:
    found: list[errors.ZhangguiError] = []
    for _name, kind in inspect.getmembers(errors, inspect.isclass):
        if issubclass(kind, errors.PlatformError):
            found.append(kind("some_code", "what the platform said"))
        elif issubclass(kind, errors.ProfileOtherShop | errors.BackupOtherShop):
            found.append(kind("demo1", "demo2"))
        elif issubclass(kind, errors.PlatformAddressInvalid):
            found.append(kind("demo1", "it names no computer"))
        elif issubclass(kind, errors.ZhangguiError):
            found.append(kind("what models said"))
    return found


@pytest.mark.parametrize("error", every_typed_error(), ids=lambda e: type(e).__name__)
def test_each_error_has_words_of_its_own(error: errors.ZhangguiError) -> None:
    said = messages.describe(error)
    assert said
    assert not said.startswith("An unexpected error occurred")
    if type(error) not in (errors.ZhangguiError, errors.InvalidInput, errors.PlatformError):
        assert "what models said" not in said
        assert "what the platform said" not in said
    assert messages.sync_state(error)


def test_the_status_bar_words_of_sync_problems() -> None:
    assert messages.sync_state(errors.PlatformUnreachable("unreachable", "x")) == (
        "Offline: cannot reach the platform (retrying)"
    )
    assert messages.sync_state(errors.LoginRefused("auth", "x")) == (
        "Sign-in expired: please sign in again"
    )
    assert messages.sync_state(errors.UpgradeRequired("upgrade", "x")) == (
        "Platform needs a newer Zhanggui"
    )
    assert messages.sync_state(errors.SyncBusy("x")) == "A sync is already running"


def test_a_profile_problem_says_what_where_and_that_nothing_changed(tmp_path: Path) -> None:
    said = messages.profile_problem(errors.ProfileCorrupt("x"), tmp_path)
    assert "damaged" in said
    assert str(tmp_path) in said
    assert said.endswith("Nothing was changed.")


def test_in_chinese(qapp: QApplication, tmp_path: Path) -> None:
    i18n.install(qapp, "zh_CN")
    assert messages.sync_state(errors.PlatformUnreachable("unreachable", "x")) == (
        "离线：无法连接平台（正在重试）"
    )
    said = messages.profile_problem(errors.ProfileUnwritable("x"), tmp_path)
    assert str(tmp_path) in said
    assert said.endswith("没有做任何更改。")
