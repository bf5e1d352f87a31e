"""A manager's detail and the manager lines, against hand-built rows and a fixed clock."""

from __future__ import annotations

from models.profile import Profile
from models.services.forecast import DAY
from models.services.manager_detail import manager_detail
from models.services.managers import (
    ManagerFilter,
    SortColumn,
    manager_lines,
    shown_lines,
)
from tests.models.managers_fixtures import (
    AT_RISK,
    DONE,
    EXPIRED,
    NAMES,
    NO_STAGE,
    NOW,
    ON_TRACK,
    PENDING_REQUEST,
    STALLED,
    managers_shop,
)

__all__ = ["managers_shop"]


def test_each_manager_gets_the_outlook_of_the_fixed_numbers(managers_shop: Profile) -> None:
    lines = {line.id: line for line in manager_lines(managers_shop, NOW)}
    assert NO_STAGE not in lines  # never began a stage: nothing to track
    assert {i: line.outlook for i, line in lines.items()} == {
        ON_TRACK: "on_track",
        AT_RISK: "at_risk",
        STALLED: "stalled",
        DONE: "complete",
        EXPIRED: "expired",
    }
    on_track = lines[ON_TRACK]
    assert (on_track.stage_position, on_track.stage_name, on_track.stages_total) == (
        2,
        "稳步成长",
        3,
    )
    assert on_track.forecast.completes_at == NOW + 10 * DAY
    assert on_track.forecast.days_left == 20
    assert on_track.progress == 0.5
    assert lines[AT_RISK].forecast.completes_at == NOW + 40 * DAY
    assert lines[STALLED].forecast.days_left == 10
    assert lines[EXPIRED].forecast.days_left == 0
    assert lines[DONE].assessment == "pending"
    # Paid sales per week: the cancelled order is left out, the newest week is the last.
    assert sum(on_track.trend) == 30_000 + 20_000 + 100_000 + 7_000
    assert on_track.trend[-1] == 20_000 + 100_000 + 7_000
    assert lines[STALLED].trend[-3] == 50_000


def test_filters_and_sorts_pick_the_lines_an_owner_expects(managers_shop: Profile) -> None:
    lines = manager_lines(managers_shop, NOW)

    def ids(
        f: ManagerFilter, column: SortColumn = SortColumn.NAME, desc: bool = False
    ) -> list[int]:
        return [line.id for line in shown_lines(lines, f, column, desc)]

    assert ids(ManagerFilter(outlook="at_risk")) == [AT_RISK]
    assert ids(ManagerFilter(stage_position=1), SortColumn.DAYS_LEFT) == [EXPIRED, STALLED, AT_RISK]
    assert set(ids(ManagerFilter(progress="at_least_80"))) == {DONE}
    assert set(ids(ManagerFilter(progress="at_least_50"))) == {DONE, ON_TRACK, STALLED}
    assert set(ids(ManagerFilter(progress="below_50"))) == {AT_RISK, EXPIRED}
    assert ids(ManagerFilter(text="王")) == [ON_TRACK]
    assert ids(ManagerFilter(text="0004")) == [DONE]  # a part of the masked phone
    assert ids(ManagerFilter(), SortColumn.FORECAST) == [DONE, ON_TRACK, AT_RISK, STALLED, EXPIRED]
    assert ids(ManagerFilter(), SortColumn.SALES, desc=True)[0] == DONE
    assert ids(ManagerFilter(), SortColumn.TREND, desc=True)[0] == ON_TRACK
    assert ids(ManagerFilter(outlook="stalled", text="王")) == []


def test_the_detail_holds_the_stage_history_customers_and_orders(managers_shop: Profile) -> None:
    detail = manager_detail(managers_shop, ON_TRACK)
    assert detail is not None
    assert detail.name == NAMES[ON_TRACK]
    assert [(s.position, s.name, s.status) for s in detail.stages] == [
        (1, "新手起步", "completed"),
        (2, "稳步成长", "in_progress"),
    ]
    first, second = detail.stages
    assert first.completed_at == NOW - 25 * DAY
    assert first.failed_at is None
    assert (first.sales_cents, first.sales_target_cents) == (120_000, 100_000)
    assert (first.customers, first.customers_target, first.assessment) == (6, 5, "passed")
    assert second.deadline_at == NOW + 20 * DAY
    assert second.completed_at is None

    # Bound customers only (not the owner's own customer who once bought here), best paying first.
    assert detail.customers_total == 3
    assert [(c.name, c.paid_orders, c.paid_cents) for c in detail.customers] == [
        ("顾客乙", 1, 100_000),
        ("顾客甲", 2, 50_000),
        ("顾客丙", 0, 0),
    ]
    assert detail.customers[0].phone_masked == "138****0102"
    assert detail.customers[1].bound_at == NOW - 30 * DAY

    # Every order of the sub-store, newest first, whatever its status.
    assert [(o.order_no[-1], o.customer_name, o.status) for o in detail.recent_orders] == [
        ("4", "顾客乙", "shipped"),
        ("3", "顾客甲", "cancelled"),
        ("2", "顾客甲", "completed"),
        ("8", "自家顾客", "paid"),
        ("1", "顾客甲", "paid"),
    ]
    assert detail.recent_orders[0].amount_cents == 100_000
    assert detail.pending_release_id is None


def test_a_failed_stage_shows_when_it_failed(managers_shop: Profile) -> None:
    detail = manager_detail(managers_shop, EXPIRED)
    assert detail is not None
    (stage,) = detail.stages
    assert stage.failed_at == NOW - 10 * DAY
    assert stage.completed_at is None
    assert detail.pending_release_id is None  # the declined request is no longer waiting
    assert detail.customers == ()
    assert detail.recent_orders == ()


def test_a_pending_release_request_is_named(managers_shop: Profile) -> None:
    detail = manager_detail(managers_shop, DONE)
    assert detail is not None
    assert detail.pending_release_id == PENDING_REQUEST
    assert [s.position for s in detail.stages] == [1, 2, 3]
    assert all(s.status == "completed" for s in detail.stages)


def test_an_unknown_manager_has_no_detail(managers_shop: Profile) -> None:
    assert manager_detail(managers_shop, 999) is None
    empty = manager_detail(managers_shop, NO_STAGE)
    assert empty is not None
    assert empty.stages == ()
