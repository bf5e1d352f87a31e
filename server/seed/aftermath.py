"""The earlier release of a demo shop: who left with the manager, what became of the orders
they would have placed, and the shop she opened with them."""

from __future__ import annotations

import random
from bisect import bisect
from typing import Any

from models import wire
from server.ledger import binding_entry
from server.seed.calendar import DAY
from server.seed.orders import OrderPlan
from server.seed.people import EarlierRelease, Ids, ShopPlan

_PAID = frozenset(wire.PAID_ORDER_STATUSES)
# Of the orders the leavers would have placed later, the share the new arrivals place instead.
_BROUGHT_SHARE = 0.6
OUT_NOTE = "随店长独立开店转出"
IN_NOTE = "随店长独立开店转入"


def follow_release(seed: int, plan: ShopPlan, orders: OrderPlan, first_day: int) -> set[int]:
    """Rewrite the order plan after the release; returns the indices of the customers who left.

    They are exactly those with a paid order in her sub-store before the release. None of
    their later orders stay in this shop (public-domain newcomers and regulars place them
    instead), and customers of her sub-store who stayed buy in the owner's own store.
    """
    earlier = plan.earlier_release
    if earlier is None:
        return set()
    gone, cut = earlier.manager_id, earlier.decided_at
    leavers = {
        who
        for who, store, status, placed in zip(
            orders.customer, orders.store, orders.status, orders.placed_at, strict=True
        )
        if store == gone and status in _PAID and placed < cut
    }
    customers = plan.customers
    rng = random.Random(f"{seed}/aftermath/{plan.shop['id']}")
    arrivals = sorted((at, index) for index, (_, at) in customers.compensation.items())
    arrival_times = [at for at, _ in arrivals]
    regulars = sorted(
        (day, i)
        for i, day in enumerate(customers.join_day)
        if i not in leavers and not customers.never_pays[i]
    )
    regular_days = [day for day, _ in regulars]
    first_paid = orders.first_paid
    for n, placed in enumerate(orders.placed_at):
        if placed < cut:
            continue
        paid_at = orders.paid_at[n]
        # Only a payment that counts can be a customer's first.
        payment = paid_at if paid_at is not None and orders.status[n] in _PAID else None
        if orders.customer[n] in leavers:
            arrived = bisect(arrival_times, placed)
            if arrived and rng.random() < _BROUGHT_SHARE:
                who = arrivals[rng.randrange(arrived)][1]
            else:
                known = bisect(regular_days, (placed - first_day) // DAY)
                who = regulars[rng.randrange(max(1, known))][1]
            orders.customer[n] = who
            # She buys where she belongs by then, or where she came in if she has not paid yet.
            paid = first_paid.get(who)
            store = paid[1] if paid and paid[0] < placed else customers.home[who]
            orders.store[n] = 0 if store == gone else store
            if payment is not None and (paid is None or payment < paid[0]):
                first_paid[who] = (payment, orders.store[n])
        elif orders.store[n] == gone:
            orders.store[n] = 0
            who = orders.customer[n]
            if payment is not None and first_paid.get(who) == (payment, gone):
                first_paid[who] = (payment, 0)
    return leavers


def release_out_entries(ids: Ids, plan: ShopPlan, customer_ids: list[int]) -> list[dict[str, Any]]:
    earlier = plan.earlier_release
    assert earlier is not None
    return [
        binding_entry(
            ids.take("customer_binding"),
            customer_id,
            earlier.decided_at,
            event="release_out",
            via="transferred_in",
            from_manager=earlier.manager_id,
            request_id=earlier.request_id,
            note=OUT_NOTE,
        )
        for customer_id in customer_ids
    ]


def opened_shop(
    ids: Ids, plan: ShopPlan, shop_id: int, leaving: list[dict[str, Any]]
) -> dict[str, list[dict[str, Any]]]:
    """The shop the released manager opened, with the customers who followed her (each keeps
    their platform id) and their transfer entries."""
    earlier: EarlierRelease | None = plan.earlier_release
    assert earlier is not None
    manager = next(m for m in plan.managers if m["id"] == earlier.manager_id)
    at = earlier.decided_at
    shop = {
        "id": shop_id,
        "code": earlier.new_shop_code,
        "name": f"{manager['name']}的小店",
        "owner_name": manager["name"],
        "city": manager["city"],
        "created_at": at,
        "released_from_shop_id": plan.shop["id"],
    }
    customers = [
        {
            **row,
            "store_manager_id": None,
            "bound_at": at,
            "bound_via": "transferred_in",
            "status": "active",
            "first_order_at": None,
        }
        for row in leaving
    ]
    ledger = [
        binding_entry(
            ids.take("customer_binding"),
            row["id"],
            at,
            event="transfer_in",
            via="transferred_in",
            request_id=earlier.request_id,
            note=IN_NOTE,
        )
        for row in leaving
    ]
    return {"shop": [shop], "customer": customers, "customer_binding": ledger}
