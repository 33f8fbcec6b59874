"""Writes to outlets. A grade or a name change rescores every claim the outlet reports, in the
background: the outlet's `rescoring` is then the job that does it (claims/services/score_refresh.py).

One outlet per site and per name: the domain is stored normalised (`outlet_domain`, the function
capture reads URLs with), derived from the URL when none is given, and a name that is already an
outlet's name or alias (folded: case, punctuation and script aside) is refused, naming that
outlet (claims/selectors/outlet_names.py). The API, the web UI, the admin, imports and seeds all
write through here, so the rules hold whichever of them is used.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from claims.capture.addresses import outlet_domain
from claims.choices import OutletKind, Reliability
from claims.errors import InvalidInput
from claims.models import Outlet
from claims.roles import may
from claims.scoring.derived import names_search_text
from claims.selectors.outlet_names import outlet_of_name
from claims.services.persistence import apply_changes, require_perm, save_validated
from claims.services.score_refresh import claims_refresh_scores
from claims.services.slugs import slug_for
from claims.transliteration import fold

EDITABLE = {
    "name",
    "slug",
    "aliases",
    "kind",
    "country",
    "language",
    "url",
    "domain",
    "reliability",
    "reliability_note",
}
GRADING = {"reliability", "reliability_note"}
SCORED = {"reliability", "name", "aliases"}
ADD = "claims.add_outlet"
CHANGE = "claims.change_outlet"
GRADE = "claims.set_outlet_reliability"


def field_permission(field: str, *, creating: bool = False) -> str:
    """Grading is the reviewer's job and editing the editor's: each field needs only its own permission."""
    if field in GRADING:
        return GRADE
    return ADD if creating else CHANGE


def outlet_editable_fields(user: AbstractBaseUser | None, *, creating: bool = False) -> set[str]:
    """The fields of an outlet this user may set (of a new one, with `creating`): what the
    web UI and the admin offer, by the permissions `outlet_create` and `outlet_update` check."""
    if user is None:
        return set(EDITABLE)  # the system itself
    if creating and not may(user, ADD):
        return set()
    return {field for field in EDITABLE if may(user, field_permission(field, creating=creating))}


def clean_aliases(aliases: object) -> list[str]:
    if aliases is None:
        return []
    if isinstance(aliases, str) or not isinstance(aliases, (list, tuple)):
        raise InvalidInput(_("aliases must be a list of names."), field="aliases")
    cleaned = []
    for alias in aliases:
        if not isinstance(alias, str):
            raise InvalidInput(_("aliases must be a list of names."), field="aliases")
        alias = alias.strip()
        if alias and alias not in cleaned:
            cleaned.append(alias)
    return cleaned


def clean_domain(domain: object, *, url: object = "") -> str:
    """The domain as it is stored: normalised, or derived from the URL when blank."""
    if not isinstance(domain, str) or not isinstance(url, str):
        raise InvalidInput(_("domain must be a host name, e.g. al-akhbar.com."), field="domain")
    try:
        return outlet_domain(domain, url=url)
    except ValueError:
        raise InvalidInput(
            _(
                "domain: %(domain)r is not a host name; write it as al-akhbar.com (or leave it "
                "empty: it is then read from the outlet's URL)."
            )
            % {"domain": domain.strip()[:100]},
            field="domain",
        ) from None


def refuse_taken_name(name: str, *, besides: int | None = None) -> None:
    """A second outlet under a name we hold is refused, naming the one that has it."""
    held = outlet_of_name(name, besides=besides)
    if held is None:
        return
    where = f"(id {held.pk}, slug {held.slug}{', ' + held.domain if held.domain else ''})"
    said = (
        _("An outlet named “%(held)s” is recorded already %(where)s.") % {"held": held.name, "where": where}
        if fold(held.name) == fold(name)
        else _("“%(name)s” is another name of %(held)s, recorded already %(where)s.")
        % {"name": name.strip(), "held": held.name, "where": where}
    )
    advice = _("Use that outlet, or give this one a name that tells the two apart.")
    raise InvalidInput(f"{said} {advice}", field="name")


@transaction.atomic
def outlet_create(
    *,
    name: str,
    slug: str | None = None,
    aliases: list[str] | None = None,
    kind: str = OutletKind.OTHER,
    country: str = "",
    language: str = "",
    url: str = "",
    domain: str = "",
    reliability: str = Reliability.F,
    reliability_note: str = "",
    by: AbstractBaseUser | None = None,
) -> Outlet:
    require_perm(by, ADD)
    if reliability != Reliability.F or reliability_note:
        require_perm(by, GRADE)
    if isinstance(name, str):
        refuse_taken_name(name)
    outlet = Outlet(
        name=(name or "").strip(),
        slug=slug_for(Outlet, name, slug),
        aliases=clean_aliases(aliases),
        kind=kind,
        country=country,
        language=language,
        url=url,
        domain=clean_domain(domain, url=url),
        reliability=reliability,
        reliability_note=reliability_note,
    )
    outlet.search_names = names_search_text(outlet.name, outlet.aliases)
    return save_validated(outlet, by=by)


@transaction.atomic
def outlet_update(*, outlet: Outlet, by: AbstractBaseUser | None = None, **changes: object) -> Outlet:
    if "aliases" in changes:
        changes["aliases"] = clean_aliases(changes["aliases"])
    if {"domain", "url"} & changes.keys():
        changes["domain"] = clean_domain(changes.get("domain", outlet.domain), url=changes.get("url", outlet.url))
    if "slug" in changes:
        changes["slug"] = slug_for(
            Outlet, str(changes.get("name") or outlet.name), changes["slug"] or None, instance_pk=outlet.pk
        )
    before = {"name": outlet.name, "reliability": outlet.reliability}
    changed = apply_changes(outlet, changes, EDITABLE)
    for permission in sorted({field_permission(field) for field in changed}):
        require_perm(by, permission)
    if not changed:
        return outlet
    if "name" in changed:
        refuse_taken_name(outlet.name, besides=outlet.pk)
    outlet.search_names = names_search_text(outlet.name, outlet.aliases)
    save_validated(outlet, by=by)
    outlet.rescoring = (
        claims_refresh_scores(
            reason=_what_changed(before, outlet, changed),
            outlet_ids=[outlet.pk],
            names_changed=bool(changed & {"name", "aliases"}),
            by=by,
        )
        if changed & SCORED
        else None
    )
    return outlet


def _what_changed(before: dict, outlet: Outlet, changed: set[str]) -> str:
    parts = []
    if "reliability" in changed:
        parts.append(f"was regraded from {before['reliability']} to {outlet.reliability}")
    if "name" in changed:
        parts.append(f"was renamed from {before['name']}")
    if "aliases" in changed:
        parts.append("has new aliases")
    return f"outlet {outlet.name} " + " and ".join(parts)
