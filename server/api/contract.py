"""The OpenAPI description as the platform behaves: every status a route can answer, the
protocol header it needs, and the bearer sign-in where one is asked for.

FastAPI describes what a route function declares; the checks in front of the routes (protocol,
body size, time limits, error handlers) answer too, and are added here so that a client, or
schemathesis, can hold the platform to its description.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterator
from typing import Any

from fastapi import FastAPI
from fastapi.dependencies.models import Dependant
from fastapi.routing import APIRoute, iter_route_contexts

from models import wire
from server.api.guards import UNCHECKED_PATHS

log = logging.getLogger(__name__)

_ERROR_SCHEMA = {"$ref": "#/components/schemas/ErrorBody"}
_COMMON: dict[str, str] = {
    "400": "The request does not fit this description",
    "408": "The request was not sent in time",
    "413": "The request body is too large",
}
_SIGNED_IN: dict[str, str] = {"401": "No sign-in, or one that ended: sign in again"}
_PROTOCOL: dict[str, str] = {"426": "The app speaks another protocol: upgrade"}
_BEARER = "bearer"


def _error(description: str) -> dict[str, Any]:
    return {"description": description, "content": {"application/json": {"schema": _ERROR_SCHEMA}}}


def _dependencies(dependant: Dependant) -> Iterator[Callable[..., Any]]:
    for sub in dependant.dependencies:
        if sub.call is not None:
            yield sub.call
        yield from _dependencies(sub)


def signed_in_operations(app: FastAPI, guards: frozenset[Callable[..., Any]]) -> set[str]:
    """``"METHOD /path"`` of every route that asks for a bearer token."""
    found: set[str] = set()
    for context in iter_route_contexts(app.routes):
        route = context.original_route
        if isinstance(route, APIRoute) and guards & set(_dependencies(route.dependant)):
            found.update(f"{method} {route.path_format}" for method in route.methods or ())
    return found


def describe_as_sent(app: FastAPI, guards: frozenset[Callable[..., Any]]) -> None:
    """Replace ``app.openapi`` by one that documents the platform's real answers."""
    build = app.openapi

    def openapi() -> dict[str, Any]:
        if app.openapi_schema is None:
            app.openapi_schema = _amend(build(), signed_in_operations(app, guards))
        return app.openapi_schema

    app.openapi = openapi  # type: ignore[method-assign]


def _amend(schema: dict[str, Any], signed_in: set[str]) -> dict[str, Any]:
    components = schema.setdefault("components", {})
    schemas = components.setdefault("schemas", {})
    # The platform answers a request that does not fit with 400 and an ErrorBody, never 422.
    schemas.pop("HTTPValidationError", None)
    schemas.pop("ValidationError", None)
    if "ErrorBody" not in schemas:
        schemas["ErrorBody"] = wire.ErrorBody.model_json_schema()
    components.setdefault("securitySchemes", {})[_BEARER] = {
        "type": "http",
        "scheme": "bearer",
        "description": "The token a sign-in answered with: '<shop_id>.<secret>'",
    }
    for path, operations in schema.get("paths", {}).items():
        for method, operation in operations.items():
            _amend_operation(operation, path, f"{method.upper()} {path}" in signed_in)
    return schema


def _amend_operation(operation: dict[str, Any], path: str, signed_in: bool) -> None:
    responses: dict[str, Any] = operation.setdefault("responses", {})
    responses.pop("422", None)
    extra = dict(_COMMON)
    parameters: list[dict[str, Any]] = [
        p for p in operation.get("parameters", []) if p.get("name", "").lower() != "authorization"
    ]
    if path.startswith("/v1/") and path not in UNCHECKED_PATHS:
        extra.update(_PROTOCOL)
        parameters.insert(
            0,
            {
                "name": wire.PROTOCOL_HEADER,
                "in": "header",
                "required": True,
                "description": "The protocol the app speaks",
                "schema": {"type": "string", "enum": [str(wire.PROTOCOL_VERSION)]},
            },
        )
    if signed_in:
        extra.update(_SIGNED_IN)
        operation["security"] = [{_BEARER: []}]
    for status, description in extra.items():
        responses.setdefault(status, _error(description))
    for status, response in responses.items():
        if status.startswith("4") and "content" not in response:
            response["content"] = {"application/json": {"schema": _ERROR_SCHEMA}}
    if parameters:
        operation["parameters"] = parameters
    else:
        operation.pop("parameters", None)
