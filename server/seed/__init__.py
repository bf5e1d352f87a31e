"""Deterministic demo data: the same seed, anchor day and end of history always give the
same platform.

History ends at one moment (``calendar.history_end``): nothing seeded happens later, and
every stage's figures are what its sub-store's payments give (``server.promotion``).
"""

from __future__ import annotations

import logging
import os
import random
import time
from collections.abc import Iterator
from contextlib import closing
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from sqlalchemy import Engine, func, insert, select

from models.wire import OWNER_USER
from server import people as shop_people
from server import reach
from server.clock import system_clock
from server.db.catalogue import CatalogueFeedState
from server.db.platform import Meta, ShopCredential
from server.db.schema import create_schema
from server.seed.aftermath import follow_release, opened_shop
from server.seed.binding import bind_customers
from server.seed.calendar import DAY, china_day, day_start, history_end
from server.seed.catalogue import build_catalogue
from server.seed.earnings import ShopMoney
from server.seed.lines import LINES_PER_ORDER_ID, BasketDraw, OrderChunk
from server.seed.orders import OrderPlan, plan_orders
from server.seed.paths import promotion_paths
from server.seed.payments import Payments, WaitingMoney
from server.seed.people import HISTORY_DAYS, Ids, ShopPlan, plan_shop
from server.seed.workers import ChunkBuilder
from server.seed.writer import bulk_load

log = logging.getLogger(__name__)

DEMO_PASSWORD = "demo"
# Raised whenever the same seed would give different data, so an old demo database is rebuilt.
SEED_VERSION = "4"
_VERSION_KEY = "seed_version"
CHUNK_ORDERS = 50_000


@dataclass(frozen=True)
class SeedSummary:
    shop_codes: list[str]
    rows: dict[str, int] = field(default_factory=dict)
    seconds: float = 0.0


def is_empty(engine: Engine) -> bool:
    """True when the platform has neither shops nor a catalogue yet."""
    create_schema(engine)
    with engine.connect() as conn:
        shops = conn.scalar(select(func.count()).select_from(ShopCredential))
        written = conn.scalar(select(func.coalesce(func.sum(CatalogueFeedState.last_seq), 0)))
    return not shops and not written


def is_outdated(engine: Engine) -> bool:
    """True when the database holds demo data from an older version of this seed."""
    if is_empty(engine):
        return False
    with engine.connect() as conn:
        version = conn.scalar(select(Meta.value).where(Meta.key == _VERSION_KEY))
    return version != SEED_VERSION


def seed(
    engine: Engine,
    seed: int,
    shops: int,
    orders_per_shop: int,
    anchor: date | None = None,
    *,
    now: int | None = None,
    products: int = 3_000,
    brands: int = 200,
    helpers: int | None = None,
) -> SeedSummary:
    """Fill an empty platform with a catalogue and ``shops`` demo shops (demo1.., password demo).

    Each shop gets about two years of orders up to ``anchor`` (default: today in China): the
    whole day when it is over, else up to ``now`` (default: the clock's now). An anchor day
    still to come is refused (``calendar.AnchorInFuture``). Products may go up to 20,000 for
    catalogue tests. ``helpers`` is the number of helper processes that build order lines; by
    default one joins in for big loads on a machine with a second core.
    """
    if not is_empty(engine):
        raise RuntimeError("the platform database already has data; seed only an empty one")
    started = time.perf_counter()
    clock_now = system_clock() if now is None else now
    anchor = anchor or china_day(clock_now)
    end = history_end(anchor, clock_now)
    catalogue = build_catalogue(seed, anchor, brands, products, end)
    draw = BasketDraw(catalogue.shelf)
    first_day = day_start(anchor) - (HISTORY_DAYS - 1) * DAY
    # Money settles up to the anchor day's start: no statement, parcel or payout is later.
    settled_by = day_start(anchor)
    codes: list[str] = []
    if helpers is None:
        big = shops * orders_per_shop >= 4 * CHUNK_ORDERS
        helpers = 1 if big and (os.cpu_count() or 1) > 1 else 0
    builder = ChunkBuilder(catalogue.shelf, helpers)
    opened: list[tuple[ShopPlan, list[dict[str, Any]]]] = []
    # Ids are unique within a shop, so every shop counts from 1 on its own.
    shop_ids: dict[int, Ids] = {}
    with closing(builder), bulk_load(engine) as load:
        for entity, rows in catalogue.rows.items():
            load.write(entity, rows, None)
        for number in range(1, shops + 1):
            shop_id = number
            ids = shop_ids[shop_id] = Ids()
            plan = plan_shop(
                seed,
                number,
                shop_id=shop_id,
                orders=orders_per_shop,
                first_day=first_day,
                now=end,
                ids=ids,
                draw=draw,
            )
            codes.append(plan.shop["code"])
            load.add_shop_login(shop_id, plan.shop["code"], DEMO_PASSWORD)
            load.write("shop", [plan.shop], shop_id)
            # Their current stages follow from the orders below; the rows are written now
            # because orders refer to them, and again once the stages are known.
            load.write("store_manager", plan.managers, shop_id)
            persons = shop_people.demo_people(
                plan.shop["owner_name"],
                plan.managers,
                ids.take("person", 2 + len(plan.managers)),
                plan.shop["created_at"],
            )
            load.write("person", persons, shop_id)
            load.add_person_logins(
                shop_id, [p["id"] for p in persons if p["role"] != "owner"], DEMO_PASSWORD
            )
            orders = plan_orders(seed, number, plan, orders_per_shop, anchor, now=end)
            leavers = follow_release(seed, plan, orders, first_day)
            bound = bind_customers(
                seed, plan, orders, first_day, ids, now=end, leavers=frozenset(leavers)
            )
            for entity, rows in bound.items():
                load.write(entity, rows, shop_id)
            if plan.earlier_release is not None:
                opened.append((plan, [c for c in bound["customer"] if c["status"] == "left"]))
            money = ShopMoney(
                seed, number, plan, ids=ids, stages=catalogue.rows["task_stage"], now=settled_by
            )
            first_order = ids.take("order", len(orders.placed_at))
            jobs = _chunks(seed, shop_id, first_order, orders, plan.customers.ids, now=settled_by)
            payments = Payments()
            # A sub-store's lines take the rate of its manager's stage, known once every
            # order is built: they wait until then.
            waiting = WaitingMoney()
            for order_rows, line_rows, facts, paid in builder.build(jobs):
                payments.merge(paid)
                load.write_packed(order_rows)
                load.write_packed(line_rows)
                load.write("statement_line", money.lines_for(waiting.keep(facts)), shop_id)
            rng = random.Random(f"{seed}/paths/{number}")
            progress, requests = promotion_paths(
                rng, plan.managers, plan.story, payments.by_manager(), now=end, ids=ids
            )
            load.write("task_progress", progress, shop_id)
            load.write("release_request", requests, shop_id)
            load.rewrite("store_manager", plan.managers, shop_id)
            money.follow_paths(progress)
            load.write("statement_line", money.lines_for(waiting.facts()), shop_id)
            for entity, rows in money.finish().items():
                load.write(entity, rows, shop_id)
            ids.last["order_item"] = (ids.last.get("order", 0) + 1) * LINES_PER_ORDER_ID
            log.info("seeded shop %s: %d orders", plan.shop["code"], len(orders.placed_at))
        # The shops released managers opened come after the demo shops, so demoN keeps id N.
        for new_shop_id, (plan, leaving) in enumerate(opened, start=shops + 1):
            assert plan.earlier_release is not None
            ids = shop_ids[new_shop_id] = Ids()
            load.add_shop_login(new_shop_id, plan.earlier_release.new_shop_code, DEMO_PASSWORD)
            for entity, rows in opened_shop(ids, plan, new_shop_id, leaving).items():
                load.write(entity, rows, new_shop_id)
            released = next(m for m in plan.managers if m["id"] == plan.earlier_release.manager_id)
            owner = shop_people.person_row(
                ids.take("person"),
                OWNER_USER,
                released["name"],
                "owner",
                plan.earlier_release.decided_at,
            )
            load.write("person", [owner], new_shop_id)
        load.conn.execute(insert(Meta).values(key=_VERSION_KEY, value=SEED_VERSION))
        load.finish({shop_id: ids.last for shop_id, ids in shop_ids.items()})
        # What each store manager sees, from the rows and the feed just written.
        for shop_id in shop_ids:
            reach.rebuild(load.conn, shop_id)
    _gather_statistics(engine)
    seconds = time.perf_counter() - started
    log.info("seeded %d shops in %.1f s: %s", shops, seconds, dict(load.counts))
    return SeedSummary(shop_codes=codes, rows=dict(load.counts), seconds=seconds)


def _gather_statistics(engine: Engine) -> None:
    """PostgreSQL plans from statistics it gathers only later by itself: until then a lookup of
    200 orders by id reads every order of the shop. A seeded database gets them at once."""
    if engine.dialect.name != "postgresql":
        return
    with engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
        conn.exec_driver_sql("ANALYZE")


def _chunks(
    seed: int,
    shop_id: int,
    first_order: int,
    orders: OrderPlan,
    customer_ids: list[int],
    *,
    now: int,
) -> Iterator[OrderChunk]:
    for chunk, start in enumerate(range(0, len(orders.placed_at), CHUNK_ORDERS)):
        end = start + CHUNK_ORDERS
        yield OrderChunk(
            seed=seed,
            shop_id=shop_id,
            chunk=chunk,
            first_order_id=first_order + start,
            placed_at=orders.placed_at[start:end],
            customer_id=[customer_ids[i] for i in orders.customer[start:end]],
            store=orders.store[start:end],
            status=orders.status[start:end],
            paid_at=orders.paid_at[start:end],
            now=now,
            baskets={i - start: b for i, b in orders.baskets.items() if start <= i < end},
        )
