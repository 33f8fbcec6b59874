"""Writing generated rows: COPY on PostgreSQL, batched INSERTs on SQLite.

The rows bypass the services and the ORM on purpose: a million claims through
save() would take hours. They are valid by construction (see chains.py) and
their derived columns are already computed (see scores.py).
"""

from collections.abc import Sequence
from datetime import date, datetime

from django.core.management.color import no_style
from django.db.backends.base.base import BaseDatabaseWrapper
from django.db.models import Model

from claims.fastpath.synthetic.tables import Table

INSERT_BATCH = 2_000


class CopyWriter:
    """PostgreSQL: one COPY ... FROM STDIN per table and batch, fed row by row by psycopg."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        connection.ensure_connection()
        self.connection = connection

    def write(self, table: Table, rows: Sequence[tuple]) -> None:
        if not rows:
            return
        quote = self.connection.ops.quote_name
        columns = ", ".join(quote(column) for column in table.all_columns)
        constants = table.constants
        sql = f"COPY {quote(table.name)} ({columns}) FROM STDIN"
        with self.connection.connection.cursor() as cursor, cursor.copy(sql) as copy:
            for row in rows:
                copy.write_row(row + constants)


class InsertWriter:
    """Any other database (SQLite for small corpora): executemany in batches."""

    def __init__(self, connection: BaseDatabaseWrapper) -> None:
        self.connection = connection

    def adapt(self, value: object) -> object:
        # The ORM would do this on save(); raw executemany needs the backend's own formats.
        if isinstance(value, datetime):
            return self.connection.ops.adapt_datetimefield_value(value)
        if isinstance(value, date):
            return self.connection.ops.adapt_datefield_value(value)
        return value

    def write(self, table: Table, rows: Sequence[tuple]) -> None:
        quote = self.connection.ops.quote_name
        columns = table.all_columns
        sql = (
            f"INSERT INTO {quote(table.name)} ({', '.join(quote(c) for c in columns)}) "
            f"VALUES ({', '.join(['%s'] * len(columns))})"
        )
        with self.connection.cursor() as cursor:
            for start in range(0, len(rows), INSERT_BATCH):
                batch = rows[start : start + INSERT_BATCH]
                cursor.executemany(sql, [tuple(self.adapt(v) for v in row + table.constants) for row in batch])


def writer_for(connection: BaseDatabaseWrapper) -> CopyWriter | InsertWriter:
    return CopyWriter(connection) if connection.vendor == "postgresql" else InsertWriter(connection)


def reset_sequences(connection: BaseDatabaseWrapper, tables: Sequence[Table]) -> None:
    """Ids were given explicitly; move each table's sequence past them so the next save() fits."""
    statements = connection.ops.sequence_reset_sql(no_style(), [table.model for table in tables])
    with connection.cursor() as cursor:
        for sql in statements:
            cursor.execute(sql)


def analyze(connection: BaseDatabaseWrapper, models: Sequence[type[Model]]) -> None:
    """Fresh planner statistics, so the first queries after a big load do not plan for empty tables."""
    quote = connection.ops.quote_name
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {', '.join(quote(model._meta.db_table) for model in models)}")
