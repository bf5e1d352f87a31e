"""The change channel: what a write says it changed, bounded however much it changed."""

from __future__ import annotations

import pytest

from models.changes import NOTHING, ROW_CAP, ChangeCollector, Changes


def test_a_change_names_its_entities_and_rows() -> None:
    changes = Changes.of_rows("order_review", [7, 8]) | Changes.of_rows("outbox", ["m-1"])
    assert changes.entities == {"order_review", "outbox"}
    assert changes.touches(["order", "order_review"])
    assert not changes.touches(["product", "customer"])
    assert changes.rows_of("order_review") == frozenset({7, 8})
    assert changes.rows_of("order") == frozenset()
    assert changes.touches_row("order_review", 7)
    assert changes.touches_row("order_review", "8")
    assert not changes.touches_row("order_review", 9)


def test_nothing_touches_nothing() -> None:
    assert not NOTHING
    assert not NOTHING.touches(["order"])
    assert NOTHING | NOTHING == NOTHING


def test_every_row_wins_over_some_rows() -> None:
    merged = Changes.of_rows("order", [1]) | Changes.of_entities("order")
    assert merged.rows_of("order") is None
    assert merged.touches_row("order", 123456)
    assert Changes.everything().touches(["saved_view", "poster_print", "order_review_draft"])


def test_unknown_entities_are_refused() -> None:
    with pytest.raises(ValueError, match="not entities"):
        Changes({"orders": None})
    with pytest.raises(ValueError, match="not an entity"):
        ChangeCollector().add("orders", [1])


def test_a_million_rows_are_said_in_one_word() -> None:
    collector = ChangeCollector()
    collector.add("order", range(1_000_000))
    collector.add("customer", range(ROW_CAP))
    changes = collector.changes()
    assert changes.rows_of("order") is None
    assert changes.rows_of("customer") == frozenset(range(ROW_CAP))
    merged = Changes.of_rows("customer", range(ROW_CAP)) | Changes.of_rows("customer", [-1])
    assert merged.rows_of("customer") is None
