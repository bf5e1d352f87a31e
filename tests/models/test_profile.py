"""Opening a profile: fresh files, our own files, and files that are not ours."""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, select

from models import profile_file
from models.db import Base, SyncState
from models.errors import ProfileCorrupt, ProfileForeign, ProfileUnwritable
from models.migrate import head_revision, include_name, newest_revision
from models.profile import DB_NAME, Profile


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_a_fresh_profile_is_created_at_the_newest_schema(tmp_path: Path) -> None:
    profile = Profile.open(tmp_path / "shop")
    with profile.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        journal = conn.exec_driver_sql("PRAGMA journal_mode").scalar()
        foreign_keys = conn.exec_driver_sql("PRAGMA foreign_keys").scalar()
    assert journal == "wal"
    assert foreign_keys == 1
    with profile.read() as s:
        assert s.scalar(select(SyncState)) is None
    profile.close()


def test_the_migrations_build_exactly_the_models(tmp_path: Path) -> None:
    Profile.open(tmp_path).close()
    engine = create_engine(f"sqlite:///{tmp_path / DB_NAME}")
    with engine.connect() as conn:
        differences = compare_metadata(
            MigrationContext.configure(
                conn, opts={"compare_type": True, "include_name": include_name}
            ),
            Base.metadata,
        )
    engine.dispose()
    assert differences == []


def test_reopening_keeps_the_data(tmp_path: Path) -> None:
    profile = Profile.open(tmp_path)
    with profile.write() as s:
        s.add(
            SyncState(
                id=1,
                platform_url="http://127.0.0.1:1",
                shop_id=7,
                shop_code="demo7",
                shop_name="小美的衣橱",
                token="t",
                cursor="0:0",
                last_error="",
            )
        )
    profile.close()
    again = Profile.open(tmp_path)
    with again.read() as s:
        state = s.scalar(select(SyncState))
        assert state is not None
        assert state.shop_name == "小美的衣橱"
    again.close()
    assert not list(tmp_path.glob("*.before-*")), "no backup is made when nothing is upgraded"


def test_a_file_that_is_not_a_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    path.write_bytes(b"these are my shop notes, not a database\n" * 100)
    before = digest(path)
    with pytest.raises(ProfileForeign, match="not a Zhanggui database") as refused:
        Profile.open(tmp_path)
    assert refused.value.kind == "not_a_database"
    assert digest(path) == before


@pytest.mark.parametrize("size", ["small", "big"])
def test_a_damaged_database_is_refused_and_left_alone(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, size: str
) -> None:
    if size == "big":  # too big for a full check at every start: the schema is still read
        monkeypatch.setattr(profile_file, "THOROUGH_CHECK_BYTES", 0)
    Profile.open(tmp_path).close()
    path = tmp_path / DB_NAME
    data = bytearray(path.read_bytes())
    # Keep the header, scribble over the schema pages.
    data[100:4096] = b"\xff" * (4096 - 100)
    path.write_bytes(bytes(data))
    before = digest(path)
    with pytest.raises(ProfileCorrupt, match="damaged"):
        Profile.open(tmp_path)
    assert digest(path) == before


def test_another_programs_database_is_refused_and_left_alone(tmp_path: Path) -> None:
    path = tmp_path / DB_NAME
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
        conn.execute("INSERT INTO recipes VALUES ('红烧肉')")
    before = digest(path)
    with pytest.raises(ProfileForeign, match="not made by Zhanggui") as refused:
        Profile.open(tmp_path)
    assert refused.value.kind == "another_program"
    assert digest(path) == before


def test_a_database_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    Profile.open(tmp_path).close()
    path = tmp_path / DB_NAME
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '9999'")
    before = digest(path)
    with pytest.raises(ProfileForeign, match="newer version") as refused:
        Profile.open(tmp_path)
    assert refused.value.kind == "newer_version"
    assert digest(path) == before


def test_an_unwritable_folder_is_said_in_words(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(ProfileUnwritable, match="cannot create"):
        Profile.open(blocker / "profile")


def test_an_older_schema_is_copied_aside_then_upgraded_keeping_the_data(tmp_path: Path) -> None:
    from alembic import command

    from models.migrate import alembic_config

    path = tmp_path / DB_NAME
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), "0001")
        conn.exec_driver_sql(
            "INSERT INTO customer VALUES (1, '王芳', '138****1234', '杭州', NULL, 0, 'own', "
            "'active', NULL)"
        )
        conn.exec_driver_sql(
            "INSERT INTO sync_state (id, platform_url, shop_id, shop_code, shop_name, token, "
            "cursor, last_error) VALUES (1, 'http://x', 1, 'demo1', '小店', 't', '3:4', '')"
        )
    engine.dispose()

    profile = Profile.open(tmp_path)
    backups = list(tmp_path.glob("*.before-0001-*.sqlite3"))
    assert len(backups) == 1
    with sqlite3.connect(backups[0]) as kept:
        assert kept.execute("SELECT version_num FROM alembic_version").fetchone() == ("0001",)
        assert kept.execute("SELECT name FROM customer").fetchall() == [("王芳",)]
    with profile.engine.connect() as conn:
        assert MigrationContext.configure(conn).get_current_revision() == head_revision()
        assert conn.exec_driver_sql("SELECT cursor FROM sync_state").scalar() == "3:4"
        found = conn.exec_driver_sql(
            "SELECT rowid FROM customer_search WHERE customer_search MATCH '\"芳\"'"
        ).all()
    assert found == [(1,)]
    profile.close()


def test_the_newest_revision_by_file_name_is_alembics_head() -> None:
    # An ordinary start trusts the file names and leaves alembic unimported.
    assert newest_revision() == head_revision()
