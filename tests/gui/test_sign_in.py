"""Signing in: the dialog answers None on cancel, and a refusal is said in words."""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtWidgets import QDialog, QDialogButtonBox
from pytestqt.qtbot import QtBot

from gui.sign_in import SignInDialog
from models.errors import LoginRefused
from models.profile import Profile
from models.services.account import login, signed_in
from tests.gui.conftest import UNREACHABLE_PLATFORM, WhenShown
from tests.platform_process import PlatformProcess


@pytest.fixture
def new_profile(tmp_path: Path) -> Iterator[Profile]:
    profile = Profile.open(tmp_path / "new")
    yield profile
    profile.close()


def fill_in(dialog: SignInDialog, url: str, shop: str, password: str) -> None:
    dialog.platform_url.setText(url)
    dialog.shop_code.setText(shop)
    dialog.password.setText(password)


def click_cancel(dialog: SignInDialog) -> None:
    buttons = dialog.findChild(QDialogButtonBox)
    assert isinstance(buttons, QDialogButtonBox)
    buttons.button(QDialogButtonBox.StandardButton.Cancel).click()


def test_cancel_answers_none(new_profile: Profile, when_shown: WhenShown) -> None:
    when_shown(SignInDialog, click_cancel)

    assert SignInDialog.ask(new_profile) is None
    assert signed_in(new_profile) is None


def test_sign_in_waits_until_everything_is_filled_in(qtbot: QtBot, new_profile: Profile) -> None:
    dialog = SignInDialog(new_profile)
    qtbot.addWidget(dialog)
    assert not dialog.sign_in_button.isEnabled()
    fill_in(dialog, UNREACHABLE_PLATFORM, "demo1", "")
    assert not dialog.sign_in_button.isEnabled()
    dialog.password.setText("demo")
    assert dialog.sign_in_button.isEnabled()


def test_an_unreachable_platform_is_said_in_words_and_keeps_what_was_typed(
    qtbot: QtBot, new_profile: Profile
) -> None:
    dialog = SignInDialog(new_profile)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_in(dialog, UNREACHABLE_PLATFORM, "demo1", "demo")

    dialog.sign_in_button.click()
    assert dialog.is_busy()
    qtbot.waitUntil(lambda: not dialog.is_busy())

    assert dialog.problem.text() == (
        f"Cannot reach the platform at {UNREACHABLE_PLATFORM}. Check the address and the network."
    )
    assert (dialog.platform_url.text(), dialog.shop_code.text(), dialog.password.text()) == (
        UNREACHABLE_PLATFORM,
        "demo1",
        "demo",
    )
    assert dialog.result() != QDialog.DialogCode.Accepted
    assert signed_in(new_profile) is None


def test_a_wrong_password_is_refused_in_words_then_the_right_one_signs_in(
    qtbot: QtBot, new_profile: Profile, platform: PlatformProcess
) -> None:
    dialog = SignInDialog(new_profile, platform_url=platform.url)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_in(dialog, platform.url, "demo1", "not-the-password")

    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy())

    assert dialog.problem.text().startswith(
        "The platform refused this shop code, user or password."
    )
    assert (dialog.shop_code.text(), dialog.password.text()) == ("demo1", "not-the-password")
    assert signed_in(new_profile) is None

    dialog.password.setText("demo")
    with qtbot.waitSignal(dialog.accepted):
        dialog.sign_in_button.click()
    assert dialog.signed_in is not None
    assert dialog.signed_in.shop_code == "demo1"
    assert signed_in(new_profile) == dialog.signed_in


def test_after_ten_wrong_passwords_the_dialog_says_when_to_try_again(
    qtbot: QtBot, new_profile: Profile, platform: PlatformProcess
) -> None:
    for attempt in range(10):
        with pytest.raises(LoginRefused):
            login(new_profile, platform.url, "demo2", f"wrong-{attempt}")
    dialog = SignInDialog(new_profile, platform_url=platform.url)
    qtbot.addWidget(dialog)
    dialog.show()
    fill_in(dialog, platform.url, "demo2", "demo")

    dialog.sign_in_button.click()
    qtbot.waitUntil(lambda: not dialog.is_busy(), timeout=20_000)

    said = dialog.problem.text()
    assert said.startswith("Too many wrong passwords for this shop from this computer.")
    assert re.search(r"Try again after [\d: -]+ \(in 1[45] minutes\)\.$", said), said
    assert (dialog.shop_code.text(), dialog.password.text()) == ("demo2", "demo")
    assert signed_in(new_profile) is None
