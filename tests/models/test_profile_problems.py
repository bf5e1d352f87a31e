"""Opening a profile tells the truth: busy is not damaged, a full disk is full, an empty or
foreign file is refused, and a new profile appears whole or not at all."""

from __future__ import annotations

import hashlib
import sqlite3
import time
from contextlib import closing
from pathlib import Path

import pytest
from sqlalchemy import Connection, create_engine, func, select

from models import migrate, profile_file
from models.db import SavedView
from models.errors import ProfileBusy, ProfileDiskFull, ProfileForeign
from models.profile import DB_NAME, Profile
from tests.models.profile_situations import (
    another_programs_database,
    empty_database,
    empty_file,
    fill,
    held_by_another_program,
    made_profile,
    open_files,
    small_disk,
    written_by_another_program,
)


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def saved_views(path: Path) -> int:
    with closing(sqlite3.connect(path)) as conn:
        return int(conn.execute("SELECT count(*) FROM saved_view").fetchone()[0])


def test_opening_again_and_again_leaves_nothing_open_while_another_program_writes(
    tmp_path: Path,
) -> None:
    path = made_profile(tmp_path)
    with written_by_another_program(path):
        before = open_files()
        for _ in range(300):
            profile = Profile.open(tmp_path)
            with profile.read() as s:
                s.scalar(select(func.count()).select_from(SavedView))
            profile.close()
        assert open_files() <= before + 2


def test_a_profile_another_program_holds_is_busy_not_damaged(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = made_profile(tmp_path)
    monkeypatch.setattr(profile_file, "BUSY_WAIT_SECONDS", 0.5)
    with held_by_another_program(path):
        started = time.monotonic()
        with pytest.raises(ProfileBusy, match="another program"):
            Profile.open(tmp_path)
        assert time.monotonic() - started >= 0.5, "opening waited for the other program first"
    profile = Profile.open(tmp_path)
    profile.close()
    assert saved_views(path) == 0


def test_a_profile_held_for_a_moment_is_waited_for(tmp_path: Path) -> None:
    path = made_profile(tmp_path)
    with held_by_another_program(path, seconds=1.0):
        started = time.monotonic()
        profile = Profile.open(tmp_path)
        waited = time.monotonic() - started
        with profile.read() as s:
            assert s.scalar(select(func.count()).select_from(SavedView)) == 0
        profile.close()
    assert waited >= 0.5


def test_a_new_profile_on_a_full_disk_says_the_disk_is_full(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk)
        with pytest.raises(ProfileDiskFull, match="full"):
            Profile.open(disk / "shop")
        assert not (disk / "shop" / DB_NAME).exists()
        assert [p.name for p in (disk / "shop").iterdir()] == []


def test_a_profile_on_a_disk_that_filled_up_says_the_disk_is_full(tmp_path: Path) -> None:
    with small_disk(tmp_path / "disk") as disk:
        path = made_profile(disk / "shop")
        before = digest(path)
        fill(disk)
        with pytest.raises(ProfileDiskFull):
            Profile.open(disk / "shop")
        assert digest(path) == before
        (disk / "filler").unlink()
        Profile.open(disk / "shop").close()


def test_an_upgrade_on_a_full_disk_says_so_and_leaves_the_old_file(tmp_path: Path) -> None:
    from alembic import command

    with small_disk(tmp_path / "disk") as disk:
        folder = disk / "shop"
        folder.mkdir()
        path = folder / DB_NAME
        engine = create_engine(f"sqlite:///{path}")
        with engine.begin() as conn:
            command.upgrade(migrate.alembic_config(conn), "0001")
        engine.dispose()
        before = digest(path)
        fill(disk)
        with pytest.raises(ProfileDiskFull):
            Profile.open(folder)
        assert digest(path) == before
        assert sorted(p.name for p in folder.iterdir()) == [DB_NAME], "no half backup is left"


def test_an_empty_file_is_refused_and_never_taken_as_a_new_profile(tmp_path: Path) -> None:
    path = empty_file(tmp_path)
    with pytest.raises(ProfileForeign, match="empty") as refused:
        Profile.open(tmp_path)
    assert refused.value.kind == "empty"
    assert path.read_bytes() == b""
    assert sorted(p.name for p in tmp_path.iterdir()) == [DB_NAME]


def test_an_empty_database_is_refused_too(tmp_path: Path) -> None:
    path = empty_database(tmp_path)
    before = digest(path)
    with pytest.raises(ProfileForeign, match="empty") as refused:
        Profile.open(tmp_path)
    assert refused.value.kind == "empty"
    assert digest(path) == before


def test_another_programs_database_is_foreign(tmp_path: Path) -> None:
    path = another_programs_database(tmp_path)
    before = digest(path)
    with pytest.raises(ProfileForeign) as refused:
        Profile.open(tmp_path)
    assert refused.value.kind == "another_program"
    assert digest(path) == before


def test_a_new_profile_appears_whole_or_not_at_all(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_upgrade = migrate.upgrade_to_head

    def crash_halfway(conn: Connection) -> None:
        real_upgrade(conn)
        raise RuntimeError("the computer lost power")

    monkeypatch.setattr(migrate, "upgrade_to_head", crash_halfway)
    with pytest.raises(RuntimeError, match="lost power"):
        Profile.open(tmp_path / "shop")
    assert list((tmp_path / "shop").iterdir()) == []
    monkeypatch.undo()

    profile = Profile.open(tmp_path / "shop")
    profile.close()
    assert sorted(p.name for p in (tmp_path / "shop").iterdir() if p.suffix != ".lock") == [DB_NAME]
