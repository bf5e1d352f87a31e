"""The packaged app, run as on a shop owner's computer: a copy of dist/zhanggui outside the
checkout, an empty environment (a fresh HOME, PATH=/usr/bin:/bin), no Python, no virtual
environment. It serves the platform, signs in, syncs, reports, and opens its window on a virtual
screen: the first run's welcome, the main window, Chinese drawn with the font it carries, and a
forced crash's report and dialog.

``./dev test`` builds the folder first (``./dev package``) and points ZHANGGUI_PACKAGED_APP at it.
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import httpx
import pytest
from sqlalchemy import select

from models import wire
from models.db import SyncState
from models.profile import Profile
from tests.platform_process import ROOT, free_port
from tests.sync.views import assert_mirror_equals_server

pytestmark = pytest.mark.package

APP_ENV: Final = "ZHANGGUI_PACKAGED_APP"
BUILT: Final = ROOT / "dist" / "zhanggui" / "zhanggui"
ORDERS: Final = 400
WINDOW_SECONDS: Final = 120.0
FONTS_WITHOUT_CHINESE: Final = "/usr/share/fonts/truetype/dejavu"


@pytest.fixture(scope="module")
def app(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The executable of a copy of the packaged folder, away from the source checkout."""
    named = os.environ.get(APP_ENV)
    built = Path(named) if named else BUILT
    if not built.is_file():
        if named or os.environ.get("CI") == "true":
            pytest.fail(f"no packaged app at {built}: ./dev package builds it")
        pytest.skip("no packaged app: ./dev package builds it")
    installed = tmp_path_factory.mktemp("installed") / "zhanggui"
    shutil.copytree(built.parent, installed, symlinks=True)
    return installed / built.name


@pytest.fixture(scope="module")
def home(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("home")


def bare(home: Path, **extra: str) -> dict[str, str]:
    """An environment as empty as ``env -i`` gives, with a fresh HOME."""
    return {"HOME": str(home), "PATH": "/usr/bin:/bin", **extra}


def run(app: Path, home: Path, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(app), *args],
        env=bare(home),
        cwd=home,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=300,
        check=False,
    )


@dataclass
class Platform:
    url: str
    db: Path


@pytest.fixture(scope="module")
def platform(app: Path, home: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[Platform]:
    """``zhanggui platform --seed …`` of the packaged app, serving on a loopback port."""
    folder = tmp_path_factory.mktemp("platform")
    db, port = folder / "platform.sqlite3", free_port()
    with (folder / "platform.log").open("wb") as output:
        process = subprocess.Popen(
            [
                str(app),
                "platform",
                "--db",
                str(db),
                "--port",
                str(port),
                "--seed",
                "5",
                "--shops",
                "2",
                "--orders",
                str(ORDERS),
                "--products",
                "300",
                "--anchor",
                "2026-11-24",
            ],
            env=bare(home),
            cwd=home,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_until_healthy(process, url, folder / "platform.log")
        yield Platform(url, db)
    finally:
        process.send_signal(signal.SIGTERM)
        try:
            process.wait(30)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


def _wait_until_healthy(process: subprocess.Popen[bytes], url: str, log: Path) -> None:
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise AssertionError(f"the platform exited: {log.read_text(errors='replace')}")
        try:
            answer = httpx.get(
                f"{url}/v1/health", headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
            )
            if answer.status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise AssertionError("the packaged platform did not come up")


@dataclass
class Shop:
    folder: Path
    login: subprocess.CompletedProcess[str]
    sync: subprocess.CompletedProcess[str]


@pytest.fixture(scope="module")
def shop(app: Path, home: Path, platform: Platform) -> Shop:
    """A profile signed in and synced by the packaged app's own commands."""
    folder = home / "shop"
    login = run(
        app,
        home,
        "login",
        "--profile",
        str(folder),
        "--platform",
        platform.url,
        "--shop",
        "demo1",
        "--password",
        "demo",
    )
    return Shop(folder, login, run(app, home, "sync", "--profile", str(folder)))


@pytest.fixture(scope="module")
def screen() -> Iterator[dict[str, str]]:
    """A virtual X screen of 1366x768 (Xvfb), or Qt's offscreen platform where there is none."""
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("CI") == "true":
            pytest.fail("Xvfb is missing: ./dev installs the xvfb package")
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    reader, writer = os.pipe()
    server = subprocess.Popen(
        [xvfb, "-displayfd", str(writer), "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
        pass_fds=(writer,),
        stderr=subprocess.DEVNULL,
    )
    os.close(writer)
    with os.fdopen(reader) as answer:
        display = answer.readline().strip()
    try:
        yield {"DISPLAY": f":{display}"}
    finally:
        server.terminate()
        server.wait(10)


def log_text(profile: Path) -> str:
    path = profile / "logs" / "zhanggui.log"
    return path.read_text(encoding="utf-8", errors="replace") if path.exists() else ""


def open_window(
    app: Path,
    home: Path,
    screen: dict[str, str],
    profile: Path,
    wait_for: str,
    *args: str,
    **env: str,
) -> tuple[int, str]:
    """Start the app, wait until its log says ``wait_for``, end it as the system would (SIGTERM).

    Returns its exit status and what it logged in this run.
    """
    before = len(log_text(profile))
    process = subprocess.Popen(
        [str(app), "--profile", str(profile), *args],
        env=bare(home, **screen, **env),
        cwd=home,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )
    deadline = time.monotonic() + WINDOW_SECONDS
    try:
        while wait_for not in log_text(profile)[before:]:
            if process.poll() is not None or time.monotonic() > deadline:
                output = process.communicate(timeout=30)[0].decode(errors="replace")
                raise AssertionError(f"no {wait_for!r} in the log; the app said: {output}")
            time.sleep(0.2)
        process.send_signal(signal.SIGTERM)
        process.wait(60)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if process.stdout is not None:
            process.stdout.close()
    return process.returncode, log_text(profile)[before:]


def test_the_executable_says_what_it_can_do(app: Path, home: Path) -> None:
    done = run(app, home, "--help")
    assert done.returncode == 0, done.stderr
    for command in ("platform", "login", "sync", "status", "orders", "review", "posters"):
        assert command in done.stdout
    assert "usage: zhanggui" in done.stdout


def test_it_serves_the_platform_signs_in_syncs_and_reports(
    app: Path, home: Path, platform: Platform, shop: Shop
) -> None:
    assert shop.login.returncode == 0, shop.login.stderr
    assert "signed in to" in shop.login.stdout
    assert "(demo1)" in shop.login.stdout
    assert shop.sync.returncode == 0, shop.sync.stderr
    assert f"{ORDERS} order" in shop.sync.stdout

    status = run(app, home, "status", "--profile", str(shop.folder), "--json")
    assert status.returncode == 0, status.stderr
    report = json.loads(status.stdout)
    assert report["shop"] == "demo1"
    assert report["counts"]["orders"] == ORDERS
    assert report["outbox_pending"] == 0
    assert report["last_sync"] is not None

    profile = Profile.open(shop.folder)
    try:
        with profile.read() as s:
            state = s.scalar(select(SyncState))
            assert state is not None
            shop_id, token = state.shop_id, state.token
        assert_mirror_equals_server(profile, platform.db, shop_id)
    finally:
        profile.close()
    written = log_text(shop.folder)
    assert "log file started" in written
    assert token not in written


def test_the_window_opens_on_the_signed_in_shop(
    app: Path, home: Path, screen: dict[str, str], shop: Shop
) -> None:
    code, written = open_window(app, home, screen, shop.folder, "the main window is shown")
    assert code == 0, written
    assert "Zhanggui 0.1.0 (packaged)" in written
    assert "closing on signal SIGTERM" in written


def test_the_first_run_welcomes_the_owner(app: Path, home: Path, screen: dict[str, str]) -> None:
    fresh = home / "first-run"
    code, written = open_window(app, home, screen, fresh, "the welcome is shown", "--lang", "zh_CN")
    assert code == 0, written
    assert (fresh / "zhanggui.sqlite3").exists()
    assert "the main window is shown" not in written


def test_chinese_is_drawn_with_the_font_it_carries_where_the_system_has_none(
    app: Path, home: Path, screen: dict[str, str], tmp_path: Path
) -> None:
    config = tmp_path / "fonts.conf"
    config.write_text(
        '<?xml version="1.0"?>\n<!DOCTYPE fontconfig SYSTEM "fonts.dtd">\n<fontconfig>\n'
        f"  <dir>{FONTS_WITHOUT_CHINESE}</dir>\n  <cachedir>{tmp_path / 'cache'}</cachedir>\n"
        "</fontconfig>\n",
        encoding="utf-8",
    )
    code, written = open_window(
        app,
        home,
        screen,
        tmp_path / "no-cjk",
        "the welcome is shown",
        "--lang",
        "zh_CN",
        FONTCONFIG_FILE=str(config),
    )
    assert code == 0, written
    assert "Chinese text drawn with Noto Sans CJK SC (shipped with the app)" in written
    assert "has no Chinese characters" not in written


def test_a_forced_crash_writes_a_report_and_shows_the_dialog(
    app: Path, home: Path, screen: dict[str, str], shop: Shop
) -> None:
    code, written = open_window(
        app, home, screen, shop.folder, "the crash dialog is shown", "--debug-crash"
    )
    # the app kept running with the dialog open until the system asked it to close
    assert code == 0, written
    reports = sorted((shop.folder / "logs").glob("crash-*.txt"))
    assert len(reports) == 1
    text = reports[0].read_text(encoding="utf-8")
    assert "RuntimeError: an error raised on purpose with --debug-crash" in text
    assert "zhanggui: 0.1.0" in text
    assert "packaged: yes" in text
    assert "qt: 6." in text
    assert "the main window is shown" in text
    profile = Profile.open(shop.folder)
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        token = state.token
    profile.close()
    assert token not in text
