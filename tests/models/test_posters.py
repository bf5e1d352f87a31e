"""Poster subjects, the scene a QR code carries, and prints reaching the platform once."""

from __future__ import annotations

import itertools
import sqlite3
from pathlib import Path

import httpx
import pytest
from sqlalchemy import select

from models.db import Product, SaleEvent, StoreManager, SyncState
from models.errors import InvalidInput, NotSignedIn
from models.profile import Profile
from models.services.account import login
from models.services.catalogue import UnknownProduct
from models.services.posters import (
    UnknownPosterTarget,
    decode_scene,
    encode_scene,
    manager_poster_choices,
    manager_subject,
    product_subjects,
    qr_modules,
    record_print,
    sale_event_choices,
    sale_event_subject,
    scene_of_link,
    share_link,
    shop_subject,
)
from models.sync.syncer import sync
from models.wire import MAX_SCENE, Scene
from models.wire import MAX_SCENE_ID as MAX_ID
from tests.platform_process import PlatformProcess

SAMPLE_IDS = (0, 1, 35, 36, 999, 123_456_789, 2**31 - 1, 2**53, MAX_ID)


@pytest.mark.parametrize("kind", ["sale_event", "product", "manager"])
def test_every_id_combination_fits_a_mini_program_scene_and_reads_back(kind: str) -> None:
    for shop, target in itertools.product(SAMPLE_IDS, SAMPLE_IDS):
        scene = Scene(shop, kind, target)  # type: ignore[arg-type]
        text = encode_scene(scene)
        assert len(text) <= MAX_SCENE
        assert text.isalnum()
        assert text.isascii()
        assert decode_scene(text) == scene


def test_a_shop_scene_is_the_shop_alone() -> None:
    assert encode_scene(Scene(1)) == "S1"
    assert encode_scene(Scene(36, "product", 71)) == "S10P1z"
    assert decode_scene("S" + encode_scene(Scene(MAX_ID))[1:]) == Scene(MAX_ID)


@pytest.mark.parametrize("text", ["", "s1", "S", "S1X2", "S1P", "SP1", "S1P2M3", "S-1", "S1 "])
def test_what_is_not_a_scene_is_refused(text: str) -> None:
    with pytest.raises(InvalidInput):
        decode_scene(text)


def test_ids_out_of_range_are_refused() -> None:
    with pytest.raises(InvalidInput):
        encode_scene(Scene(-1))
    with pytest.raises(InvalidInput):
        encode_scene(Scene(1, "product", MAX_ID + 1))
    with pytest.raises(InvalidInput):
        encode_scene(Scene(1, "product", None))


def test_the_link_is_the_platform_share_page_with_the_scene() -> None:
    link = share_link("http://127.0.0.1:8765/", Scene(7, "manager", 40))
    assert link == "http://127.0.0.1:8765/share?scene=S7M14"
    assert scene_of_link(link) == Scene(7, "manager", 40)
    modules = qr_modules(link)
    assert len(modules) == len(modules[0]) >= 21  # a real QR symbol, square
    assert any(any(row) for row in modules)


def test_subjects_are_read_from_the_shop_s_profile(synced_profile: Profile) -> None:
    with synced_profile.read() as s:
        state = s.scalars(select(SyncState)).one()
        products = list(s.scalars(select(Product).order_by(Product.id).limit(3)))
        event = s.scalars(select(SaleEvent).order_by(SaleEvent.id).limit(1)).one()
        manager = s.scalars(select(StoreManager).order_by(StoreManager.id).limit(1)).one()

    shop = shop_subject(synced_profile)
    assert shop.kind == "shop"
    assert shop.target_id == state.shop_id
    assert shop.shop_name
    assert shop.price_cents is None
    assert scene_of_link(shop.link) == Scene(state.shop_id)
    assert shop.link.startswith(state.platform_url + "/share?scene=")

    ids = [products[2].id, products[0].id]
    found = product_subjects(synced_profile, ids)
    assert [p.target_id for p in found] == ids
    assert found[0].title == products[2].title
    assert found[0].price_cents == products[2].retail_price_cents
    assert found[0].commission_cents == (
        products[2].retail_price_cents * products[2].commission_rate_bp // 10_000
    )
    assert found[0].shop_name == shop.shop_name
    assert scene_of_link(found[1].link) == Scene(state.shop_id, "product", products[0].id)

    sale = sale_event_subject(synced_profile, event.id)
    with synced_profile.read() as s:
        in_event = set(s.scalars(select(Product.id).where(Product.sale_event_id == event.id)))
    assert set(sale.picture_ids) <= in_event
    assert len(sale.picture_ids) == min(4, len(in_event))
    assert len(shop.picture_ids) == 4  # the shop's best sellers show on its poster
    assert (sale.title, sale.starts_at, sale.ends_at) == (
        event.title,
        event.starts_at,
        event.ends_at,
    )
    assert scene_of_link(sale.link) == Scene(state.shop_id, "sale_event", event.id)

    person = manager_subject(synced_profile, manager.id)
    assert person.manager_name == manager.name
    assert scene_of_link(person.link) == Scene(state.shop_id, "manager", manager.id)


def test_unknown_targets_are_errors_in_words(synced_profile: Profile) -> None:
    with pytest.raises(UnknownProduct) as product:
        product_subjects(synced_profile, [987_654_321])
    assert product.value.product_ids == [987_654_321]
    assert (product.value.subject, product.value.problem) == ("product", "unknown")
    with pytest.raises(UnknownPosterTarget) as event:
        sale_event_subject(synced_profile, 987_654_321)
    assert (event.value.subject, event.value.value) == ("sale_event", 987_654_321)
    with pytest.raises(UnknownPosterTarget) as manager:
        manager_subject(synced_profile, 987_654_321)
    assert (manager.value.subject, manager.value.value) == ("store_manager", 987_654_321)


def test_choices_offer_live_events_and_active_managers(synced_profile: Profile) -> None:
    events = sale_event_choices(synced_profile, now=0)
    assert events
    assert all(c.kind == "sale_event" for c in events)
    managers = manager_poster_choices(synced_profile)
    with synced_profile.read() as s:
        active = set(s.scalars(select(StoreManager.id).where(StoreManager.status == "active")))
    assert {c.target_id for c in managers} == active


def test_a_profile_without_a_shop_makes_no_poster(tmp_path: Path) -> None:
    profile = Profile.open(tmp_path / "nobody")
    try:
        with pytest.raises(NotSignedIn):
            shop_subject(profile)
    finally:
        profile.close()


def test_a_print_reaches_the_platform_once(
    synced_profile: Profile, platform: PlatformProcess
) -> None:
    login(synced_profile, platform.url, "demo1", "demo")
    with synced_profile.read() as s:
        product_id = s.scalars(select(Product.id).limit(1)).one()
    subject = product_subjects(synced_profile, [product_id])[0]
    recorded = record_print(synced_profile, subject, "labels", copies=3)
    record = recorded.records[0]
    assert recorded.changes.touches_row("poster_print", record.id)

    first = sync(synced_profile)
    again = sync(synced_profile)

    assert first.applied == 1
    assert not first.rejected
    assert again.applied == 0
    with sqlite3.connect(platform.db) as conn:
        rows = conn.execute(
            "SELECT kind, target_id, layout, copies FROM poster_print WHERE id = ?", (record.id,)
        ).fetchall()
    assert rows == [("product", product_id, "labels", 3)]


def test_copies_out_of_range_are_refused(synced_profile: Profile) -> None:
    subject = shop_subject(synced_profile)
    with pytest.raises(InvalidInput) as refused:
        record_print(synced_profile, subject, "a4", copies=0)
    error = refused.value
    assert (error.subject, error.problem, error.value, error.low) == (
        "copies",
        "out_of_range",
        0,
        1,
    )


def test_a_poster_s_link_opens_the_platform_s_page_for_that_shop_and_product(
    synced_profile: Profile, platform: PlatformProcess
) -> None:
    login(synced_profile, platform.url, "demo1", "demo")
    with synced_profile.read() as s:
        product = s.scalars(select(Product).order_by(Product.id).limit(1)).one()
    subject = product_subjects(synced_profile, [product.id])[0]
    shop = shop_subject(synced_profile)

    page = httpx.get(subject.link, timeout=10)
    assert page.status_code == 200
    assert shop.shop_name in page.text
    assert product.title in page.text
    assert httpx.get(shop.link, timeout=10).status_code == 200

    unknown = share_link(platform.url, Scene(shop.target_id or 0, "product", 2**40))
    assert httpx.get(unknown, timeout=10).status_code == 404
    garbled = platform.url + "/share?scene=not-a-scene"
    assert httpx.get(garbled, timeout=10).status_code == 404
