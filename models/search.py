"""Full-text search for the order table: order number, customer and product.

Only customers and products are indexed (tens of thousands of rows, not a million orders); a
matching order is one whose number starts with a word, whose customer matches it, or which has
an item of a matching product, all through indexes.

SQLite's unicode61 tokenizer keeps a run of Chinese characters as one token, so "短袖" would not
find "纯棉宽松短袖T恤". The indexes store every CJK character as a token of its own and a query
turns a CJK run into a phrase of characters, which matches where those characters stand side by
side; Latin words and digits match by prefix.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from typing import Any, Final

from sqlalchemy import (
    ColumnElement,
    CompoundSelect,
    Connection,
    Select,
    and_,
    column,
    exists,
    func,
    intersect,
    or_,
    select,
    table,
    text,
    union,
)
from sqlalchemy.orm import Session

from models.db import Order, OrderItem

CUSTOMER_SEARCH: Final = "customer_search"
PRODUCT_SEARCH: Final = "product_search"
SEARCH_TABLES: Final = (CUSTOMER_SEARCH, PRODUCT_SEARCH)
_CJK = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])")
_WORDS = re.compile(r"\w+", re.UNICODE)
IN_CHUNK: Final = 900


_SPACED: Final = {
    code: f" {chr(code)} "
    for first, last in ((0x3400, 0x9FFF), (0xF900, 0xFAFF))
    for code in range(first, last + 1)
}


def spaced(value: str) -> str:
    """Put spaces around every CJK character so that each is a token of its own."""
    return value.translate(_SPACED)


def customer_document(row: Mapping[str, Any]) -> str:
    return f"{spaced(row['name'])} {row['phone_masked'].replace('*', ' ')} {spaced(row['city'])}"


def product_document(row: Mapping[str, Any]) -> str:
    return f"{spaced(row['title'])} {spaced(row['category'])}"


def phrase(word: str) -> str | None:
    """One word typed by the owner as an FTS5 expression; None when nothing is searchable."""
    tokens: list[str] = []
    for piece in _CJK.split(word):
        if _CJK.fullmatch(piece):
            tokens.append(piece)
        else:
            tokens.extend(_WORDS.findall(piece))
    if not tokens:
        return None
    if len(tokens) == 1 and not _CJK.fullmatch(tokens[0]):
        return f'"{tokens[0]}"*'
    return '"' + " ".join(tokens) + '"'


def _matching(index: str, expression: str) -> Any:
    fts = table(index, column("rowid"))
    return select(fts.c.rowid).where(text(f"{index} MATCH :q").bindparams(q=expression))


def _word_lookups(word: str) -> tuple[Select[Any], Select[Any] | None, Select[Any] | None]:
    """A word's matches by order number, by customer and by product, each through an index."""
    number = word.upper()
    by_number = select(Order.id).where(Order.order_no >= number, Order.order_no < number + "\uffff")
    expression = phrase(word)
    if expression is None:
        return by_number, None, None
    by_customer = select(Order.id).where(
        Order.customer_id.in_(_matching(CUSTOMER_SEARCH, expression))
    )
    by_product = select(OrderItem.order_id).where(
        OrderItem.product_id.in_(_matching(PRODUCT_SEARCH, expression))
    )
    return by_number, by_customer, by_product


def _words(query: str) -> list[str]:
    return query.split()[:8]


def order_text_ids(query: str) -> CompoundSelect[Any]:
    """The ids of the orders matching every word of ``query``, each once.

    Each word is a union of three indexed lookups; an OR of them would make SQLite scan every
    order.
    """
    per_word = [union(*(q for q in _word_lookups(word) if q is not None)) for word in _words(query)]
    if len(per_word) == 1:
        return per_word[0]
    # SQLite takes no parentheses around the parts of a compound select: nest them instead.
    return intersect(*(select(ids.subquery().c.id) for ids in per_word))


def order_text_clause(query: str, *, dense: bool = False) -> ColumnElement[bool]:
    """Orders matching every word of ``query`` in their number, customer or products.

    ``dense``: the words match so many orders that testing the orders one by one along the
    sort's index finds a page of them sooner than gathering every match first.
    """
    if not dense:
        return Order.id.in_(order_text_ids(query))
    clauses: list[ColumnElement[bool]] = []
    for word in _words(query):
        number = word.upper()
        by_number = and_(Order.order_no >= number, Order.order_no < number + "\uffff")
        expression = phrase(word)
        if expression is None:
            clauses.append(by_number)
            continue
        # "+ 0" keeps SQLite on the order's few items (the order_id index) instead of
        # probing every matching product for this one order.
        has_product = exists().where(
            OrderItem.order_id == Order.id,
            (OrderItem.product_id + 0).in_(_matching(PRODUCT_SEARCH, expression)),
        )
        clauses.append(
            or_(
                by_number,
                Order.customer_id.in_(_matching(CUSTOMER_SEARCH, expression)),
                has_product,
            )
        )
    return and_(*clauses)


def order_text_matches_at_most(session: Session, query: str) -> int:
    """An upper bound of the orders matching ``query``, from the indexes alone (milliseconds)."""
    bounds: list[int] = []
    for word in _words(query):
        found = 0
        for lookup in _word_lookups(word):
            if lookup is not None:
                found += int(
                    session.scalar(select(func.count()).select_from(lookup.subquery())) or 0
                )
        bounds.append(found)
    return min(bounds, default=0)


def index_rows(conn: Connection, entity: str, rows: Sequence[Mapping[str, Any]]) -> None:
    """Keep the search indexes in step with pulled customers and products."""
    if entity == "customer":
        index, make = CUSTOMER_SEARCH, customer_document
    elif entity == "product":
        index, make = PRODUCT_SEARCH, product_document
    else:
        return
    if rows:
        unindex(conn, entity, [r["id"] for r in rows])
        conn.exec_driver_sql(
            f"INSERT INTO {index}(rowid, terms) VALUES (?, ?)",
            [(r["id"], make(r)) for r in rows],
        )


def unindex(conn: Connection, entity: str, ids: Iterable[int | str]) -> None:
    index = {"customer": CUSTOMER_SEARCH, "product": PRODUCT_SEARCH}.get(entity)
    if index is None:
        return
    wanted = [int(i) for i in ids]
    for start in range(0, len(wanted), IN_CHUNK):
        chunk = wanted[start : start + IN_CHUNK]
        marks = ",".join("?" * len(chunk))
        # Most pulled rows are new: look up which are indexed, delete only those.
        present = conn.exec_driver_sql(
            f"SELECT rowid FROM {index} WHERE rowid IN ({marks})", tuple(chunk)
        ).all()
        if present:
            conn.exec_driver_sql(
                f"DELETE FROM {index} WHERE rowid = ?", [tuple(r) for r in present]
            )


def clear_indexes(conn: Connection) -> None:
    for index in SEARCH_TABLES:
        conn.exec_driver_sql(f"DELETE FROM {index}")
