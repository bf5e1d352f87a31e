"""Public-domain customers the platform allocates to a shop: planned in a table of its own,
and delivered (customer, ledger entry, allocation) only once their time has come.

Delivery is lazy: the shop's next pull or push, or a simulation tick, delivers whatever is due,
so a desktop never sees a customer bound in the future.
"""

from __future__ import annotations

import logging
import random
from typing import Any

from sqlalchemy import Connection, Engine, bindparam, delete, exists, insert, select

from server.db.base import table_of
from server.db.engine import write_begin
from server.db.schedule import ScheduledAllocation
from server.ledger import ALLOCATION_DAYS, COMPENSATION_NOTE, binding_entry
from server.rows import Row, new_ids, save_rows
from server.seed import names
from server.shop_ids import every_shop

log = logging.getLogger(__name__)

DAY = 86_400


def schedule_compensation(
    conn: Connection, shop_id: int, count: int, request_id: int, now: int
) -> list[int]:
    """Promise the owner ``count`` new customers over the coming weeks; their arrival times."""
    if count <= 0:
        return []
    rng = random.Random(f"release/{shop_id}/{request_id}")
    customer_ids = new_ids(conn, "customer", count, shop_id)
    binding_ids = new_ids(conn, "customer_binding", count, shop_id)
    allocation_ids = new_ids(conn, "traffic_allocation", count, shop_id)
    span = ALLOCATION_DAYS * DAY
    plans: list[dict[str, Any]] = []
    for n in range(count):
        arrives = now + int((n + rng.random()) * span / count)
        plans.append(
            {
                "shop_id": shop_id,
                "id": allocation_ids[n],
                "customer_id": customer_ids[n],
                "binding_id": binding_ids[n],
                "arrives_at": arrives,
                "reason": "release_compensation",
                "release_request_id": request_id,
                "name": names.person_name(rng),
                "phone_masked": names.masked_phone(rng),
                "city": names.city(rng),
            }
        )
    conn.execute(insert(table_of(ScheduledAllocation)), plans)
    return [p["arrives_at"] for p in plans]


# Built once: every pull and push of every shop asks it (bind ``shop_id`` and ``now``).
DUE = exists().where(
    ScheduledAllocation.shop_id == bindparam("shop_id"),
    ScheduledAllocation.arrives_at <= bindparam("now"),
)
_DUE = select(DUE)


def has_due(conn: Connection, shop_id: int, now: int) -> bool:
    return bool(conn.scalar(_DUE, {"shop_id": shop_id, "now": now}))


def deliver_due(conn: Connection, shop_id: int, now: int) -> int:
    """Turn every allocation due by ``now`` into rows the shop's feed carries; how many."""
    plans = conn.execute(
        select(ScheduledAllocation)
        .where(ScheduledAllocation.shop_id == shop_id, ScheduledAllocation.arrives_at <= now)
        .order_by(ScheduledAllocation.arrives_at, ScheduledAllocation.id)
        .with_for_update()
    ).all()
    if not plans:
        return 0
    customers: list[Row] = []
    ledger: list[Row] = []
    allocations: list[Row] = []
    for plan in plans:
        customers.append(
            {
                "id": plan.customer_id,
                "name": plan.name,
                "phone_masked": plan.phone_masked,
                "city": plan.city,
                "store_manager_id": None,
                "bound_at": plan.arrives_at,
                "bound_via": "public_domain",
                "status": "active",
                "first_order_at": None,
            }
        )
        note = COMPENSATION_NOTE if plan.reason == "release_compensation" else "平台公域分配"
        ledger.append(
            binding_entry(
                plan.binding_id,
                plan.customer_id,
                plan.arrives_at,
                event="allocation",
                via="public_domain",
                request_id=plan.release_request_id,
                note=note,
            )
        )
        allocations.append(
            {
                "id": plan.id,
                "customer_id": plan.customer_id,
                "allocated_at": plan.arrives_at,
                "reason": plan.reason,
                "release_request_id": plan.release_request_id,
            }
        )
    save_rows(conn, "customer", customers, shop_id)
    save_rows(conn, "customer_binding", ledger, shop_id)
    save_rows(conn, "traffic_allocation", allocations, shop_id)
    conn.execute(
        delete(ScheduledAllocation).where(
            ScheduledAllocation.shop_id == shop_id,
            ScheduledAllocation.id.in_([p.id for p in plans]),
        )
    )
    log.info("shop %d: %d public-domain customers arrived", shop_id, len(plans))
    return len(plans)


def deliver_all_due(conn: Connection, now: int) -> int:
    return sum(deliver_due(conn, shop_id, now) for shop_id in every_shop(conn))


def catch_up(engine: Engine, shop_id: int, now: int) -> int:
    """Deliver what is due for a shop before it reads or writes; cheap when nothing is."""
    with engine.connect() as conn:
        due = has_due(conn, shop_id, now)
    if not due:
        return 0
    with write_begin(engine) as conn:
        return deliver_due(conn, shop_id, now)
