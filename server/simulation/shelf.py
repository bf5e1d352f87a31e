"""What simulated customers buy: the catalogue's best sellers, read once."""

from __future__ import annotations

import random
from dataclasses import dataclass

from sqlalchemy import Connection, select

from server.db.catalogue import Product, Sku

SHELF_SIZE = 400


@dataclass(frozen=True)
class Offer:
    product_id: int
    sku_id: int
    title: str
    short: str
    category: str
    price_cents: int
    commission_cents: int


def load_shelf(conn: Connection) -> list[Offer]:
    rows = conn.execute(
        select(
            Sku.id,
            Sku.product_id,
            Sku.retail_price_cents,
            Sku.commission_cents,
            Product.title,
            Product.category,
        )
        .join(Product, Product.id == Sku.product_id)
        .order_by(Product.sales_count.desc(), Sku.id)
        .limit(SHELF_SIZE)
    ).all()
    return [
        Offer(
            product_id=r.product_id,
            sku_id=r.id,
            title=r.title,
            short=r.title.split("】", 1)[-1][:40],
            category=r.category,
            price_cents=r.retail_price_cents,
            commission_cents=r.commission_cents,
        )
        for r in rows
    ]


def basket(rng: random.Random, shelf: list[Offer]) -> list[tuple[Offer, int]]:
    """One to three lines, mostly one piece each."""
    lines = rng.choices((1, 2, 3), (55, 30, 15))[0]
    picks = rng.sample(shelf, min(lines, len(shelf)))
    return [(offer, rng.choices((1, 2, 3), (80, 15, 5))[0]) for offer in picks]
