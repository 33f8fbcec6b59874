"""Model fields and validators of our own."""

import orjson
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator
from django.db import models
from django.utils.deconstruct import deconstructible


class FastJSONField(models.JSONField):
    """A JSONField read with orjson: a page of claims decodes a hundred of these per request,
    and the standard library's decoder was a tenth of the request's time."""

    def from_db_value(self, value: object, expression: object, connection: object) -> object:
        if isinstance(value, str) and self.decoder is None:
            try:
                return orjson.loads(value)
            except orjson.JSONDecodeError:
                return value  # what JSONField does with text that is not JSON
        return super().from_db_value(value, expression, connection)


def at_most(characters: int) -> list[MaxLengthValidator]:
    """The length limit of a TextField, checked by model validation as a CharField's max_length is.

    Django leaves a TextField's `max_length` to its form field and never checks it on the model,
    so the limit is a validator instead: every write path (the services, the bulk import) runs
    it, with Django's own wording — the same words its forms and a CharField use. It changes
    nothing in the database, where the column stays `text`.
    """
    return [MaxLengthValidator(characters)]


@deconstructible
class AliasList:
    """Other names of an outlet or actor: at most `count` of them, each at most `length` characters."""

    def __init__(self, *, count: int, length: int) -> None:
        self.count, self.length = count, length

    def __call__(self, aliases: object) -> None:
        if not isinstance(aliases, list):
            return  # the services refuse anything but a list of names, with their own message
        if len(aliases) > self.count:
            raise ValidationError(
                f"Ensure there are at most {self.count} aliases (there are {len(aliases)}).", code="max_aliases"
            )
        for alias in aliases:
            if isinstance(alias, str) and len(alias) > self.length:
                raise ValidationError(
                    f'Ensure each alias has at most {self.length} characters ("{alias[:20]}…" has {len(alias)}).',
                    code="max_alias_length",
                )

    def __eq__(self, other: object) -> bool:
        return isinstance(other, AliasList) and (self.count, self.length) == (other.count, other.length)


# Other spellings of one name: the seed corpus has seven at most; thirty leaves room for every
# script and transliteration an outlet uses, and an alias is a name, so as long as one.
ALIASES = AliasList(count=30, length=200)
# Every URL field: long enough for real article addresses with their query strings.
URL_LENGTH = 2000


def max_length_of(field: models.Field) -> int | None:
    """A text field's limit, wherever the model keeps it: max_length, or an `at_most` validator."""
    if field.max_length is not None:
        return field.max_length
    limits = [v.limit_value for v in field.validators if isinstance(v, MaxLengthValidator)]
    return min(limits) if limits else None
