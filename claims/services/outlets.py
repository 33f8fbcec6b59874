"""Writes to outlets. A grade or a name change rescores every claim the outlet reports, in the
background: the outlet's `rescoring` is then the job that does it (claims/services/score_refresh.py)."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.choices import OutletKind, Reliability
from claims.errors import InvalidInput
from claims.models import Outlet
from claims.roles import may
from claims.scoring.derived import names_search_text
from claims.services.persistence import apply_changes, require_perm, save_validated
from claims.services.score_refresh import claims_refresh_scores
from claims.services.slugs import slug_for

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
        raise InvalidInput("aliases must be a list of names.", field="aliases")
    cleaned = []
    for alias in aliases:
        if not isinstance(alias, str):
            raise InvalidInput("aliases must be a list of names.", field="aliases")
        alias = alias.strip()
        if alias and alias not in cleaned:
            cleaned.append(alias)
    return cleaned


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
    outlet = Outlet(
        name=(name or "").strip(),
        slug=slug_for(Outlet, name, slug),
        aliases=clean_aliases(aliases),
        kind=kind,
        country=country,
        language=language,
        url=url,
        domain=domain,
        reliability=reliability,
        reliability_note=reliability_note,
    )
    outlet.search_names = names_search_text(outlet.name, outlet.aliases)
    return save_validated(outlet, by=by)


@transaction.atomic
def outlet_update(*, outlet: Outlet, by: AbstractBaseUser | None = None, **changes: object) -> Outlet:
    if "aliases" in changes:
        changes["aliases"] = clean_aliases(changes["aliases"])
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
