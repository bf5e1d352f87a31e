"""Who belongs to which store: settled from the planned orders before any row is written."""

from __future__ import annotations

import random
from typing import Any

from server.ledger import COMPENSATION_NOTE
from server.seed.aftermath import release_out_entries
from server.seed.calendar import DAY
from server.seed.orders import OrderPlan
from server.seed.people import Ids, ShopPlan


def bind_customers(
    seed: int,
    plan: ShopPlan,
    orders: OrderPlan,
    first_day: int,
    ids: Ids,
    *,
    now: int,
    leavers: frozenset[int] = frozenset(),
) -> dict[str, list[dict[str, Any]]]:
    """Customer rows and their binding ledger: each belongs to the store of the first paid
    order; ``leavers`` (indices) left with the manager of the shop's earlier release.

    A customer came in no later than her first order, and never after ``now``."""
    customers = plan.customers
    first_paid = orders.first_paid
    # The plan is in the order of placing, so the earliest order of each customer wins.
    first_placed = dict(zip(reversed(orders.customer), reversed(orders.placed_at), strict=True))
    rng = random.Random(f"{seed}/binding/{plan.shop['id']}")
    customer_rows: list[dict[str, Any]] = []
    ledger: list[dict[str, Any]] = []
    allocations: list[dict[str, Any]] = []
    for index, customer_id in enumerate(customers.ids):
        name, phone, city = customers.profile[index]
        paid = first_paid.get(index)
        joined = first_day + customers.join_day[index] * DAY + rng.randrange(8 * 3600, 20 * 3600)
        compensation = customers.compensation.get(index)
        if compensation is None:
            joined = min(joined, first_placed.get(index, now), now)
        else:
            joined = compensation[1]
        if customers.allocated[index]:
            store, via, bound_at = 0, "public_domain", joined
            allocations.append(
                {
                    "id": ids.take("traffic_allocation"),
                    "customer_id": customer_id,
                    "allocated_at": joined,
                    "reason": "release_compensation" if compensation else "growth",
                    "release_request_id": compensation[0] if compensation else None,
                }
            )
            entry = _ledger(
                ids,
                customer_id,
                joined,
                event="allocation",
                to=None,
                via=via,
                note=COMPENSATION_NOTE if compensation else "平台公域分配",
            )
            entry["release_request_id"] = compensation[0] if compensation else None
            ledger.append(entry)
        elif paid is not None:
            bound_at, store = paid
            via = "manager" if store else "own"
            ledger.append(
                _ledger(
                    ids,
                    customer_id,
                    bound_at,
                    event="first_order",
                    to=store or None,
                    via=via,
                    note="",
                )
            )
        else:
            store = customers.home[index]
            via, bound_at = ("manager" if store else "own"), joined
        customer_rows.append(
            {
                "id": customer_id,
                "name": name,
                "phone_masked": phone,
                "city": city,
                "store_manager_id": store or None,
                "bound_at": bound_at,
                "bound_via": via,
                "status": "left" if index in leavers else "active",
                "first_order_at": paid[0] if paid else None,
            }
        )
    if leavers:
        gone = [customers.ids[i] for i in sorted(leavers)]
        ledger.extend(release_out_entries(ids, plan, gone))
    return {
        "customer": customer_rows,
        "customer_binding": ledger,
        "traffic_allocation": allocations,
    }


def _ledger(
    ids: Ids, customer_id: int, at: int, *, event: str, to: int | None, via: str, note: str
) -> dict[str, Any]:
    return {
        "id": ids.take("customer_binding"),
        "customer_id": customer_id,
        "at": at,
        "event": event,
        "from_manager_id": None,
        "to_manager_id": to,
        "via": via,
        "release_request_id": None,
        "note": note,
    }
