"""Secondary indexes, foreign keys and triggers set aside during a big load on PostgreSQL.

Maintaining a dozen indexes (two of them trigram GIN) row by row, and checking
every foreign key row by row at commit, costs more than writing the rows. Built
once at the end, an index is sorted in bulk and a foreign key is validated by
one join. The triggers that keep ClaimOutlet and the track records would, with the indexes gone, join
each batch to the whole appearances table; the loaded rows' pairs are written
by one INSERT … SELECT instead, before the triggers come back. The definitions
are read from the catalogue and replayed verbatim, so whatever the migrations
say is what comes back; all of it happens inside the load's transaction, so a
failure restores them with everything else.

While it runs, the tables are locked against other sessions.
"""

from collections.abc import Sequence
from dataclasses import dataclass

from django.db.backends.base.base import BaseDatabaseWrapper

from claims.fastpath.claim_outlets import claim_outlets_fill
from claims.fastpath.synthetic.tables import Table
from claims.fastpath.track_records import track_records_fill

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
TRIGGERS = """
    SELECT tgrelid::regclass::text, tgname, pg_get_triggerdef(oid)
    FROM pg_trigger
    WHERE NOT tgisinternal AND tgrelid = ANY(%s::regclass[])
    ORDER BY 1, 2
"""
# Index builds sort in memory up to this much; the default 64MB spills a GIN build to disk.
BUILD_MEMORY = "512MB"


@dataclass(frozen=True)
class SetAside:
    indexes: list[tuple[str, str]]
    foreign_keys: list[tuple[str, str, str]]
    triggers: list[tuple[str, str, str]]
    first_appearance: int  # the id the load's appearances start from


def set_aside(connection: BaseDatabaseWrapper, tables: Sequence[Table]) -> SetAside:
    names = [table.name for table in tables]
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        # Foreign keys checked at commit: checked now, since a table with checks still pending
        # cannot be altered (rows written earlier in the same transaction).
        cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
        cursor.execute("SELECT coalesce(max(id), 0) + 1 FROM claims_appearance")
        (first_appearance,) = cursor.fetchone()
        cursor.execute(SECONDARY_INDEXES, [names])
        indexes = cursor.fetchall()
        cursor.execute(FOREIGN_KEYS, [names])
        foreign_keys = cursor.fetchall()
        cursor.execute(TRIGGERS, [names])
        triggers = cursor.fetchall()
        for table, name, _ in triggers:
            cursor.execute(f"DROP TRIGGER {quote(name)} ON {table}")
        for table, name, _ in foreign_keys:
            cursor.execute(f"ALTER TABLE {table} DROP CONSTRAINT {quote(name)}")
        for name, _ in indexes:
            cursor.execute(f"DROP INDEX {name}")
    return SetAside(indexes, foreign_keys, triggers, first_appearance)


def restore(connection: BaseDatabaseWrapper, aside: SetAside) -> None:
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"SET LOCAL maintenance_work_mem = '{BUILD_MEMORY}'")
        for _, definition in aside.indexes:
            cursor.execute(definition)
        for table, name, definition in aside.foreign_keys:
            cursor.execute(f"ALTER TABLE {table} ADD CONSTRAINT {quote(name)} {definition}")
        claim_outlets_fill(appearances_from=aside.first_appearance)
        track_records_fill(appearances_from=aside.first_appearance)
        for _, _, definition in aside.triggers:
            cursor.execute(definition)
        # Back to checking foreign keys at commit, as Django declares all of them (see set_aside);
        # the project declares no other deferrable constraint.
        cursor.execute("SET CONSTRAINTS ALL DEFERRED")
