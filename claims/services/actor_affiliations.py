"""Writes to actor ties: sourced statements of whom a speaker speaks for, leads or belongs to.

Unlike an outlet's affiliation, a tie between actors does not enter the independence of origins
(SPEC §5), so no claim is rescored when one changes.
"""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from claims.errors import InvalidInput
from claims.models import Actor, ActorAffiliation, Outlet
from claims.services.persistence import (
    apply_changes,
    refuse_withdrawn,
    reject_future,
    require_perm,
    save_validated,
    withdraw,
)

ADD = "claims.add_actoraffiliation"
CHANGE = "claims.change_actoraffiliation"

EDITABLE = {
    "actor",
    "body",
    "relation",
    "stated_by_outlet",
    "stated_by_url",
    "quote",
    "source_document",
    "valid_from",
    "valid_to",
}


def _refuse_self(tie: ActorAffiliation) -> None:
    # The model's check constraint says the same; this says it before the database must.
    if tie.actor_id is not None and tie.actor_id == tie.body_id:
        raise InvalidInput(_("An actor cannot be tied to itself."), field="body")


@transaction.atomic
def actor_affiliation_create(
    *,
    actor: Actor,
    body: Actor,
    relation: str,
    stated_by_outlet: Outlet | None = None,
    stated_by_url: str = "",
    quote: str = "",
    source_document: str = "",
    valid_from: date | None = None,
    valid_to: date | None = None,
    external_ref: str | None = None,
    by: AbstractBaseUser | None = None,
) -> ActorAffiliation:
    require_perm(by, ADD)
    reject_future(valid_from, "valid_from")
    reject_future(valid_to, "valid_to")
    tie = ActorAffiliation(
        actor=actor,
        body=body,
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
    _refuse_self(tie)
    return save_validated(tie, by=by)


@transaction.atomic
def actor_affiliation_update(
    *, actor_affiliation: ActorAffiliation, by: AbstractBaseUser | None = None, **changes: object
) -> ActorAffiliation:
    require_perm(by, CHANGE)
    refuse_withdrawn(actor_affiliation)
    for field in ("valid_from", "valid_to"):
        if field in changes:
            reject_future(changes[field], field)
    if apply_changes(actor_affiliation, changes, EDITABLE):
        _refuse_self(actor_affiliation)
        save_validated(actor_affiliation, by=by)
    return actor_affiliation


@transaction.atomic
def actor_affiliation_withdraw(
    *, actor_affiliation: ActorAffiliation, reason: str, by: AbstractBaseUser | None = None
) -> ActorAffiliation:
    require_perm(by, CHANGE)
    return withdraw(actor_affiliation, reason=reason, by=by)
