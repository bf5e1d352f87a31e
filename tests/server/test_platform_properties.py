"""Properties over random runs of the platform's rules: orders and payments, stage progress,
release decisions, allocations arriving and simulation ticks. Whatever happens, every customer
has exactly one owner, and replaying the ledger gives every binding."""

from __future__ import annotations

import random
import shutil
import uuid
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import Connection, select

from models import wire
from server import traffic
from server.db import make_engine
from server.db.engine import write_begin
from server.db.shops import ReleaseRequest
from server.push.refusal import Refused
from server.push.release import decide
from server.simulation import orders, stages
from server.simulation.activity import PlatformActivity
from server.simulation.pace import Pace
from server.simulation.shelf import load_shelf
from tests.server.conftest import NOW
from tests.server.platform_checks import assert_consistent, assert_feed_matches_tables

HOUR = 3_600
PACE = Pace(orders_per_hour=6, new_customer_share=0.3, stray_share=0.2)

_operation = st.one_of(
    st.tuples(st.just("orders"), st.integers(1, 2), st.integers(1, 8)),
    st.tuples(st.just("pay"), st.integers(1, 2), st.floats(0.2, 1.0)),
    st.tuples(st.just("stages"), st.integers(1, 2), st.floats(0.0, 1.0)),
    st.tuples(st.just("decide"), st.integers(1, 2), st.sampled_from(["approve", "decline"])),
    st.tuples(st.just("arrive"), st.integers(1, 2), st.integers(1, 30)),
    st.tuples(st.just("tick"), st.integers(1, 2), st.integers(1, 24)),
)


def _decide(conn: Connection, shop_id: int, decision: str, now: int) -> None:
    """Decide the first waiting request, or (when none waits) try a decided one again."""
    request = conn.execute(
        select(ReleaseRequest.id, ReleaseRequest.status)
        .where(ReleaseRequest.shop_id == shop_id)
        .order_by(ReleaseRequest.status != "pending", ReleaseRequest.id)
    ).first()
    assert request is not None
    payload = wire.ReleaseDecisionPayload(request_id=request.id, decision=decision, reason="")
    if request.status == "pending":
        decide(conn, shop_id, payload, now, uuid.uuid4().hex)
        return
    with pytest.raises(Refused, match="already") as refused:
        decide(conn, shop_id, payload, now, uuid.uuid4().hex)
    assert refused.value.code == "already_decided"


@settings(
    max_examples=15,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(operations=st.lists(_operation, min_size=1, max_size=7), seed=st.integers(0, 1000))
def test_one_owner_and_a_faithful_ledger_whatever_happens(
    sqlite_template: Path, tmp_path: Path, operations: list[tuple[str, int, object]], seed: int
) -> None:
    db = tmp_path / f"{uuid.uuid4().hex}.sqlite3"
    shutil.copy(sqlite_template, db)
    engine = make_engine(str(db))
    rng = random.Random(seed)
    activity = PlatformActivity(seed=seed, pace=PACE, last=NOW)
    now = NOW
    try:
        with engine.connect() as conn:
            shelf = load_shelf(conn)
        for kind, shop_id, value in operations:
            now += HOUR
            with write_begin(engine) as conn:
                if kind == "orders":
                    assert isinstance(value, int)
                    orders.place_orders(conn, shop_id, value, now, rng=rng, shelf=shelf, pace=PACE)
                elif kind == "pay":
                    assert isinstance(value, float)
                    paid = orders.settle_pending(
                        conn, shop_id, now, chance=value, rng=rng, pace=PACE
                    )
                    stages.count_sales(conn, shop_id, paid, now)
                elif kind == "stages":
                    assert isinstance(value, float)
                    stages.close_deadlines(conn, shop_id, now)
                    stages.assess(conn, shop_id, now, value, rng)
                elif kind == "decide":
                    assert isinstance(value, str)
                    _decide(conn, shop_id, value, now)
                elif kind == "arrive":
                    assert isinstance(value, int)
                    now += value * 86_400
                    traffic.deliver_due(conn, shop_id, now)
                else:
                    assert isinstance(value, int)
                    now += value * HOUR
                    activity(conn, now)
            with engine.connect() as conn:
                assert_consistent(conn)
        with engine.connect() as conn:
            assert_feed_matches_tables(conn)
    finally:
        engine.dispose()
