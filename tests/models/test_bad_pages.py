"""A platform answer that is not what the protocol says changes nothing local."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import httpx
import orjson
import pytest
from sqlalchemy import func, select

from models import wire
from models.db import Order, SyncState
from models.errors import MalformedPayload, PlatformUnreachable, UpgradeRequired
from models.profile import Profile
from models.sync.syncer import SyncOptions, sync

ORDER = {
    "id": 1,
    "order_no": "ZG202611240001",
    "customer_id": 1,
    "store_manager_id": None,
    "placed_at": 1_764_000_000,
    "paid_at": 1_764_000_060,
    "status": "paid",
    "amount_cents": 12_900,
    "commission_cents": 1_290,
    "item_count": 1,
    "items_summary": "纯棉短袖T恤 ×1",
    "category": "时尚女装",
    "completed_at": None,
}


def page(**overrides: object) -> bytes:
    body: dict[str, object] = {
        "epoch": "e1",
        "cursor": "0:0",
        "next_cursor": "0:1",
        "more": False,
        "upserts": {"order": [ORDER]},
        "deletes": {},
    }
    return orjson.dumps(body | overrides)


@pytest.fixture
def profile(tmp_path: Path) -> Profile:
    profile = Profile.open(tmp_path)
    with profile.write() as s:
        s.add(
            SyncState(
                id=1,
                platform_url="http://platform.invalid",
                shop_id=1,
                shop_code="demo1",
                shop_name="小美的衣橱",
                token="t",
                cursor="0:0",
                last_error="",
            )
        )
    return profile


def answering(status: int, body: bytes) -> httpx.MockTransport:
    return httpx.MockTransport(lambda _request: httpx.Response(status, content=body))


def local_state(profile: Profile) -> tuple[str, int]:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        return state.cursor, int(s.scalar(select(func.count()).select_from(Order)) or 0)


def test_a_good_page_is_applied(profile: Profile) -> None:
    sync(profile, SyncOptions(transport=answering(200, page())))
    assert local_state(profile) == ("0:1", 1)


BAD_PAGES: dict[str, Callable[[], bytes]] = {
    "not json": lambda: b"<html>502 Bad Gateway</html>",
    "a row with a wrong type": lambda: page(upserts={"order": [ORDER | {"amount_cents": "lots"}]}),
    "a row missing a field": lambda: page(upserts={"order": [{"id": 2}]}),
    "an unknown status": lambda: page(upserts={"order": [ORDER | {"status": "stolen"}]}),
    "a broken cursor": lambda: page(next_cursor="DROP TABLE"),
    "an answer for another cursor": lambda: page(cursor="5:5"),
    "an empty body": lambda: b"",
}


@pytest.mark.parametrize("make", BAD_PAGES.values(), ids=BAD_PAGES.keys())
def test_a_malformed_page_is_refused_and_nothing_is_applied(
    profile: Profile, make: Callable[[], bytes]
) -> None:
    with pytest.raises(MalformedPayload) as refused:
        sync(profile, SyncOptions(transport=answering(200, make())))
    assert "malformed" in refused.value.message or "cursor" in refused.value.message
    assert local_state(profile) == ("0:0", 0)


def test_an_oversized_page_is_refused(profile: Profile) -> None:
    huge = page(upserts={"order": [ORDER | {"items_summary": "衣" * 30_000_000}]})
    with pytest.raises(MalformedPayload, match="too large"):
        sync(profile, SyncOptions(transport=answering(200, huge)))
    assert local_state(profile) == ("0:0", 0)


def test_an_unknown_protocol_is_said_as_upgrade(profile: Profile) -> None:
    body = wire.ErrorBody(
        code=wire.ERR_UPGRADE, message="Please upgrade Zhanggui."
    ).model_dump_json()
    with pytest.raises(UpgradeRequired, match="upgrade"):
        sync(profile, SyncOptions(transport=answering(426, body.encode())))
    assert local_state(profile) == ("0:0", 0)


def test_a_server_error_is_retried_then_said(profile: Profile) -> None:
    calls: list[int] = []

    def flaky(_request: httpx.Request) -> httpx.Response:
        calls.append(1)
        if len(calls) < 3:
            return httpx.Response(503, content=b"busy")
        return httpx.Response(200, content=page())

    sync(profile, SyncOptions(transport=httpx.MockTransport(flaky), backoff=0.001))
    assert len(calls) == 3
    assert local_state(profile) == ("0:1", 1)
    with pytest.raises(PlatformUnreachable):
        sync(profile, SyncOptions(transport=answering(500, b""), retries=1, backoff=0.001))
