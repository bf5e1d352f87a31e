"""Deciding a release request: the first decision wins, and approval moves exactly the
customers the manager can prove a relationship with (a paid order in the sub-store)."""

from __future__ import annotations

import logging

from sqlalchemy import Connection, exists, select

from models import wire
from server import people, traffic
from server.auth import add_credentials
from server.db.orders import Order
from server.db.platform import ShopCredential
from server.db.shops import Customer, ReleaseRequest, StoreManager
from server.ledger import binding_entry
from server.push.refusal import ALREADY_DECIDED, UNKNOWN_REQUEST, Refused, when
from server.rows import Row, load_rows, new_ids, save_rows
from server.shop_ids import open_new_shop

log = logging.getLogger(__name__)


def decide(
    conn: Connection,
    shop_id: int,
    payload: wire.ReleaseDecisionPayload,
    now: int,
    mutation_id: str,
    *,
    actor: str = wire.OWNER_USER,
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
        "actor": actor,
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
    # She signs in to her own shop from now on, never again to this one.
    people.disable_manager(conn, shop_id, manager_id, now)
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
    # About as many new customers as left, arriving over the coming weeks.
    traffic.schedule_compensation(conn, shop_id, len(leavers), request["id"], now)
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
    shop_id = open_new_shop(conn)
    # The new owner sets a password through the platform's own onboarding, not through us.
    add_credentials(conn, shop_id, code, None)
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
    people.open_owner(conn, shop_id, manager["name"], now)
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
    """Each leaver keeps their platform id: the row in the owner's shop turns "left" and the
    same person becomes active in the new shop, so exactly one shop owns them at any moment."""
    if not leavers:
        return
    out_ids = new_ids(conn, "customer_binding", len(leavers), shop_id)
    in_ids = new_ids(conn, "customer_binding", len(leavers), new_shop_id)
    moved: list[Row] = []
    ledger_out: list[Row] = []
    arrivals: list[Row] = []
    ledger_in: list[Row] = []
    for n, customer in enumerate(leavers):
        moved.append({**customer, "status": "left"})
        ledger_out.append(
            binding_entry(
                out_ids[n],
                customer["id"],
                now,
                event="release_out",
                from_manager=manager_id,
                via="transferred_in",
                request_id=request_id,
                note="随店长独立开店转出",
            )
        )
        arrivals.append(
            {
                **customer,
                "store_manager_id": None,
                "bound_at": now,
                "bound_via": "transferred_in",
                "status": "active",
                "first_order_at": None,
            }
        )
        ledger_in.append(
            binding_entry(
                in_ids[n],
                customer["id"],
                now,
                event="transfer_in",
                via="transferred_in",
                request_id=request_id,
                note="随店长独立开店转入",
            )
        )
    save_rows(conn, "customer", moved, shop_id)
    save_rows(conn, "customer_binding", ledger_out, shop_id)
    save_rows(conn, "customer", arrivals, new_shop_id)
    save_rows(conn, "customer_binding", ledger_in, new_shop_id)
