"""Whatever a client sends, the platform answers with a 4xx ErrorBody or a per-mutation result,
never a 5xx, and never a change to another shop."""

from __future__ import annotations

import json
import os
import shutil
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from models import wire
from server.runner import PlatformThread
from tests.pg import PG_ENV
from tests.server.conftest import FixedClock, PgDatabases

_TEXT = st.text(
    alphabet=st.characters(codec="utf-8") | st.sampled_from(["😀", "\x00", "\u202e", "𠀀"]),
    max_size=40,
) | st.sampled_from(["", "x" * 3000, "好" * 2001, "👩‍👩‍👧‍👦" * 300])
_INTEGER = st.integers(min_value=-(2**70), max_value=2**70) | st.sampled_from(
    [0, 1, -1, 2**63 - 1, 2**63]
)
_SCALAR = st.none() | st.booleans() | _INTEGER | st.floats(allow_nan=False) | _TEXT
_VALUE = st.recursive(
    _SCALAR,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(_TEXT, inner, max_size=3),
    max_leaves=8,
)

_FIELDS: dict[str, dict[str, st.SearchStrategy[Any]]] = {
    "order_review.set": {
        "order_id": _INTEGER,
        "reviewed": st.booleans() | _VALUE,
        "flag": st.sampled_from(["none", "problem", "follow_up"]) | _TEXT,
        "note": _TEXT,
    },
    "product_pick.set": {"product_id": _INTEGER, "picked": st.booleans() | _VALUE},
    "release.decide": {
        "request_id": _INTEGER,
        "decision": st.sampled_from(["approve", "decline"]) | _TEXT,
        "reason": _TEXT,
    },
    "poster.printed": {
        "id": _TEXT,
        "kind": st.sampled_from(["shop", "product", "manager", "sale_event"]) | _TEXT,
        "target_id": st.none() | _INTEGER,
        "layout": st.sampled_from(["a4", "a5", "share", "labels"]) | _TEXT,
        "copies": _INTEGER,
    },
    "withdrawal.request": {
        "id": _TEXT | st.uuids().map(str),
        "amount_cents": _INTEGER | st.integers(min_value=0, max_value=10**8),
    },
}
assert set(_FIELDS) == set(wire.MUTATION_PAYLOADS), "every kind of mutation is fuzzed"


@st.composite
def _mutations(draw: st.DrawFn) -> dict[str, Any]:
    kind = draw(st.sampled_from(sorted(_FIELDS)))
    fields = _FIELDS[kind]
    payload = {
        name: draw(strategy) for name, strategy in fields.items() if draw(st.booleans()) or True
    }
    if draw(st.booleans()):
        payload.pop(draw(st.sampled_from(sorted(payload))))
    if draw(st.integers(0, 5)) == 0:
        payload[draw(_TEXT)] = draw(_VALUE)
    return {
        "id": draw(st.text(min_size=8, max_size=64) | st.uuids().map(str)),
        "kind": kind,
        "payload": payload,
        "created_at": draw(_INTEGER),
    }


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def fuzz_server(
    request: pytest.FixtureRequest, tmp_path_factory: pytest.TempPathFactory
) -> Iterator[httpx.Client]:
    if request.param == "postgres":
        if not os.environ.get(PG_ENV):
            pytest.skip(f"{PG_ENV} is not set")
        databases: PgDatabases = request.getfixturevalue("pg_databases")
        url = databases.fresh(seeded=True)
    else:
        template: Path = request.getfixturevalue("sqlite_template")
        path = tmp_path_factory.mktemp("fuzz") / "platform.sqlite3"
        shutil.copy(template, path)
        url = f"sqlite:///{path}"
    server = PlatformThread(url, clock=FixedClock())
    server.start()
    client = httpx.Client(base_url=server.url, headers={wire.PROTOCOL_HEADER: "1"}, timeout=30)
    token = client.post("/v1/login", json={"shop_code": "demo1", "password": "demo"}).json()[
        "token"
    ]
    client.headers["Authorization"] = f"Bearer {token}"
    yield client
    client.close()
    server.stop()


def _assert_sane(response: httpx.Response, sent: int) -> None:
    assert response.status_code < 500, response.text[:500]
    if response.status_code == 200:
        results = wire.PushResponse.model_validate_json(response.content).results
        assert len(results) == sent
        assert all(r.status in ("applied", "rejected", "duplicate") for r in results)
    else:
        wire.ErrorBody.model_validate_json(response.content)


@settings(
    max_examples=80, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(batch=st.lists(_mutations(), max_size=4))
def test_pushing_anything_never_breaks_the_platform(
    fuzz_server: httpx.Client, batch: list[dict[str, Any]]
) -> None:
    # Python's own JSON reader takes NaN and Infinity, so they are sent as such too.
    content = json.dumps({"mutations": batch}, allow_nan=True).encode()
    response = fuzz_server.post(
        "/v1/push", content=content, headers={"Content-Type": "application/json"}
    )
    _assert_sane(response, len(batch))


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(body=st.binary(max_size=300) | _VALUE.map(lambda v: json.dumps(v).encode()))
def test_posting_any_bytes_never_breaks_the_platform(
    fuzz_server: httpx.Client, body: bytes
) -> None:
    for path in ("/v1/push", "/v1/login"):
        response = fuzz_server.post(
            path, content=body, headers={"Content-Type": "application/json"}
        )
        assert response.status_code < 500, response.text[:500]
        if response.status_code != 200:
            wire.ErrorBody.model_validate_json(response.content)


@settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(cursor=_TEXT, limit=_TEXT)
def test_pulling_with_any_parameters_never_breaks_the_platform(
    fuzz_server: httpx.Client, cursor: str, limit: str
) -> None:
    response = fuzz_server.get("/v1/pull", params={"cursor": cursor, "limit": limit})
    assert response.status_code < 500, response.text[:500]
