"""The platform announces its public address, the one posters' codes lead to, on every backend;
an address it cannot announce is refused before it serves."""

from __future__ import annotations

from collections.abc import Iterator

import httpx
import pytest

from models import wire
from server.api.app import create_app
from server.runner import PlatformThread
from tests.server.conftest import FixedClock

PUBLIC = "https://shop.example.com/zg"


@pytest.fixture
def announcing(db_url: str, clock: FixedClock) -> Iterator[PlatformThread]:
    server = PlatformThread(db_url, clock=clock, public_url=f"{PUBLIC}/")
    server.start()
    yield server
    server.stop()


def test_sign_in_and_health_announce_the_public_address(announcing: PlatformThread) -> None:
    with httpx.Client(base_url=announcing.url) as http:
        health = wire.HealthResponse.model_validate_json(http.get("/v1/health").content)
        answer = http.post(
            "/v1/login",
            json={"shop_code": "demo1", "password": "demo"},
            headers={wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION)},
        )
    assert health.public_url == PUBLIC
    assert answer.status_code == 200
    assert wire.LoginResponse.model_validate_json(answer.content).public_url == PUBLIC


def test_a_platform_without_one_announces_none(platform: PlatformThread) -> None:
    health = httpx.get(f"{platform.url}/v1/health").json()
    assert health["public_url"] == ""


@pytest.mark.parametrize("bad", ["shop.example.com", "mailto:x@example.com", "https://a b.cn"])
def test_an_unusable_address_is_refused(db_url: str, bad: str) -> None:
    with pytest.raises(ValueError, match="address"):
        create_app(db_url, public_url=bad)
