"""The fast lane for pulls answers exactly as the route would: the same page, the same errors,
and whatever it does not take (an odd or repeated parameter) is the route's to answer."""

from __future__ import annotations

from collections.abc import Callable

import httpx

from models import wire
from tests.server.conftest import Desk

# An extra parameter the route ignores, so that the request goes to the route, not the lane.
_ROUTED = {"via": "route"}


def _same(lane: httpx.Response, route: httpx.Response) -> None:
    assert (lane.status_code, lane.content) == (route.status_code, route.content)
    assert lane.headers["content-type"] == route.headers["content-type"]
    assert lane.headers.get("www-authenticate") == route.headers.get("www-authenticate")


def test_the_lane_and_the_route_give_the_same_pages(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    _, head = shop.pull_all()
    for cursor, limit in ((wire.START_CURSOR, 500), (head, 10_000), ("0:0", 10**9)):
        params = {"cursor": cursor, "limit": str(limit)}
        _same(
            shop.http.get("/v1/pull", params=params),
            shop.http.get("/v1/pull", params={**params, **_ROUTED}),
        )


def test_the_lane_and_the_route_refuse_alike(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    catalogue, shop_seq = wire.parse_cursor(shop.pull_all()[1])
    ahead = wire.format_cursor(catalogue, shop_seq + 5)
    for headers, params in (
        ({"Authorization": "Bearer 1.not-a-token-of-this-platform-at-all"}, {}),
        ({"Authorization": "Bearer 99.xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"}, {}),
        ({}, {"cursor": ahead}),
    ):
        lane = shop.http.get("/v1/pull", params=params, headers=headers)
        route = shop.http.get("/v1/pull", params={**params, **_ROUTED}, headers=headers)
        _same(lane, route)
        assert lane.status_code in (401, 410)


def test_what_the_lane_does_not_take_the_route_answers(desk: Callable[[], Desk]) -> None:
    shop = desk().login("demo1")
    for query in ("cursor=0:0&cursor=1:1", "limit=0", "limit=+5", "limit=007", "cursor=%30:0"):
        response = shop.http.get(f"/v1/pull?{query}")
        assert response.status_code in (200, 400), query
    assert shop.http.get("/v1/pull?limit=007").status_code == 200
    assert shop.http.get("/v1/pull?limit=0").status_code == 400
