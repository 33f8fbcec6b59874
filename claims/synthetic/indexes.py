"""Secondary indexes and foreign keys set aside during a big load on PostgreSQL.

Maintaining a dozen indexes (two of them trigram GIN) row by row, and checking
every foreign key row by row at commit, costs more than writing the rows. Built
once at the end, an index is sorted in bulk and a foreign key is validated by
one join. The definitions are read from the catalogue and replayed verbatim, so
whatever the migrations say is what comes back; all of it happens inside the
load's transaction, so a failure restores them with everything else.

While it runs, the tables are locked against other sessions.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.backends.base.base import BaseDatabaseWrapper

from claims.synthetic.tables import Table

# Indexes not backing a primary key, unique or exclusion constraint.
SECONDARY_INDEXES = """
    SELECT i.indexrelid::regclass::text, pg_get_indexdef(i.indexrelid)
    FROM pg_index i
    WHERE i.indrelid = ANY(%s::regclass[])
      AND NOT EXISTS (
        SELECT 1 FROM pg_constraint c
        WHERE c.conrelid = i.indrelid AND c.conindid = i.indexrelid AND c.contype IN ('p', 'u', 'x')
      )
    ORDER BY 1
"""
FOREIGN_KEYS = """
    SELECT conrelid::regclass::text, conname, pg_get_constraintdef(oid)
    FROM pg_constraint
    WHERE contype = 'f' AND conrelid = ANY(%s::regclass[])
    ORDER BY 1, 2
"""
# Index builds sort in memory up to this much; the default 64MB spills a GIN build to disk.
BUILD_MEMORY = "512MB"


@dataclass(frozen=True)
class SetAside:
    indexes: list[tuple[str, str]]
    foreign_keys: list[tuple[str, str, str]]


def set_aside(connection: BaseDatabaseWrapper, tables: Sequence[Table]) -> SetAside:
    names = [table.name for table in tables]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(SECONDARY_INDEXES, [names])
        indexes = cursor.fetchall()
        cursor.execute(FOREIGN_KEYS, [names])
        foreign_keys = cursor.fetchall()
        for table, name, _ in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    return SetAside(indexes, foreign_keys)


def restore(connection: BaseDatabaseWrapper, aside: SetAside) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
        for _, definition in aside.indexes:
            cursor.execute(definition)
        for table, name, definition in aside.foreign_keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
