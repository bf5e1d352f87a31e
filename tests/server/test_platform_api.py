"""Sign-in, the protocol header, health, and how every error looks."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import httpx
import pytest

from models import wire
from server.runner import PlatformThread
from tests.server.conftest import Desk


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


@pytest.mark.parametrize("spoken", [None, "0", "2", "1.0", "x" * 300, "ü".encode()])
def test_a_request_in_another_protocol_is_told_to_upgrade(
    platform: PlatformThread, spoken: str | bytes | None
) -> None:
    headers = {} if spoken is None else {wire.PROTOCOL_HEADER: spoken}
    response = httpx.post(
        f"{platform.url}/v1/login", json={"shop_code": "demo1", "password": "demo"}, headers=headers
    )
    body = _error(response, 426, wire.ERR_UPGRADE)
    assert f"the platform speaks {wire.PROTOCOL_VERSION}" in body.message
    assert "Please upgrade." in body.message


def test_health_answers_without_the_protocol_header(platform: PlatformThread) -> None:
    response = httpx.get(f"{platform.url}/v1/health")
    health = wire.HealthResponse.model_validate_json(response.content)
    assert health.protocol == wire.PROTOCOL_VERSION


def test_openapi_document_is_served(platform: PlatformThread) -> None:
    document = httpx.get(f"{platform.url}/openapi.json").json()
    assert {"/v1/login", "/v1/pull", "/v1/push", "/v1/health"} <= set(document["paths"])


@pytest.mark.parametrize(
    "authorization",
    [None, "", "Bearer", "Bearer nonsense", "Basic ZGVtbzE6ZGVtbw==", "Bearer " + "x" * 5000],
)
def test_pull_without_a_valid_token_is_unauthorized(
    desk: Callable[[], Desk], authorization: str | None
) -> None:
    http = desk().http
    headers = {"Authorization": authorization} if authorization is not None else {}
    _error(http.get("/v1/pull", headers=headers), 401, wire.ERR_AUTH)


def test_unknown_address_and_method_are_error_bodies(desk: Callable[[], Desk]) -> None:
    http = desk().http
    _error(http.get("/v1/nothing-here"), 404, "not_found")
    _error(http.delete("/v1/login"), 405, "method_not_allowed")


@pytest.mark.parametrize(
    "body",
    [
        b"{not json",
        b"[]",
        b'{"shop_code": 5, "password": ["demo"]}',
        b'{"shop_code": "demo1"}',
        b'{"shop_code": "demo1", "password": "demo", "shop_id": 2}',
        b'{"shop_code": "", "password": "demo"}',
        "\ufeff{}".encode(),
        b"\xff\xfe\x00",
    ],
)
def test_unreadable_login_bodies_are_bad_requests(desk: Callable[[], Desk], body: bytes) -> None:
    response = desk().http.post(
        "/v1/login", content=body, headers={"Content-Type": "application/json"}
    )
    _error(response, 400, wire.ERR_BAD_REQUEST)


@pytest.mark.parametrize(
    "code_json",
    [
        r'"demo1\u0000"',  # NUL: PostgreSQL cannot store it
        r'"\ud800"',  # a lone surrogate: not encodable at all
        r'"demo1\u202e"',
        '"' + "😀" * 64 + '"',
    ],
)
def test_unstorable_or_strange_sign_in_text_is_refused(
    desk: Callable[[], Desk], code_json: str
) -> None:
    body = f'{{"shop_code": {code_json}, "password": "demo"}}'.encode()
    response = desk().http.post(
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
