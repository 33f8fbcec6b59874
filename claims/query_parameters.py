"""The query parameters a list takes, and the 400 for one it does not take.

A misspelt parameter (`?reveiw_state=draft`) used to be dropped without a word and
the whole list answered, which looks exactly like a filter that matched everything.
Each list takes the parameters of its filterset, of its pagination and the few it
documents besides (`format`); any other is refused, named, with the closest known
name as a hint. The names are derived, never listed by hand, so a filter added to a
filterset is accepted everywhere that filterset is used.
"""

import difflib
from collections.abc import Iterable
from functools import cache

import django_filters
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from claims.errors import InvalidInput


@cache
def filterset_parameters(filterset_class: type[django_filters.FilterSet]) -> frozenset[str]:
    """Every query parameter the filterset reads: a filter's name, or its suffixed names for a range."""
    names = set()
    for name, declared in filterset_class.base_filters.items():
        widget = declared.extra.get("widget") or getattr(declared.field_class, "widget", None)
        suffixes = getattr(widget, "suffixes", None)
        if suffixes:
            names.update(f"{name}_{suffix}" if suffix else name for suffix in suffixes)
        else:
            names.add(name)
    return frozenset(names)


def unknown_parameters_error(given: Iterable[str], allowed: Iterable[str]) -> InvalidInput | None:
    """The error naming every parameter in `given` that is not `allowed`; None if there is none."""
    known = sorted(set(allowed))
    unknown = sorted(set(given) - set(known))
    if not unknown:
        return None
    errors, named = {}, []
    for name in unknown:
        close = difflib.get_close_matches(name, known, n=1, cutoff=0.6)
        hint = _(" Did you mean %(name)s?") % {"name": close[0]} if close else ""
        errors[name] = [_("Unknown query parameter.") + hint]
        named.append(_("%(name)s (did you mean %(close)s?)") % {"name": name, "close": close[0]} if close else name)
    said = ngettext("Unknown query parameter: %(names)s.", "Unknown query parameters: %(names)s.", len(unknown))
    takes = _("This list takes: %(known)s.") % {"known": ", ".join(known)}
    return InvalidInput(f"{said % {'names': ', '.join(named)}} {takes}", errors=errors)
