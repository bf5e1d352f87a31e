"""Every id, cursor and scene is checked against its range before it reaches SQL: a value
out of range is a 4xx in words (or the share page's "not found"), never a 500."""

from __future__ import annotations

from collections.abc import Callable

import httpx
import pytest

from models import wire
from server.runner import PlatformThread
from tests.server.conftest import Desk, mutation

# Base-36 ids of 13 digits reach past 64 bits; the largest 64-bit id is "1y2p0ij32e8e7".
_OUT_OF_RANGE_SCENES = (
    "Szzzzzzzzzzzzz",
    "S1y2p0ij32e8e8",
    "S1Pzzzzzzzzzzzzz",
    "S1Ezzzzzzzzzzzzz",
    "S1Mzzzzzzzzzzzzz",
    "Szzzzzzzzzzzzz" + "Pzzzzzzzzzzzzz",
)
_UNREADABLE_SCENES = ("", "S", "s1", "S1X2", "S-1", "S1P", "S１", "S1\n", "S1P2E3")


@pytest.mark.parametrize("scene", _OUT_OF_RANGE_SCENES + _UNREADABLE_SCENES)
def test_a_scene_out_of_range_or_unreadable_is_not_found(
    platform: PlatformThread, scene: str
) -> None:
    response = httpx.get(f"{platform.url}{wire.SHARE_PATH}", params={"scene": scene})
    assert response.status_code == 404, response.text[:300]
    assert response.headers["content-type"].startswith("text/html")
    assert "Zhanggui" in response.text or "No such" in response.text


def test_the_largest_ids_a_scene_can_carry_are_looked_up(platform: PlatformThread) -> None:
    largest = wire.encode_scene(wire.Scene(wire.MAX_SCENE_ID, "product", wire.MAX_SCENE_ID))
    response = httpx.get(f"{platform.url}{wire.SHARE_PATH}", params={"scene": largest})
    assert response.status_code == 404
    shop = httpx.get(f"{platform.url}{wire.SHARE_PATH}", params={"scene": "S1"})
    assert shop.status_code == 200


def test_a_scene_longer_than_a_code_holds_is_a_bad_request(platform: PlatformThread) -> None:
    response = httpx.get(f"{platform.url}{wire.SHARE_PATH}", params={"scene": "S" * 33})
    assert response.status_code == 400
    assert wire.ErrorBody.model_validate_json(response.content).code == wire.ERR_BAD_REQUEST


def test_ids_and_times_beyond_64_bits_are_refused_in_words(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    too_late = {**mutation("product_pick.set", {"product_id": 1, "picked": True})}
    too_late["created_at"] = wire.JSON_INT_MAX + 1
    response = shop.http.post("/v1/push", json={"mutations": [too_late]})
    assert response.status_code == 400
    wide_ids = [
        mutation("product_pick.set", {"product_id": 2**63, "picked": True}),
        mutation(
            "order_review.set",
            {"order_id": -(2**63) - 1, "reviewed": True, "flag": "none", "note": ""},
        ),
        mutation("release.decide", {"request_id": 2**64, "decision": "approve", "reason": ""}),
    ]
    results = shop.push(*wide_ids)
    assert [(r.status, r.code) for r in results] == [("rejected", "invalid_payload")] * 3


def test_a_mutation_id_that_is_not_visible_ascii_is_a_bad_request(
    desk: Callable[[], Desk],
) -> None:
    shop = desk().login("demo1")
    for mutation_id in ("abcdefgh\n2026 forged", "abcdefgh\x00", "订单订单订单订单", "a" * 65):
        forged = mutation("product_pick.set", {"product_id": 1, "picked": True}, mutation_id)
        response = shop.http.post("/v1/push", json={"mutations": [forged]})
        assert response.status_code == 400, mutation_id
        assert wire.ErrorBody.model_validate_json(response.content).code == wire.ERR_BAD_REQUEST


def test_cursors_past_the_pattern_are_bad_requests_and_within_it_never_500(
    desk: Callable[[], Desk],
) -> None:
    shop = desk().login("demo1")
    for cursor in ("", "9" * 19 + ":0", "0:" + "9" * 19, "1:1:1"):
        assert shop.pull(cursor).status_code == 400, cursor
    # Within the pattern but ahead of the platform: take a fresh snapshot.
    for cursor in ("9" * 18 + ":0", "0:" + "9" * 18, "000:000"):
        assert shop.pull(cursor).status_code in (200, 410), cursor
