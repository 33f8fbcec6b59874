"""Which outlets we hold under a name or a domain: the one rule against a second outlet for one site.

Two questions, with two strengths of likeness:

- **the same name** (`outlet_of_name`): the name, folded (case, punctuation and script aside:
  `claims.transliteration.fold`), is the folded name or an alias of an outlet we hold. Creating
  or renaming an outlet so is refused (claims/services/outlets.py), whichever interface asks.
- **alike** (`outlets_alike`): a name whose transliteration key (`skeleton`: Al-Akhbar, al-Akhabar
  and Akhbar share one) is an outlet's name's or alias's key, or a domain of the same registered
  domain. What a capture proposes is offered as the outlet we hold, for a person to confirm.

Both look candidates up by the folded names each outlet keeps (`search_names`, indexed for
search) and then compare name by name, so a match never spans two of an outlet's names.
"""

from dataclasses import dataclass

from django.db.models import Q

from claims.capture.addresses import registered_domain
from claims.models import Outlet
from claims.transliteration import fold, skeleton

MAX_ALIKE = 5


def _names(outlet: Outlet) -> list[str]:
    return [outlet.name, *outlet.aliases]


def outlet_of_name(name: str, *, besides: int | None = None) -> Outlet | None:
    """The outlet (other than `besides`) whose name or an alias is this name, folded."""
    key = fold(name)
    if not key:
        return None
    candidates = Outlet.objects.filter(search_names__contains=f" {key} ").exclude(pk=besides).order_by("id")
    return next((o for o in candidates if any(fold(n) == key for n in _names(o))), None)


@dataclass(frozen=True)
class AlikeOutlet:
    """An outlet we hold that looks like the one proposed, and why."""

    outlet: Outlet
    by_name: bool
    by_domain: bool


def outlets_alike(*, name: str, domain: str) -> list[AlikeOutlet]:
    """Outlets whose name sounds the same (transliteration-aware) or whose domain is of the same
    site, best first: both, then by domain, then by name (one query)."""
    key = skeleton(name)
    site = registered_domain(domain) if domain else ""
    where = Q()
    if key:
        where |= Q(search_names__contains=f" {key} ")
    if site:
        where |= Q(domain=site) | Q(domain__endswith=f".{site}")
    if not where:
        return []
    found = []
    for outlet in Outlet.objects.filter(where).order_by("id")[:200]:
        by_name = bool(key) and any(skeleton(n) == key for n in _names(outlet))
        by_domain = bool(site) and bool(outlet.domain) and registered_domain(outlet.domain) == site
        if by_name or by_domain:
            found.append(AlikeOutlet(outlet, by_name, by_domain))
    found.sort(key=lambda alike: (not (alike.by_name and alike.by_domain), not alike.by_domain))
    return found[:MAX_ALIKE]
