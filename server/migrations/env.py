from alembic import context
from sqlalchemy import Connection

from server.db.base import Base
from server.migrate import include_name, include_object

connection: Connection | None = context.config.attributes.get("connection")
if connection is None:
    raise RuntimeError("platform migrations run only through server.migrate with a connection")

context.configure(
    connection=connection,
    target_metadata=Base.metadata,
    render_as_batch=True,
    compare_type=True,
    include_name=include_name,
    include_object=include_object,
)
with context.begin_transaction():
    context.run_migrations()
