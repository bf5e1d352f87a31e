from sqlalchemy import BigInteger, MetaData, Table
from sqlalchemy.orm import DeclarativeBase

# Named constraints, so that a later migration can find them again on SQLite.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_N_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    # Ids, times and money all outgrow 32 bits somewhere on a platform; one width keeps them equal.
    type_annotation_map = {int: BigInteger}  # noqa: RUF012


def table_of(model: type[Base]) -> Table:
    """The Core table of a mapped class, for bulk statements."""
    return Base.metadata.tables[model.__tablename__]
