"""Filter values that name a row: an id (or a slug) of something the reader can see.

A value that names nothing is a 400 naming the filter, not an empty list:
`actor=hezbolah` (a typo) must not look like "no claim names Hezbollah", and an id
that names nothing is refused the same way (as NetBox does). Each such filter
costs one lookup of the id, by primary key or by the slug's unique index — the
lookup slugs already had, which also lets the list query compare a constant id
(docs/performance.md, fix 6). Claims are named only among those the reader may
see, so a refusal says nothing a 404 would not.
"""

import django_filters
from django import forms
from django.contrib.auth.models import AnonymousUser
from django.db.models import Model, QuerySet

MAX_ID = 2**63 - 1  # BigAutoField
ID_DIGITS = len(str(MAX_ID))


def as_id(text: str) -> int | None:
    """The id `text` spells, or None: `12` is one, `1.5`, `١٢`, `0` and 2**63 are not."""
    # isdecimal, not isdigit: "²" is a digit that int() refuses; "١٢" is decimal but not what an id looks like.
    if text.isascii() and text.isdecimal() and len(text) <= ID_DIGITS and 1 <= int(text) <= MAX_ID:
        return int(text)
    return None


class RowField(forms.CharField):
    """Cleans to the id of the row the value names (an id, or with `slugs` a slug too)."""

    def __init__(self, *, rows: QuerySet, noun: str, slugs: bool, visible: bool = False, **kwargs: object) -> None:
        self.rows, self.noun, self.slugs, self.visible = rows, noun, slugs, visible
        super().__init__(**kwargs)

    def clean(self, value: object) -> int | None:
        text = super().clean(value)
        if not text:
            return None
        number = as_id(text)
        # The value goes in as a parameter, never into the message itself: it may hold a `%`.
        if number is None and not self.slugs:
            raise forms.ValidationError(
                "“%(value)s” is not an id: ids are whole numbers from 1 to %(max)s.",
                code="invalid",
                params={"value": text, "max": MAX_ID},
            )
        rows = self.rows.filter(pk=number) if number is not None else self.rows.filter(slug=text)
        found = rows.values_list("pk", flat=True).first()
        if found is None:
            raise self.nothing_named(text, number)
        return found

    def nothing_named(self, text: str, number: int | None) -> forms.ValidationError:
        hidden = " (or none you may see)" if self.visible else ""
        what = "the id %(value)s" if number is not None else "the slug “%(value)s”"
        return forms.ValidationError(
            f"No %(noun)s has {what}{hidden}.", code="unknown", params={"noun": self.noun, "value": text}
        )


class NamesARow:
    """A filter whose value names a row of `model`; with `visible`, one the reader may see.

    The form field is built for each filterset, not once for the class: which rows a reader
    may name depends on who the reader is.
    """

    def __init__(self, *args: object, model: type[Model], slugs: bool, visible: bool = False, **kwargs: object) -> None:
        # Not `model`: a FilterSet sets that to its own model on each of its filters.
        self.row_model, self.slugs, self.visible = model, slugs, visible
        super().__init__(*args, **kwargs)

    def rows(self) -> QuerySet:
        if not self.visible:
            return self.row_model._default_manager.all()
        request = getattr(getattr(self, "parent", None), "request", None)
        return self.row_model._default_manager.visible_to(getattr(request, "user", None) or AnonymousUser())

    @property
    def field(self) -> forms.Field:
        noun = str(self.row_model._meta.verbose_name)
        return RowField(
            label=self.label, rows=self.rows(), noun=noun, slugs=self.slugs, visible=self.visible, **self.extra
        )


class IdOrSlugFilter(NamesARow, django_filters.CharFilter):
    """`actor=12` or `actor=hezbollah`: the condition is on the id either way."""

    def __init__(self, *args: object, model: type[Model], **kwargs: object) -> None:
        kwargs.setdefault("help_text", f"The {model._meta.verbose_name}'s id or slug.")
        super().__init__(*args, model=model, slugs=True, **kwargs)


class IdFilter(NamesARow, django_filters.NumberFilter):
    """`claim=12`: a whole-number id of a row that exists (and, with `visible`, that the reader may see)."""

    def __init__(self, *args: object, model: type[Model], **kwargs: object) -> None:
        super().__init__(*args, model=model, slugs=False, **kwargs)
