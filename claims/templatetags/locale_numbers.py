"""Dates and figures in the reader's digits (claims/locale_digits.py), loaded into every template.

`date` and `time` replace Django's own filters of those names, so that every date the pages
write follows the locale; a machine format (ISO 8601 `c`, RFC 5322 `r`, epoch `U`) keeps its
Latin digits, as attributes and URLs that carry one need. `digits` does the same for a figure.
"""

from django import template
from django.template import defaultfilters

from claims.choices import ConfidenceLabel
from claims.locale_digits import locale_digits

register = template.Library()

MACHINE_FORMATS = frozenset({"c", "r", "U"})


@register.filter(expects_localtime=True, is_safe=False)
def date(value: object, arg: str | None = None) -> str:
    written = defaultfilters.date(value, arg)
    return written if arg in MACHINE_FORMATS else locale_digits(written)


@register.filter(expects_localtime=True, is_safe=False)
def time(value: object, arg: str | None = None) -> str:
    return locale_digits(defaultfilters.time(value, arg))


@register.filter(is_safe=True)
def isolate(value: object) -> str:
    """User text inside an attribute or an SVG <text>, where no markup can isolate it: between
    FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE, it keeps its own direction and leaves
    its neighbours' alone."""
    return f"\u2068{value}\u2069" if value not in (None, "") else ""


@register.filter
def confidence_words(value: object) -> str:
    """A confidence band ("likely", as scoring names it) in the reader's words."""
    try:
        return str(ConfidenceLabel(str(value)).label).lower()
    except ValueError:
        return str(value)


@register.filter(is_safe=True)
def digits(value: object) -> str:
    """A count or a score in the reader's digits ("" stays "")."""
    return locale_digits("" if value is None else str(value))
