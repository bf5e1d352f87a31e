"""One tick of a living platform: for every shop, what happened since the last tick."""

from __future__ import annotations

import logging
import math
import random
from dataclasses import dataclass, field

from sqlalchemy import Connection

from server import traffic
from server.shop_ids import every_shop
from server.simulation import money, orders, stages
from server.simulation.pace import Pace
from server.simulation.shelf import Offer, load_shelf

log = logging.getLogger(__name__)


@dataclass
class TickReport:
    orders: int = 0
    paid: int = 0
    failed_stages: int = 0
    assessed: int = 0
    arrivals: int = 0
    parcels: int = 0
    statements: int = 0
    payouts: int = 0
    refunds: int = 0


@dataclass
class PlatformActivity:
    """A ``Simulation``: call it with a connection in a write transaction and the time.

    The first call only notes the time; each later one simulates the platform time since
    the previous call (at most ``pace.longest_step``).
    """

    seed: int = 0
    pace: Pace = field(default_factory=Pace)
    last: int | None = None
    report: TickReport = field(default_factory=TickReport)
    _rng: random.Random = field(init=False)
    _shelf: list[Offer] | None = field(default=None, init=False)

    def __post_init__(self) -> None:
        self._rng = random.Random(f"simulation/{self.seed}")

    def __call__(self, conn: Connection, now: int) -> None:
        elapsed = 0 if self.last is None else max(0, min(now - self.last, self.pace.longest_step))
        self.last = now if self.last is None else max(self.last, now)
        self.report = report = TickReport()
        report.arrivals = traffic.deliver_all_due(conn, now)
        if not elapsed:
            return
        if self._shelf is None:
            self._shelf = load_shelf(conn)
        pace, rng = self.pace, self._rng
        settle = _chance(elapsed, pace.settle_after)
        assessment = _chance(elapsed, pace.assessment_after)
        payout = _chance(elapsed, pace.payout_after)
        for shop_id in every_shop(conn):
            expected = pace.orders_per_hour * elapsed / 3600
            count = _poisson(rng, expected)
            placed = orders.place_orders(
                conn, shop_id, count, now, rng=rng, shelf=self._shelf, pace=pace
            )
            paid = orders.settle_pending(conn, shop_id, now, chance=settle, rng=rng, pace=pace)
            stages.count_sales(conn, shop_id, paid, now)
            report.failed_stages += len(stages.close_deadlines(conn, shop_id, now))
            report.assessed += stages.assess(conn, shop_id, now, assessment, rng)
            report.parcels += orders.move_parcels(conn, shop_id, now, pace)
            report.statements += money.settle(conn, shop_id, now)
            report.payouts += money.pay_out(conn, shop_id, now, chance=payout, rng=rng, pace=pace)
            for settled, per_day in (
                (False, pace.refunds_per_day),
                (True, pace.late_refunds_per_day),
            ):
                count = _poisson(rng, per_day * elapsed / 86_400)
                refunded = money.refund(conn, shop_id, now, settled=settled, count=count)
                stages.count_refunds(conn, shop_id, refunded, now)
                report.refunds += len(refunded)
            report.orders += len(placed)
            report.paid += len(paid)
        log.debug("simulated %d s: %s", elapsed, report)


def _chance(elapsed: int, mean_wait: int) -> float:
    """The chance that something waiting ``mean_wait`` on average happens within ``elapsed``."""
    return 1.0 - math.exp(-elapsed / max(1, mean_wait))


def _poisson(rng: random.Random, expected: float) -> int:
    if expected <= 0:
        return 0
    if expected > 50:
        return max(0, round(rng.gauss(expected, math.sqrt(expected))))
    threshold, count, product = math.exp(-expected), 0, rng.random()
    while product > threshold:
        count += 1
        product *= rng.random()
    return count
