"""Random interleavings of local actions, syncs, faults, platform crashes and new epochs.

After quiescence (every computer syncs with the network healthy), every local action has exactly
one effect on the platform and each computer's mirror equals the platform's view of the shop.
"""

from __future__ import annotations

import contextlib
import itertools
import tempfile
from collections.abc import Callable
from pathlib import Path

import httpx
import pytest
from hypothesis import HealthCheck, settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, rule, run_state_machine_as_test
from sqlalchemy import select

from models.db import OutboxEntry, ReleaseRequest
from models.errors import InvalidInput, PlatformUnreachable
from models.profile import Profile
from models.services.account import login
from models.services.orders import newest_orders
from models.services.releases import decide_release
from models.services.reviews import review_order
from models.sync.syncer import SyncOptions, sync
from tests.platform_process import PlatformProcess
from tests.sync.views import applied_mutations, assert_mirror_equals_server

FAULTS = ("none", "lose_push_answer", "lose_pull_answer", "refuse")
notes = st.text(alphabet=st.sampled_from("好评已核对少发错发退款🚚✓ abcXYZ0123٣ß—\n"), max_size=40)


class Faulty(httpx.HTTPTransport):
    """Refuses the connection, or delivers the request and loses the answer, once."""

    def __init__(self, fault: str) -> None:
        super().__init__()
        self.fault = fault

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        if self.fault == "refuse":
            self.fault = "none"
            raise httpx.ConnectError("connection refused")
        response = super().handle_request(request)
        lost = {"lose_push_answer": "/push", "lose_pull_answer": "/pull"}.get(self.fault)
        if lost and request.url.path.endswith(lost):
            self.fault = "none"
            response.read()
            raise httpx.ReadError("connection reset")
        return response


def make_machine(platform: PlatformProcess, shop_id: int) -> type[RuleBasedStateMachine]:
    counter = itertools.count()

    class ShopComputers(RuleBasedStateMachine):
        def __init__(self) -> None:
            super().__init__()
            self.folder = Path(tempfile.mkdtemp(prefix=f"machine-{next(counter)}-"))
            self.computers: list[Profile] = []
            for name in ("laptop", "desk"):
                profile = Profile.open(self.folder / name)
                login(profile, platform.url, "demo1", "demo")
                sync(profile)
                self.computers.append(profile)
            self.order_numbers = [line.order_no for line in newest_orders(self.computers[0], 8)]

        @rule(
            computer=st.integers(0, 1),
            order=st.integers(0, 7),
            reviewed=st.booleans(),
            flag=st.sampled_from(["none", "problem", "follow_up"]),
            note=notes,
        )
        def review(self, computer: int, order: int, reviewed: bool, flag: str, note: str) -> None:
            review_order(
                self.computers[computer],
                self.order_numbers[order],
                reviewed=reviewed,
                flag=flag,
                note=note,
            )

        @rule(computer=st.integers(0, 1), approve=st.booleans())
        def decide(self, computer: int, approve: bool) -> None:
            profile = self.computers[computer]
            with profile.read() as s:
                request_id = s.scalar(
                    select(ReleaseRequest.id).where(ReleaseRequest.status == "pending")
                )
            if request_id is None:
                return
            with contextlib.suppress(InvalidInput):  # decided already on this computer
                decide_release(profile, request_id, "approve" if approve else "decline", "")

        @rule(computer=st.integers(0, 1), fault=st.sampled_from(FAULTS))
        def sync_with(self, computer: int, fault: str) -> None:
            options = SyncOptions(transport=Faulty(fault), retries=0, backoff=0.01)
            with contextlib.suppress(PlatformUnreachable):
                sync(self.computers[computer], options)

        @rule(new_epoch=st.booleans())
        def platform_crashes(self, new_epoch: bool) -> None:
            # With a new epoch, as restored from a backup: every computer takes a fresh
            # snapshot beside its mirror, which a later fault can cut short.
            platform.kill()
            platform.start(*(["--new-epoch"] if new_epoch else []))

        def teardown(self) -> None:
            for _ in range(2):
                for profile in self.computers:
                    sync(profile)
            applied = applied_mutations(platform.db, shop_id)
            for profile in self.computers:
                with profile.read() as s:
                    entries = list(s.scalars(select(OutboxEntry)))
                assert all(e.status != "pending" for e in entries)
                for entry in entries:
                    # Exactly one effect: the platform recorded it once, with the same outcome.
                    assert applied.get(entry.id) == entry.status
                assert_mirror_equals_server(profile, platform.db, shop_id)
            for profile in self.computers:
                profile.close()

    return ShopComputers


@pytest.mark.slow
@pytest.mark.timeout(900)
def test_random_interleavings_keep_every_action_once(
    platform: PlatformProcess, profile_folder: Callable[[str], Path]
) -> None:
    probe = Profile.open(profile_folder("probe"))
    shop_id = login(probe, platform.url, "demo1", "demo").shop_id
    probe.close()
    run_state_machine_as_test(
        make_machine(platform, shop_id),
        settings=settings(
            max_examples=10,
            stateful_step_count=15,
            deadline=None,
            suppress_health_check=[HealthCheck.too_slow, HealthCheck.filter_too_much],
        ),
    )
