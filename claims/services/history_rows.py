"""History rows for bulk writes, written straight to django-simple-history's tables.

The rows are what `Model.history.bulk_history_create` makes (every tracked
field, the date, the user, the reason, "+" or "~"), without building a
historical model instance for each, which costs several times more than the
insert: rows just inserted are copied inside the database by one
INSERT … SELECT; rows whose history differs from the table (a claim's
intermediate review states) go in multi-row INSERT … VALUES statements.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import connection, models
from django.utils import timezone

ID_CHUNK = 900  # SQLite takes at most 999 parameters in older builds


def _history_columns(model: type[models.Model]) -> tuple[type[models.Model], list[models.Field], list[str]]:
    historical = model.history.model
    tracked = [historical._meta.get_field(field.name) for field in historical.tracked_fields]
    extra = ["history_date", "history_change_reason", "history_type", "history_user_id"]
    return historical, tracked, [field.column for field in tracked] + extra


def _insert_into(historical: type[models.Model], columns: list[str]) -> str:
    quote = connection.ops.quote_name
    return f"INSERT INTO {quote(historical._meta.db_table)} ({', '.join(quote(c) for c in columns)}) "


def _when() -> object:
    return models.DateTimeField().get_db_prep_save(timezone.now(), connection)


def history_copy(model: type[models.Model], ids: list[int], *, by: AbstractBaseUser | None) -> None:
    """ "Created" history rows for rows just inserted, copied from the table itself."""
    historical, tracked, columns = _history_columns(model)
    quote = connection.ops.quote_name
    source = ", ".join(quote(field.column) for field in tracked)
    head = _insert_into(historical, columns)
    when, user = _when(), (by.pk if by is not None else None)
    with connection.cursor() as cursor:
        for start in range(0, len(ids), ID_CHUNK):
            chunk = ids[start : start + ID_CHUNK]
            cursor.execute(
                f"{head}SELECT {source}, %s, NULL, '+', %s FROM {quote(model._meta.db_table)} "
                f"WHERE {quote(model._meta.pk.column)} IN ({', '.join(['%s'] * len(chunk))})",
                [when, user, *chunk],
            )


def history_insert(
    model: type[models.Model], instances: list[models.Model], *, by: AbstractBaseUser | None, reasons: list[str]
) -> None:
    """ "Changed" history rows holding the instances' values as they are in memory, each with its reason."""
    if not instances:
        return
    historical, tracked, columns = _history_columns(model)
    when, user = _when(), (by.pk if by is not None else None)
    rows = [
        [field.get_db_prep_save(getattr(instance, field.attname), connection) for field in tracked]
        + [when, reason, "~", user]
        for instance, reason in zip(instances, reasons, strict=True)
    ]
    row_sql = f"({', '.join(['%s'] * len(columns))})"
    size = max(1, connection.features.max_query_params // len(columns)) if connection.features.max_query_params else 500
    with connection.cursor() as cursor:
        for start in range(0, len(rows), size):
            chunk = rows[start : start + size]
            cursor.execute(
                _insert_into(historical, columns) + "VALUES " + ", ".join([row_sql] * len(chunk)),
                [value for row in chunk for value in row],
            )
