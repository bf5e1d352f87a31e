"""Order lines: what each planned order contains, built chunk by chunk from its own seed."""

from __future__ import annotations

import random
from bisect import bisect
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Any

from server.seed.calendar import CHINA_OFFSET, DAY
from server.seed.catalogue import Shelf
from server.seed.draw import open_ended

EPOCH_DAY = date(1970, 1, 1)
_LINE_WEIGHTS = (25, 30, 25, 20)  # one to four lines
_QUANTITY_WEIGHTS = (80, 15, 5)  # one to three pieces
# Order line ids derive from their order's id, so a chunk needs no knowledge of earlier chunks.
LINES_PER_ORDER_ID = 4


def order_number(day: str, shop_id: int, order_id: int) -> str:
    """The number a customer quotes: the China day, then the shop, then the shop's order id,
    so that it names one order on the whole platform although ids count per shop."""
    return f"ZG{day}{shop_id:08d}{order_id:09d}"


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


def fill_chunk(job: OrderChunk, shelf: Shelf) -> tuple[list[dict[str, Any]], list[dict[str, Any]]]:
    """Order rows and order line rows for one chunk of planned orders."""
    rng = random.Random(f"{job.seed}/lines/{job.shop_id}/{job.chunk}")
    rand = rng.random
    categories = shelf.categories
    category_cum = open_ended(shelf.category_weights)
    items_by_category = shelf.items
    cum_by_category = {c: open_ended(shelf.popularity[c]) for c in categories}
    line_cum = open_ended(_LINE_WEIGHTS)
    quantity_cum = open_ended(_QUANTITY_WEIGHTS)
    order_rows: list[dict[str, Any]] = []
    item_rows: list[dict[str, Any]] = []
    day_labels: dict[int, str] = {}
    for offset, placed in enumerate(job.placed_at):
        order_id = job.first_order_id + offset
        lines = bisect(line_cum, rand()) + 1
        category = categories[bisect(category_cum, rand())]
        amount = commission = pieces = 0
        first_title = first_category = ""
        for line in range(lines):
            if line and rand() < 0.4:
                category = categories[bisect(category_cum, rand())]
            product_id, title, short, _, offers = items_by_category[category][
                bisect(cum_by_category[category], rand())
            ]
            sku_id, price, piece_commission = offers[int(rand() * len(offers))]
            quantity = bisect(quantity_cum, rand()) + 1
            if not line:
                first_title, first_category = short, category
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
        day_number = (placed + CHINA_OFFSET) // DAY
        ymd = day_labels.get(day_number)
        if ymd is None:
            ymd = day_labels[day_number] = f"{EPOCH_DAY + timedelta(days=day_number):%Y%m%d}"
        order_rows.append(
            {
                "id": order_id,
                "order_no": order_number(ymd, job.shop_id, order_id),
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
