"""Every typed error of models/ has its own words."""

from __future__ import annotations

import datetime as dt
import inspect
import time
from pathlib import Path
from typing import get_args

import pytest
from PySide6.QtWidgets import QApplication

from gui import i18n, messages
from models import errors, wire


def every_typed_error() -> list[errors.ZhangguiError]:
    found: list[errors.ZhangguiError] = []
    for _name, kind in inspect.getmembers(errors, inspect.isclass):
        if issubclass(kind, errors.PlatformError):
            found.append(kind("some_code", "what the platform said"))
        elif issubclass(kind, errors.ProfileOtherShop | errors.BackupOtherShop):
            found.append(kind("demo1", "demo2"))
        elif issubclass(kind, errors.NotAllowed):
            found.append(kind("assistant", "release.decide"))
        elif issubclass(kind, errors.PlatformAddressInvalid | errors.FileNotWritten):
            found.append(kind("demo1", "it names no computer"))
        elif issubclass(kind, errors.InvalidInput):
            found.append(kind("note", "too_long", value=2_345, limit=2_000))
        elif issubclass(kind, errors.AlreadySent):
            found.append(kind(3, 10))
        elif issubclass(kind, errors.UnknownOrder):
            found.append(kind("ZG0000000000000042"))
        elif issubclass(kind, errors.ZhangguiError):
            found.append(kind("what models said"))
    return found


@pytest.mark.parametrize("error", every_typed_error(), ids=lambda e: type(e).__name__)
def test_each_error_has_words_of_its_own(error: errors.ZhangguiError) -> None:
    said = messages.describe(error)
    assert said
    assert not said.startswith("An unexpected error occurred")
    assert "what models said" not in said
    # The platform's reason for refusing a person's request is in its own words.
    if type(error) not in (errors.PlatformError, errors.PlatformForbidden):
        assert "what the platform said" not in said
        assert str(error) not in said
    assert messages.sync_state(error)


def every_input_problem() -> list[errors.InvalidInput]:
    return [
        errors.InvalidInput(subject, problem, value=7, limit=100, low=1, allowed=("a", "b"))
        for subject in get_args(errors.InputSubject)
        for problem in get_args(errors.InputProblem)
    ]


def test_every_input_problem_is_said_in_words_not_in_the_log_s_english(
    qapp: QApplication,
) -> None:
    problems = every_input_problem()
    english = [messages.describe(e) for e in problems]
    for error, said in zip(problems, english, strict=True):
        assert said.endswith((".", "。"))
        assert str(error) not in said
        assert f"{error.subject}:" not in said
    assert "2,000" in messages.describe(
        errors.InvalidInput("note", "too_long", value=2_345, limit=2_000)
    )
    i18n.install(qapp, "zh_CN")
    chinese = [messages.describe(e) for e in problems]
    untranslated = [zh for zh, en in zip(chinese, english, strict=True) if zh == en]
    assert untranslated == []


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


def test_a_sign_in_that_ended_says_why_and_to_sign_in_again() -> None:
    expired = errors.SignInEnded(wire.ERR_SESSION_EXPIRED, "x", 401)
    revoked = errors.SignInEnded(wire.ERR_AUTH, "x", 401)
    assert messages.describe(expired).startswith(
        "This computer's sign-in ended after 30 days without use. Please sign in again"
    )
    assert messages.describe(revoked).startswith(
        "This computer was signed out of the shop. Please sign in again"
    )
    assert messages.sync_state(revoked) == "Signed out: please sign in again"
    assert messages.sync_state(expired) == "Sign-in expired: please sign in again"


def test_a_throttled_sign_in_says_when_to_try_again() -> None:
    now = dt.datetime(2026, 11, 24, 14, 0, 20).astimezone().timestamp()
    error = errors.SignInThrottled(wire.ERR_THROTTLED, "x", 429, now + 14 * 60 + 10)
    said = messages.throttled(error, now=now)
    assert said == (
        "Too many wrong passwords for this shop from this computer. "
        f"Try again after {_clock(now + 15 * 60)} (in 15 minutes)."
    )
    assert "in 1 minute)" in messages.throttled(
        errors.SignInThrottled(wire.ERR_THROTTLED, "x", 429, now + 20), now=now
    )


def _clock(seconds: float) -> str:
    moment = dt.datetime.fromtimestamp(seconds).astimezone()
    today = dt.datetime.now().astimezone().date()
    return moment.strftime("%H:%M" if moment.date() == today else "%Y-%m-%d %H:%M")


def test_a_silent_platform_is_not_called_unreachable() -> None:
    silent = errors.PlatformSilent("no_answer", "x")
    assert messages.describe(silent).startswith("The platform does not answer.")
    assert messages.sync_state(silent) == "The platform does not answer (trying again later)"
    said = messages.sign_in_problem(silent, "http://platform.example")
    assert said == "The platform at http://platform.example does not answer. Try again in a while."


def test_the_doors_in_chinese(qapp: QApplication) -> None:
    i18n.install(qapp, "zh_CN")
    try:
        now = time.time()
        throttled = errors.SignInThrottled(wire.ERR_THROTTLED, "x", 429, now + 600)
        assert "密码" in messages.throttled(throttled, now=now)
        assert "10 分钟后" in messages.throttled(throttled, now=now)
        assert "重新登录" in messages.describe(errors.SignInEnded(wire.ERR_AUTH, "x", 401))
        assert "没有响应" in messages.describe(errors.PlatformSilent("no_answer", "x"))
    finally:
        i18n.install(qapp, "en")
