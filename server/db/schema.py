"""Which table holds which feed entity, and creating the schema of a fresh database."""

from __future__ import annotations

import logging
import secrets

from sqlalchemy import Connection, Engine, Table, insert, select, update

from models import wire
from server.db import catalogue, desk, money, orders, people, platform, schedule, shops
from server.db.base import Base
from server.db.engine import write_begin

log = logging.getLogger(__name__)

_ENTITY_CLASSES: dict[str, type[Base]] = {
    "shop": shops.Shop,
    "brand": catalogue.Brand,
    "sale_event": catalogue.SaleEvent,
    "product": catalogue.Product,
    "sku": catalogue.Sku,
    "task_stage": catalogue.TaskStage,
    "customer": shops.Customer,
    "customer_binding": shops.CustomerBinding,
    "store_manager": shops.StoreManager,
    "task_progress": shops.TaskProgress,
    "release_request": shops.ReleaseRequest,
    "order": orders.Order,
    "order_item": orders.OrderItem,
    "traffic_allocation": shops.TrafficAllocation,
    "settlement_terms": money.SettlementTerms,
    "statement": money.Statement,
    "statement_line": money.StatementLine,
    "withdrawal": money.Withdrawal,
    "order_review": desk.OrderReview,
    "product_pick": desk.ProductPick,
    "release_decision": desk.ReleaseDecision,
    "poster_print": desk.PosterPrint,
    "withdrawal_request": desk.WithdrawalRequest,
    "person": people.Person,
}
assert set(_ENTITY_CLASSES) == set(wire.ENTITIES)
# Tables of the platform's own plans, which no feed carries.
SERVER_ONLY_TABLES: tuple[type[Base], ...] = (schedule.ScheduledAllocation, people.PersonSecret)

ENTITY_TABLES: dict[str, Table] = {
    entity: Base.metadata.tables[cls.__tablename__] for entity, cls in _ENTITY_CLASSES.items()
}
CATALOGUE_TABLES: frozenset[str] = wire.CATALOGUE_ENTITIES
# Tables every shop shares: one copy platform-wide (reference tables when distributed). Every
# other table belongs to shops: its keys start with shop_id, and so do its foreign keys.
REFERENCE_TABLES: frozenset[str] = frozenset(
    {
        *(ENTITY_TABLES[entity].name for entity in CATALOGUE_TABLES),
        catalogue.CatalogueFeed.__tablename__,
        catalogue.CatalogueFeedState.__tablename__,
        catalogue.CatalogueIdCounter.__tablename__,
        platform.ShopCredential.__tablename__,
        # Failed sign-ins are counted by the shop code typed, before any shop is known.
        platform.LoginFailure.__tablename__,
        platform.Meta.__tablename__,
    }
)


def shop_tables() -> list[Table]:
    """Every table of shop data, as the models declare them (new ones included)."""
    return [t for t in Base.metadata.sorted_tables if t.name not in REFERENCE_TABLES]


# The wire key of each entity; shop tables add shop_id in front of it.
KEY_COLUMNS: dict[str, str] = dict(wire.ENTITY_KEYS)
# Deletes name their rows by key; the wire keeps integer keys as numbers.
TEXT_KEY_ENTITIES: frozenset[str] = frozenset(
    entity
    for entity, table in ENTITY_TABLES.items()
    if table.c[KEY_COLUMNS[entity]].type.python_type is str
)


def entity_table(entity: str) -> Table:
    return ENTITY_TABLES[entity]


def wire_columns(entity: str) -> list[str]:
    """The columns that make up the wire row, in the contract's order."""
    return [c.name for c in ENTITY_TABLES[entity].columns if c.name != "shop_id"]


def create_schema(engine: Engine) -> None:
    """Migrate the database to the newest schema and give it what every platform starts with."""
    from server import feed
    from server.migrate import upgrade

    upgrade(engine)
    with engine.begin() as conn:
        if conn.scalar(select(platform.Meta.value).where(platform.Meta.key == "epoch")) is None:
            conn.execute(insert(platform.Meta).values(key="epoch", value=new_epoch()))
        feed.open_catalogue_feed(conn)
    _build_manager_feeds(engine)


def _build_manager_feeds(engine: Engine) -> None:
    """Once, after the migration that brought the people of a shop: what each store manager of
    every shop sees of its feed."""
    from server import reach
    from server.shop_ids import every_shop

    stale = select(platform.Meta.value).where(platform.Meta.key == MANAGER_FEED_KEY)
    with engine.connect() as conn:
        if conn.scalar(stale) != "stale":
            return
    with write_begin(engine) as conn:
        if conn.scalar(stale) != "stale":
            return
        for shop_id in every_shop(conn):
            reach.rebuild(conn, shop_id)
        conn.execute(
            update(platform.Meta).where(platform.Meta.key == MANAGER_FEED_KEY).values(value="built")
        )


MANAGER_FEED_KEY = "manager_feed"


def new_epoch() -> str:
    return secrets.token_hex(8)


_EPOCH = select(platform.Meta.value).where(platform.Meta.key == "epoch")


def read_epoch(conn: Connection) -> str:
    return conn.execute(_EPOCH).scalar_one()


def renew_epoch(engine: Engine) -> str:
    """Start a new epoch, as after restoring a backup: every client then takes a fresh snapshot,
    because its cursors may point past what this database remembers."""
    epoch = new_epoch()
    with engine.begin() as conn:
        conn.execute(update(platform.Meta).where(platform.Meta.key == "epoch").values(value=epoch))
    log.info("new epoch %s", epoch)
    return epoch
