"""Operations: probes, Prometheus metrics, the JSON access log, escaped log lines with no
personal data, and time limits on requests that do not arrive."""

from __future__ import annotations

import json
import re
import shutil
import socket
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from prometheus_client.parser import text_string_to_metric_families
from sqlalchemy import Engine, text

from models import wire
from server.runner import Limits, PlatformThread
from tests.platform_process import PlatformProcess
from tests.server.conftest import Desk, PgDatabases, mutation

HEADERS = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}


def samples(body: str) -> dict[tuple[str, tuple[tuple[str, str], ...]], float]:
    found: dict[tuple[str, tuple[tuple[str, str], ...]], float] = {}
    for family in text_string_to_metric_families(body):
        for sample in family.samples:
            found[(sample.name, tuple(sorted(sample.labels.items())))] = sample.value
    return found


def requests_of(found: dict[tuple[str, tuple[tuple[str, str], ...]], float], route: str) -> float:
    return sum(
        value
        for (name, labels), value in found.items()
        if name == "zhanggui_requests_total" and ("route", route) in labels
    )


# --- probes ----------------------------------------------------------------------------------


def test_health_says_alive_and_ready_checks_the_database(
    platform: PlatformThread, engine: Engine
) -> None:
    assert httpx.get(f"{platform.url}/health").json() == {"status": "alive"}
    assert httpx.get(f"{platform.url}/ready").json() == {"status": "ready", "problem": ""}
    with engine.begin() as conn:
        conn.execute(text("DROP TABLE login_failure"))
    not_ready = httpx.get(f"{platform.url}/ready")
    assert not_ready.status_code == 503
    assert not_ready.json()["status"] == "not_ready"
    assert "login_failure" in not_ready.json()["problem"]
    assert httpx.get(f"{platform.url}/health").status_code == 200


# --- metrics ---------------------------------------------------------------------------------


def test_metrics_count_requests_per_route_push_outcomes_and_feed_lengths(
    platform: PlatformThread, desk: Callable[[], Desk]
) -> None:
    shop = desk().login("demo1")
    for _ in range(3):
        assert shop.pull().status_code == 200
    pick = mutation("product_pick.set", {"product_id": 1, "picked": True})
    shop.push(pick, mutation("product_pick.set", {"product_id": 1, "picked": [1]}))
    shop.push(pick)
    shop.http.get("/v1/nothing")
    response = httpx.get(f"{platform.url}/metrics")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("text/plain")
    found = samples(response.text)
    pulls = (("method", "GET"), ("route", "/v1/pull"), ("status", "200"))
    assert found[("zhanggui_requests_total", pulls)] == 3
    assert (
        found[("zhanggui_request_seconds_count", (("method", "GET"), ("route", "/v1/pull")))] == 3
    )
    assert requests_of(found, "/v1/push") == 2
    assert requests_of(found, "unrouted") == 1
    for status, count in (("applied", 1), ("rejected", 1), ("duplicate", 1)):
        labels = (("kind", "product_pick.set"), ("status", status))
        assert found[("zhanggui_push_mutations_total", labels)] == count, status
    assert found[("zhanggui_feed_length", (("partition", "catalogue"),))] > 0
    assert found[("zhanggui_feed_length", (("partition", str(shop.shop_id)),))] > 0
    assert found[("zhanggui_feed_partitions", ())] >= 3


# --- the log ---------------------------------------------------------------------------------


@pytest.fixture
def served(platform_db: Path) -> Iterator[Callable[..., PlatformProcess]]:
    started: list[PlatformProcess] = []

    def start(*extra: str) -> PlatformProcess:
        server = PlatformProcess(platform_db)
        server.start(*extra)
        started.append(server)
        return server

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def platform_db(sqlite_template: Path, tmp_path: Path) -> Path:
    db = tmp_path / "served" / "platform.sqlite3"
    db.parent.mkdir()
    shutil.copy(sqlite_template, db)
    return db


def _visit(server: PlatformProcess) -> dict[str, Any]:
    """Sign in, pull, push a note and knock on a forged address; what was sent and seen."""
    with httpx.Client(base_url=server.url, headers=HEADERS, timeout=30) as http:
        login = http.post("/v1/login", json={"shop_code": "demo1", "password": "demo"}).json()
        http.headers["Authorization"] = f"Bearer {login['token']}"
        page = http.get("/v1/pull").json()
        order = page["upserts"]["order"][0]
        note = "客户王女士 13812345678 要求改地址"
        review = {"order_id": order["id"], "reviewed": True, "flag": "none", "note": note}
        assert http.post("/v1/push", json={"mutations": [mutation("order_review.set", review)]})
        http.get('/v1/nothing%0A{"forged": true}')
        http.get("/v1/nothing%0D%0A2026-11-24 12:00:00 INFO forged: line")
    return {"token": login["token"], "note": note, "customers": page["upserts"]["customer"]}


def test_the_access_log_is_one_json_object_per_line_with_nothing_personal(
    served: Callable[..., PlatformProcess],
) -> None:
    server = served()
    seen = _visit(server)
    server.stop()
    lines = server.log_text().splitlines()
    entries = [json.loads(line) for line in lines]
    access = [e for e in entries if e["logger"] == "server.access"]
    pulls = [e for e in access if e["route"] == "/v1/pull"]
    assert len(pulls) == 1
    assert pulls[0]["status"] == 200
    assert pulls[0]["shop_id"] == 1
    assert pulls[0]["ms"] > 0
    assert pulls[0]["bytes"] > 1000
    forged = [e for e in access if "forged" in e["path"]]
    assert [e["status"] for e in forged] == [404, 404]
    assert forged[0]["path"] == '/v1/nothing\n{"forged": true}'
    log = "\n".join(lines)
    for secret in (seen["token"], seen["token"].partition(".")[2], "demo1", seen["note"]):
        assert secret not in log
    for customer in seen["customers"][:50]:
        assert customer["name"] not in log
        assert customer["phone_masked"] not in log


def test_the_text_log_escapes_what_clients_sent(served: Callable[..., PlatformProcess]) -> None:
    server = served("--log-format", "text")
    _visit(server)
    server.stop()
    lines = server.log_text().splitlines()
    stamp = re.compile(r"^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d,\d{3} [A-Z]+ [\w.]+: ")
    assert all(stamp.match(line) or line.startswith("    ") for line in lines), lines
    assert not any("forged" in line and not stamp.match(line) for line in lines)
    assert any(r"/v1/nothing\n{" in line for line in lines)
    assert any(r"/v1/nothing\r\n2026-11-24" in line for line in lines)


# --- time limits -----------------------------------------------------------------------------


@pytest.fixture
def impatient(db_url: str) -> Iterator[PlatformThread]:
    server = PlatformThread(db_url, limits=Limits(header_timeout=1.0, body_timeout=1.0))
    server.start()
    yield server
    server.stop()


def _answer_within(sock: socket.socket, seconds: float) -> tuple[bytes, float]:
    """What the platform sends until it closes the connection, and how long that took."""
    started = time.monotonic()
    sock.settimeout(seconds)
    received = b""
    while chunk := sock.recv(65536):
        received += chunk
    return received, time.monotonic() - started


def _connect(server: PlatformThread | PlatformProcess) -> socket.socket:
    return socket.create_connection(("127.0.0.1", server.port), timeout=5)


def test_half_sent_headers_are_cut_off_with_408(impatient: PlatformThread) -> None:
    with _connect(impatient) as sock:
        sock.sendall(b"GET /v1/pull HTTP/1.1\r\nHost: platform\r\n")
        answer, took = _answer_within(sock, 10)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert wire.ERR_TIMEOUT.encode() in answer
    assert took < 5


def test_a_connection_that_sends_nothing_is_closed(impatient: PlatformThread) -> None:
    with _connect(impatient) as sock:
        answer, took = _answer_within(sock, 10)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert took < 5


def test_a_half_sent_body_is_cut_off_with_408(impatient: PlatformThread) -> None:
    with _connect(impatient) as sock:
        sock.sendall(
            b"POST /v1/login HTTP/1.1\r\nHost: platform\r\nX-Zhanggui-Protocol: 1\r\n"
            b"Content-Type: application/json\r\nContent-Length: 100\r\n\r\n"
            b'{"shop_code": '
        )
        answer, took = _answer_within(sock, 10)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert wire.ERR_TIMEOUT.encode() in answer
    assert took < 5


def test_a_slow_but_whole_request_on_a_kept_connection_is_answered(
    impatient: PlatformThread,
) -> None:
    with httpx.Client(base_url=impatient.url, headers=HEADERS) as http:
        for _ in range(3):
            assert http.get("/v1/health").status_code == 200
            time.sleep(0.6)  # longer in total than the limits, but each request is whole


def test_the_served_platform_cuts_off_a_half_sent_request_within_its_limit(
    served: Callable[..., PlatformProcess],
) -> None:
    server = served()
    with _connect(server) as sock:
        sock.sendall(b"GET /v1/pull HTTP/1.1\r\nHost: platform\r\n")
        answer, took = _answer_within(sock, 30)
    assert answer.startswith(b"HTTP/1.1 408 ")
    assert 9 < took < 15


# --- several workers -------------------------------------------------------------------------


def _workers_of(process_id: int) -> list[int]:
    children = Path(f"/proc/{process_id}/task/{process_id}/children").read_text().split()
    found = []
    for child in children:
        command = Path(f"/proc/{child}/cmdline").read_bytes().replace(b"\0", b" ")
        if b"spawn_main" in command and b"resource_tracker" not in command:
            found.append(int(child))
    return found


@pytest.mark.postgres
def test_several_workers_serve_postgresql_and_their_metrics_add_up(
    pg_databases: PgDatabases, tmp_path: Path
) -> None:
    server = PlatformProcess(pg_databases.fresh(True), folder=tmp_path)
    server.start("--workers", "2")
    try:
        assert server.process is not None
        assert len(_workers_of(server.process.pid)) == 2
        before = requests_of(samples(httpx.get(f"{server.url}/metrics").text), "/v1/health")
        for _ in range(40):
            # A new connection each time, so that both workers take some.
            assert httpx.get(f"{server.url}/v1/health").status_code == 200
        scrapes = [samples(httpx.get(f"{server.url}/metrics").text) for _ in range(6)]
        # Whichever worker answers a scrape counts the requests of both.
        assert [requests_of(found, "/v1/health") - before for found in scrapes] == [40.0] * 6
        with _connect(server) as sock:
            sock.sendall(b"GET /v1/pull HTTP/1.1\r\n")
            answer, _took = _answer_within(sock, 30)
        assert answer.startswith(b"HTTP/1.1 408 ")
    finally:
        server.stop()


def test_sqlite_refuses_several_workers(platform_db: Path) -> None:
    server = PlatformProcess(platform_db)
    with pytest.raises(RuntimeError, match="needs PostgreSQL"):
        server.start("--workers", "2", timeout=30)
