"""Deciding a release request: the first decision wins, and approval moves exactly the
customers the manager can prove a relationship with (a paid order in the sub-store)."""

from __future__ import annotations

import logging
import random
import secrets
from typing import Any

from sqlalchemy import Connection, exists, select

from models import wire
from server import feed
from server.auth import add_credentials
from server.db.orders import Order
from server.db.platform import ShopCredential
from server.db.shops import Customer, ReleaseRequest, StoreManager
from server.push.refusal import ALREADY_DECIDED, UNKNOWN_REQUEST, Refused, when
from server.rows import Row, load_rows, new_ids, save_rows
from server.seed import names

log = logging.getLogger(__name__)

DAY = 86_400
# Public-domain customers arrive over two weeks rather than all at once.
ALLOCATION_DAYS = 14


def decide(
    conn: Connection,
    shop_id: int,
    payload: wire.ReleaseDecisionPayload,
    now: int,
    mutation_id: str,
) -> None:
    found = load_rows(
        conn, "release_request", shop_id, ReleaseRequest.id == payload.request_id, for_update=True
    )
    if not found:
        raise Refused(
            UNKNOWN_REQUEST, f"Release request {payload.request_id} is not a request of this shop."
        )
    request = found[0]
    if request["status"] != "pending":
        decided = when(request["decided_at"]) if request["decided_at"] else "an earlier date"
        raise Refused(
            ALREADY_DECIDED, f"This request was already {request['status']} on {decided}."
        )
    approve = payload.decision == "approve"
    request.update(
        status="approved" if approve else "declined", decided_at=now, decision_reason=payload.reason
    )
    if approve:
        _release(conn, shop_id, request, now)
    save_rows(conn, "release_request", [request], shop_id)
    decision = {
        "request_id": request["id"],
        "decision": payload.decision,
        "reason": payload.reason,
        "decided_at": now,
        "mutation_id": mutation_id,
    }
    save_rows(conn, "release_decision", [decision], shop_id)
    log.info("shop %d decided release request %d: %s", shop_id, request["id"], payload.decision)


def leaving_customers(conn: Connection, shop_id: int, manager_id: int) -> list[Row]:
    """Customers with at least one paid order in the manager's sub-store: the proof of a
    social relationship, whichever store they were bound to. Everyone else stays."""
    paid_there = exists().where(
        Order.shop_id == shop_id,
        Order.customer_id == Customer.id,
        Order.store_manager_id == manager_id,
        Order.status.in_(wire.PAID_ORDER_STATUSES),
    )
    return load_rows(
        conn,
        "customer",
        shop_id,
        Customer.status == "active",
        paid_there,
    )


def _release(conn: Connection, shop_id: int, request: Row, now: int) -> None:
    manager_id = request["store_manager_id"]
    manager = load_rows(conn, "store_manager", shop_id, StoreManager.id == manager_id)[0]
    manager.update(status="released", released_at=now)
    save_rows(conn, "store_manager", [manager], shop_id)
    leavers = leaving_customers(conn, shop_id, manager_id)
    new_shop_id = _open_shop(conn, shop_id, request, manager, now)
    _move_customers(
        conn,
        shop_id,
        new_shop_id,
        leavers,
        request_id=request["id"],
        manager_id=manager_id,
        now=now,
    )
    _allocate_public_traffic(conn, shop_id, len(leavers), request["id"], now)
    log.info(
        "released manager %d of shop %d into shop %d with %d customers",
        manager_id,
        shop_id,
        new_shop_id,
        len(leavers),
    )


def _open_shop(conn: Connection, owner_shop_id: int, request: Row, manager: Row, now: int) -> int:
    owner = load_rows(conn, "shop", owner_shop_id)[0]
    code = _free_code(conn, request["new_shop_code"] or f"{owner['code']}-m{manager['id']}")
    (shop_id,) = new_ids(conn, "shop", 1)
    feed.open_partition(conn, shop_id)
    # The new owner sets a password through the platform's own onboarding, not through us.
    add_credentials(conn, shop_id, code, secrets.token_urlsafe(24))
    shop = {
        "id": shop_id,
        "code": code,
        "name": f"{manager['name']}的小店",
        "owner_name": manager["name"],
        "city": manager["city"],
        "created_at": now,
        "released_from_shop_id": owner_shop_id,
    }
    save_rows(conn, "shop", [shop], shop_id)
    return shop_id


def _free_code(conn: Connection, wanted: str) -> str:
    wanted = wanted[:56]
    code, n = wanted, 1
    while conn.scalar(select(exists().where(ShopCredential.shop_code == code))):
        n += 1
        code = f"{wanted}-{n}"
    return code


def _move_customers(
    conn: Connection,
    shop_id: int,
    new_shop_id: int,
    leavers: list[Row],
    *,
    request_id: int,
    manager_id: int,
    now: int,
) -> None:
    if not leavers:
        return
    out_ids = new_ids(conn, "customer_binding", 2 * len(leavers))
    new_customer_ids = new_ids(conn, "customer", len(leavers))
    moved: list[Row] = []
    ledger_out: list[Row] = []
    arrivals: list[Row] = []
    ledger_in: list[Row] = []
    for n, customer in enumerate(leavers):
        moved.append({**customer, "status": "left"})
        ledger_out.append(
            _ledger(
                out_ids[2 * n],
                customer["id"],
                now,
                event="release_out",
                from_manager=manager_id,
                via="transferred_in",
                request_id=request_id,
                note="随店长独立开店转出",
            )
        )
        arrival = {
            **customer,
            "id": new_customer_ids[n],
            "store_manager_id": None,
            "bound_at": now,
            "bound_via": "transferred_in",
            "status": "active",
            "first_order_at": None,
        }
        arrivals.append(arrival)
        ledger_in.append(
            _ledger(
                out_ids[2 * n + 1],
                arrival["id"],
                now,
                event="transfer_in",
                from_manager=None,
                via="transferred_in",
                request_id=request_id,
                note="随店长独立开店转入",
            )
        )
    save_rows(conn, "customer", moved, shop_id)
    save_rows(conn, "customer_binding", ledger_out, shop_id)
    save_rows(conn, "customer", arrivals, new_shop_id)
    save_rows(conn, "customer_binding", ledger_in, new_shop_id)


def _allocate_public_traffic(
    conn: Connection, shop_id: int, count: int, request_id: int, now: int
) -> None:
    """Schedule new public-domain customers for the owner, about as many as left.

    The rows exist at once with their arrival times spread over the coming days, so the
    owner's gap chart can show what is still to come.
    """
    if not count:
        return
    rng = random.Random(f"release/{shop_id}/{request_id}")
    customer_ids = new_ids(conn, "customer", count)
    ledger_ids = new_ids(conn, "customer_binding", count)
    allocation_ids = new_ids(conn, "traffic_allocation", count)
    customers: list[Row] = []
    ledger: list[Row] = []
    allocations: list[Row] = []
    for n, customer_id in enumerate(customer_ids):
        arrives = now + (n % ALLOCATION_DAYS) * DAY
        customers.append(
            {
                "id": customer_id,
                "name": names.person_name(rng),
                "phone_masked": names.masked_phone(rng),
                "city": names.city(rng),
                "store_manager_id": None,
                "bound_at": arrives,
                "bound_via": "public_domain",
                "status": "active",
                "first_order_at": None,
            }
        )
        ledger.append(
            _ledger(
                ledger_ids[n],
                customer_id,
                arrives,
                event="allocation",
                from_manager=None,
                via="public_domain",
                request_id=request_id,
                note="放手后平台公域流量补充",
            )
        )
        allocations.append(
            {
                "id": allocation_ids[n],
                "customer_id": customer_id,
                "allocated_at": arrives,
                "reason": "release_compensation",
                "release_request_id": request_id,
            }
        )
    save_rows(conn, "customer", customers, shop_id)
    save_rows(conn, "customer_binding", ledger, shop_id)
    save_rows(conn, "traffic_allocation", allocations, shop_id)


def _ledger(
    entry_id: int,
    customer_id: int,
    at: int,
    *,
    event: str,
    from_manager: int | None,
    via: str,
    request_id: int,
    note: str,
) -> dict[str, Any]:
    return {
        "id": entry_id,
        "customer_id": customer_id,
        "at": at,
        "event": event,
        "from_manager_id": from_manager,
        "to_manager_id": None,
        "via": via,
        "release_request_id": request_id,
        "note": note,
    }
