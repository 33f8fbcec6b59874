"""Writes to affiliations. Ties decide independence, so each change rescores the outlet's claims."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.models import Actor, Affiliation, Outlet
from claims.services.persistence import (
    apply_changes,
    refuse_withdrawn,
    reject_future,
    require_perm,
    save_validated,
    withdraw,
)
from claims.services.rescoring import claims_rescore_for_outlet

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
    require_perm(by, "claims.add_affiliation")
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
    claims_rescore_for_outlet(outlet_id=outlet.pk)
    return affiliation


@transaction.atomic
def affiliation_update(
    *, affiliation: Affiliation, by: AbstractBaseUser | None = None, **changes: object
) -> Affiliation:
    require_perm(by, "claims.change_affiliation")
    refuse_withdrawn(affiliation)
    for field in ("valid_from", "valid_to"):
        if field in changes:
            reject_future(changes[field], field)
    previous_outlet = affiliation.outlet_id
    if apply_changes(affiliation, changes, EDITABLE):
        save_validated(affiliation, by=by)
        for outlet_id in {previous_outlet, affiliation.outlet_id}:
            claims_rescore_for_outlet(outlet_id=outlet_id)
    return affiliation


@transaction.atomic
def affiliation_withdraw(*, affiliation: Affiliation, reason: str, by: AbstractBaseUser | None = None) -> Affiliation:
    require_perm(by, "claims.change_affiliation")
    withdraw(affiliation, reason=reason, by=by)
    claims_rescore_for_outlet(outlet_id=affiliation.outlet_id)
    return affiliation
