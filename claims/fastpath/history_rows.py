"""History rows for bulk writes, written straight to django-simple-history's tables.

The rows are what `Model.history.bulk_history_create` makes (every tracked
field, the date, the user, the reason, "+" or "~"), without building a
historical model instance for each, which costs several times more than the
insert: they are copied from the rows just written, inside the database, by one
INSERT … SELECT. The statement joins the ids with what the history must say
that the table does not (each row's reason; a claim's review state before it
reached the stored one): arrays on PostgreSQL, a VALUES list on SQLite.
"""

from collections.abc import Mapping, Sequence
from datetime import datetime

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, models
from django.utils import timezone

PARAMETERS = 900  # SQLite takes at most 999 parameters in older builds


def _tracked(model: type[models.Model]) -> tuple[type[models.Model], list[models.Field]]:
    historical = model.history.model
    return historical, [historical._meta.get_field(field.name) for field in historical.tracked_fields]


def history_copy(
    model: type[models.Model],
    ids: Sequence[int],
    *,
    by: AbstractBaseUser | None,
    history_type: str = "+",
    reasons: Sequence[str] | None = None,
    overrides: Mapping[str, Sequence[object]] | None = None,
    at: datetime | None = None,
) -> None:
    """One history row per id, copied from the stored row, all at one time (`at`, else now) and
    by one user.

    `reasons` gives each row its change reason; `overrides` maps a field name to the value
    each row records instead of the stored one (both in the order of `ids`).
    """
    if not ids:
        return
    historical, tracked = _tracked(model)
    overrides = dict(overrides or {})
    quote = connection.ops.quote_name
    given = {name: historical._meta.get_field(name) for name in overrides}
    given_columns = {field.column for field in given.values()}
    source = [f"v.{quote(f.column)}" if f.column in given_columns else f"t.{quote(f.column)}" for f in tracked]
    columns = [f.column for f in tracked] + ["history_date", "history_change_reason", "history_type", "history_user_id"]
    pk = model._meta.pk
    when = models.DateTimeField().get_db_prep_save(at or timezone.now(), connection)
    values = [
        ("id", pk, list(ids)),
        ("reason", models.TextField(), list(reasons) if reasons is not None else [None] * len(ids)),
        *((field.column, field, list(overrides[name])) for name, field in given.items()),
    ]
    names = ", ".join(quote(name) for name, _, _ in values)
    insert = (
        f"INSERT INTO {quote(historical._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "
        f"SELECT {', '.join(source)}, %s, v.reason, %s, %s "
        f"FROM {quote(model._meta.db_table)} t JOIN v ON t.{quote(pk.column)} = v.id"
    )
    last = [when, history_type, by.pk if by is not None else None]
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            # One array per column: a statement of a few parameters, however many rows.
            arrays = ", ".join(f"%s::{field.db_type(connection)}[]" for _, field, _ in values)
            cursor.execute(
                f"WITH v({names}) AS (SELECT * FROM unnest({arrays})) {insert}",
                [[field.get_db_prep_save(value, connection) for value in column] for _, field, column in values] + last,
            )
            return
        # A CTE names the VALUES columns (SQLite has no column list on VALUES itself).
        placeholder = "(" + ", ".join(f"CAST(%s AS {field.db_type(connection)})" for _, field, _ in values) + ")"
        rows = [[field.get_db_prep_save(column[n], connection) for _, field, column in values] for n in range(len(ids))]
        size = max(1, PARAMETERS // len(values))
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(
                f"WITH v({names}) AS (VALUES {', '.join([placeholder] * len(chunk))}) {insert}",
                [value for row in chunk for value in row] + last,
            )
