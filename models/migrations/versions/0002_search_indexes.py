"""search indexes for customers and products

Revision ID: 0002
Revises: 0001
Create Date: 2026-11-24 16:40:00
"""

import re
from collections.abc import Sequence

from alembic import op

revision: str = "0002"
down_revision: str | None = "0001"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None

SEARCH_TABLES = ("customer_search", "product_search")


_CJK = re.compile(r"([\u3400-\u9fff\uf900-\ufaff])")


def _spaced(value: str) -> str:
    return _CJK.sub(r" \1 ", value)


def upgrade() -> None:
    for name in SEARCH_TABLES:
        op.execute(f"CREATE VIRTUAL TABLE {name} USING fts5(terms)")
    # Rows already here are indexed once; later pulls keep the indexes in step.
    conn = op.get_bind()
    customers = conn.exec_driver_sql("SELECT id, name, phone_masked, city FROM customer").all()
    conn.exec_driver_sql(
        "INSERT INTO customer_search(rowid, terms) VALUES (?, ?)",
        [(i, f"{_spaced(n)} {p.replace('*', ' ')} {_spaced(c)}") for i, n, p, c in customers],
    ) if customers else None
    products = conn.exec_driver_sql("SELECT id, title, category FROM product").all()
    conn.exec_driver_sql(
        "INSERT INTO product_search(rowid, terms) VALUES (?, ?)",
        [(i, f"{_spaced(t)} {_spaced(c)}") for i, t, c in products],
    ) if products else None


def downgrade() -> None:
    for name in SEARCH_TABLES:
        op.execute(f"DROP TABLE {name}")
