"""Product pictures on this computer: fetched from the platform once, kept on disk, revalidated
when their cache lifetime is over.

Every call may touch the disk and the network, so it belongs off the GUI thread. A picture that
cannot be had (no platform, a refusal, a broken answer) is None and the caller draws its own
placeholder; a stale copy on disk is better than nothing and is returned when the platform cannot
be reached. After a failed connection the cache stays quiet for a while instead of trying again
for every picture of a scrolling grid.
"""

from __future__ import annotations

import logging
import os
import re
import threading
import time
import uuid
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import httpx
import orjson
from sqlalchemy import select

from models import wire
from models.db import SyncState
from models.profile import Profile

log = logging.getLogger(__name__)

GRID_SIZE: Final = 240
DETAIL_SIZE: Final = 480
PNG_MAGIC: Final = b"\x89PNG\r\n\x1a\n"
MAX_PICTURE_BYTES: Final = 4 * 1024 * 1024
QUIET_AFTER_FAILURE_SECONDS: Final = 30.0
TIMEOUT_SECONDS: Final = 10.0
# Pictures of a long job asked for at once: the platform draws or reads several side by side,
# and a picture's round trip no longer waits for the one before.
FETCH_WORKERS: Final = 4
_MAX_AGE = re.compile(r"(?:^|,)\s*max-age\s*=\s*(\d+)", re.IGNORECASE)


@dataclass(frozen=True)
class PictureSource:
    """Where pictures come from: the profile's platform and the shop's token."""

    platform_url: str
    token: str


@dataclass(frozen=True)
class _Entry:
    etag: str
    expires_at: float


def picture_source(profile: Profile) -> PictureSource | None:
    with profile.read() as s:
        row = s.execute(select(SyncState.platform_url, SyncState.token)).first()
    if row is None or not row.platform_url:
        return None
    return PictureSource(row.platform_url.rstrip("/"), row.token)


def max_age(cache_control: str) -> int | None:
    """Seconds a response may be used without asking again; None when it must not be stored."""
    words = {w.strip().lower() for w in cache_control.split(",")}
    if "no-store" in words:
        return None
    if "no-cache" in words:
        return 0
    found = _MAX_AGE.search(cache_control)
    return int(found.group(1)) if found else 0


class PictureSession:
    """The pictures of one job: asked for ahead, taken when a page is drawn, then forgotten, so
    that only the pictures of the next few pages are held at any time."""

    def __init__(
        self,
        cache: PictureCache,
        client: httpx.Client,
        size: int,
        workers: int,
        cancelled: Callable[[], bool],
    ) -> None:
        self._cache = cache
        self._client = client
        self.size = size
        self._cancelled = cancelled
        self._pool = ThreadPoolExecutor(max_workers=workers, thread_name_prefix="pictures")
        self._asked: dict[int, Future[bytes | None]] = {}

    def ask(self, product_ids: Iterable[int]) -> None:
        """Start fetching (or reading from disk) pictures not asked for yet."""
        for product_id in product_ids:
            if product_id not in self._asked:
                self._asked[product_id] = self._pool.submit(
                    self._cache.fresh_or_fetched,
                    self._client,
                    product_id,
                    self.size,
                    self._cancelled,
                )

    def take(self, product_ids: Sequence[int]) -> dict[int, bytes | None]:
        """The pictures of ``product_ids``, waiting for those still on their way."""
        self.ask(product_ids)
        return {i: self._asked[i].result() for i in product_ids}

    def forget(self, product_ids: Iterable[int]) -> None:
        for product_id in product_ids:
            self._asked.pop(product_id, None)

    def held(self) -> int:
        """Pictures asked for and not forgotten yet."""
        return len(self._asked)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)
        self._asked.clear()


class PictureCache:
    """Pictures of products in ``<profile folder>/images``; safe to use from several threads."""

    def __init__(
        self,
        folder: Path,
        source: Callable[[], PictureSource | None],
        *,
        client: httpx.Client | None = None,
        clock: Callable[[], float] = time.time,
    ) -> None:
        self.folder = folder
        self._source_of = source
        self._source: PictureSource | None = None
        self._source_known = False
        # A client given here is the caller's to close; without one, each call or batch opens
        # its own and closes it, so no connection outlives the work that needed it.
        self._client = client
        self._clock = clock
        self._quiet_until = 0.0
        self._lock = threading.Lock()
        # Until the platform has answered once, one request at a time goes out: when it cannot
        # be reached, the first failure quiets the others instead of each finding out itself.
        self._reached = False
        self._first_contact = threading.Lock()
        self.fetches = 0  # requests sent to the platform, for the curious and the tests

    @classmethod
    def for_profile(cls, profile: Profile, *, client: httpx.Client | None = None) -> PictureCache:
        return cls(profile.folder / "images", lambda: picture_source(profile), client=client)

    def forget_source(self) -> None:
        """Read the platform and token again (after signing in anew), and try again at once."""
        with self._lock:
            self._source_known = False
            self._quiet_until = 0.0
            self._reached = False

    # --- pictures ---------------------------------------------------------------------------

    def stored(self, product_id: int, size: int = GRID_SIZE) -> bytes | None:
        """The copy on disk, however old; never asks the platform."""
        try:
            data = self._picture_path(product_id, size).read_bytes()
        except OSError:
            return None
        return data if data.startswith(PNG_MAGIC) else None

    def picture(self, product_id: int, size: int = GRID_SIZE) -> bytes | None:
        """A picture fresh enough to show: from disk while its lifetime lasts, else fetched or
        revalidated; the stale copy, or None, when the platform cannot give one."""
        return self.pictures([product_id], size)[product_id]

    def pictures(
        self,
        product_ids: Iterable[int],
        size: int = GRID_SIZE,
        *,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> dict[int, bytes | None]:
        """``picture()`` of several products over one connection; stops early when cancelled."""
        found: dict[int, bytes | None] = {}
        client = self._client
        try:
            for product_id in product_ids:
                if cancelled():
                    break
                stored, entry, fresh = self._on_disk(product_id, size)
                if stored is not None and fresh:
                    found[product_id] = stored
                    continue
                if client is None:
                    client = httpx.Client(timeout=TIMEOUT_SECONDS)
                found[product_id] = self._refreshed(client, product_id, size, stored, entry)
        finally:
            if client is not None and client is not self._client:
                client.close()
        return found

    @contextmanager
    def session(
        self,
        size: int = DETAIL_SIZE,
        *,
        workers: int = FETCH_WORKERS,
        cancelled: Callable[[], bool] = lambda: False,
    ) -> Iterator[PictureSession]:
        """Pictures for a long job (a batch of posters), asked for ahead of their use,
        ``workers`` at a time over connections kept for the whole job."""
        limits = httpx.Limits(max_connections=workers, max_keepalive_connections=workers)
        client = self._client or httpx.Client(timeout=TIMEOUT_SECONDS, limits=limits)
        session = PictureSession(self, client, size, workers, cancelled)
        try:
            yield session
        finally:
            session.close()
            if client is not self._client:
                client.close()

    def fresh_or_fetched(
        self, client: httpx.Client, product_id: int, size: int, cancelled: Callable[[], bool]
    ) -> bytes | None:
        """One picture as ``pictures()`` gives it, over ``client``; never fetched once
        ``cancelled``."""
        stored, entry, fresh = self._on_disk(product_id, size)
        if (stored is not None and fresh) or cancelled():
            return stored
        return self._refreshed(client, product_id, size, stored, entry)

    def _on_disk(self, product_id: int, size: int) -> tuple[bytes | None, _Entry | None, bool]:
        """The stored copy, its cache entry, and whether it is still fresh."""
        stored = self.stored(product_id, size)
        entry = self._entry(product_id, size) if stored is not None else None
        fresh = entry is not None and entry.expires_at > self._clock()
        return stored, entry, fresh

    def _refreshed(
        self,
        client: httpx.Client,
        product_id: int,
        size: int,
        stored: bytes | None,
        entry: _Entry | None,
    ) -> bytes | None:
        if not self._reached:
            with self._first_contact:
                if not self._reached:
                    return self._asked(client, product_id, size, stored, entry)
        return self._asked(client, product_id, size, stored, entry)

    def _asked(
        self,
        client: httpx.Client,
        product_id: int,
        size: int,
        stored: bytes | None,
        entry: _Entry | None,
    ) -> bytes | None:
        source = self._current_source()
        if source is None or self._clock() < self._quiet_until:
            return stored
        try:
            fetched = self._fetch(client, source, product_id, size, entry.etag if entry else "")
        except httpx.HTTPError as error:
            log.info("picture %s not fetched: %s", product_id, error)
            if isinstance(error, httpx.TransportError):
                with self._lock:
                    self._quiet_until = self._clock() + QUIET_AFTER_FAILURE_SECONDS
                    self._reached = False
            return stored
        self._reached = True
        if fetched is None:
            return stored
        return fetched if fetched else stored

    def _fetch(
        self, client: httpx.Client, source: PictureSource, product_id: int, size: int, etag: str
    ) -> bytes | None:
        """New bytes; b"" when the stored copy is still good; None when there is no picture."""
        headers = {
            wire.PROTOCOL_HEADER: str(wire.PROTOCOL_VERSION),
            "Authorization": f"Bearer {source.token}",
        }
        if etag:
            headers["If-None-Match"] = etag
        url = f"{source.platform_url}/v1/images/product/{product_id}.png"
        with self._lock:
            self.fetches += 1
        response = client.get(url, params={"size": size}, headers=headers)
        lifetime = max_age(response.headers.get("Cache-Control", ""))
        expires_at = self._clock() + (lifetime or 0)
        if response.status_code == 304 and etag:
            self._write_entry(product_id, size, _Entry(etag, expires_at))
            return b""
        if response.status_code != 200:
            log.info("picture %s: the platform answered %s", product_id, response.status_code)
            return None
        data = response.content
        if not data.startswith(PNG_MAGIC) or len(data) > MAX_PICTURE_BYTES:
            log.warning("picture %s: the platform's answer is not a PNG picture", product_id)
            return None
        if lifetime is not None:
            self._write(self._picture_path(product_id, size), data)
            self._write_entry(
                product_id, size, _Entry(response.headers.get("ETag", ""), expires_at)
            )
        return data

    # --- the disk ---------------------------------------------------------------------------

    def _current_source(self) -> PictureSource | None:
        with self._lock:
            if not self._source_known:
                self._source = self._source_of()
                self._source_known = True
            return self._source

    def _picture_path(self, product_id: int, size: int) -> Path:
        return self.folder / "product" / str(size) / str(product_id // 1000) / f"{product_id}.png"

    def _entry(self, product_id: int, size: int) -> _Entry | None:
        try:
            path = self._picture_path(product_id, size).with_suffix(".json")
            raw = orjson.loads(path.read_bytes())
            return _Entry(str(raw["etag"]), float(raw["expires_at"]))
        except (OSError, ValueError, KeyError, TypeError):
            return None

    def _write_entry(self, product_id: int, size: int, entry: _Entry) -> None:
        path = self._picture_path(product_id, size).with_suffix(".json")
        self._write(path, orjson.dumps({"etag": entry.etag, "expires_at": entry.expires_at}))

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        """Whole or not at all: a reader never sees half a picture."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            partial = path.with_name(f".{path.name}.{uuid.uuid4().hex}")
            partial.write_bytes(data)
            os.replace(partial, path)
        except OSError as error:
            log.warning("cannot keep a picture in %s: %s", path.parent, error)
