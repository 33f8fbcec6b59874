"""Writes to claims' own fields. Review state moves only through services/workflow.py."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction

from claims.choices import ClaimKind, ReviewState
from claims.errors import NotAllowed
from claims.models import Actor, Claim, Event
from claims.models.claim import ASSERTION
from claims.services.claim_rows import claim_rows_guard
from claims.services.persistence import apply_changes, changed_fields, require_perm, save_validated
from claims.services.rescoring import claims_rescore

# Once published, the ASSERTION fields stay; new reporting (appearances, citations,
# evidence) still arrives, and editorial notes can still be kept.
EDITABLE = {*ASSERTION, "notes", "source_document"}
ADD = "claims.add_claim"
CHANGE = "claims.change_claim"


def claim_is_editable(claim: Claim) -> bool:
    """A retracted claim is kept as it was: neither it nor its rows change again. What the
    interfaces offer; the writers refuse by `claim_rows_guard`, which reads the claim under a lock."""
    return claim.review_state != ReviewState.RETRACTED


def claim_new(
    *,
    text: str,
    kind: str = ClaimKind.ATTRIBUTION,
    subject: Actor | None = None,
    event: Event | None = None,
    notes: str = "",
    source_document: str = "",
    external_ref: str | None = None,
    by: AbstractBaseUser | None = None,
) -> Claim:
    """A new claim, not yet saved, if `by` may record one: every claim starts as a draft."""
    require_perm(by, ADD)
    return Claim(
        text=(text or "").strip(),
        kind=kind,
        subject=subject,
        event=event,
        notes=notes,
        source_document=source_document,
        external_ref=external_ref or None,
        review_state=ReviewState.DRAFT,
        created_by=by,
    )


@transaction.atomic
def claim_create(*, by: AbstractBaseUser | None = None, **values: object) -> Claim:
    """Record a claim (the fields of `claim_new`)."""
    claim = claim_new(by=by, **values)
    save_validated(claim, by=by)
    claims_rescore(claim_ids=[claim.pk])
    return claim


@transaction.atomic
def claim_update(*, claim: Claim, by: AbstractBaseUser | None = None, **changes: object) -> Claim:
    require_perm(by, CHANGE)
    # The claim is frozen once retracted, as its rows are; and a save of a copy read before a
    # retraction must not put the claim back to published: the claim is read again under the lock.
    claim_rows_guard(claim_id=claim.pk)
    claim.refresh_from_db()
    if "text" in changes:
        changes["text"] = str(changes["text"] or "").strip()
    if claim.review_state == ReviewState.PUBLISHED and changed_fields(claim, changes, EDITABLE) & ASSERTION:
        raise NotAllowed(
            "A published claim's text, kind, subject and event are what reviewers approved and cannot change; "
            "retract it and record a corrected claim."
        )
    if not apply_changes(claim, changes, EDITABLE):
        return claim
    save_validated(claim, by=by)
    claims_rescore(claim_ids=[claim.pk])
    claim.refresh_from_db()
    return claim
