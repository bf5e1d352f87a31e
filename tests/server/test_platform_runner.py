"""Running the platform: in a thread of this process, and from the command line."""

from __future__ import annotations

import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from models import wire
from server.runner import PlatformThread

ROOT = Path(__file__).resolve().parents[2]
_MAIN = "import sys; from server.cli import platform_main; sys.exit(platform_main(sys.argv[1:]))"
_HEADERS = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


def test_the_thread_runner_binds_a_free_port_and_stops(tmp_path: Path) -> None:
    server = PlatformThread(str(tmp_path / "platform.sqlite3"))
    port = server.start()
    assert port > 0
    assert server.url.endswith(f":{port}")
    with pytest.raises(RuntimeError):
        server.start()
    assert httpx.get(f"{server.url}/v1/health").status_code == 200
    server.stop()
    with pytest.raises(httpx.TransportError):
        httpx.get(f"{server.url}/v1/health", timeout=2)


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def _run_platform(*args: str) -> tuple[subprocess.Popen[bytes], str]:
    port = _free_port()
    command = [
        sys.executable,
        "-c",
        "import logging; logging.basicConfig(level=logging.INFO); " + _MAIN,
        *args,
        "--port",
        str(port),
    ]
    process = subprocess.Popen(command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        if process.poll() is not None:
            break
        try:
            if httpx.get(f"{url}/v1/health", timeout=1).status_code == 200:
                return process, url
        except httpx.TransportError:
            time.sleep(0.1)
    output = process.communicate(timeout=10)[0].decode(errors="replace")
    raise AssertionError(f"the platform did not come up:\n{output}")


def _interrupt(process: subprocess.Popen[bytes]) -> str:
    process.send_signal(signal.SIGINT)
    output, _ = process.communicate(timeout=30)
    assert process.returncode == 0, output
    return output.decode(errors="replace")


def test_the_command_line_seeds_once_serves_and_renews_the_epoch(tmp_path: Path) -> None:
    db = tmp_path / "platform.sqlite3"
    seeding = (
        "--db",
        str(db),
        "--seed",
        "5",
        "--shops",
        "1",
        "--orders",
        "300",
        "--products",
        "200",
    )
    process, url = _run_platform(*seeding, "--anchor", "2026-11-24")
    login = httpx.post(
        f"{url}/v1/login", json={"shop_code": "demo1", "password": "demo"}, headers=_HEADERS
    )
    assert login.status_code == 200
    first_epoch = login.json()["epoch"]
    _interrupt(process)

    process, url = _run_platform(*seeding, "--new-epoch")
    health = httpx.get(f"{url}/v1/health").json()
    output = _interrupt(process)
    assert "not seeding it again" in output
    assert health["epoch"] != first_epoch


def test_the_command_line_refuses_a_bad_day() -> None:
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            _MAIN,
            "--db",
            "x.sqlite3",
            "--anchor",
            "24/11/2026",
        ],
        cwd=ROOT,
        capture_output=True,
        check=False,
    )
    assert result.returncode == 2
    assert b"not a day" in result.stderr
