"""The platform's catalogue: brands, their sale events (档期), products, SKUs and task stages."""

from __future__ import annotations

import random
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from server.seed import goods
from server.seed.calendar import DAY, day_start

# A SKU as an order line needs it: (sku_id, unit price, commission per piece).
SkuOffer = tuple[int, int, int]
# A product as an order line needs it: (product_id, title, short title, category, offers).
ShelfItem = tuple[int, str, str, str, tuple[SkuOffer, ...]]

TASK_STAGES: list[dict[str, Any]] = [
    {
        "id": 1,
        "position": 1,
        "name": "新手店长",
        "sales_target_cents": 300_000,
        "customers_target": 10,
        "window_days": 30,
        "description": "30天内累计销售3,000元，服务10位付款顾客。",
        "share_rate_bp": 2000,
    },
    {
        "id": 2,
        "position": 2,
        "name": "成长店长",
        "sales_target_cents": 2_000_000,
        "customers_target": 30,
        "window_days": 60,
        "description": "60天内累计销售20,000元，服务30位付款顾客。",
        "share_rate_bp": 3000,
    },
    {
        "id": 3,
        "position": 3,
        "name": "金牌店长",
        "sales_target_cents": 8_000_000,
        "customers_target": 80,
        "window_days": 90,
        "description": "90天内累计销售80,000元，服务80位付款顾客，并通过平台考核。",
        "share_rate_bp": 4000,
    },
]


@dataclass
class Shelf:
    """What customers can buy, grouped by category, with popularity for weighted picks."""

    categories: list[str] = field(default_factory=list)
    category_weights: list[float] = field(default_factory=list)
    items: dict[str, list[ShelfItem]] = field(default_factory=dict)
    popularity: dict[str, list[float]] = field(default_factory=dict)


@dataclass
class Catalogue:
    rows: dict[str, list[dict[str, Any]]]
    shelf: Shelf


def build_catalogue(seed: int, anchor: date, brands: int, products: int, now: int) -> Catalogue:
    """Sale events run from two years back to next week; every product is listed by ``now``
    (those of the coming sale events are announced ahead)."""
    rng = random.Random(f"{seed}/catalogue")
    today = day_start(anchor)
    brand_rows: list[dict[str, Any]] = [
        {"id": i, "name": name, "category": category}
        for i, (name, category) in enumerate(goods.brand_names(rng, brands), start=1)
    ]
    event_rows = _sale_events(rng, brand_rows, today)
    events_by_brand: dict[int, list[dict[str, Any]]] = {}
    for event in event_rows:
        events_by_brand.setdefault(event["brand_id"], []).append(event)

    product_rows: list[dict[str, Any]] = []
    sku_rows: list[dict[str, Any]] = []
    shelf = Shelf(
        categories=list(goods.CATEGORY_WEIGHTS),
        category_weights=[float(w) for w in goods.CATEGORY_WEIGHTS.values()],
        items={c: [] for c in goods.CATEGORY_WEIGHTS},
        popularity={c: [] for c in goods.CATEGORY_WEIGHTS},
    )
    for product_id in range(1, products + 1):
        brand = rng.choice(brand_rows)
        category = brand["category"]
        events = events_by_brand.get(brand["id"], [])
        chosen = rng.choice(events) if events and rng.random() < 0.85 else None
        low, high = goods.SUPPLY_PRICE_YUAN[category]
        supply = int(rng.triangular(low, high, low + (high - low) * 0.2)) * 100
        # Retail prices end in 9, the way shops price them.
        retail = (int(supply * rng.uniform(1.35, 2.2)) // 1000 * 10 + 9) * 100
        rate_bp = rng.randrange(500, 3001, 50)
        created = chosen["starts_at"] - rng.randrange(1, 10) * DAY if chosen else today
        title = goods.product_title(rng, brand["name"], category)
        product_rows.append(
            {
                "id": product_id,
                "brand_id": brand["id"],
                "sale_event_id": chosen["id"] if chosen else None,
                "title": title,
                "category": category,
                "supply_price_cents": supply,
                "retail_price_cents": retail,
                "commission_rate_bp": rate_bp,
                "sales_count": int(rng.paretovariate(1.2) * 20),
                "created_at": min(created - rng.randrange(DAY), now),
            }
        )
        offers: list[SkuOffer] = []
        for spec in goods.sku_specs(rng, category):
            step = rng.choice((0, 0, 0, 1000, 2000))  # bigger sizes cost a little more
            sku_retail = retail + step
            commission = sku_retail * rate_bp // 10_000
            sku_id = len(sku_rows) + 1
            sku_rows.append(
                {
                    "id": sku_id,
                    "product_id": product_id,
                    "spec": spec,
                    "stock": rng.choice((0, rng.randrange(5, 60), rng.randrange(60, 800))),
                    "supply_price_cents": supply + step // 2,
                    "retail_price_cents": sku_retail,
                    "commission_cents": commission,
                }
            )
            offers.append((sku_id, sku_retail, commission))
        short = title.split("】", 1)[-1]
        shelf.items[category].append((product_id, title, short, category, tuple(offers)))
        shelf.popularity[category].append(rng.paretovariate(1.5))
    for category in shelf.categories:
        if not shelf.items[category]:
            raise ValueError(f"too few products to stock every category ({products})")
    rows = {
        "brand": brand_rows,
        "sale_event": event_rows,
        "product": product_rows,
        "sku": sku_rows,
        "task_stage": [dict(stage) for stage in TASK_STAGES],
    }
    return Catalogue(rows=rows, shelf=shelf)


def _sale_events(
    rng: random.Random, brands: list[dict[str, Any]], today: int
) -> list[dict[str, Any]]:
    """About eight sale events per brand over two years, some running now and some upcoming."""
    events: list[dict[str, Any]] = []
    for brand in brands:
        for _ in range(rng.randint(5, 11)):
            events.append({"brand": brand, "start_day": rng.randint(-730, -1)})
    # The homepage of the day needs sale events that run now and some announced for next week.
    for brand in rng.sample(brands, min(len(brands), 40)):
        events.append({"brand": brand, "start_day": rng.randint(-3, 0)})
    for brand in rng.sample(brands, min(len(brands), 20)):
        events.append({"brand": brand, "start_day": rng.randint(1, 7)})
    events.sort(key=lambda e: (e["start_day"], e["brand"]["id"]))
    rows: list[dict[str, Any]] = []
    for event_id, event in enumerate(events, start=1):
        brand = event["brand"]
        starts = today + event["start_day"] * DAY + 10 * 3600  # sale events open at 10:00
        rows.append(
            {
                "id": event_id,
                "brand_id": brand["id"],
                "title": f"{brand['name']}·{rng.choice(goods.EVENT_THEMES)}专场",
                "category": brand["category"],
                "starts_at": starts,
                "ends_at": starts + rng.randint(3, 7) * DAY,
            }
        )
    return rows
