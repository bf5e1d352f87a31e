"""Work done offline reaches the platform exactly once, and the shop's other computers."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest
from sqlalchemy import select

from models.db import Order, OrderReview
from models.errors import PlatformUnreachable
from models.services.orders import newest_orders
from models.services.reviews import review_order
from models.services.status import sync_status
from models.sync.syncer import SyncOptions, sync
from tests.platform_process import PlatformProcess
from tests.sync.test_round_trip import shop_id_of, signed_in
from tests.sync.views import applied_mutations, assert_mirror_equals_server

NO_RETRY = SyncOptions(retries=0)


def test_a_review_made_offline_is_applied_once_and_seen_by_a_second_computer(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    laptop = signed_in(platform, profile_folder("laptop"))
    desk = signed_in(platform, profile_folder("desk"))
    sync(laptop)
    sync(desk)
    order_no = newest_orders(laptop, 1)[0].order_no

    platform.stop()
    review_order(laptop, order_no, reviewed=True, flag="problem", note="少发了一件")
    line = newest_orders(laptop, 1)[0]
    assert (line.reviewed, line.flag, line.review_sync) == (True, "problem", "pending")
    with pytest.raises(PlatformUnreachable):
        sync(laptop, NO_RETRY)
    with pytest.raises(PlatformUnreachable):
        sync(laptop, NO_RETRY)
    status = sync_status(laptop)
    assert status.outbox_pending == 1
    assert "reach" in status.last_error

    platform.start()
    report = sync(laptop)
    assert report.applied == 1
    assert newest_orders(laptop, 1)[0].review_sync == ""
    assert list(applied_mutations(platform.db, shop_id_of(laptop)).values()) == ["applied"]

    sync(desk)
    with desk.read() as s:
        order_id = s.scalar(select(Order.id).where(Order.order_no == order_no))
        review = s.get(OrderReview, order_id)
        assert review is not None
        assert (review.reviewed, review.flag, review.note) == (True, "problem", "少发了一件")
    assert_mirror_equals_server(laptop, platform.db, shop_id_of(laptop))
    assert_mirror_equals_server(desk, platform.db, shop_id_of(desk))


def test_a_pull_does_not_overwrite_a_review_still_waiting_to_sync(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    laptop = signed_in(platform, profile_folder("laptop"))
    desk = signed_in(platform, profile_folder("desk"))
    sync(laptop)
    sync(desk)
    order_no = newest_orders(laptop, 1)[0].order_no
    review_order(desk, order_no, flag="problem", note="from the desk")
    sync(desk)
    # The laptop changes the same order offline, then pulls before its push is answered.
    review_order(laptop, order_no, flag="follow_up", note="from the laptop")
    from models.db import SyncState
    from models.sync.apply import apply_page
    from models.sync.transport import PlatformClient

    with laptop.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        token, cursor = state.token, state.cursor
    with PlatformClient(platform.url, token) as client:
        page = client.pull(cursor, 1000)
    with laptop.writer.begin() as conn:
        apply_page(conn, page)
    line = newest_orders(laptop, 1)[0]
    assert (line.flag, line.note, line.review_sync) == ("follow_up", "from the laptop", "pending")

    sync(laptop)
    line = newest_orders(laptop, 1)[0]
    assert (line.flag, line.note, line.review_sync) == ("follow_up", "from the laptop", "")
    assert_mirror_equals_server(laptop, platform.db, shop_id_of(laptop))
