"""QR posters: what a poster is about (the shop, a sale event, a product, a store manager's
sub-store), the share link its QR code carries, and the record of each print.

A mini-program code carries at most 32 characters of "scene", so the attribution is packed: the
shop, then at most one target, each id in base 36 behind an upper-case tag ("S1z", "S1zP2k3").
Ids are digits and lower-case letters, tags are upper-case letters, so the scene reads back without
separators, and two non-negative 64-bit ids take at most 28 characters.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Final

import zxingcpp
from sqlalchemy import select

from models import wire
from models.changes import Changes
from models.db import Brand, Product, ProductPick, SaleEvent, Shop, StoreManager, SyncState
from models.errors import InputSubject, InvalidInput, NotSignedIn
from models.profile import Profile
from models.services.catalogue import UnknownProduct, commission_per_piece
from models.sync.outbox import record_action
from models.wire import SHARE_PATH, Scene

MAX_COPIES: Final = 10_000
MAX_CHOICES: Final = 500
GALLERY: Final = 4  # pictures on a shop's or a sale event's poster
LAYOUTS: Final[tuple[wire.PosterLayout, ...]] = ("a4", "a5", "share", "labels")
KINDS: Final[tuple[wire.PosterKind, ...]] = ("shop", "sale_event", "product", "manager")
# The platform's shops sell in China: their customers read Chinese, whatever the desk shows.
SHOP_LANGUAGE: Final = "zh_CN"
POSTER_LANGUAGES: Final = ("zh_CN", "en")


class UnknownPosterTarget(InvalidInput):
    """No sale event, product or store manager with that id on this computer."""

    def __init__(self, kind: wire.PosterKind, target_id: int) -> None:
        subjects: dict[wire.PosterKind, InputSubject] = {
            "sale_event": "sale_event",
            "product": "product",
            "manager": "store_manager",
            "shop": "poster_code",
        }
        super().__init__(subjects[kind], "unknown", value=target_id)
        self.kind = kind
        self.target_id = target_id


@dataclass(frozen=True)
class PosterSubject:
    """Everything a poster prints; commission is the owner's to see, never a customer's."""

    kind: wire.PosterKind
    target_id: int  # the shop's own id for a shop poster
    title: str
    shop_name: str
    link: str
    picture_ids: tuple[int, ...] = ()  # products whose pictures the poster shows
    price_cents: int | None = None
    commission_cents: int | None = None
    brand_name: str = ""
    category: str = ""
    starts_at: int | None = None  # of the sale event, for event and product posters
    ends_at: int | None = None
    manager_name: str = ""


@dataclass(frozen=True)
class PosterChoice:
    """One entry of a picker in the studio."""

    kind: wire.PosterKind
    target_id: int
    label: str


@dataclass(frozen=True)
class PrintRecord:
    id: str
    kind: wire.PosterKind
    target_id: int
    layout: wire.PosterLayout
    copies: int


@dataclass(frozen=True)
class PrintsRecorded:
    records: list[PrintRecord]
    changes: Changes


# --- the scene and the link ----------------------------------------------------------------
# The scene's form is part of the wire contract: the platform's share page reads it back.


def base36(number: int) -> str:
    try:
        return wire.base36(number)
    except ValueError as error:
        raise InvalidInput("poster_code", "out_of_range", value=number) from error


def encode_scene(scene: Scene) -> str:
    try:
        return wire.encode_scene(scene)
    except ValueError as error:
        raise InvalidInput("poster_code", "out_of_range", value=scene) from error


def decode_scene(text: str) -> Scene:
    try:
        return wire.decode_scene(text)
    except ValueError as error:
        raise InvalidInput("poster_code", "unreadable", value=text) from error


def share_link(platform_url: str, scene: Scene) -> str:
    """The link a customer's phone opens: the platform's share page, attributed by the scene."""
    return f"{platform_url.rstrip('/')}{SHARE_PATH}?scene={encode_scene(scene)}"


def scene_of_link(link: str) -> Scene:
    _, _, scene = link.partition("?scene=")
    return decode_scene(scene)


@lru_cache(maxsize=1024)
def qr_modules(link: str) -> tuple[tuple[bool, ...], ...]:
    """The QR code's dark modules, row by row, without a quiet zone (the painter adds it).

    Error correction M: a poster in a shop window gets scuffed, and H makes the modules small.
    ZXing's encoder chooses the mask as the standard asks in well under a millisecond, where a
    pure-Python one takes ten or more: a sheet of a thousand labels is a thousand codes.
    """
    code = zxingcpp.create_barcode(link, zxingcpp.BarcodeFormat.QRCode, ec_level="M")
    image = code.to_image(scale=1, add_quiet_zones=False)
    rows: list[list[int]] = memoryview(image).tolist()  # type: ignore[arg-type, assignment]
    return tuple(tuple(value == 0 for value in row) for row in rows)


# --- subjects ----------------------------------------------------------------------------


@dataclass(frozen=True)
class _Shop:
    id: int
    name: str
    platform_url: str  # where the codes lead: the platform's public address when it announced one


def _shop(profile: Profile) -> _Shop:
    with profile.read() as s:
        state = s.scalar(select(SyncState))
        if state is None:
            raise NotSignedIn("the profile is not signed in to a shop; sign in first")
        shop = s.get(Shop, state.shop_id)
        name = shop.name if shop is not None and shop.name else state.shop_name
        return _Shop(state.shop_id, name, state.public_url or state.platform_url)


def shop_subject(profile: Profile) -> PosterSubject:
    shop = _shop(profile)
    link = share_link(shop.platform_url, Scene(shop.id))
    # The shop shows its best-selling picks; a shop that picked nothing, the catalogue's.
    picked = select(ProductPick.product_id).where(ProductPick.picked.is_(True))
    best = select(Product.id).order_by(Product.sales_count.desc(), Product.id).limit(GALLERY)
    with profile.read() as s:
        gallery = tuple(s.scalars(best.where(Product.id.in_(picked)))) or tuple(s.scalars(best))
    return PosterSubject("shop", shop.id, shop.name, shop.name, link, picture_ids=gallery)


def product_subjects(profile: Profile, product_ids: Sequence[int]) -> list[PosterSubject]:
    """Posters of ``product_ids`` in the order given; an id the catalogue lacks is an error."""
    shop = _shop(profile)
    wanted = list(dict.fromkeys(product_ids))
    query = (
        select(Product, Brand.name, SaleEvent.starts_at, SaleEvent.ends_at)
        .outerjoin(Brand, Brand.id == Product.brand_id)
        .outerjoin(SaleEvent, SaleEvent.id == Product.sale_event_id)
        .where(Product.id.in_(wanted))
    )
    found: dict[int, PosterSubject] = {}
    with profile.read() as s:
        for product, brand, starts, ends in s.execute(query):
            link = share_link(shop.platform_url, Scene(shop.id, "product", product.id))
            found[product.id] = PosterSubject(
                "product",
                product.id,
                product.title,
                shop.name,
                link,
                picture_ids=(product.id,),
                price_cents=product.retail_price_cents,
                commission_cents=commission_per_piece(
                    product.retail_price_cents, product.commission_rate_bp
                ),
                brand_name=brand or "",
                category=product.category,
                starts_at=starts,
                ends_at=ends,
            )
    missing = [i for i in wanted if i not in found]
    if missing:
        raise UnknownProduct(missing)
    return [found[i] for i in product_ids]


def sale_event_subject(profile: Profile, event_id: int) -> PosterSubject:
    shop = _shop(profile)
    with profile.read() as s:
        row = s.execute(
            select(SaleEvent, Brand.name)
            .outerjoin(Brand, Brand.id == SaleEvent.brand_id)
            .where(SaleEvent.id == event_id)
        ).first()
        if row is None:
            raise UnknownPosterTarget("sale_event", event_id)
        event, brand = row
        # The event's best sellers stand for the event on the poster.
        gallery = tuple(
            s.scalars(
                select(Product.id)
                .where(Product.sale_event_id == event_id)
                .order_by(Product.sales_count.desc(), Product.id)
                .limit(GALLERY)
            )
        )
    link = share_link(shop.platform_url, Scene(shop.id, "sale_event", event_id))
    return PosterSubject(
        "sale_event",
        event_id,
        event.title,
        shop.name,
        link,
        picture_ids=gallery,
        brand_name=brand or "",
        category=event.category,
        starts_at=event.starts_at,
        ends_at=event.ends_at,
    )


def manager_subject(profile: Profile, manager_id: int) -> PosterSubject:
    shop = _shop(profile)
    with profile.read() as s:
        manager = s.get(StoreManager, manager_id)
        if manager is None:
            raise UnknownPosterTarget("manager", manager_id)
        name = manager.name
    link = share_link(shop.platform_url, Scene(shop.id, "manager", manager_id))
    return PosterSubject("manager", manager_id, shop.name, shop.name, link, manager_name=name)


def sale_event_choices(profile: Profile, *, now: int | None = None) -> list[PosterChoice]:
    """Running and announced events, the soonest ending first: ended ones sell nothing."""
    stamp = int(time.time()) if now is None else now
    query = (
        select(SaleEvent.id, SaleEvent.title)
        .where(SaleEvent.ends_at > stamp)
        .order_by(SaleEvent.starts_at > stamp, SaleEvent.ends_at, SaleEvent.id)
        .limit(MAX_CHOICES)
    )
    with profile.read() as s:
        return [PosterChoice("sale_event", i, title) for i, title in s.execute(query)]


def manager_poster_choices(profile: Profile) -> list[PosterChoice]:
    """Active store managers: a released one runs a shop of their own."""
    query = (
        select(StoreManager.id, StoreManager.name)
        .where(StoreManager.status == "active")
        .order_by(StoreManager.name, StoreManager.id)
        .limit(MAX_CHOICES)
    )
    with profile.read() as s:
        return [PosterChoice("manager", i, name) for i, name in s.execute(query)]


# --- prints ------------------------------------------------------------------------------


def record_print(
    profile: Profile,
    subject: PosterSubject,
    layout: wire.PosterLayout,
    copies: int = 1,
    *,
    now: int | None = None,
) -> PrintsRecorded:
    """Note that a poster was printed or exported: kept here and queued for the platform."""
    return record_prints(profile, [subject], layout, copies, now=now)


def record_prints(
    profile: Profile,
    subjects: Sequence[PosterSubject],
    layout: wire.PosterLayout,
    copies: int = 1,
    *,
    now: int | None = None,
) -> PrintsRecorded:
    """``record_print`` of a batch, in one transaction: a batch is printed whole or not at all."""
    if not 1 <= copies <= MAX_COPIES:
        raise InvalidInput("copies", "out_of_range", value=copies, low=1, limit=MAX_COPIES)
    stamp = int(time.time()) if now is None else now
    records: list[PrintRecord] = []
    mutations: list[str] = []
    with profile.write() as s:
        for subject in subjects:
            payload = wire.PosterPrintPayload(
                id=str(uuid.uuid4()),
                kind=subject.kind,
                target_id=subject.target_id,
                layout=layout,
                copies=copies,
            )
            row = payload.model_dump() | {"printed_at": stamp}
            mutations.append(record_action(s.connection(), "poster.printed", payload, row, stamp))
            records.append(PrintRecord(payload.id, subject.kind, subject.target_id, layout, copies))
    changes = Changes.of_rows("poster_print", [r.id for r in records]) | Changes.of_rows(
        "outbox", mutations
    )
    return PrintsRecorded(records, changes)
