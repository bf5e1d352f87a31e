"""Order lines: what each planned order contains, built chunk by chunk from its own seed."""

from __future__ import annotations

import random
from bisect import bisect
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, timedelta
from typing import Any, NamedTuple

from server.seed.calendar import CHINA_OFFSET, DAY
from server.seed.catalogue import Shelf, ShelfItem, SkuOffer
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


# What one order contains: (product, chosen SKU, quantity) per line.
Basket = tuple[tuple[ShelfItem, SkuOffer, int], ...]
# Parcels arrive two to seven days after payment.
_DELIVERY = (2 * DAY, 7 * DAY)
# Of refunded orders: refunded before delivery, after it within the after-sales window, and
# (the rest) late, after the order was settled: days after its statement.
_REFUNDED_BEFORE_DELIVERY = 0.45
_REFUNDED_IN_WINDOW = 0.45
_LATE_REFUND_DAYS = (1, 30)


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
    # No parcel of the demo arrives later than this.
    now: int = 2**62
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


class OrderMoney(NamedTuple):
    """What settling one order needs to know of it."""

    order_id: int
    order_no: str
    manager_id: int | None
    status: str
    paid_at: int | None
    completed_at: int | None
    commission_cents: int
    # Refunded after settlement: this many days after the statement that paid it.
    late_refund_days: int | None


def _completion(
    status: str, paid_at: int | None, now: int, rng: random.Random
) -> tuple[int | None, int | None]:
    """When a paid order's parcel arrived, and how late a refund of it came (if at all)."""
    if paid_at is None or status not in ("completed", "refunded"):
        return None, None
    late = None
    if status == "refunded":
        fate = rng.random()
        if fate < _REFUNDED_BEFORE_DELIVERY:
            return None, None
        if fate >= _REFUNDED_BEFORE_DELIVERY + _REFUNDED_IN_WINDOW:
            late = rng.randint(*_LATE_REFUND_DAYS)
    # random() rather than randrange(): this runs for most of a million orders.
    arrived = paid_at + _DELIVERY[0] + int(rng.random() * (_DELIVERY[1] - _DELIVERY[0]))
    return max(paid_at + 60, min(arrived, now - 60)), late


def fill_chunk(
    job: OrderChunk, shelf: Shelf
) -> tuple[list[dict[str, Any]], list[dict[str, Any]], list[OrderMoney]]:
    """Order rows, order line rows and the orders' money facts for one chunk of planned orders."""
    rng = random.Random(f"{job.seed}/lines/{job.shop_id}/{job.chunk}")
    # Its own stream: parcels and refunds leave what the orders contain as it was.
    parcels = random.Random(f"{job.seed}/parcels/{job.shop_id}/{job.chunk}")
    money: list[OrderMoney] = []
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
        order_no = order_number(ymd, job.shop_id, order_id)
        status, paid_at = job.status[offset], job.paid_at[offset]
        completed_at, late = _completion(status, paid_at, job.now, parcels)
        store = job.store[offset] or None
        money.append(
            OrderMoney(order_id, order_no, store, status, paid_at, completed_at, commission, late)
        )
        order_rows.append(
            {
                "id": order_id,
                "order_no": order_no,
                "customer_id": job.customer_id[offset],
                "store_manager_id": store,
                "placed_at": placed,
                "paid_at": paid_at,
                "status": status,
                "amount_cents": amount,
                "commission_cents": commission,
                "item_count": pieces,
                "items_summary": f"{first_title} 等{pieces}件" if pieces > 1 else first_title,
                "category": first_category,
                "completed_at": completed_at,
            }
        )
    return order_rows, item_rows, money
