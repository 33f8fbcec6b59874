"""Writes to citations, the edges of a claim's republication chain.

Every rule of SPEC §4 about citations is checked here, in this order: no
self-citation, both ends on the same claim and current, the citing appearance
not published before the one it cites, no duplicate, and no cycle.
"""

from django.contrib.auth.models import AbstractBaseUser
from django.db import transaction
from django.utils.translation import gettext as _

from claims.choices import CitationKind
from claims.errors import InvalidInput, NotAllowed
from claims.models import Appearance, Citation
from claims.services.chain_edges import ChainEdges, StoredEdges
from claims.services.claim_rows import claim_rows_guard
from claims.services.persistence import apply_changes, require_perm, save_validated, withdraw
from claims.services.rescoring import claims_rescore

EDITABLE = {"kind", "note"}
# Checked by check_citation, with clearer messages than the model's own.
ENDS = ["claim", "citing", "cited"]
ADD = "claims.add_citation"
CHANGE = "claims.change_citation"


def check_citation(citing: Appearance, cited: Appearance, chain: ChainEdges | None = None) -> None:
    """Refuse a citation that breaks a rule; `chain` answers for the claim's other edges (the database's by default)."""
    chain = chain or StoredEdges()
    if citing.pk == cited.pk:
        raise InvalidInput(_("An appearance cannot cite itself."), field="cited")
    if citing.claim_id != cited.claim_id:
        raise InvalidInput(
            _(
                "Both appearances must carry the same claim: %(citing)s is on claim %(citing_claim)s, "
                "%(cited)s on claim %(cited_claim)s."
            )
            % {"citing": citing.pk, "citing_claim": citing.claim_id, "cited": cited.pk, "cited_claim": cited.claim_id},
            field="cited",
        )
    for end, appearance in (("citing", citing), ("cited", cited)):
        if appearance.withdrawn_at is not None:
            raise NotAllowed(
                _("Appearance %(appearance)s is withdrawn; it cannot be cited or cite.")
                % {"appearance": appearance.pk},
                field=end,
            )
    if citing.published_on < cited.published_on:
        raise InvalidInput(
            _(
                "Appearance %(citing)s (%(citing_day)s) cannot cite appearance %(cited)s, "
                "published later (%(cited_day)s)."
            )
            % {
                "citing": citing.pk,
                "citing_day": citing.published_on,
                "cited": cited.pk,
                "cited_day": cited.published_on,
            },
            field="cited",
        )
    if chain.cites(citing.pk, cited.pk):
        raise InvalidInput(
            _("Appearance %(citing)s already cites appearance %(cited)s.") % {"citing": citing.pk, "cited": cited.pk},
            field="cited",
        )
    if chain.draws_on(cited.pk, citing.pk):
        raise InvalidInput(
            _("Appearance %(cited)s already draws on appearance %(citing)s; this citation would close a cycle.")
            % {"cited": cited.pk, "citing": citing.pk},
            field="cited",
        )


@transaction.atomic
def citation_create(
    *,
    citing: Appearance,
    cited: Appearance,
    kind: str = CitationKind.CITED,
    note: str = "",
    by: AbstractBaseUser | None = None,
) -> Citation:
    require_perm(by, ADD)
    claim = claim_rows_guard(claim_id=citing.claim_id)
    # Re-read under the lock: either end may have been withdrawn or redated meanwhile.
    citing, cited = Appearance.objects.get(pk=citing.pk), Appearance.objects.get(pk=cited.pk)
    check_citation(citing, cited)
    citation = Citation(claim=claim, citing=citing, cited=cited, kind=kind, note=note, created_by=by)
    save_validated(citation, by=by, exclude=ENDS)
    claims_rescore(claim_ids=[claim.pk])
    return citation


@transaction.atomic
def citation_update(*, citation: Citation, by: AbstractBaseUser | None = None, **changes: object) -> Citation:
    require_perm(by, CHANGE)
    if {"citing", "cited"} & set(changes):
        raise NotAllowed(_("A citation's ends cannot change; withdraw it and record a new one."))
    claim_rows_guard(claim_id=citation.claim_id, row=citation, changes=changes)
    if apply_changes(citation, changes, EDITABLE):
        save_validated(citation, by=by, exclude=ENDS)
    return citation


@transaction.atomic
def citation_withdraw(*, citation: Citation, reason: str, by: AbstractBaseUser | None = None) -> Citation:
    require_perm(by, CHANGE)
    claim_rows_guard(claim_id=citation.claim_id, row=citation)
    withdraw(citation, reason=reason, by=by)
    claims_rescore(claim_ids=[citation.claim_id])
    return citation
