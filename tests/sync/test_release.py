"""A release decided on the desktop: the dossier's list of leavers is what the platform moves."""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable
from pathlib import Path

from sqlalchemy import select

from models import wire
from models.db import Customer, CustomerBinding, ReleaseRequest, StoreManager
from models.services.release_dossier import release_dossier
from models.services.releases import decide_release
from models.sync.outbox import rejected_actions
from models.sync.syncer import sync
from tests.platform_process import PlatformProcess
from tests.sync.test_round_trip import shop_id_of, signed_in
from tests.sync.views import assert_mirror_equals_server


def test_approving_moves_exactly_the_customers_the_dossier_named(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("owner"))
    sync(profile)
    with profile.read() as s:
        request = s.scalar(select(ReleaseRequest).where(ReleaseRequest.status == "pending"))
        assert request is not None
        manager_id = request.store_manager_id
        active_before = set(s.scalars(select(Customer.id).where(Customer.status == "active")))
        left_before = set(s.scalars(select(Customer.id).where(Customer.status == "left")))
    dossier = release_dossier(profile, request.id, int(time.time()))
    assert dossier is not None
    leaving = {c.id for c in dossier.leaving}
    assert leaving
    assert dossier.staying_in_sub_store > 0, "the demo has sub-store customers who stay"
    marks = ",".join("?" * len(wire.PAID_ORDER_STATUSES))
    with sqlite3.connect(profile.db_path) as conn:
        for customer in dossier.leaving:
            proven = {
                n
                for (n,) in conn.execute(
                    f'SELECT order_no FROM "order" WHERE customer_id = ? AND store_manager_id = ? '
                    f"AND status IN ({marks})",
                    (customer.id, manager_id, *wire.PAID_ORDER_STATUSES),
                )
            }
            assert set(customer.proof) == proven
            assert proven

    decide_release(profile, request.id, "approve", "她已经可以独当一面了")
    report = sync(profile)
    assert report.applied == 1

    with profile.read() as s:
        left = set(s.scalars(select(Customer.id).where(Customer.status == "left")))
        still = set(s.scalars(select(Customer.id).where(Customer.status == "active")))
        assert s.get(ReleaseRequest, request.id).status == "approved"  # type: ignore[union-attr]
        assert s.get(StoreManager, manager_id).status == "released"  # type: ignore[union-attr]
        ledger = set(
            s.scalars(
                select(CustomerBinding.customer_id).where(
                    CustomerBinding.event == "release_out",
                    CustomerBinding.release_request_id == request.id,
                )
            )
        )
    assert left - left_before == leaving
    assert ledger == leaving
    assert active_before - leaving <= still, "nobody without a paid order there leaves"
    assert_mirror_equals_server(profile, platform.db, shop_id_of(profile))


def test_declining_leaves_everyone_in_place(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    profile = signed_in(platform, profile_folder("owner"))
    sync(profile)
    with profile.read() as s:
        request = s.scalar(select(ReleaseRequest).where(ReleaseRequest.status == "pending"))
        assert request is not None
        before = {c.id: (c.status, c.store_manager_id) for c in s.scalars(select(Customer))}
    decide_release(profile, request.id, "decline", "再带一段时间团队")
    sync(profile)
    with profile.read() as s:
        after = {c.id: (c.status, c.store_manager_id) for c in s.scalars(select(Customer))}
        assert s.get(ReleaseRequest, request.id).status == "declined"  # type: ignore[union-attr]
    assert after == before


def test_a_late_decision_from_a_second_computer_is_shown_refused(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    laptop = signed_in(platform, profile_folder("laptop"))
    desk = signed_in(platform, profile_folder("desk"))
    sync(laptop)
    sync(desk)
    with laptop.read() as s:
        request = s.scalar(select(ReleaseRequest).where(ReleaseRequest.status == "pending"))
        assert request is not None
    decide_release(laptop, request.id, "decline", "再带一段时间团队")
    assert sync(laptop).applied == 1
    # The desk has not synced since: it still sees the request waiting, and approves it.
    decide_release(desk, request.id, "approve", "她可以独立了")
    sync(desk)

    with desk.read() as s:
        [refused] = rejected_actions(s.connection())
        assert s.get(ReleaseRequest, request.id).status == "declined"  # type: ignore[union-attr]
    assert (refused.kind, refused.entity_key) == ("release.decide", str(request.id))
    assert refused.code == "already_decided"
    assert refused.reason.startswith("This request was already declined on ")
    assert_mirror_equals_server(desk, platform.db, shop_id_of(desk))
