"""A small shop built by hand with every way a customer can come and go.

Times are relative to ``now`` (UTC seconds). Manager 2 was released by request 5, sixty days ago:
customers 3 and 4 left with her, customer 5 arrived from public-domain traffic to make up for it
and customer 6 is still to arrive. Customer 7 came from public-domain traffic for growth.
"""

from __future__ import annotations

from dataclasses import dataclass

from models.db import (
    Customer,
    CustomerBinding,
    Order,
    ReleaseRequest,
    StoreManager,
    TrafficAllocation,
)
from models.profile import Profile
from models.search import index_rows

DAY = 86_400
RELEASE = 5
RELEASED_DAYS_AGO = 60


@dataclass(frozen=True)
class HandBuilt:
    now: int
    released_at: int


def build_shop(profile: Profile, now: int) -> HandBuilt:
    released = now - RELEASED_DAYS_AGO * DAY
    customers = [
        # id, name, phone, city, store, bound_at, via, status
        (1, "张三", "138****0001", "杭州", None, now - 200 * DAY, "own", "active"),
        (2, "李四", "138****0002", "上海", 1, now - 150 * DAY, "manager", "active"),
        (3, "王五", "138****0003", "杭州", None, now - 300 * DAY, "own", "left"),
        (4, "赵六", "138****0004", "苏州", 2, now - 120 * DAY, "manager", "left"),
        (5, "钱七", "138****0005", "宁波", None, now - 50 * DAY, "public_domain", "active"),
        (6, "孙八", "138****0006", "温州", None, now + 5 * DAY, "public_domain", "active"),
        (7, "周九", "138****0007", "嘉兴", None, now - 250 * DAY, "public_domain", "active"),
        (8, "吴十", "138****0008", "绍兴", 1, now - 30 * DAY, "manager", "active"),
        (9, "郑冬梅", "138****0009", "金华", None, now - 20 * DAY, "transferred_in", "active"),
    ]
    ledger = [
        # id, customer, at, event, from, to, via, request, note
        (1, 1, now - 200 * DAY, "first_order", None, None, "own", None, ""),
        (2, 2, now - 150 * DAY, "first_order", None, 1, "manager", None, ""),
        (3, 3, now - 300 * DAY, "first_order", None, None, "own", None, ""),
        (4, 4, now - 120 * DAY, "first_order", None, 2, "manager", None, ""),
        (5, 3, released, "release_out", 2, None, "transferred_in", RELEASE, "随店长独立开店转出"),
        (6, 4, released, "release_out", 2, None, "transferred_in", RELEASE, "随店长独立开店转出"),
        (7, 5, now - 50 * DAY, "allocation", None, None, "public_domain", RELEASE, "放手后补充"),
        (8, 6, now + 5 * DAY, "allocation", None, None, "public_domain", RELEASE, "放手后补充"),
        (9, 7, now - 250 * DAY, "allocation", None, None, "public_domain", None, "平台公域分配"),
        (10, 9, now - 20 * DAY, "transfer_in", None, None, "transferred_in", 77, "随店长转入"),
    ]
    orders = [
        # id, customer, store, placed_at, status, amount
        (1, 1, None, now - 200 * DAY, "paid", 10_000),
        (2, 1, None, now - 100 * DAY, "completed", 20_000),
        (3, 1, None, now - 90 * DAY, "cancelled", 5_000),
        (4, 2, 1, now - 150 * DAY, "shipped", 30_000),
        (5, 3, None, now - 300 * DAY, "completed", 7_000),  # before the 90 days
        (6, 3, 2, now - 80 * DAY, "paid", 40_000),
        (7, 4, 2, now - 120 * DAY, "completed", 15_000),
        (8, 4, 2, now - 65 * DAY, "refunded", 9_000),  # not a sale
        (9, 5, None, now - 40 * DAY, "paid", 12_000),
        (10, 5, None, now - 10 * DAY, "completed", 3_000),
        (11, 7, None, now - 240 * DAY, "completed", 8_000),
        (12, 8, 1, now - 5 * DAY, "pending_payment", 6_000),
    ]
    with profile.write() as s:
        s.add_all(
            [
                StoreManager(
                    id=1,
                    name="王丽",
                    phone_masked="139****1111",
                    city="杭州",
                    joined_at=now - 400 * DAY,
                    status="active",
                    current_stage_position=2,
                    released_at=None,
                ),
                StoreManager(
                    id=2,
                    name="李娜",
                    phone_masked="139****2222",
                    city="苏州",
                    joined_at=now - 400 * DAY,
                    status="released",
                    current_stage_position=4,
                    released_at=released,
                ),
                ReleaseRequest(
                    id=RELEASE,
                    store_manager_id=2,
                    created_at=released - 3 * DAY,
                    status="approved",
                    decided_at=released,
                    decision_reason="",
                    new_shop_code="demo1-m2",
                ),
            ]
        )
        s.add_all(
            Customer(
                id=i,
                name=name,
                phone_masked=phone,
                city=city,
                store_manager_id=store,
                bound_at=at,
                bound_via=via,
                status=status,
                first_order_at=None,
            )
            for i, name, phone, city, store, at, via, status in customers
        )
        s.add_all(
            CustomerBinding(
                id=i,
                customer_id=c,
                at=at,
                event=event,
                from_manager_id=source,
                to_manager_id=to,
                via=via,
                release_request_id=request,
                note=note,
            )
            for i, c, at, event, source, to, via, request, note in ledger
        )
        s.add_all(
            TrafficAllocation(
                id=i,
                customer_id=c,
                allocated_at=at,
                reason="release_compensation" if request else "growth",
                release_request_id=request,
            )
            for i, (_, c, at, _e, _f, _t, _v, request, _n) in enumerate(ledger[6:9], start=1)
        )
        s.add_all(
            Order(
                id=i,
                order_no=f"ZG{i:016d}",
                customer_id=c,
                store_manager_id=store,
                placed_at=at,
                paid_at=None if status in ("pending_payment", "cancelled") else at + 60,
                status=status,
                amount_cents=amount,
                commission_cents=amount // 10,
                item_count=1,
                items_summary="真丝衬衫 x1",
                category="时尚女装",
            )
            for i, c, store, at, status, amount in orders
        )
        index_rows(
            s.connection(),
            "customer",
            [{"id": c[0], "name": c[1], "phone_masked": c[2], "city": c[3]} for c in customers],
        )
    return HandBuilt(now=now, released_at=released)
