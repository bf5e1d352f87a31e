"""Sign-in, the protocol header, health, and how every error looks."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx

from models import wire
from server.runner import PlatformThread
from tests.server.conftest import Desk

_JSON = {"Content-Type": "application/json"}


def _error(response: httpx.Response, status: int, code: str) -> wire.ErrorBody:
    assert response.status_code == status, response.text
    body = wire.ErrorBody.model_validate_json(response.content)
    assert body.code == code
    return body


def test_login_answers_token_shop_and_epoch(desk: Callable[[], Desk]) -> None:
    response = desk().http.post("/v1/login", json={"shop_code": "demo1", "password": "demo"})
    login = wire.LoginResponse.model_validate_json(response.content)
    assert login.shop_code == "demo1"
    assert login.shop_name
    assert login.token
    assert login.epoch


def test_wrong_code_and_wrong_password_get_the_same_answer(desk: Callable[[], Desk]) -> None:
    http = desk().http
    wrong_password = http.post("/v1/login", json={"shop_code": "demo1", "password": "nope"})
    wrong_code = http.post("/v1/login", json={"shop_code": "nobody", "password": "demo"})
    first = _error(wrong_password, 401, wire.ERR_BAD_LOGIN)
    second = _error(wrong_code, 401, wire.ERR_BAD_LOGIN)
    assert first.message == second.message


def test_a_request_in_another_protocol_is_told_to_upgrade(platform: PlatformThread) -> None:
    spoken_variants = [None, b"0", b"2", b"1.0", b"x" * 300, "ü".encode()]
    for spoken in spoken_variants:
        headers: dict[bytes, bytes] = {}
        if spoken is not None:
            headers[wire.PROTOCOL_HEADER.encode()] = spoken
        for path in ("/v1/login", "/v1/pull", "/v1/push"):
            response = httpx.post(f"{platform.url}{path}", json={}, headers=headers)
            body = _error(response, 426, wire.ERR_UPGRADE)
            assert f"the platform speaks {wire.PROTOCOL_VERSION}" in body.message
            assert "Please upgrade." in body.message
    response = httpx.post(f"{platform.url}/v1/login", json={}, headers={wire.PROTOCOL_HEADER: "2"})
    assert "This app speaks protocol 2;" in response.json()["message"]


def test_health_answers_without_the_protocol_header(platform: PlatformThread) -> None:
    response = httpx.get(f"{platform.url}/v1/health")
    health = wire.HealthResponse.model_validate_json(response.content)
    assert health.protocol == wire.PROTOCOL_VERSION


def test_openapi_document_is_served(platform: PlatformThread) -> None:
    document = httpx.get(f"{platform.url}/openapi.json").json()
    assert {"/v1/login", "/v1/pull", "/v1/push", "/v1/health"} <= set(document["paths"])
    statuses = {
        s for path in document["paths"].values() for op in path.values() for s in op["responses"]
    }
    assert "422" not in statuses
    assert {"400", "401", "426"} <= statuses


def test_requests_without_a_valid_token_are_unauthorized(desk: Callable[[], Desk]) -> None:
    http = desk().http
    for authorization in (
        None,
        "",
        "Bearer",
        "Bearer nonsense",
        "Basic ZGVtbzE6ZGVtbw==",
        "Bearer " + "x" * 5000,
    ):
        headers = {"Authorization": authorization} if authorization is not None else {}
        _error(http.get("/v1/pull", headers=headers), 401, wire.ERR_AUTH)
        _error(http.post("/v1/push", json={"mutations": []}, headers=headers), 401, wire.ERR_AUTH)


def test_unknown_address_and_method_are_error_bodies(desk: Callable[[], Desk]) -> None:
    http = desk().http
    _error(http.get("/v1/nothing-here"), 404, "not_found")
    _error(http.delete("/v1/login"), 405, "method_not_allowed")


def test_unreadable_login_bodies_are_bad_requests(desk: Callable[[], Desk]) -> None:
    http = desk().http
    for body in (
        b"{not json",
        b"[]",
        b'{"shop_code": 5, "password": ["demo"]}',
        b'{"shop_code": "demo1"}',
        b'{"shop_code": "demo1", "password": "demo", "shop_id": 2}',
        b'{"shop_code": "", "password": "demo"}',
        "\ufeff{}".encode(),
        b"\xff\xfe\x00",
    ):
        response = http.post(
            "/v1/login", content=body, headers={"Content-Type": "application/json"}
        )
        _error(response, 400, wire.ERR_BAD_REQUEST)


def test_unstorable_or_strange_sign_in_text_is_refused(desk: Callable[[], Desk]) -> None:
    http = desk().http
    for code_json in (
        r'"demo1\u0000"',  # NUL: PostgreSQL cannot store it
        r'"\ud800"',  # a lone surrogate: not encodable at all
        r'"demo1\u202e"',
        '"' + "😀" * 64 + '"',
    ):
        body = f'{{"shop_code": {code_json}, "password": "demo"}}'.encode()
        response = http.post(
            "/v1/login", content=body, headers={"Content-Type": "application/json"}
        )
        assert response.status_code in (400, 401), response.text
        error = wire.ErrorBody.model_validate_json(response.content)
        assert error.code in (wire.ERR_BAD_REQUEST, wire.ERR_BAD_LOGIN)


def test_oversized_bodies_are_refused(desk: Callable[[], Desk]) -> None:
    http = desk().login("demo1").http
    huge = b'{"mutations": [], "pad": "' + b"x" * (9 * 1024 * 1024) + b'"}'
    declared = http.post("/v1/push", content=huge, headers={"Content-Type": "application/json"})
    _error(declared, 413, "too_large")

    def streamed() -> Iterator[bytes]:
        for _ in range(10):
            yield b"x" * (1024 * 1024)

    chunked = http.post(
        "/v1/push", content=streamed(), headers={"Content-Type": "application/json"}
    )
    _error(chunked, 413, "too_large")
