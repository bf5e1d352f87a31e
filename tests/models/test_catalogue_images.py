"""The picture cache against a real picture server on loopback."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path

import pytest

from models import wire
from models.images import (
    GRID_SIZE,
    PNG_MAGIC,
    QUIET_AFTER_FAILURE_SECONDS,
    PictureCache,
    PictureSource,
    max_age,
    picture_source,
)
from models.profile import Profile
from server.images import MAX_AGE_SECONDS, product_picture
from tests.models.test_catalogue_shop import (
    PictureServer,
    catalogue_profile,
    picture_server,
)

NOW = 1_800_000_000
PRODUCTS = {1: ("【云朵】法式碎花连衣裙", "时尚女装"), 2: ("五常大米", "食品生鲜")}


class Clock:
    def __init__(self) -> None:
        self.now = float(NOW)

    def __call__(self) -> float:
        return self.now


@pytest.fixture
def server() -> Iterator[PictureServer]:
    with picture_server(PRODUCTS) as served:
        yield served


def cache_for(folder: Path, url: str, clock: Clock) -> PictureCache:
    return PictureCache(folder, lambda: PictureSource(url, "token-of-demo7"), clock=clock)


def test_a_picture_is_fetched_once_and_kept_on_disk(tmp_path: Path, server: PictureServer) -> None:
    clock = Clock()
    cache = cache_for(tmp_path / "images", server.url, clock)
    first = cache.picture(1)
    assert first == product_picture(1, *PRODUCTS[1], size=GRID_SIZE)
    again = cache.picture(1)
    assert again == first
    assert server.paths() == ["/v1/images/product/1.png"]
    sent = server.requests[0]
    assert sent[wire.PROTOCOL_HEADER.lower()] == str(wire.PROTOCOL_VERSION)
    assert sent["authorization"] == "Bearer token-of-demo7"
    # Another computer's cache (a new object on the same folder) reads the disk too.
    assert cache_for(tmp_path / "images", server.url, clock).picture(1) == first
    assert len(server.requests) == 1


def test_a_stale_picture_is_revalidated_with_its_etag(
    tmp_path: Path, server: PictureServer
) -> None:
    clock = Clock()
    cache = cache_for(tmp_path / "images", server.url, clock)
    first = cache.picture(2)
    clock.now += MAX_AGE_SECONDS + 1
    assert cache.picture(2) == first
    assert len(server.requests) == 2
    assert server.requests[1]["if-none-match"].startswith('"')
    # The 304 gave the copy a new lifetime.
    assert cache.picture(2) == first
    assert len(server.requests) == 2


def test_an_unknown_product_has_no_picture(tmp_path: Path, server: PictureServer) -> None:
    cache = cache_for(tmp_path / "images", server.url, Clock())
    assert cache.picture(404) is None
    assert cache.stored(404) is None


def test_no_platform_means_the_stored_copy_or_nothing(
    tmp_path: Path, server: PictureServer
) -> None:
    clock = Clock()
    cache_for(tmp_path / "images", server.url, clock).picture(1)
    clock.now += MAX_AGE_SECONDS + 1
    offline = cache_for(tmp_path / "images", "http://127.0.0.1:9", clock)
    stale = offline.picture(1)
    assert stale is not None
    assert stale.startswith(PNG_MAGIC)
    assert offline.picture(2) is None
    # After a failed connection it stays quiet for a while instead of trying every picture.
    tries = offline.fetches
    assert offline.pictures([2, 3, 4]) == {2: None, 3: None, 4: None}
    assert offline.fetches == tries
    clock.now += QUIET_AFTER_FAILURE_SECONDS + 1
    offline.picture(2)
    assert offline.fetches == tries + 1


def test_a_broken_answer_is_not_kept(tmp_path: Path) -> None:
    folder = tmp_path / "images"
    cache = cache_for(folder, "http://127.0.0.1:9", Clock())
    path = folder / "product" / str(GRID_SIZE) / "0" / "1.png"
    path.parent.mkdir(parents=True)
    path.write_bytes(b"<html>not a picture</html>")
    assert cache.stored(1) is None


def test_pictures_come_in_batches_and_stop_when_cancelled(
    tmp_path: Path, server: PictureServer
) -> None:
    cache = cache_for(tmp_path / "images", server.url, Clock())
    asked: list[int] = []

    def cancelled() -> bool:
        return len(asked) >= 1

    found = cache.pictures(_recording([1, 2], asked), cancelled=cancelled)
    assert list(found) == [1]
    assert set(cache.pictures([1, 2])) == {1, 2}


def _recording(ids: list[int], asked: list[int]) -> Iterator[int]:
    for i in ids:
        yield i
        asked.append(i)


def test_several_threads_share_one_cache(tmp_path: Path, server: PictureServer) -> None:
    cache = cache_for(tmp_path / "images", server.url, Clock())
    results: list[bytes | None] = []

    def work() -> None:
        results.extend(cache.pictures([1, 2]).values())

    threads = [threading.Thread(target=work) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 8
    assert all(r is not None and r.startswith(PNG_MAGIC) for r in results)
    assert not list((tmp_path / "images").rglob(".*"))  # no half-written files left


def test_the_profile_names_the_platform_and_token(tmp_path: Path) -> None:
    profile, _rows = catalogue_profile(tmp_path / "p", 10, NOW, platform_url="http://x:1/")
    assert picture_source(profile) == PictureSource("http://x:1", "token-of-demo7")
    cache = PictureCache.for_profile(profile)
    assert cache.folder == profile.folder / "images"
    profile.close()
    assert picture_source(Profile.open(tmp_path / "unsigned")) is None


@pytest.mark.parametrize(
    ("header", "seconds"),
    [
        ("public, max-age=86400", 86_400),
        ("max-age=60, must-revalidate", 60),
        ("no-cache", 0),
        ("no-store", None),
        ("", 0),
        ("max-age=abc", 0),
    ],
)
def test_cache_control_is_read(header: str, seconds: int | None) -> None:
    assert max_age(header) == seconds
