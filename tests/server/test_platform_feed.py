"""The change log itself: one entry per row, numbered in order, and tables that match the wire."""

from __future__ import annotations

import typing

import pytest
from sqlalchemy import Engine, func, select

from models import wire
from server.db.catalogue import Brand, CatalogueFeed, CatalogueFeedState
from server.db.engine import write_begin
from server.db.schema import wire_columns
from server.rows import load_rows, new_ids, save_rows


@pytest.mark.parametrize("entity", wire.ENTITIES)
def test_tables_have_the_columns_of_the_wire_rows(entity: str) -> None:
    row_type = typing.get_args(typing.get_type_hints(wire.Upserts)[entity])[0]
    assert wire_columns(entity) == list(row_type.__annotations__)


def test_a_row_written_twice_keeps_one_entry_with_the_newer_number(engine: Engine) -> None:
    with write_begin(engine) as conn:
        last_before = conn.scalar(select(CatalogueFeedState.last_seq))
        brand = load_rows(conn, "brand", None, Brand.id == 1)[0]
        save_rows(conn, "brand", [{**brand, "name": "改名一次"}])
        save_rows(conn, "brand", [{**brand, "name": "改名两次"}, {**brand, "name": "改名三次"}])
    with engine.connect() as conn:
        entries = conn.execute(
            select(CatalogueFeed.seq, CatalogueFeed.payload).where(
                CatalogueFeed.entity == "brand", CatalogueFeed.key == "1"
            )
        ).all()
        last_after = conn.scalar(select(CatalogueFeedState.last_seq))
        top = conn.scalar(select(func.max(CatalogueFeed.seq)))
    assert isinstance(last_before, int)
    assert len(entries) == 1
    assert entries[0].seq == last_after == top == last_before + 2
    assert "改名三次" in entries[0].payload


def test_a_shop_row_needs_its_shop() -> None:
    from server.rows import feed_of

    with pytest.raises(ValueError, match="belong to a shop"):
        feed_of("order", None)
    assert feed_of("order", 7) == 7
    assert feed_of("product", 7) is None


def test_new_ids_continue_after_the_seeded_ones(engine: Engine) -> None:
    with write_begin(engine) as conn:
        highest = conn.scalar(select(func.max(Brand.id)))
        first = new_ids(conn, "brand", 3, None)
        second = new_ids(conn, "brand", 1, None)
    assert isinstance(highest, int)
    assert first == [highest + 1, highest + 2, highest + 3]
    assert second == [highest + 4]
