from alembic import context
from sqlalchemy import Connection

from models.db import Base

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run only through models.migrate with an open connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
)
with context.begin_transaction():
    context.run_migrations()
