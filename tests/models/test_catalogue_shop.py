"""A catalogue for tests and benchmarks: brands, sale events around ``now``, products and SKUs,
written into a real profile the way a pull writes them (Core inserts plus the search index)."""

from __future__ import annotations

import random
import shutil
import socket
import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Final

import pytest
import uvicorn
from fastapi import FastAPI, Request

from models import search, wire
from models.db import Brand, Product, SaleEvent, Sku, SyncState, table_of
from models.profile import Profile
from server.images import image_routes

DAY: Final = 86_400
UNREACHABLE_PLATFORM: Final = "http://127.0.0.1:9"
WORDS: Final = {
    "时尚女装": ("法式碎花连衣裙", "高腰显瘦牛仔裤", "针织开衫外套", "雪纺衬衫", "小香风外套"),
    "母婴童装": ("婴儿纯棉连体衣", "儿童防晒衣", "女童公主裙", "宝宝学步鞋"),
    "品质男装": ("商务免烫衬衫", "纯棉圆领T恤", "休闲直筒裤", "立领夹克"),
    "家居家纺": ("全棉四件套", "乳胶枕", "夏凉被", "纯棉浴巾"),
    "美妆个护": ("玻尿酸补水面膜", "氨基酸洗面奶", "丝绒口红", "防晒霜SPF50"),
    "食品生鲜": ("每日坚果", "五常大米", "手撕牛肉干", "赣南脐橙"),
}
STEMS: Final = ("云朵", "初见", "素然", "木槿", "南山", "柚子", "星河", "暖阳", "青禾", "拾光")


@dataclass(frozen=True)
class CatalogueRows:
    brands: list[dict[str, Any]]
    events: list[dict[str, Any]]
    products: list[dict[str, Any]]
    skus: list[dict[str, Any]]


def catalogue_rows(products: int, now: int, seed: int = 1) -> CatalogueRows:
    """Rows as the platform sends them: every brand has ended, running and announced events."""
    rng = random.Random(seed)
    brand_count = max(6, min(300, products // 60))
    brands: list[dict[str, Any]] = []
    for i in range(1, brand_count + 1):
        category = wire.CATEGORIES[(i - 1) % len(wire.CATEGORIES)]
        name = f"{STEMS[i % len(STEMS)]}{i}号{category[-2:]}"
        brands.append({"id": i, "name": name, "category": category})
    events: list[dict[str, Any]] = []
    for brand in brands:
        for start_day in (-30, -12, -2, 3):
            starts = now + start_day * DAY + rng.randrange(3600)
            events.append(
                {
                    "id": len(events) + 1,
                    "brand_id": brand["id"],
                    "title": f"{brand['name']}·限时特卖专场",
                    "category": brand["category"],
                    "starts_at": starts,
                    "ends_at": starts + rng.randint(3, 7) * DAY,
                }
            )
    by_brand: dict[int, list[dict[str, Any]]] = {}
    for event in events:
        by_brand.setdefault(event["brand_id"], []).append(event)
    rows: list[dict[str, Any]] = []
    skus: list[dict[str, Any]] = []
    for product_id in range(1, products + 1):
        brand = rng.choice(brands)
        category = brand["category"]
        chosen = rng.choice(by_brand[brand["id"]]) if rng.random() < 0.85 else None
        supply = rng.randrange(9, 400) * 100
        retail = (int(supply * rng.uniform(1.35, 2.2)) // 1000 * 10 + 9) * 100
        rate = rng.randrange(500, 3001, 50)
        rows.append(
            {
                "id": product_id,
                "brand_id": brand["id"],
                "sale_event_id": chosen["id"] if chosen else None,
                "title": f"【{brand['name']}】{rng.choice(WORDS[category])}",
                "category": category,
                "supply_price_cents": supply,
                "retail_price_cents": retail,
                "commission_rate_bp": rate,
                "sales_count": int(rng.paretovariate(1.2) * 20),
                "created_at": now - rng.randrange(90 * DAY),
            }
        )
        for spec in rng.sample(("S", "M", "L", "XL", "500g", "礼盒装"), rng.randint(1, 4)):
            price = retail + rng.choice((0, 0, 1000))
            skus.append(
                {
                    "id": len(skus) + 1,
                    "product_id": product_id,
                    "spec": spec,
                    "stock": rng.choice((0, 0, rng.randrange(5, 60), rng.randrange(60, 800))),
                    "supply_price_cents": supply,
                    "retail_price_cents": price,
                    "commission_cents": price * rate // 10_000,
                }
            )
    return CatalogueRows(brands, events, rows, skus)


def fill_catalogue(profile: Profile, rows: CatalogueRows) -> None:
    with profile.write() as s:
        conn = s.connection()
        for model, batch in (
            (Brand, rows.brands),
            (SaleEvent, rows.events),
            (Product, rows.products),
            (Sku, rows.skus),
        ):
            conn.execute(table_of(model).insert(), batch)
        search.index_rows(conn, "product", rows.products)


def catalogue_profile(
    folder: Path, products: int, now: int, *, platform_url: str | None = None
) -> tuple[Profile, CatalogueRows]:
    """A signed-in profile with a synced catalogue of ``products`` products."""
    profile = Profile.open(folder)
    with profile.write() as s:
        s.add(
            SyncState(
                id=1,
                platform_url=platform_url or UNREACHABLE_PLATFORM,
                shop_id=7,
                shop_code="demo7",
                shop_name="小美的衣橱",
                token="token-of-demo7",
                cursor="0:0",
                epoch=None,
                last_sync_at=None,
                last_error="",
            )
        )
    rows = catalogue_rows(products, now)
    fill_catalogue(profile, rows)
    return profile, rows


@dataclass
class PictureServer:
    """Product pictures served by ``server.images`` on a loopback port, recording requests."""

    url: str
    requests: list[dict[str, str]] = field(default_factory=list)
    delay: float = 0.0  # seconds each answer waits, like a slow network
    in_flight: int = 0
    most_in_flight: int = 0  # pictures being answered at the same moment, at most
    lock: threading.Lock = field(default_factory=threading.Lock)

    def paths(self) -> list[str]:
        return [r["path"] for r in self.requests]


@contextmanager
def picture_server(
    products: dict[int, tuple[str, str]], *, delay: float = 0.0
) -> Iterator[PictureServer]:
    """Serve pictures of ``products`` ({id: (title, category)}) until the block ends."""
    app = FastAPI()
    # Named TCP so that asyncio turns Nagle off on its connections (40 ms a picture otherwise).
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_TCP)
    sock.bind(("127.0.0.1", 0))
    served = PictureServer(f"http://127.0.0.1:{sock.getsockname()[1]}", delay=delay)

    @app.middleware("http")
    async def record(request: Request, call_next: Any) -> Any:
        served.requests.append({"path": request.url.path, **request.headers})
        return await call_next(request)

    def lookup(product_id: int) -> tuple[str, str] | None:
        with served.lock:
            served.in_flight += 1
            served.most_in_flight = max(served.most_in_flight, served.in_flight)
        try:
            if served.delay:
                time.sleep(served.delay)
            return products.get(product_id)
        finally:
            with served.lock:
                served.in_flight -= 1

    image_routes(app, lookup, dependencies=[])
    server = uvicorn.Server(
        uvicorn.Config(app, log_config=None, access_log=False, lifespan="off", ws="none")
    )
    thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, daemon=True)
    thread.start()
    deadline = time.monotonic() + 20
    while not server.started:
        if time.monotonic() > deadline or not thread.is_alive():
            raise RuntimeError("the picture server did not start")
        time.sleep(0.01)
    try:
        yield served
    finally:
        server.should_exit = True
        thread.join(10)
        sock.close()


def product_lookup(rows: CatalogueRows) -> dict[int, tuple[str, str]]:
    return {p["id"]: (p["title"], p["category"]) for p in rows.products}


@dataclass(frozen=True)
class CatalogueShop:
    profile: Profile
    rows: CatalogueRows
    now: int  # the moment the sale events were laid out around

    def sql(self, query: str, *args: object) -> list[tuple[Any, ...]]:
        with sqlite3.connect(self.profile.db_path) as conn:
            return conn.execute(query, args).fetchall()


SHOP_PRODUCTS: Final = 600


@pytest.fixture(scope="session")
def catalogue_template(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, CatalogueRows, int]:
    """One catalogue shop for the whole run, around the moment the run started."""
    now = int(time.time())
    folder = tmp_path_factory.mktemp("catalogue-template") / "shop"
    profile, rows = catalogue_profile(folder, SHOP_PRODUCTS, now)
    profile.close()
    return folder, rows, now


@pytest.fixture
def catalogue_shop(
    catalogue_template: tuple[Path, CatalogueRows, int], tmp_path: Path
) -> Iterator[CatalogueShop]:
    """A copy of the catalogue shop for this test, signed in to an unreachable platform."""
    template, rows, now = catalogue_template
    shutil.copytree(template, tmp_path / "catalogue-shop")
    profile = Profile.open(tmp_path / "catalogue-shop")
    yield CatalogueShop(profile, rows, now)
    profile.close()


def point_at(profile: Profile, platform_url: str) -> None:
    """Let the profile fetch pictures from ``platform_url``."""
    with profile.write() as s:
        state = s.get(SyncState, 1)
        assert state is not None
        state.platform_url = platform_url


def test_the_catalogue_is_searchable_and_consistent(tmp_path: Path) -> None:
    profile, rows = catalogue_profile(tmp_path, 300, now=1_800_000_000)
    with sqlite3.connect(profile.db_path) as conn:
        assert conn.execute("SELECT count(*) FROM product").fetchone()[0] == 300
        assert conn.execute(
            "SELECT count(*) FROM sku WHERE product_id NOT IN (SELECT id FROM product)"
        ).fetchone() == (0,)
        hits = conn.execute(
            "SELECT count(*) FROM product_search WHERE product_search MATCH ?",
            (search.phrase("连衣裙"),),
        ).fetchone()[0]
    assert hits == sum("连衣裙" in p["title"] for p in rows.products) > 0
    profile.close()
