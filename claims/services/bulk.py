"""Many new claims with their chains in one go: the bulk path of imports.

Every row is built and checked by the one-row services' own functions
(`claim_new`, `appearance_new`, `check_citation`, `evidence_new`, the workflow's
steps and `validate`), so a bulk write refuses what they refuse. What differs is
the writing: each model's rows go in one statement with their history rows, and the
database's unique and check constraints are enforced by that statement rather than
asked row by row. The call is one savepoint: when anything is refused (a
DomainError) or the database refuses a row (an IntegrityError), nothing is left
behind, and the caller can write the same items one by one through the one-row
services, which name the row at fault.
"""

from collections.abc import Iterable
from dataclasses import dataclass, field

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext

from claims.choices import ReviewState
from claims.errors import InvalidInput
from claims.fastpath.bulk_rows import allocate_ids, bulk_insert
from claims.models import Appearance, Citation, Claim, StatusEvidence
from claims.services import citations as citation_services
from claims.services.appearances import appearance_new
from claims.services.chain_edges import NewEdges
from claims.services.citations import ENDS, check_citation
from claims.services.claims import claim_new
from claims.services.evidence import evidence_new
from claims.services.meaning import claim_meaning_stale
from claims.services.persistence import current_history_reason, require_perm, validate
from claims.services.rescoring import claims_score_unwritten
from claims.services.workflow import claims_load_to_bulk, claims_record_loaded_steps


@dataclass
class NewAppearance:
    ref: str  # how this item's citations and evidence name it; "" if they do not
    values: dict  # the fields of appearance_new, but claim and by


@dataclass
class NewCitation:
    citing: str
    cited: str
    kind: str
    note: str = ""


@dataclass
class NewEvidence:
    appearance: str  # the ref of one of the item's appearances, or ""
    values: dict  # the fields of evidence_new, but claim, appearance and by


@dataclass
class NewClaim:
    values: dict  # the fields of claim_new, but by
    review_state: str  # where the workflow takes the new draft (claim_load_to)
    comment: str = ""
    reason: str = ""
    appearances: list[NewAppearance] = field(default_factory=list)
    citations: list[NewCitation] = field(default_factory=list)
    evidence: list[NewEvidence] = field(default_factory=list)


def named_twice(refs: Iterable[str]) -> str | None:
    """The first ref given to two appearances of one claim, if any ("" names none)."""
    seen: set[str] = set()
    for ref in refs:
        if ref and ref in seen:
            return ref
        seen.add(ref)
    return None


def refuse_named_twice(refs: Iterable[str]) -> None:
    """Citations and evidence name a claim's appearances by their refs: each ref names one."""
    ref = named_twice(refs)
    if ref is not None:
        raise InvalidInput(
            gettext('The ref "%(ref)s" names two appearances of this claim.') % {"ref": ref}, field="ref"
        )


def _named(appearances: dict[str, Appearance], ref: str) -> Appearance:
    if ref not in appearances:
        raise InvalidInput(gettext('No appearance of this claim has the ref "%(ref)s".') % {"ref": ref}, field="ref")
    return appearances[ref]


def _chain(item: NewClaim, claim: Claim, by: AbstractBaseUser | None) -> tuple[list, dict[str, Appearance]]:
    refuse_named_twice(new.ref for new in item.appearances)
    appearances, named = [], {}
    for new in item.appearances:
        appearance = appearance_new(claim=claim, by=by, **new.values)
        validate(appearance, in_database=False)
        appearances.append(appearance)
        if new.ref:
            named[new.ref] = appearance
    return appearances, named


def _citations(item: NewClaim, claim: Claim, named: dict[str, Appearance], by: AbstractBaseUser | None) -> list:
    if item.citations:  # the claim is a new draft: nothing to guard but the permission
        require_perm(by, citation_services.ADD)
    edges, citations = NewEdges(), []
    for new in item.citations:
        citing, cited = _named(named, new.citing), _named(named, new.cited)
        check_citation(citing, cited, edges)
        citation = Citation(claim=claim, citing=citing, cited=cited, kind=new.kind, note=new.note, created_by=by)
        validate(citation, exclude=ENDS, in_database=False)
        edges.add(citing.pk, cited.pk)
        citations.append(citation)
    return citations


def _evidence(item: NewClaim, claim: Claim, named: dict[str, Appearance], by: AbstractBaseUser | None) -> list:
    rows = []
    for new in item.evidence:
        appearance = _named(named, new.appearance) if new.appearance else None
        evidence = evidence_new(claim=claim, appearance=appearance, by=by, **new.values)
        validate(evidence, in_database=False)
        rows.append(evidence)
    return rows


@transaction.atomic
def claims_create_bulk(*, items: list[NewClaim], by: AbstractBaseUser | None = None) -> list[Claim]:
    """Record new claims with their appearances, citations and evidence, as `by`, and take each
    through the workflow to its review state; returns the claims, in the order given.

    `by` is judged as the one-row services and `claim_load_to` judge them: each row's permission,
    and each review step's with four eyes, so a user's own claims never come out published or
    retracted. With `by=None` the system loads them (`manage.py import_claims`) and the steps are
    recorded with no user; either way with the items' comments, and the history rows give the
    reason of the `history_reason` the call runs in.

    The claims are written last: their ids are drawn first, their chains written, their
    confidence computed from those rows, and then each claim goes in once, scored and in its
    review state, where writing it first would mean updating every claim twice more."""
    reason = current_history_reason()
    created = timezone.now()  # when the history says the claims were made: before their rows
    claims = [claim_new(by=by, **item.values) for item in items]
    paths = [(claim, item.review_state, item.comment, item.reason) for item, claim in zip(items, claims, strict=True)]
    for claim in claims:
        validate(claim, in_database=False)
    allocate_ids(Claim, claims)

    # Built while the claims are drafts, as one by one: a claim loaded as retracted takes
    # its appearances first, and is retracted after.
    chains = [_chain(item, claim, by) for item, claim in zip(items, claims, strict=True)]
    bulk_insert(Appearance, [row for rows, _ in chains for row in rows], by=by, reason=reason)
    citations, evidence = [], []
    for item, claim, (_, named) in zip(items, claims, chains, strict=True):
        citations += _citations(item, claim, named, by)
        evidence += _evidence(item, claim, named, by)
    bulk_insert(Citation, citations, by=by, reason=reason)
    bulk_insert(StatusEvidence, evidence, by=by, reason=reason)

    claims_score_unwritten(claims=claims)
    steps = claims_load_to_bulk(claims=paths, by=by)
    bulk_insert(
        Claim, claims, by=by, recorded_as={"review_state": ReviewState.DRAFT}, recorded_at=created, reason=reason
    )
    claims_record_loaded_steps(loaded=steps)
    claim_meaning_stale(claims=claims)
    return claims
