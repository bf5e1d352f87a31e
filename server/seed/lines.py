"""Order lines: what each planned order contains, built chunk by chunk from its own seed."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any

from server.seed.calendar import CHINA_OFFSET, DAY
from server.seed.catalogue import Shelf, ShelfItem, SkuOffer
from server.seed.draw import open_ended

EPOCH_DAY = date(1970, 1, 1)
_LINE_WEIGHTS = (25, 30, 25, 20)  # one to four lines
_QUANTITY_WEIGHTS = (80, 15, 5)  # one to three pieces
# Order line ids derive from their order's id, so a chunk needs no knowledge of earlier chunks.
LINES_PER_ORDER_ID = 4


# What one order contains: (product, chosen SKU, quantity) per line.
Basket = tuple[tuple[ShelfItem, SkuOffer, int], ...]


@dataclass
class OrderChunk:
    seed: int
    shop_id: int
    chunk: int
    first_order_id: int
    placed_at: list[int]
    customer_id: list[int]
    store: list[int]
    status: list[str]
    paid_at: list[int | None]
    # Orders of the demo's story whose contents were settled beforehand, by offset in the chunk.
    baskets: dict[int, Basket] = field(default_factory=dict)


class BasketDraw:
    """Draws what a customer puts in an order: categories by their share of sales, products
    by popularity, one to four lines of one to three pieces."""

    def __init__(self, shelf: Shelf) -> None:
        self._categories = shelf.categories
        self._category_cum = open_ended(shelf.category_weights)
        self._items = shelf.items
        self._cum_by_category = {c: open_ended(shelf.popularity[c]) for c in shelf.categories}
        self._line_cum = open_ended(_LINE_WEIGHTS)
        self._quantity_cum = open_ended(_QUANTITY_WEIGHTS)

    def __call__(self, rand: Callable[[], float]) -> Basket:
        categories, category_cum = self._categories, self._category_cum
        category = categories[bisect(category_cum, rand())]
        lines: list[tuple[ShelfItem, SkuOffer, int]] = []
        for line in range(bisect(self._line_cum, rand()) + 1):
            if line and rand() < 0.4:
                category = categories[bisect(category_cum, rand())]
            item = self._items[category][bisect(self._cum_by_category[category], rand())]
            offers = item[4]
            offer = offers[int(rand() * len(offers))]
            lines.append((item, offer, bisect(self._quantity_cum, rand()) + 1))
        return tuple(lines)


def basket_amount(basket: Basket) -> int:
    return sum(offer[1] * quantity for _, offer, quantity in basket)


def fill_chunk(job: OrderChunk, shelf: Shelf) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Order rows and order line rows for one chunk of planned orders."""
    rng = random.Random(f"{job.seed}/lines/{job.shop_id}/{job.chunk}")
    rand = rng.random
    draw = BasketDraw(shelf)
    settled = job.baskets
    order_rows: list[dict[str, Any]] = []
    item_rows: list[dict[str, Any]] = []
    day_labels: dict[int, str] = {}
    for offset, placed in enumerate(job.placed_at):
        order_id = job.first_order_id + offset
        basket = settled.get(offset) if settled else None
        if basket is None:
            basket = draw(rand)
        amount = commission = pieces = 0
        for line, (item, offer, quantity) in enumerate(basket):
            product_id, title, _, category, _ = item
            sku_id, price, piece_commission = offer
            amount += price * quantity
            commission += piece_commission * quantity
            pieces += quantity
            item_rows.append(
                {
                    "id": order_id * LINES_PER_ORDER_ID + line,
                    "order_id": order_id,
                    "product_id": product_id,
                    "sku_id": sku_id,
                    "title": title,
                    "category": category,
                    "quantity": quantity,
                    "unit_price_cents": price,
                    "commission_cents": piece_commission * quantity,
                }
            )
        first_item = basket[0][0]
        first_title, first_category = first_item[2], first_item[3]
        day_number = (placed + CHINA_OFFSET) // DAY
        ymd = day_labels.get(day_number)
        if ymd is None:
            ymd = day_labels[day_number] = f"{EPOCH_DAY + timedelta(days=day_number):%Y%m%d}"
        order_rows.append(
            {
                "id": order_id,
                "order_no": f"ZG{ymd}{order_id:09d}",
                "customer_id": job.customer_id[offset],
                "store_manager_id": job.store[offset] or None,
                "placed_at": placed,
                "paid_at": job.paid_at[offset],
                "status": job.status[offset],
                "amount_cents": amount,
                "commission_cents": commission,
                "item_count": pieces,
                "items_summary": f"{first_title} 等{pieces}件" if pieces > 1 else first_title,
                "category": first_category,
            }
        )
    return order_rows, item_rows
