"""Product pictures: drawn the same every time, served with caching headers, behind sign-in."""

from __future__ import annotations

import io
from collections.abc import Callable, Iterator

import httpx
import pytest
from PIL import Image

from models import wire
from server.images import (
    CACHE_CONTROL,
    CATEGORY_COLOURS,
    _drawn,
    picture_etag,
    product_picture,
)
from server.runner import PlatformThread
from tests.models.test_catalogue_shop import PictureServer, picture_server
from tests.server.conftest import Desk

PRODUCTS = {7: ("【云朵】法式碎花连衣裙", "时尚女装"), 8: ("五常大米", "食品生鲜")}


def decoded(data: bytes) -> Image.Image:
    picture = Image.open(io.BytesIO(data))
    picture.load()
    return picture


def test_a_picture_is_a_png_of_the_asked_size() -> None:
    picture = decoded(product_picture(7, *PRODUCTS[7], size=240))
    assert picture.format == "PNG"
    assert picture.size == (240, 240)


def test_the_same_product_draws_the_same_bytes() -> None:
    first = product_picture(7, *PRODUCTS[7], size=120)
    _drawn.cache_clear()  # drawn again, not remembered
    assert product_picture(7, *PRODUCTS[7], size=120) == first


def test_neighbours_look_different_and_categories_keep_their_colour() -> None:
    pictures = [product_picture(i, "同款", "时尚女装", size=120) for i in range(1, 9)]
    assert len(set(pictures)) == len(pictures)
    for category, (paper, _ink) in CATEGORY_COLOURS.items():
        corner = decoded(product_picture(3, "x", category, size=120)).convert("RGB")
        pixel = corner.getpixel((2, 2))
        assert isinstance(pixel, tuple)
        # The corner is the category's paper, lightened a little by the glow and pattern.
        assert all(abs(int(c) - p) < 60 for c, p in zip(pixel, paper, strict=True)), category


def test_odd_titles_and_unknown_categories_still_draw() -> None:
    for title, category in (("", ""), ("😀" * 500, "宠物用品"), ("\x00\n", "时尚女装")):
        assert decoded(product_picture(1, title, category, size=120)).size == (120, 120)
    with pytest.raises(ValueError, match="pixels"):
        product_picture(1, "x", "时尚女装", size=4)


@pytest.fixture
def served() -> Iterator[PictureServer]:
    with picture_server(PRODUCTS) as server:
        yield server


def test_the_route_answers_with_caching_headers(served: PictureServer) -> None:
    with httpx.Client(base_url=served.url) as http:
        response = http.get("/v1/images/product/7.png", params={"size": 240})
        assert response.status_code == 200
        assert response.headers["content-type"] == "image/png"
        assert response.headers["cache-control"] == CACHE_CONTROL
        etag = response.headers["etag"]
        assert etag == picture_etag(7, *PRODUCTS[7], 240)
        assert response.content == product_picture(7, *PRODUCTS[7], size=240)
        again = http.get(
            "/v1/images/product/7.png", params={"size": 240}, headers={"If-None-Match": etag}
        )
        assert again.status_code == 304
        assert again.content == b""
        assert again.headers["etag"] == etag
        other = http.get("/v1/images/product/7.png", headers={"If-None-Match": etag})
        assert other.status_code == 200  # another size is another picture
        assert decoded(other.content).size == (480, 480)


_NOT_PICTURES = [
    ("/v1/images/product/999999.png", 404, "not_found"),
    ("/v1/images/product/0.png", 400, wire.ERR_BAD_REQUEST),
    ("/v1/images/product/-7.png", 400, wire.ERR_BAD_REQUEST),
    ("/v1/images/product/9007199254740991.png", 404, "not_found"),
    ("/v1/images/product/9007199254740992.png", 400, wire.ERR_BAD_REQUEST),
    ("/v1/images/product/9223372036854775808.png", 400, wire.ERR_BAD_REQUEST),
    ("/v1/images/product/99999999999999999999999.png", 400, wire.ERR_BAD_REQUEST),
    ("/v1/images/product/abc.png", 400, wire.ERR_BAD_REQUEST),
    ("/v1/images/product/7.png?size=13", 400, wire.ERR_BAD_REQUEST),
    ("/v1/images/product/7.png?size=x", 400, wire.ERR_BAD_REQUEST),
    ("/v1/images/product/7.jpg", 404, "not_found"),
]


def test_what_is_not_a_picture_is_refused_in_words(desk: Callable[[], Desk]) -> None:
    """Out of range, unreadable or unknown: an ErrorBody with the status the contract names."""
    signed_in = desk().login("demo1")
    for path, status, code in _NOT_PICTURES:
        response = signed_in.http.get(path)
        assert response.status_code == status, (path, response.text[:200])
        assert wire.ErrorBody.model_validate_json(response.content).code == code


def test_the_platform_serves_pictures_to_signed_in_desks(
    platform: PlatformThread, desk: Callable[[], Desk]
) -> None:
    path = "/v1/images/product/1.png"
    anonymous = desk()
    assert anonymous.http.get(path).status_code == 401
    with httpx.Client(base_url=platform.url) as bare:
        assert bare.get(path).status_code == 426
    signed_in = desk().login("demo1")
    response = signed_in.http.get(path, params={"size": 120})
    assert response.status_code == 200
    assert decoded(response.content).size == (120, 120)
    assert response.headers["cache-control"] == CACHE_CONTROL
    assert signed_in.http.get("/v1/images/product/999999.png").status_code == 404
    revalidated = signed_in.http.get(
        path, params={"size": 120}, headers={"If-None-Match": response.headers["etag"]}
    )
    assert revalidated.status_code == 304
    assert wire.PROTOCOL_HEADER in signed_in.http.headers
