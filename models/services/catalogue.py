"""The platform's catalogue as the owner browses it: products filtered and sorted in SQL, a page at
a time, each with its brand, its stock across SKUs and whether the owner picked it for the shop.

A page is read in two steps: the ids of the page in view order (through the sort's index), then
the rows of just those ids, so that the stock sums and joins are paid for one page only.
"""

from __future__ import annotations

import time
from collections.abc import Sequence
from dataclasses import dataclass
from enum import Enum
from typing import Any, Final

from sqlalchemy import ColumnElement, Select, bindparam, exists, func, or_, select, text
from sqlalchemy.orm import Session

from models import wire
from models.changes import Changes
from models.db import Brand, OutboxEntry, Product, ProductPick, SaleEvent, Sku, table_of
from models.errors import InvalidInput
from models.profile import Profile
from models.search import PRODUCT_SEARCH, phrase
from models.sync.outbox import record_action

MAX_SEARCH_WORDS: Final = 8
MAX_PAGE: Final = 1_000


class UnknownProduct(InvalidInput):
    """No product with that id in the catalogue this computer has."""

    def __init__(self, product_ids: list[int]) -> None:
        super().__init__("product", "unknown", value=", ".join(map(str, product_ids)))
        self.product_ids = product_ids


class ProductSort(Enum):
    SALES = "sales"
    PRICE = "price"
    COMMISSION = "commission"
    NEWEST = "newest"
    TITLE = "title"
    BRAND = "brand"
    CATEGORY = "category"
    SUPPLY = "supply"
    STOCK = "stock"
    PICKED = "picked"


@dataclass(frozen=True)
class Sort:
    key: ProductSort = ProductSort.SALES
    descending: bool = True


@dataclass(frozen=True)
class CatalogueFilter:
    sale_event_id: int | None = None
    category: str | None = None
    brand_id: int | None = None
    min_price_cents: int | None = None  # suggested retail price, inclusive
    max_price_cents: int | None = None
    min_commission_bp: int | None = None  # commission rate in basis points, inclusive
    in_stock: bool = False
    picked_only: bool = False
    text: str = ""


@dataclass(frozen=True)
class ProductCard:
    id: int
    title: str
    brand_id: int
    brand_name: str
    category: str
    sale_event_id: int | None
    supply_price_cents: int
    retail_price_cents: int
    commission_rate_bp: int
    commission_cents: int  # per piece sold at the suggested retail price
    sales_count: int
    stock: int  # across the product's SKUs
    picked: bool
    pick_sync: str  # "", "pending" or "rejected"


@dataclass(frozen=True)
class SkuLine:
    id: int
    spec: str
    stock: int
    supply_price_cents: int
    retail_price_cents: int
    commission_cents: int


@dataclass(frozen=True)
class EventWindow:
    id: int
    title: str
    starts_at: int
    ends_at: int


@dataclass(frozen=True)
class ProductDetail:
    card: ProductCard
    skus: list[SkuLine]
    sale_event: EventWindow | None
    reject_reason: str  # why the platform refused the last pick or drop, if it did


@dataclass(frozen=True)
class PickState:
    product_id: int
    picked: bool
    mutation_id: str
    changes: Changes


def commission_per_piece(price_cents: int, rate_bp: int) -> int:
    return price_cents * rate_bp // 10_000


_stock = (
    select(func.coalesce(func.sum(Sku.stock), 0))
    .where(Sku.product_id == Product.id)
    .correlate(Product)
    .scalar_subquery()
)
_picked = func.coalesce(ProductPick.picked, False)


def _sort_keys(key: ProductSort) -> list[Any]:
    """What a sort orders by; the product id always breaks ties."""
    primary: dict[ProductSort, Any] = {
        ProductSort.SALES: Product.sales_count,
        ProductSort.PRICE: Product.retail_price_cents,
        ProductSort.COMMISSION: Product.commission_rate_bp,
        ProductSort.NEWEST: Product.created_at,
        ProductSort.TITLE: Product.title,
        ProductSort.BRAND: Brand.name,
        ProductSort.CATEGORY: Product.category,
        ProductSort.SUPPLY: Product.supply_price_cents,
        ProductSort.STOCK: _stock,
        ProductSort.PICKED: _picked,
    }
    return [primary[key], Product.id]


def _matching(word: str) -> ColumnElement[bool] | None:
    """Products whose title, category or brand has ``word``."""
    expression = phrase(word)
    like = "%" + word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    by_brand = Product.brand_id.in_(select(Brand.id).where(Brand.name.like(like, escape="\\")))
    if expression is None:
        return by_brand
    match = text(f"{PRODUCT_SEARCH} MATCH :q").bindparams(bindparam("q", expression, unique=True))
    by_text = Product.id.in_(select(text("rowid")).select_from(text(PRODUCT_SEARCH)).where(match))
    return or_(by_text, by_brand)


def _where(f: CatalogueFilter) -> list[ColumnElement[bool]]:
    clauses: list[ColumnElement[bool]] = []
    if f.sale_event_id is not None:
        clauses.append(Product.sale_event_id == f.sale_event_id)
    if f.category:
        clauses.append(Product.category == f.category)
    if f.brand_id is not None:
        clauses.append(Product.brand_id == f.brand_id)
    if f.min_price_cents is not None:
        clauses.append(Product.retail_price_cents >= f.min_price_cents)
    if f.max_price_cents is not None:
        clauses.append(Product.retail_price_cents <= f.max_price_cents)
    if f.min_commission_bp is not None:
        clauses.append(Product.commission_rate_bp >= f.min_commission_bp)
    if f.in_stock:
        clauses.append(exists().where(Sku.product_id == Product.id, Sku.stock > 0))
    if f.picked_only:
        picked = select(ProductPick.product_id).where(ProductPick.picked.is_(True))
        clauses.append(Product.id.in_(picked))
    for word in f.text.split()[:MAX_SEARCH_WORDS]:
        clause = _matching(word)
        if clause is not None:
            clauses.append(clause)
    return clauses


def _ids_query(f: CatalogueFilter, sort: Sort) -> Select[Any]:
    query = select(Product.id).where(*_where(f))
    if sort.key is ProductSort.BRAND:
        query = query.outerjoin(Brand, Brand.id == Product.brand_id)
    elif sort.key is ProductSort.PICKED:
        query = query.outerjoin(ProductPick, ProductPick.product_id == Product.id)
    keys = _sort_keys(sort.key)
    return query.order_by(*[k.desc() if sort.descending else k.asc() for k in keys])


def count_products(profile: Profile, f: CatalogueFilter) -> int:
    with profile.read() as s:
        return int(s.scalar(select(func.count()).select_from(Product).where(*_where(f))) or 0)


def fetch_products(
    profile: Profile, f: CatalogueFilter, sort: Sort, *, limit: int, offset: int = 0
) -> list[ProductCard]:
    """The products of ``f`` in view order, ``limit`` of them from ``offset``."""
    if not 0 < limit <= MAX_PAGE or offset < 0:
        raise InvalidInput("page", "out_of_range", value=limit, low=1, limit=MAX_PAGE)
    with profile.read() as s:
        ids = list(s.scalars(_ids_query(f, sort).limit(limit).offset(offset)))
        return _cards(s, ids)


def product_cards(profile: Profile, ids: Sequence[int]) -> list[ProductCard]:
    """The products of ``ids`` that exist, in the order given."""
    with profile.read() as s:
        return _cards(s, list(ids)[:MAX_PAGE])


def _cards(session: Session, ids: list[int]) -> list[ProductCard]:
    if not ids:
        return []
    outbox = table_of(OutboxEntry)
    pick_sync = (
        select(outbox.c.status)
        .where(
            outbox.c.entity == "product_pick",
            outbox.c.entity_key == func.cast(Product.id, outbox.c.entity_key.type),
            outbox.c.status != "applied",
        )
        .order_by(outbox.c.position.desc())
        .limit(1)
        .scalar_subquery()
    )
    # Plain columns, not mapped objects: a page is read while the owner scrolls, and building
    # objects would keep the interpreter busy away from the GUI thread.
    query = (
        select(
            Product.id,
            Product.title,
            Product.brand_id,
            func.coalesce(Brand.name, ""),
            Product.category,
            Product.sale_event_id,
            Product.supply_price_cents,
            Product.retail_price_cents,
            Product.commission_rate_bp,
            Product.sales_count,
            _stock,
            _picked,
            func.coalesce(pick_sync, ""),
        )
        .outerjoin(Brand, Brand.id == Product.brand_id)
        .outerjoin(ProductPick, ProductPick.product_id == Product.id)
        .where(Product.id.in_(ids))
    )
    found: dict[int, ProductCard] = {}
    for row in session.execute(query):
        (pid, title, brand_id, brand, category, event_id, supply, retail, rate, sales) = row[:10]
        stock, picked, sync_state = row[10:]
        found[pid] = ProductCard(
            id=pid,
            title=title,
            brand_id=brand_id,
            brand_name=brand,
            category=category,
            sale_event_id=event_id,
            supply_price_cents=supply,
            retail_price_cents=retail,
            commission_rate_bp=rate,
            commission_cents=commission_per_piece(retail, rate),
            sales_count=sales,
            stock=int(stock or 0),
            picked=bool(picked),
            pick_sync=sync_state,
        )
    return [found[i] for i in ids if i in found]


def product_detail(profile: Profile, product_id: int) -> ProductDetail | None:
    """A product with its SKUs and its sale event; None when the catalogue has no such product."""
    with profile.read() as s:
        cards = _cards(s, [product_id])
        if not cards:
            return None
        card = cards[0]
        skus = [
            SkuLine(
                sku.id,
                sku.spec,
                sku.stock,
                sku.supply_price_cents,
                sku.retail_price_cents,
                sku.commission_cents,
            )
            for sku in s.scalars(select(Sku).where(Sku.product_id == product_id).order_by(Sku.id))
        ]
        event = None
        if card.sale_event_id is not None:
            found = s.get(SaleEvent, card.sale_event_id)
            if found is not None:
                event = EventWindow(found.id, found.title, found.starts_at, found.ends_at)
        reason = ""
        if card.pick_sync == "rejected":
            reason = (
                s.scalar(
                    select(OutboxEntry.reject_reason)
                    .where(
                        OutboxEntry.entity == "product_pick",
                        OutboxEntry.entity_key == str(product_id),
                        OutboxEntry.status == "rejected",
                    )
                    .order_by(OutboxEntry.position.desc())
                    .limit(1)
                )
                or ""
            )
    return ProductDetail(card, skus, event, reason)


def pick_product(
    profile: Profile, product_id: int, picked: bool, *, now: int | None = None
) -> PickState:
    """Pick a product for the shop, or drop it: written here and queued for the platform."""
    stamp = int(time.time()) if now is None else now
    payload = wire.ProductPickPayload(product_id=product_id, picked=picked)
    row = {"product_id": product_id, "picked": picked, "updated_at": stamp}
    with profile.write() as s:
        if s.get(Product, product_id) is None:
            raise UnknownProduct([product_id])
        mutation_id = record_action(s.connection(), "product_pick.set", payload, row, stamp)
    changes = Changes.of_rows("product_pick", [product_id]) | Changes.of_rows(
        "outbox", [mutation_id]
    )
    return PickState(product_id, picked, mutation_id, changes)


def picked_count(profile: Profile) -> int:
    """How many products of the catalogue the owner has picked."""
    query = (
        select(func.count())
        .select_from(ProductPick)
        .join(Product, Product.id == ProductPick.product_id)
        .where(ProductPick.picked.is_(True))
    )
    with profile.read() as s:
        return int(s.scalar(query) or 0)
