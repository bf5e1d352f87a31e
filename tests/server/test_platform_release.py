"""Release requests: the first decision wins; approval moves exactly the customers with a paid
order in the manager's sub-store, and nobody else."""

from __future__ import annotations

import threading
from collections.abc import Callable
from typing import Any

from sqlalchemy import Engine, select, text

from models import wire
from server.db.schema import ENTITY_TABLES
from server.db.shops import ReleaseRequest
from tests.server.conftest import NOW, Desk, FixedClock, mutation, upserted

_LEAVERS_SQL = text(
    """
    SELECT c.id FROM customer c
    WHERE c.shop_id = :shop AND c.status = 'active'
      AND EXISTS (
        SELECT 1 FROM "order" o
        WHERE o.shop_id = c.shop_id AND o.customer_id = c.id AND o.store_manager_id = :manager
          AND o.status IN ('paid', 'shipped', 'completed'))
    """
)


def _pending_request(engine: Engine, shop_id: int) -> tuple[int, int]:
    with engine.connect() as conn:
        found = conn.execute(
            select(ReleaseRequest.id, ReleaseRequest.store_manager_id)
            .where(ReleaseRequest.shop_id == shop_id, ReleaseRequest.status == "pending")
            .order_by(ReleaseRequest.id)
        ).first()
    assert found is not None
    return found.id, found.store_manager_id


def _snapshot(
    engine: Engine, skip: frozenset[str] = frozenset()
) -> dict[str, list[tuple[Any, ...]]]:
    tables: dict[str, list[tuple[Any, ...]]] = {}
    with engine.connect() as conn:
        for entity, table in ENTITY_TABLES.items():
            if entity not in skip:
                key = list(table.primary_key.columns)
                tables[entity] = [tuple(row) for row in conn.execute(table.select().order_by(*key))]
    return tables


def _decide(request_id: int, decision: str, reason: str = "") -> dict[str, object]:
    payload = {"request_id": request_id, "decision": decision, "reason": reason}
    return mutation("release.decide", payload)


def test_approval_moves_exactly_the_customers_with_a_paid_order_there(
    desk: Callable[[], Desk], engine: Engine, clock: FixedClock
) -> None:
    owner = desk().login("demo1")
    request_id, manager_id = _pending_request(engine, owner.shop_id)
    with engine.connect() as conn:
        leaving = set(conn.scalars(_LEAVERS_SQL, {"shop": owner.shop_id, "manager": manager_id}))
        attached = set(
            conn.scalars(
                text("SELECT id FROM customer WHERE shop_id = :shop AND store_manager_id = :m"),
                {"shop": owner.shop_id, "m": manager_id},
            )
        )
    assert leaving
    assert attached - leaving, "the demo must also have sub-store customers who stay"
    before = _snapshot(engine)
    _, cursor = owner.pull_all()

    [result] = owner.push(_decide(request_id, "approve", "她已经可以独当一面了"))
    assert (result.status, result.outcome) == ("applied", "applied")

    after = _snapshot(engine)
    customer_columns = [c.name for c in ENTITY_TABLES["customer"].columns]
    status_at = customer_columns.index("status")
    id_at, shop_at = customer_columns.index("id"), customer_columns.index("shop_id")
    old = {(r[shop_at], r[id_at]): r for r in before["customer"]}
    new = {(r[shop_at], r[id_at]): r for r in after["customer"]}
    for key, row in old.items():
        if key[0] == owner.shop_id and key[1] in leaving:
            assert new[key][status_at] == "left"
            assert (
                new[key][:status_at] + new[key][status_at + 1 :]
                == row[:status_at] + row[status_at + 1 :]
            )
        else:
            assert new[key] == row, "a customer who should stay was changed"

    pages, _ = owner.pull_all(cursor)
    left = [c for c in upserted(pages, "customer") if c["status"] == "left"]
    assert {c["id"] for c in left} == leaving
    ledger = upserted(pages, "customer_binding")
    outs = [e for e in ledger if e["event"] == "release_out"]
    assert {e["customer_id"] for e in outs} == leaving
    assert all(
        e["from_manager_id"] == manager_id and e["release_request_id"] == request_id for e in outs
    )
    assert not upserted(pages, "traffic_allocation"), "compensation arrives in the coming days"
    [manager] = upserted(pages, "store_manager")
    assert (manager["id"], manager["status"], manager["released_at"]) == (
        manager_id,
        "released",
        NOW,
    )
    [request] = upserted(pages, "release_request")
    assert (request["status"], request["decided_at"]) == ("approved", NOW)
    [decision] = upserted(pages, "release_decision")
    assert decision["mutation_id"] == result.id
    assert not upserted(pages, "shop"), "the new shop is not the owner's business"

    with engine.connect() as conn:
        shop = conn.execute(
            text(
                "SELECT id, code FROM shop WHERE released_from_shop_id = :owner"
                " AND created_at = :now"
            ),
            {"owner": owner.shop_id, "now": NOW},
        ).one()
        moved = conn.execute(
            text("SELECT id, name, phone_masked, bound_via FROM customer WHERE shop_id = :s"),
            {"s": shop.id},
        ).all()
        transfers = conn.scalar(
            text(
                "SELECT count(*) FROM customer_binding WHERE shop_id = :s AND event = 'transfer_in'"
            ),
            {"s": shop.id},
        )
    assert len(moved) == transfers == len(leaving)
    assert {m.bound_via for m in moved} == {"transferred_in"}
    names = {
        (r[customer_columns.index("name")], r[customer_columns.index("phone_masked")])
        for k, r in old.items()
        if k[0] == owner.shop_id and k[1] in leaving
    }
    assert {(m.name, m.phone_masked) for m in moved} == names
    assert {m.id for m in moved} == leaving, "a customer keeps their platform id"

    clock.now = NOW + 22 * 86_400
    pages, _ = owner.pull_all(cursor)
    allocations = upserted(pages, "traffic_allocation")
    assert len(allocations) == len(leaving)
    assert all(a["reason"] == "release_compensation" for a in allocations)
    assert all(NOW <= a["allocated_at"] <= clock.now for a in allocations)
    assert len({a["allocated_at"] // 86_400 for a in allocations}) > 1, "spread over days"
    newcomers = {a["customer_id"] for a in allocations}
    assert {
        c["id"] for c in upserted(pages, "customer") if c["bound_via"] == "public_domain"
    } == newcomers
    arrivals = [e for e in upserted(pages, "customer_binding") if e["event"] == "allocation"]
    assert {e["customer_id"] for e in arrivals} == newcomers


def test_the_first_decision_wins(desk: Callable[[], Desk], engine: Engine) -> None:
    owner = desk().login("demo1")
    request_id, _ = _pending_request(engine, owner.shop_id)
    [first] = owner.push(_decide(request_id, "decline", "再带一季"))
    [late] = owner.push(_decide(request_id, "approve"))
    assert first.status == "applied"
    assert (late.status, late.code) == ("rejected", "already_decided")
    assert late.reason == "This request was already declined on 2026-11-24 04:00 UTC."
    with engine.connect() as conn:
        status = conn.scalar(
            select(ReleaseRequest.status).where(
                ReleaseRequest.shop_id == owner.shop_id, ReleaseRequest.id == request_id
            )
        )
    assert status == "declined"


def test_conflicting_decisions_at_once_leave_exactly_one(
    desk: Callable[[], Desk], engine: Engine
) -> None:
    owner = desk().login("demo1")
    request_id, _ = _pending_request(engine, owner.shop_id)
    results: list[wire.MutationResult] = []
    start = threading.Barrier(2)

    def decide(decision: str) -> None:
        computer = desk()
        computer.http.headers["Authorization"] = f"Bearer {owner.token}"
        start.wait()
        results.extend(computer.push(_decide(request_id, decision)))

    threads = [threading.Thread(target=decide, args=(d,)) for d in ("approve", "decline")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    assert sorted(r.status for r in results) == ["applied", "rejected"]
    assert [r.code for r in results if r.status == "rejected"] == ["already_decided"]


def test_decline_changes_nothing_but_the_request(desk: Callable[[], Desk], engine: Engine) -> None:
    owner = desk().login("demo1")
    request_id, _ = _pending_request(engine, owner.shop_id)
    untouched = frozenset({"release_request", "release_decision"})
    before = _snapshot(engine, untouched)
    [result] = owner.push(_decide(request_id, "decline", "店里正忙"))
    assert result.status == "applied"
    assert _snapshot(engine, untouched) == before
    with engine.connect() as conn:
        row = conn.execute(
            select(ReleaseRequest.status, ReleaseRequest.decision_reason).where(
                ReleaseRequest.shop_id == owner.shop_id, ReleaseRequest.id == request_id
            )
        ).one()
    assert tuple(row) == ("declined", "店里正忙")


def test_deciding_an_unknown_request_is_refused(desk: Callable[[], Desk]) -> None:
    [result] = desk().login("demo1").push(_decide(10**9, "approve"))
    assert (result.status, result.code) == ("rejected", "unknown_request")
