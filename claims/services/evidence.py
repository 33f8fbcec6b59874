"""Writes to status evidence: dated confirmations and denials of responsibility."""

from datetime import date

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from claims.errors import InvalidInput
from claims.models import Actor, Appearance, Claim, StatusEvidence
from claims.services.claim_rows import claim_rows_guard
from claims.services.persistence import apply_changes, reject_future, require_perm, save_validated, withdraw
from claims.services.rescoring import claims_rescore

EDITABLE = {"stance", "actor", "date", "appearance", "url", "note", "source_document"}
ADD = "claims.add_statusevidence"
CHANGE = "claims.change_statusevidence"


def check_appearance(claim: Claim, appearance: Appearance | None) -> None:
    if appearance is None:
        return
    if appearance.claim_id != claim.pk:
        raise InvalidInput(
            _("Appearance %(appearance)s belongs to claim %(claim)s, not to claim %(other)s.")
            % {"appearance": appearance.pk, "claim": appearance.claim_id, "other": claim.pk},
            field="appearance",
        )
    if appearance.withdrawn_at is not None:
        raise InvalidInput(
            _("Appearance %(appearance)s is withdrawn.") % {"appearance": appearance.pk}, field="appearance"
        )


def evidence_new(
    *,
    claim: Claim,
    stance: str,
    date: date,
    actor: Actor | None = None,
    appearance: Appearance | None = None,
    url: str = "",
    note: str = "",
    source_document: str = "",
    external_ref: str | None = None,
    by: AbstractBaseUser | None = None,
) -> StatusEvidence:
    """New evidence on the claim, not yet saved, if `by` may record it. The claim is the caller's
    to guard (`claim_rows_guard`): a bulk write's claims are new drafts, not yet saved."""
    require_perm(by, ADD)
    reject_future(date, "date")
    check_appearance(claim, appearance)
    return StatusEvidence(
        claim=claim,
        stance=stance,
        date=date,
        actor=actor,
        appearance=appearance,
        url=url,
        note=note,
        source_document=source_document,
        external_ref=external_ref or None,
        created_by=by,
    )


@transaction.atomic
def evidence_create(*, claim: Claim, by: AbstractBaseUser | None = None, **values: object) -> StatusEvidence:
    """Record a confirmation or denial of responsibility (the fields of `evidence_new`)."""
    require_perm(by, ADD)
    claim_rows_guard(claim_id=claim.pk)
    evidence = evidence_new(claim=claim, by=by, **values)
    save_validated(evidence, by=by)
    claims_rescore(claim_ids=[claim.pk])
    return evidence


@transaction.atomic
def evidence_update(
    *, evidence: StatusEvidence, by: AbstractBaseUser | None = None, **changes: object
) -> StatusEvidence:
    require_perm(by, CHANGE)
    claim = claim_rows_guard(claim_id=evidence.claim_id, row=evidence, changes=changes)
    if "date" in changes:
        reject_future(changes["date"], "date")
    if "appearance" in changes:
        check_appearance(claim, changes["appearance"])
    if apply_changes(evidence, changes, EDITABLE):
        save_validated(evidence, by=by)
        claims_rescore(claim_ids=[evidence.claim_id])
    return evidence


@transaction.atomic
def evidence_withdraw(*, evidence: StatusEvidence, reason: str, by: AbstractBaseUser | None = None) -> StatusEvidence:
    require_perm(by, CHANGE)
    claim_rows_guard(claim_id=evidence.claim_id, row=evidence)
    withdraw(evidence, reason=reason, by=by)
    claims_rescore(claim_ids=[evidence.claim_id])
    return evidence
