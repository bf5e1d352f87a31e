"""The desktop's side of the locked doors: signing out here or everywhere, a sign-in that ended,
throttled sign-ins, a private profile, and a platform that does not answer."""

from __future__ import annotations

import re
import socket
import stat
import subprocess
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import func, select

from models.db import Order
from models.errors import LoginRefused, PlatformSilent, SignInEnded, SignInThrottled
from models.profile import DB_NAME, Profile
from models.services.account import login, logout, signed_in
from models.sync.syncer import SyncOptions, sync
from tests.platform_process import MAIN, PlatformProcess


def run(*args: str, timeout: float = 120) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(MAIN), *args],
        check=False,
        capture_output=True,
        text=True,
        timeout=timeout,
    )


def synced(platform: PlatformProcess, folder: Path) -> Profile:
    profile = Profile.open(folder)
    login(profile, platform.url, "demo1", "demo")
    sync(profile)
    return profile


def orders_in(profile: Profile) -> int:
    with profile.read() as s:
        return int(s.scalar(select(func.count()).select_from(Order)) or 0)


def test_logout_signs_this_computer_out_and_keeps_its_data(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    here, there = (
        synced(platform, profile_folder("here")),
        synced(platform, profile_folder("there")),
    )
    kept = orders_in(here)
    done = run("logout", "--profile", str(here.folder))
    assert done.returncode == 0, done.stderr
    assert "signed this computer out of demo1" in done.stdout

    assert signed_in(here) is None
    assert orders_in(here) == kept
    again = run("sync", "--profile", str(here.folder))
    assert again.returncode == 1
    assert "signed out" in again.stderr
    assert "sign in again" in again.stderr
    # The other computer of the shop carries on.
    assert sync(there).pulled.total == 0
    # Signing in again carries on with what this computer has: only the owner's new sign-in
    # comes, for her People page.
    login(here, platform.url, "demo1", "demo")
    assert sync(here).pulled.upserted == {"person": 1}
    assert orders_in(here) == kept


def test_logout_everywhere_ends_every_computers_sign_in(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    here, there = (
        synced(platform, profile_folder("here")),
        synced(platform, profile_folder("there")),
    )
    done = run("logout", "--profile", str(here.folder), "--everywhere")
    assert done.returncode == 0, done.stderr
    assert "signed every computer of the shop out of demo1" in done.stdout

    with pytest.raises(SignInEnded) as ended:
        sync(there)
    assert not ended.value.expired
    refused = run("sync", "--profile", str(there.folder))
    assert refused.returncode == 1
    assert "this computer's sign-in ended (it was signed out); sign in again" in refused.stderr
    login(there, platform.url, "demo1", "demo")
    assert sync(there).pulled.upserted == {"person": 1}  # her new sign-in


def test_logout_without_the_platform_still_signs_this_computer_out(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    here = synced(platform, profile_folder("here"))
    platform.stop()
    with pytest.raises(Exception, match="reach"):
        logout(here, everywhere=True)
    assert signed_in(here) is not None  # kept, so that it can be asked again
    done = logout(here)
    assert not done.platform_told
    assert signed_in(here) is None


def test_a_throttled_sign_in_says_when_to_try_again(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = Profile.open(profile_folder("guess"))
    for attempt in range(10):
        with pytest.raises(LoginRefused):
            login(profile, platform.url, "demo2", f"wrong-{attempt}")
    with pytest.raises(SignInThrottled) as throttled:
        login(profile, platform.url, "demo2", "demo")
    assert 14 * 60 < throttled.value.retry_at - time.time() <= 15 * 60
    done = run(
        "login",
        "--profile",
        str(profile.folder),
        "--platform",
        platform.url,
        "--shop",
        "demo2",
        "--password",
        "demo",
    )
    assert done.returncode == 1
    assert re.search(
        r"try again after \d\d\d\d-\d\d-\d\d \d\d:\d\d \(in 1[45] minutes\)", done.stderr
    )


# --- the profile's files -------------------------------------------------------------------


def _mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_the_profile_is_readable_by_its_owner_only(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = synced(platform, profile_folder("private"))
    files = sorted(profile.folder.glob(f"{DB_NAME}*"))
    assert {f.name for f in files} >= {DB_NAME, f"{DB_NAME}-wal", f"{DB_NAME}-shm"}
    assert _mode(profile.folder) == 0o700
    assert {f.name: _mode(f) for f in files} == dict.fromkeys((f.name for f in files), 0o600)
    profile.close()


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX file modes")
def test_an_older_profile_left_open_to_all_is_closed_at_open(tmp_path: Path) -> None:
    folder = tmp_path / "old"
    Profile.open(folder).close()
    folder.chmod(0o755)
    (folder / DB_NAME).chmod(0o644)
    Profile.open(folder).close()
    assert _mode(folder) == 0o700
    assert _mode(folder / DB_NAME) == 0o600


# --- a platform that takes the request and never answers -----------------------------------


@pytest.fixture
def silent_platform() -> Iterator[str]:
    """A socket that accepts every connection and never says a word."""
    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(16)
    held: list[socket.socket] = []
    stop = threading.Event()

    def accept() -> None:
        server.settimeout(0.2)
        while not stop.is_set():
            try:
                connection, _ = server.accept()
            except TimeoutError:
                continue
            held.append(connection)

    thread = threading.Thread(target=accept, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.getsockname()[1]}"
    stop.set()
    thread.join()
    for connection in held:
        connection.close()
    server.close()


def test_a_silent_platform_is_said_within_about_twenty_seconds(
    platform: PlatformProcess, profile_folder: Callable[[str], Path], silent_platform: str
) -> None:
    profile = synced(platform, profile_folder("waiting"))
    from models.db import SyncState

    with profile.write() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        state.platform_url = silent_platform
    started = time.monotonic()
    with pytest.raises(PlatformSilent):
        sync(profile, SyncOptions())
    assert time.monotonic() - started < 25
    started = time.monotonic()
    done = run("sync", "--profile", str(profile.folder))
    assert time.monotonic() - started < 30
    assert done.returncode == 1
    assert "the platform does not answer" in done.stderr
