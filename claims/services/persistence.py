"""The one way services write a row: validate it, name who did it, save it."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import date, datetime
from functools import cache

from django.contrib.auth.models import AbstractBaseUser
from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils import timezone
from django.utils.text import Truncator
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from claims.errors import Forbidden, InvalidInput, NotAllowed
from claims.roles import may

# django-simple-history's reason column (100 characters on every model).
HISTORY_REASON_LENGTH = 100
_history_reason: ContextVar[str] = ContextVar("history_reason", default="")


@contextmanager
def history_reason(reason: str) -> Iterator[None]:
    """Every history row written inside gives this reason, but those whose writer gives its own (a
    review step's): what a history with no user says of who wrote it ("Loaded by manage.py
    import_claims from claims.jsonl"). Cut to the length the column holds."""
    token = _history_reason.set(Truncator(reason.strip()).chars(HISTORY_REASON_LENGTH))
    try:
        yield
    finally:
        _history_reason.reset(token)


def current_history_reason() -> str | None:
    """The reason of `history_reason` the current write runs in, if any (bulk writes ask it)."""
    return _history_reason.get() or None


def require_perm(by: AbstractBaseUser | None, perm: str) -> None:
    """`by=None` is the system itself (seed loading, imports); a user needs the permission."""
    if by is None:
        return
    if not may(by, perm):
        raise Forbidden(_("You do not have permission to do this (%(perm)s).") % {"perm": perm})


# What the messages call each kind of row, in the reader's language (a model's verbose_name
# is its English name, and part of its migrations).
NOUNS = {
    "claim": gettext_lazy("claim"),
    "appearance": gettext_lazy("appearance"),
    "citation": gettext_lazy("citation"),
    "statusevidence": gettext_lazy("status evidence"),
    "affiliation": gettext_lazy("affiliation"),
    "outlet": gettext_lazy("outlet"),
    "actor": gettext_lazy("actor"),
    "event": gettext_lazy("event"),
}


def noun_of(model: type[models.Model] | models.Model) -> str:
    """A row's kind as a message names it: "appearance", "citation"."""
    meta = model._meta
    return str(NOUNS.get(meta.model_name, meta.verbose_name))


def reject_future(day: date | None, field: str) -> None:
    if day is None:
        return
    # A datetime is a date too, but comparing one with a date raises; callers pass calendar days.
    if not isinstance(day, date) or isinstance(day, datetime):
        raise InvalidInput(_("%(field)s must be a calendar date (YYYY-MM-DD).") % {"field": field}, field=field)
    if day > timezone.localdate():
        raise InvalidInput(
            _("%(field)s %(day)s is in the future.") % {"field": field, "day": day.isoformat()}, field=field
        )


def invalid_from(exc: ValidationError) -> InvalidInput:
    errors = exc.message_dict if hasattr(exc, "error_dict") else {"__all__": exc.messages}
    parts = [
        (msg if field == "__all__" else f"{field}: {msg}") for field, messages in errors.items() for msg in messages
    ]
    first = next(iter(errors), None)
    return InvalidInput(" ".join(parts), field=None if first == "__all__" else first, errors=errors)


@cache
def _fields_of(model: type[models.Model]) -> tuple[tuple[models.Field, ...], tuple[str, ...]]:
    """The model's foreign keys, and the attribute names of its text columns (read once per model:
    bulk writes validate thousands of rows)."""
    concrete = model._meta.concrete_fields
    relations = tuple(field for field in concrete if field.is_relation)
    texts = tuple(field.attname for field in concrete if isinstance(field, (models.CharField, models.TextField)))
    return relations, texts


def _attached_relations(instance: models.Model) -> list[str]:
    """Foreign keys set to a loaded object: it exists, so skip full_clean's lookup query for it."""
    relations, _ = _fields_of(type(instance))
    return [
        field.name for field in relations if field.is_cached(instance) and getattr(instance, field.name) is not None
    ]


def validate(instance: models.Model, *, exclude: list[str] | None = None, in_database: bool = True) -> None:
    """Run every model check: choices, lengths, URLs, required values, and with `in_database`
    the uniqueness and constraint checks that each ask the database.

    Bulk writes pass `in_database=False`: the database enforces those same unique
    and check constraints on the INSERT itself, so asking first, row by row, would
    only cost a query each.
    """
    try:
        _refuse_nul(instance)
        instance.full_clean(
            exclude=[*(exclude or []), *_attached_relations(instance)],
            validate_unique=in_database,
            validate_constraints=in_database,
        )
    except ValidationError as exc:
        raise invalid_from(exc) from exc


def _refuse_nul(instance: models.Model) -> None:
    """PostgreSQL cannot store a NUL character in text; SQLite can. Refuse it on both alike."""
    _, texts = _fields_of(type(instance))
    for attname in texts:
        value = getattr(instance, attname)
        if isinstance(value, str) and "\x00" in value:
            raise ValidationError({instance._meta.get_field(attname).name: "Null characters are not allowed."})


def save_validated(
    instance: models.Model, *, by: AbstractBaseUser | None, exclude: list[str] | None = None
) -> models.Model:
    """Run every model check (choices, lengths, URLs, uniqueness, constraints) then save.

    The user is attached for the history row; with `by=None` the history user
    comes from the current request, if any. Inside `history_reason`, the row says why too.
    """
    validate(instance, exclude=exclude)
    if by is not None:
        instance._history_user = by
    reason = current_history_reason()
    if reason is not None:
        instance._change_reason = reason
    try:
        # A savepoint, so a lost race on a unique field leaves the caller's transaction usable.
        with transaction.atomic():
            instance.save()
    except IntegrityError as exc:
        raise InvalidInput(
            _("This %(noun)s conflicts with an existing one (a unique value is taken).") % {"noun": noun_of(instance)}
        ) from exc
    return instance


def changed_fields(instance: models.Model, changes: dict, allowed: set[str]) -> set[str]:
    """Which of the given fields differ; an unknown field name is a caller's mistake, said plainly."""
    unknown = set(changes) - allowed
    if unknown:
        raise InvalidInput(
            _("These fields cannot be changed here: %(fields)s.") % {"fields": ", ".join(sorted(unknown))}
        )
    return {field for field, value in changes.items() if getattr(instance, field) != value}


def apply_changes(instance: models.Model, changes: dict, allowed: set[str]) -> set[str]:
    """Set the given fields that differ and return their names."""
    changed = changed_fields(instance, changes, allowed)
    for field in changed:
        setattr(instance, field, changes[field])
    return changed


def check_value(model: type[models.Model], field: str, value: object, *, named: str) -> None:
    """Run one model field's validators (its length limit) on an input the interfaces call `named`:
    a withdrawal's `reason` is stored as `withdrawn_reason`, a retraction's reason as a comment."""
    try:
        model._meta.get_field(field).run_validators(value)
    except ValidationError as exc:
        raise InvalidInput(f"{named}: {' '.join(exc.messages)}", field=named, errors={named: exc.messages}) from exc


def withdraw(instance: models.Model, *, reason: str, by: AbstractBaseUser | None) -> models.Model:
    """Withdraw instead of delete: the row stays, with who withdrew it, when and why."""
    if instance.withdrawn_at is not None:
        raise NotAllowed(_("This %(noun)s was already withdrawn.") % {"noun": noun_of(instance)})
    if not (reason or "").strip():
        raise InvalidInput(_("A reason is required to withdraw."), field="reason")
    check_value(type(instance), "withdrawn_reason", reason.strip(), named="reason")
    instance.withdrawn_at = timezone.now()
    instance.withdrawn_reason = reason.strip()
    instance.withdrawn_by = by
    return save_validated(instance, by=by)


def refuse_withdrawn(instance: models.Model) -> None:
    if instance.withdrawn_at is not None:
        raise NotAllowed(_("This %(noun)s is withdrawn and cannot be changed.") % {"noun": noun_of(instance)})
