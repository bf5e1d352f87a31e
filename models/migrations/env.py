from alembic import context
from sqlalchemy import Connection

from models.db import Base
from models.migrate import include_name

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("migrations run only through models.migrate with an open connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
)
with context.begin_transaction():
    context.run_migrations()
