from sqlalchemy import MetaData, Table
from sqlalchemy.orm import DeclarativeBase

# Named constraints, so that Alembic's batch migrations can find them again on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class, typed as a Table for Core statements."""
    table = model.__table__
    assert isinstance(table, Table)
    return table
