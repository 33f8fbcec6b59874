"""Loading claims: the claim itself, its chain, and the review state the seeds ask for."""

from functools import partial

from claims.choices import ReviewState
from claims.models import Claim
from claims.models.claim import ASSERTION
from claims.seeding.chains import keep_chain, load_chain
from claims.seeding.directory import Directory
from claims.seeding.files import external_ref
from claims.seeding.sync import CREATED, KEPT, Tally, seed_record, sync_row
from claims.services.claims import claim_create, claim_update
from claims.services.workflow import claim_publish_imported, claim_submit

REVIEW_COMMENT = "Loaded from the seed corpus"


def claim_fields(record: dict, directory: Directory) -> dict:
    return {
        "text": record["text"].strip(),
        "kind": record["kind"],
        "subject": directory.actor(record.get("subject")),
        "event": directory.event(record.get("event")),
        "notes": record.get("notes", ""),
        "source_document": record["source_document"],
    }


def assertion_differs(claim: Claim, wanted: dict) -> bool:
    """A published claim's assertion is what reviewers approved; the services refuse to reword it."""
    return claim.review_state == ReviewState.PUBLISHED and any(getattr(claim, f) != wanted[f] for f in ASSERTION)


def advance_review(claim: Claim, wanted: str, tally: Tally) -> None:
    """Move a claim forward to its seeded state, never back: a reviewer's later decision stands."""
    if claim.review_state == ReviewState.DRAFT and wanted == ReviewState.IN_REVIEW:
        claim_submit(claim=claim, by=None, comment=REVIEW_COMMENT)
    elif claim.review_state in (ReviewState.DRAFT, ReviewState.IN_REVIEW) and wanted == ReviewState.PUBLISHED:
        claim_publish_imported(claim=claim, comment=REVIEW_COMMENT)
    else:
        return
    tally.review_steps[wanted] += 1


def load_claim(record: dict, directory: Directory, tally: Tally) -> None:
    ref, wanted = external_ref(record["ref"]), claim_fields(record, directory)
    with seed_record("claim", record["ref"]):
        claim = Claim.objects.filter(external_ref=ref).first()
        if claim is None:
            claim = claim_create(external_ref=ref, **wanted)
            tally.add("claims", CREATED)
        elif assertion_differs(claim, wanted):
            tally.add("claims", KEPT)
            tally.warnings.append(
                f"claim {record['ref']} is published with other wording than the seeds; to change it, "
                "retract it and load the new wording under a new ref."
            )
        else:
            retracted = claim.review_state == ReviewState.RETRACTED
            sync_row(tally, "claims", claim, wanted, partial(claim_update, claim=claim), frozen=retracted)
    if claim.review_state == ReviewState.RETRACTED:
        keep_chain(record, tally)
        return
    load_chain(record, claim, directory, tally)
    with seed_record("claim", record["ref"]):
        advance_review(claim, record["review_state"], tally)


def load_claims(claims: list[dict], directory: Directory, tally: Tally) -> None:
    for record in claims:
        load_claim(record, directory, tally)
