"""A shop with five store managers, one in each situation the forecast knows, at a fixed clock."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from models.db import (
    Customer,
    Order,
    ReleaseRequest,
    StoreManager,
    TaskProgress,
    TaskStage,
)
from models.profile import Profile
from models.services.forecast import DAY

NOW = 1_763_000_000  # the fixed clock of these rows

# (position, name, sales target, customers target, window days); ids equal positions.
STAGES = [
    (1, "新手起步", 100_000, 5, 30),
    (2, "稳步成长", 300_000, 10, 30),
    (3, "独当一面", 800_000, 20, 45),
]

ON_TRACK, AT_RISK, STALLED, DONE, EXPIRED, NO_STAGE = 1, 2, 3, 4, 5, 6
NAMES = {
    ON_TRACK: "王芳",
    AT_RISK: "李娜",
    STALLED: "张伟",
    DONE: "刘洋",
    EXPIRED: "陈静",
    NO_STAGE: "赵敏",
}
PENDING_REQUEST = 11


def _progress(
    row_id: int,
    manager: int,
    stage: int,
    *,
    started: int,
    sales: int,
    customers: int,
    status: str = "in_progress",
    assessment: str = "not_started",
    completed: int | None = None,
) -> TaskProgress:
    window = STAGES[stage - 1][4] * DAY
    return TaskProgress(
        id=row_id,
        store_manager_id=manager,
        stage_id=stage,
        started_at=started,
        deadline_at=started + window,
        sales_cents=sales,
        customers_count=customers,
        status=status,
        assessment=assessment,
        completed_at=completed,
    )


def _order(
    order_id: int, manager: int | None, customer: int, at: int, cents: int, *, status: str = "paid"
) -> Order:
    return Order(
        id=order_id,
        order_no=f"ZG{order_id:016d}",
        customer_id=customer,
        store_manager_id=manager,
        placed_at=at,
        paid_at=at + 60 if status != "pending_payment" else None,
        status=status,
        amount_cents=cents,
        commission_cents=cents // 10,
        item_count=1,
        items_summary="真丝衬衫 x1",
        category="时尚女装",
    )


def _customer(customer_id: int, name: str, manager: int | None, bound_at: int) -> Customer:
    return Customer(
        id=customer_id,
        name=name,
        phone_masked=f"138****{customer_id:04d}",
        city="杭州",
        store_manager_id=manager,
        bound_at=bound_at,
        bound_via="manager" if manager else "own",
        status="active",
        first_order_at=bound_at,
    )


def fill_managers_shop(profile: Profile) -> None:
    with profile.write() as s:
        s.add_all(
            TaskStage(
                id=position,
                position=position,
                name=name,
                sales_target_cents=sales,
                customers_target=customers,
                window_days=days,
                description="",
                share_rate_bp=1_000 + 1_000 * position,
            )
            for position, name, sales, customers, days in STAGES
        )
        for manager_id, name in NAMES.items():
            s.add(
                StoreManager(
                    id=manager_id,
                    name=name,
                    phone_masked=f"139****00{manager_id:02d}",
                    city="上海" if manager_id % 2 else "杭州",
                    joined_at=NOW - 90 * DAY,
                    status="active",
                    current_stage_position=1,
                    released_at=None,
                )
            )
        s.add_all(
            [
                # On track: stage 1 done, half of stage 2 in 10 of 30 days.
                _progress(
                    1,
                    ON_TRACK,
                    1,
                    started=NOW - 50 * DAY,
                    sales=120_000,
                    customers=6,
                    status="completed",
                    assessment="passed",
                    completed=NOW - 25 * DAY,
                ),
                _progress(2, ON_TRACK, 2, started=NOW - 10 * DAY, sales=150_000, customers=5),
                # At risk: a fifth of the sales in a third of the window.
                _progress(3, AT_RISK, 1, started=NOW - 10 * DAY, sales=20_000, customers=1),
                # Stalled: nothing sold for 15 days.
                _progress(4, STALLED, 1, started=NOW - 20 * DAY, sales=50_000, customers=3),
                # Every stage done and assessed: a release request waits.
                *[
                    _progress(
                        4 + stage,
                        DONE,
                        stage,
                        started=NOW - (130 - 35 * stage) * DAY,
                        sales=STAGES[stage - 1][2],
                        customers=STAGES[stage - 1][3],
                        status="completed",
                        assessment="passed" if stage < 3 else "pending",
                        completed=NOW - (110 - 35 * stage) * DAY,
                    )
                    for stage in (1, 2, 3)
                ],
                # Past the deadline without the targets.
                _progress(
                    8,
                    EXPIRED,
                    1,
                    started=NOW - 40 * DAY,
                    sales=10_000,
                    customers=1,
                    status="failed",
                ),
            ]
        )
        s.add_all(
            [
                _customer(101, "顾客甲", ON_TRACK, NOW - 30 * DAY),
                _customer(102, "顾客乙", ON_TRACK, NOW - 20 * DAY),
                _customer(103, "顾客丙", ON_TRACK, NOW - 5 * DAY),
                _customer(201, "自家顾客", None, NOW - 60 * DAY),
                _customer(301, "李娜的顾客", AT_RISK, NOW - 9 * DAY),
                _customer(401, "张伟的顾客", STALLED, NOW - 19 * DAY),
            ]
        )
        s.add_all(
            [
                _order(1, ON_TRACK, 101, NOW - 30 * DAY, 30_000),
                _order(2, ON_TRACK, 101, NOW - 3 * DAY, 20_000, status="completed"),
                _order(3, ON_TRACK, 101, NOW - 2 * DAY, 99_000, status="cancelled"),
                _order(4, ON_TRACK, 102, NOW - 1 * DAY, 100_000, status="shipped"),
                _order(5, None, 201, NOW - 1 * DAY, 55_500),
                _order(6, AT_RISK, 301, NOW - 2 * DAY, 20_000),
                _order(7, STALLED, 401, NOW - 15 * DAY, 50_000),
                # Bought once in a manager's sub-store while bound to the owner's store.
                _order(8, ON_TRACK, 201, NOW - 4 * DAY, 7_000),
            ]
        )
        s.add_all(
            [
                ReleaseRequest(
                    id=PENDING_REQUEST,
                    store_manager_id=DONE,
                    created_at=NOW - DAY,
                    status="pending",
                    decided_at=None,
                    decision_reason="",
                    new_shop_code=None,
                ),
                ReleaseRequest(
                    id=12,
                    store_manager_id=EXPIRED,
                    created_at=NOW - 30 * DAY,
                    status="declined",
                    decided_at=NOW - 29 * DAY,
                    decision_reason="",
                    new_shop_code=None,
                ),
            ]
        )


@pytest.fixture
def managers_shop(tmp_path: Path) -> Iterator[Profile]:
    profile = Profile.open(tmp_path / "managers")
    fill_managers_shop(profile)
    yield profile
    profile.close()
