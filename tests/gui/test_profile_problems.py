"""Each real reason a profile cannot open is told in its own words, in English and Chinese."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager, nullcontext
from pathlib import Path

import pytest
from PySide6.QtWidgets import QApplication

from gui import i18n, messages
from models import profile_file
from models.errors import ProfileError
from models.profile import Profile
from tests.models.profile_situations import (
    another_programs_database,
    empty_database,
    empty_file,
    fill,
    held_by_another_program,
    made_profile,
    small_disk,
)

Situation = Callable[[Path], AbstractContextManager[Path]]


@contextmanager
def busy(tmp_path: Path) -> Iterator[Path]:
    folder = tmp_path / "shop"
    with held_by_another_program(made_profile(folder)):
        yield folder


@contextmanager
def full_disk(tmp_path: Path) -> Iterator[Path]:
    with small_disk(tmp_path / "disk") as disk:
        fill(disk)
        yield disk / "shop"


def empty(tmp_path: Path) -> AbstractContextManager[Path]:
    empty_file(tmp_path / "shop")
    return nullcontext(tmp_path / "shop")


def empty_sqlite(tmp_path: Path) -> AbstractContextManager[Path]:
    empty_database(tmp_path / "shop")
    return nullcontext(tmp_path / "shop")


def foreign(tmp_path: Path) -> AbstractContextManager[Path]:
    another_programs_database(tmp_path / "shop")
    return nullcontext(tmp_path / "shop")


def not_a_database(tmp_path: Path) -> AbstractContextManager[Path]:
    (tmp_path / "shop").mkdir()
    (tmp_path / "shop" / "zhanggui.sqlite3").write_text("进货单 2026-11-24\n" * 50)
    return nullcontext(tmp_path / "shop")


# The situation, then words that must be in what the owner reads, in English and in Chinese.
CASES: dict[str, tuple[Situation, str, str]] = {
    "busy": (busy, "Another program is writing", "另一个程序正在写入"),
    "full disk": (full_disk, "is full. Free some space", "磁盘已满"),
    "empty file": (empty, "is empty, so it is not a Zhanggui profile", "数据库文件是空的"),
    "empty database": (empty_sqlite, "is empty, so it is not a Zhanggui profile", "是空的"),
    "another program's": (foreign, "belongs to another program", "属于另一个程序"),
    "not a database": (not_a_database, "is not a database at all", "根本不是数据库"),
}


def problem_opening(folder: Path) -> ProfileError:
    with pytest.raises(ProfileError) as refused:
        Profile.open(folder)
    return refused.value


@pytest.mark.parametrize("case", list(CASES))
@pytest.mark.parametrize("language", ["en", "zh_CN"])
def test_the_owner_reads_why_the_profile_does_not_open(
    qapp: QApplication,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    case: str,
    language: str,
) -> None:
    monkeypatch.setattr(profile_file, "BUSY_WAIT_SECONDS", 0.3)
    situation, english, chinese = CASES[case]
    with situation(tmp_path) as folder:
        error = problem_opening(folder)
    i18n.install(qapp, language)
    said = messages.profile_problem(error, folder)
    assert (chinese if language == "zh_CN" else english) in said
    assert str(folder) in said
    assert said.endswith("没有做任何更改。" if language == "zh_CN" else "Nothing was changed.")
    assert "damaged" not in said
    assert "损坏" not in said
