"""HTTP to the platform, with every failure turned into a typed error."""

from __future__ import annotations

import logging
import time
from email.utils import parsedate_to_datetime
from typing import Any, Final, TypeVar

import httpx
import orjson
from pydantic import ValidationError

from models import wire
from models.errors import (
    CursorExpired,
    LoginRefused,
    MalformedPayload,
    PlatformError,
    PlatformForbidden,
    PlatformSilent,
    PlatformUnreachable,
    SignInEnded,
    SignInThrottled,
    UpgradeRequired,
)

log = logging.getLogger(__name__)

StrictT = TypeVar("StrictT", bound=wire.Strict)

# A page of 10,000 rows is a few MB; anything far beyond that is not a page.
MAX_RESPONSE_BYTES: Final = 64 * 1024 * 1024
# How long a request may wait for the platform's next bytes. The busiest platform answers a
# page within seconds; one that took the request and stays silent is said so within this time.
ANSWER_TIMEOUT: Final = 15.0
CONNECT_TIMEOUT: Final = 5.0
# When a throttled answer names no time, the platform's window is this long.
_DEFAULT_RETRY_AFTER: Final = 15 * 60


class PlatformClient:
    def __init__(
        self,
        base_url: str,
        token: str = "",
        timeout: float = ANSWER_TIMEOUT,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        headers = {wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)}
        if token:
            headers["Authorization"] = f"Bearer {token}"
        self.base_url = base_url.rstrip("/")
        self._http = httpx.Client(
            base_url=self.base_url,
            headers=headers,
            timeout=httpx.Timeout(timeout, connect=min(timeout, CONNECT_TIMEOUT)),
            trust_env=False,
            transport=transport,
        )

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> PlatformClient:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def login(self, shop_code: str, password: str, user: str = "") -> wire.LoginResponse:
        request = wire.LoginRequest(shop_code=shop_code, password=password, user=user)
        # The owner's sign-in leaves the user out, as platforms before the people of a shop expect.
        body = request.model_dump(exclude_defaults=True)
        data = self._request("POST", "/v1/login", json=body)
        return _parse(wire.LoginResponse, data)

    def signup(self, request: wire.SignupRequest) -> wire.LoginResponse:
        data = self._request("POST", "/v1/signup", json=request.model_dump())
        return _parse(wire.LoginResponse, data)

    def add_person(self, request: wire.AddPersonRequest) -> wire.AddPersonResponse:
        data = self._request("POST", "/v1/people", json=request.model_dump())
        return _parse(wire.AddPersonResponse, data)

    def set_person_enabled(self, person_id: int, enabled: bool) -> wire.PersonResponse:
        action = "enable" if enabled else "disable"
        data = self._request("POST", f"/v1/people/{int(person_id)}/{action}")
        return _parse(wire.PersonResponse, data)

    def logout(self, everywhere: bool) -> wire.LogoutResponse:
        body = wire.LogoutRequest(everywhere=everywhere).model_dump()
        return _parse(wire.LogoutResponse, self._request("POST", "/v1/logout", json=body))

    def health(self) -> wire.HealthResponse:
        return _parse(wire.HealthResponse, self._request("GET", "/v1/health"))

    def pull(self, cursor: str, limit: int) -> wire.PullPage:
        data = self._request("GET", "/v1/pull", params={"cursor": cursor, "limit": limit})
        try:
            page = wire.PullPage.model_validate_json(data)
        except ValidationError as exc:
            raise MalformedPayload("bad_page", _first_problem(exc)) from exc
        if page.cursor != cursor:
            raise MalformedPayload("bad_page", "the platform answered for another cursor")
        try:
            wire.parse_cursor(page.next_cursor)
        except ValueError as exc:
            raise MalformedPayload("bad_page", str(exc)) from exc
        return page

    def push(self, mutations: list[wire.Mutation]) -> wire.PushResponse:
        body = wire.PushRequest(mutations=mutations).model_dump(mode="json")
        response = _parse(wire.PushResponse, self._request("POST", "/v1/push", json=body))
        sent = [m.id for m in mutations]
        if [r.id for r in response.results] != sent:
            raise MalformedPayload("bad_push", "the platform answered for other actions")
        return response

    def _request(self, method: str, path: str, **kwargs: Any) -> bytes:
        try:
            with self._http.stream(method, path, **kwargs) as response:
                chunks: list[bytes] = []
                size = 0
                for chunk in response.iter_bytes():
                    size += len(chunk)
                    if size > MAX_RESPONSE_BYTES:
                        raise MalformedPayload("too_large", "the platform's answer is too large")
                    chunks.append(chunk)
                data = b"".join(chunks)
                status = response.status_code
                retry_after = response.headers.get("retry-after")
        except httpx.ConnectTimeout as exc:
            raise PlatformUnreachable("timeout", "cannot reach the platform in time") from exc
        except httpx.TimeoutException as exc:
            raise PlatformSilent("no_answer", "the platform does not answer") from exc
        except httpx.TransportError as exc:
            raise PlatformUnreachable("unreachable", f"cannot reach the platform ({exc})") from exc
        if status >= 400:
            _raise_for_error(status, data, retry_after)
        return data


def _retry_at(header: str | None) -> float:
    """When a throttled request may be sent again, from its Retry-After (seconds or a date)."""
    now = time.time()
    if header is None:
        return now + _DEFAULT_RETRY_AFTER
    text = header.strip()
    if text.isascii() and text.isdigit():
        return now + min(int(text), 7 * 86_400)
    try:
        return parsedate_to_datetime(text).timestamp()
    except (TypeError, ValueError, IndexError):
        return now + _DEFAULT_RETRY_AFTER


def _raise_for_error(status: int, data: bytes, retry_after: str | None = None) -> None:
    try:
        body = wire.ErrorBody.model_validate(orjson.loads(data))
        code, message = body.code, body.message
    except (orjson.JSONDecodeError, ValidationError):
        code, message = "http_error", f"the platform answered with HTTP {status}"
    if status >= 500:
        raise PlatformUnreachable(code, message, status)
    if code == wire.ERR_UPGRADE or status == 426:
        raise UpgradeRequired(code, message, status)
    if code == wire.ERR_THROTTLED or status == 429:
        raise SignInThrottled(code, message, status, _retry_at(retry_after))
    if code in (wire.ERR_AUTH, wire.ERR_SESSION_EXPIRED):
        raise SignInEnded(code, message, status)
    if code == wire.ERR_BAD_LOGIN or status == 401:
        raise LoginRefused(code, message, status)
    if code == wire.ERR_CURSOR_EXPIRED or status == 410:
        raise CursorExpired(code, message, status)
    if code == wire.ERR_FORBIDDEN or status == 403:
        raise PlatformForbidden(code, message, status)
    raise PlatformError(code, message, status)


def _parse(model: type[StrictT], data: bytes) -> StrictT:
    try:
        return model.model_validate_json(data)
    except ValidationError as exc:
        raise MalformedPayload("bad_answer", _first_problem(exc)) from exc


def _first_problem(exc: ValidationError) -> str:
    error = exc.errors()[0]
    where = ".".join(str(p) for p in error["loc"])[:120]
    return f"the platform's answer is malformed at {where}: {error['msg']}"
