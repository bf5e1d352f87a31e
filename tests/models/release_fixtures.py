"""Computers of demo1 for the release tests: copies of the synced profile, signed in to a
running platform that holds the same seeded data."""

from __future__ import annotations

import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from sqlalchemy import select

from models.db import ReleaseRequest
from models.profile import Profile
from models.services.account import login
from tests.platform_process import PlatformProcess

Computer = Callable[[str], Profile]


@pytest.fixture
def computer(
    platform: PlatformProcess, synced_profile_template: Path, tmp_path: Path
) -> Iterator[Computer]:
    """Make a computer of demo1 by name; it has pulled everything and can sync with ``platform``."""
    opened: list[Profile] = []

    def make(name: str) -> Profile:
        folder = tmp_path / "computers" / name
        shutil.copytree(synced_profile_template, folder)
        profile = Profile.open(folder)
        login(profile, platform.url, "demo1", "demo")
        opened.append(profile)
        return profile

    yield make
    for profile in opened:
        profile.close()


def pending_requests(profile: Profile) -> list[int]:
    with profile.read() as s:
        return list(
            s.scalars(
                select(ReleaseRequest.id)
                .where(ReleaseRequest.status == "pending")
                .order_by(ReleaseRequest.id)
            )
        )
