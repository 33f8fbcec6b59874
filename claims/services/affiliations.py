"""Writes to affiliations. Ties decide independence, so each change rescores the outlet's claims,
in the background: the affiliation's `rescoring` is the job that does it."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.models import Actor, Affiliation, Job, Outlet
from claims.services.persistence import (
    apply_changes,
    refuse_withdrawn,
    reject_future,
    require_perm,
    save_validated,
    withdraw,
)
from claims.services.score_refresh import claims_refresh_scores

ADD = "claims.add_affiliation"
CHANGE = "claims.change_affiliation"

EDITABLE = {
    "outlet",
    "actor",
    "relation",
    "stated_by_outlet",
    "stated_by_url",
    "quote",
    "source_document",
    "valid_from",
    "valid_to",
}


@transaction.atomic
def affiliation_create(
    *,
    outlet: Outlet,
    actor: Actor,
    relation: str,
    stated_by_outlet: Outlet | None = None,
    stated_by_url: str = "",
    quote: str = "",
    source_document: str = "",
    valid_from: date | None = None,
    valid_to: date | None = None,
    external_ref: str | None = None,
    by: AbstractBaseUser | None = None,
) -> Affiliation:
    require_perm(by, ADD)
    reject_future(valid_from, "valid_from")
    reject_future(valid_to, "valid_to")
    affiliation = Affiliation(
        outlet=outlet,
        actor=actor,
        relation=relation,
        stated_by_outlet=stated_by_outlet,
        stated_by_url=stated_by_url,
        quote=quote,
        source_document=source_document,
        valid_from=valid_from,
        valid_to=valid_to,
        external_ref=external_ref or None,
        created_by=by,
    )
    save_validated(affiliation, by=by)
    affiliation.rescoring = _refresh(affiliation, "was recorded", [outlet.pk], by)
    return affiliation


def _refresh(affiliation: Affiliation, what: str, outlet_ids: list[int], by: AbstractBaseUser | None) -> Job | None:
    """Ties decide independence: every claim of the tied outlet(s) may move."""
    reason = f"the tie of outlet {affiliation.outlet} to {affiliation.actor} {what}"
    return claims_refresh_scores(reason=reason, outlet_ids=outlet_ids, names_changed=False, by=by)


@transaction.atomic
def affiliation_update(
    *, affiliation: Affiliation, by: AbstractBaseUser | None = None, **changes: object
) -> Affiliation:
    require_perm(by, CHANGE)
    refuse_withdrawn(affiliation)
    for field in ("valid_from", "valid_to"):
        if field in changes:
            reject_future(changes[field], field)
    previous_outlet = affiliation.outlet_id
    affiliation.rescoring = None
    if apply_changes(affiliation, changes, EDITABLE):
        save_validated(affiliation, by=by)
        affiliation.rescoring = _refresh(affiliation, "was changed", [previous_outlet, affiliation.outlet_id], by)
    return affiliation


@transaction.atomic
def affiliation_withdraw(*, affiliation: Affiliation, reason: str, by: AbstractBaseUser | None = None) -> Affiliation:
    require_perm(by, CHANGE)
    withdraw(affiliation, reason=reason, by=by)
    affiliation.rescoring = _refresh(affiliation, "was withdrawn", [affiliation.outlet_id], by)
    return affiliation
