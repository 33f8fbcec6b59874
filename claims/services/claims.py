"""Writes to claims' own fields. Review state moves only through services/workflow.py."""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from claims.choices import ClaimKind, ReviewState
from claims.errors import InvalidInput, NotAllowed
from claims.language import detect_language, language_refusal, mixed_script_word, valid_language_code
from claims.models import Actor, Claim, Event
from claims.models.claim import ASSERTION
from claims.services.claim_rows import claim_rows_guard
from claims.services.meaning import claim_meaning_stale
from claims.services.persistence import apply_changes, changed_fields, require_perm, save_validated
from claims.services.rescoring import claims_rescore

# Once published, the ASSERTION fields stay; new reporting (appearances, citations,
# evidence) still arrives, and editorial notes can still be kept.
EDITABLE = {*ASSERTION, "language", "notes", "source_document"}
ADD = "claims.add_claim"
CHANGE = "claims.change_claim"


def claim_is_editable(claim: Claim) -> bool:
    """A retracted claim is kept as it was: neither it nor its rows change again. What the
    interfaces offer; the writers refuse by `claim_rows_guard`, which reads the claim under a lock."""
    return claim.review_state != ReviewState.RETRACTED


def claim_language(text: str, language: str = "") -> str:
    """The language given (checked: ISO 639-1), else the one detected in the text, else blank for
    an editor to set (a text with no letters, such as a figure quoted alone, has none). A word in
    two scripts is refused: a look-alike spelling, which would match nothing by meaning."""
    word = mixed_script_word(text)
    if word is not None:
        raise InvalidInput(language_refusal(text) or "", field="text")
    language = (language or "").strip().lower()
    if language:
        if not valid_language_code(language):
            raise InvalidInput(
                _("“%(language)s” is not an ISO 639-1 language code (ar, fa, en …).") % {"language": language},
                field="language",
            )
        return language
    return detect_language(text) or ""


def claim_new(
    *,
    text: str,
    language: str = "",
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
    text = (text or "").strip()
    return Claim(
        text=text,
        language=claim_language(text, language),
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
    claim_meaning_stale(claims=[claim])
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
    if "language" in changes or changes.get("text", claim.text) != claim.text:
        # A new text is detected again unless a language comes with it.
        changes["language"] = claim_language(changes.get("text", claim.text), changes.get("language") or "")
    if claim.review_state == ReviewState.PUBLISHED and changed_fields(claim, changes, EDITABLE) & ASSERTION:
        raise NotAllowed(
            _(
                "A published claim's text, kind, subject and event are what reviewers approved and cannot change; "
                "retract it and record a corrected claim."
            )
        )
    if not apply_changes(claim, changes, EDITABLE):
        return claim
    save_validated(claim, by=by)
    claims_rescore(claim_ids=[claim.pk])
    claim_meaning_stale(claims=[claim])
    claim.refresh_from_db()
    return claim
