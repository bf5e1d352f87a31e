"""The command line without the parts it does not need: no Qt for the profile commands, and words
for what to install where a part is missing (``pip install .`` has neither Qt nor the server)."""

from __future__ import annotations

import importlib.util
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.platform_process import MAIN, ROOT

QT_MISSING = importlib.util.find_spec("PySide6") is None


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )


def test_the_profile_commands_never_load_qt(tmp_path: Path) -> None:
    probe = (
        "import json, sys, main; "
        f"code = main.main(['status', '--profile', {str(tmp_path / 'p')!r}, '--json']); "
        "print(json.dumps({'code': code, 'qt': any(m.startswith('PySide6') for m in sys.modules)}))"
    )
    done = subprocess.run(
        [sys.executable, "-c", probe],
        check=False,
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,
    )
    assert done.returncode == 0, done.stderr
    status, outcome = done.stdout.strip().splitlines()
    assert json.loads(status)["shop"] is None
    assert json.loads(outcome) == {"code": 0, "qt": False}


def test_a_bad_platform_address_is_said_in_words(tmp_path: Path) -> None:
    done = run(
        "login",
        "--profile",
        str(tmp_path / "p"),
        "--platform",
        "demo1",
        "--shop",
        "demo1",
        "--password",
        "demo",
    )
    assert done.returncode == 1
    assert done.stderr.strip() == "error: 'demo1' is not a platform address (it names no computer)"


@pytest.mark.skipif(not QT_MISSING, reason="where Qt is installed the app opens")
def test_without_qt_the_app_and_the_posters_say_what_to_install(tmp_path: Path) -> None:
    app = run("--profile", str(tmp_path / "p"))
    posters = run("posters", "--profile", str(tmp_path / "p"), "--shop", "--out", "x.pdf")
    for done in (app, posters):
        assert done.returncode == 1
        assert "which this installation does not have" in done.stderr
        assert 'pip install "zhanggui[desktop]"' in done.stderr
