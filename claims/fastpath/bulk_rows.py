"""Writing many rows that the services have already checked: ids first, then one statement per table.

Bulk writes (imports) validate every row with the one-row services' own checks,
then come here to write them. Ids can be drawn before the rows are written, so
a writer may insert rows in the order that suits it: foreign keys are checked
at commit (Django declares them DEFERRABLE INITIALLY DEFERRED on both
databases). On PostgreSQL the rows go by COPY, which takes each value as it is,
without building and parsing a statement of thousands of parameters.
"""

import time
from collections.abc import Mapping, Sequence
from datetime import datetime
from functools import cache

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, connections, models

from claims.fastpath.history_rows import history_copy


def allocate_ids(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    """Give each row without an id the next one of its table, as an INSERT would."""
    missing = [row for row in rows if row.pk is None]
    if not missing:
        return
    table, pk = model._meta.db_table, model._meta.pk.column
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            cursor.execute(
                "SELECT nextval(pg_get_serial_sequence(%s, %s)) FROM generate_series(1, %s)", [table, pk, len(missing)]
            )
            ids = [value for (value,) in cursor.fetchall()]
        else:
            # SQLite: the transaction holds the database's write lock (transaction_mode IMMEDIATE),
            # so nobody else takes ids meanwhile; AUTOINCREMENT never reuses one it gave out.
            quote = connection.ops.quote_name
            cursor.execute(
                f"SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = %s), 0), "
                f"coalesce((SELECT max({quote(pk)}) FROM {quote(table)}), 0))",
                [table],
            )
            (last,) = cursor.fetchone()
            ids = range(last + 1, last + 1 + len(missing))
    for row, pk_value in zip(missing, ids, strict=True):
        row.pk = pk_value


# Field types whose value, as the services set it (str, int, bool, date, an id), is what the
# driver writes: their preparation only converts to those same types. Matched exactly, so a
# subclass with a preparation of its own goes through it, as every other field does.
_AS_IS = frozenset(
    {
        models.CharField,
        models.SlugField,
        models.URLField,
        models.TextField,
        models.IntegerField,
        models.PositiveIntegerField,
        models.PositiveSmallIntegerField,
        models.BigIntegerField,
        models.BigAutoField,
        models.BooleanField,
        models.DateField,
        models.ForeignKey,
    }
)


def _plain(field: models.Field) -> bool:
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return False
    return type(field) in _AS_IS


@cache
def _copy_plan(model: type[models.Model]) -> tuple[str, tuple[tuple[str, models.Field | None], ...]]:
    """The COPY statement of a model's table, and how each of its columns is read from a row."""
    quote = connection.ops.quote_name
    fields = model._meta.concrete_fields
    columns = ", ".join(quote(field.column) for field in fields)
    readers = tuple((field.attname, None if _plain(field) else field) for field in fields)
    return f"COPY {quote(model._meta.db_table)} ({columns}) FROM STDIN", readers


def _copy(model: type[models.Model], rows: Sequence[models.Model]) -> None:
    sql, readers = _copy_plan(model)
    wrapper = connections[connection.alias]  # the connection itself: the proxy costs a lookup per value
    wrapper.ensure_connection()
    started = time.monotonic()
    # The driver's own errors become Django's (IntegrityError …), as on any other write.
    with wrapper.wrap_database_errors, wrapper.connection.cursor() as cursor, cursor.copy(sql) as copy:
        for row in rows:
            values = row.__dict__
            copy.write_row(
                [
                    values[attname] if field is None else field.get_db_prep_save(field.pre_save(row, True), wrapper)
                    for attname, field in readers
                ]
            )
    if wrapper.queries_logged:  # as Django's own cursor logs a statement, so query counts see it
        wrapper.queries_log.append({"sql": f"{sql} ({len(rows)} rows)", "time": f"{time.monotonic() - started:.3f}"})


def bulk_insert(
    model: type[models.Model],
    rows: list,
    *,
    by: AbstractBaseUser | None,
    recorded_as: Mapping[str, object] | None = None,
    recorded_at: datetime | None = None,
    history: bool = True,
    reason: str | None = None,
) -> list:
    """Insert rows already checked by `validate(..., in_database=False)`, with their "created" history
    rows (`history=False` for a model that keeps none), each giving `reason`. `recorded_as` and
    `recorded_at` give values and a time the history records instead of the stored ones and now: a
    claim written last, in its final review state, was created first, a draft.

    An IntegrityError (a unique value taken, a check constraint broken) propagates:
    the caller's savepoint then leaves nothing behind.
    """
    if not rows:
        return rows
    if connection.vendor == "postgresql":
        for row in rows:
            row._prepare_related_fields_for_save(operation_name="bulk_create")
        allocate_ids(model, rows)
        _copy(model, rows)
        for row in rows:
            row._state.adding, row._state.db = False, connection.alias
    else:
        model.objects.bulk_create(rows)
    if history:
        ids = [row.pk for row in rows]
        overrides = {name: [value] * len(ids) for name, value in (recorded_as or {}).items()}
        reasons = [reason] * len(ids) if reason is not None else None
        history_copy(model, ids, by=by, reasons=reasons, overrides=overrides, at=recorded_at)
    return rows


def update_columns(instances: list[models.Model], fields: list[str]) -> None:
    """Write these fields of these rows in as few statements as the database allows.

    Django's bulk_update builds a CASE expression per field and row, which at a
    few thousand rows costs far more in Python than the update itself. PostgreSQL
    takes one UPDATE … FROM (VALUES …) per chunk; SQLite, in process, runs one
    prepared UPDATE per row.
    """
    if not instances:
        return
    meta = instances[0]._meta
    columns = [meta.get_field(name) for name in fields]
    quote = connection.ops.quote_name
    rows = [
        [instance.pk] + [column.get_db_prep_save(getattr(instance, column.attname), connection) for column in columns]
        for instance in instances
    ]
    with connection.cursor() as cursor:
        if connection.vendor != "postgresql":
            assignments = ", ".join(f"{quote(column.column)} = %s" for column in columns)
            sql = f"UPDATE {quote(meta.db_table)} SET {assignments} WHERE {quote(meta.pk.column)} = %s"
            cursor.executemany(sql, [row[1:] + row[:1] for row in rows])
            return
        # VALUES has no column types of its own: each placeholder says its column's.
        casts = [meta.pk.db_type(connection)] + [column.db_type(connection) for column in columns]
        row_sql = "(" + ", ".join(f"%s::{cast}" for cast in casts) + ")"
        names = ", ".join(quote(column.column) for column in columns)
        assignments = ", ".join(f"{quote(column.column)} = v.{quote(column.column)}" for column in columns)
        table, pk = quote(meta.db_table), quote(meta.pk.column)
        size = max(1, 30000 // len(casts))
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(
                f"UPDATE {table} SET {assignments} FROM (VALUES {', '.join([row_sql] * len(chunk))}) "
                f"AS v({pk}, {names}) WHERE {table}.{pk} = v.{pk}",
                [value for row in chunk for value in row],
            )
