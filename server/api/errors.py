"""Every error leaves the platform as an ErrorBody: a stable code and an English sentence."""

from __future__ import annotations

import logging
from collections.abc import Mapping
from typing import Any, Final

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse, Response
from starlette.exceptions import HTTPException as StarletteHTTPException

from models import wire

log = logging.getLogger(__name__)

# What every signed-in route may answer besides its own result, for the OpenAPI description.
ERROR_RESPONSES: Final[dict[int | str, dict[str, Any]]] = {
    status: {"model": wire.ErrorBody} for status in (400, 401, 413, 426)
}

ERR_NOT_FOUND = "not_found"
ERR_METHOD = "method_not_allowed"
ERR_TOO_LARGE = "too_large"
ERR_INTERNAL = "internal_error"


class ApiError(Exception):
    def __init__(
        self, status: int, code: str, message: str, headers: dict[str, str] | None = None
    ) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers or {}


def error_response(
    status: int, code: str, message: str, headers: Mapping[str, str] | None = None
) -> JSONResponse:
    body = wire.ErrorBody(code=code, message=message).model_dump()
    sent = dict(headers or {})
    if status == 401:
        sent["WWW-Authenticate"] = "Bearer"
    return JSONResponse(body, status_code=status, headers=sent or None)


def error_bytes(code: str, message: str) -> bytes:
    return wire.ErrorBody(code=code, message=message).model_dump_json().encode()


async def _api_error(_request: Request, error: Exception) -> Response:
    assert isinstance(error, ApiError)
    return error_response(error.status, error.code, error.message, error.headers)


async def _validation_error(_request: Request, error: Exception) -> Response:
    assert isinstance(error, RequestValidationError)
    problems = error.errors()
    if not problems:
        return error_response(400, wire.ERR_BAD_REQUEST, "The request could not be read.")
    first = problems[0]
    where = ".".join(str(part) for part in first.get("loc", ()) if part != "body")
    message = f"The request does not fit: {where or 'body'}: {first.get('msg', 'invalid')}."
    return error_response(400, wire.ERR_BAD_REQUEST, message[:500])


async def _http_error(_request: Request, error: Exception) -> Response:
    assert isinstance(error, StarletteHTTPException)
    codes = {404: ERR_NOT_FOUND, 405: ERR_METHOD, 413: ERR_TOO_LARGE}
    code = codes.get(error.status_code, wire.ERR_BAD_REQUEST)
    messages = {
        404: "There is nothing at this address.",
        405: "This address does not take that method.",
    }
    message = messages.get(error.status_code, str(error.detail))
    # A 405 keeps its Allow header: the contract says which methods the address takes.
    return error_response(error.status_code, code, message, error.headers)


async def _unexpected(_request: Request, error: Exception) -> Response:
    log.exception("unexpected error", exc_info=error)
    return error_response(500, ERR_INTERNAL, "The platform hit an unexpected error; try again.")


def install_error_handlers(app: FastAPI) -> None:
    app.add_exception_handler(ApiError, _api_error)
    app.add_exception_handler(RequestValidationError, _validation_error)
    app.add_exception_handler(StarletteHTTPException, _http_error)
    app.add_exception_handler(Exception, _unexpected)
