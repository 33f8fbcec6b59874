"""What the one-claim exports need beyond the chain, read in a constant number of queries.

The chain (claims.selectors.chains) carries ids, dates and outlet names; the
exports also describe each outlet, each appearance in full, the evidence behind
the responsibility status, when the claim was published, and why its scores are
being recomputed if they are (claims.selectors.pending). Five queries, whatever
the size of the chain.
"""

from dataclasses import dataclass, field
from datetime import datetime

from claims.choices import ReviewState
from claims.models import Appearance, Citation, Claim, Outlet, ReviewTransition, StatusEvidence
from claims.models.claim import PUBLIC_STATES
from claims.selectors.chains import Chain
from claims.selectors.pending import pending_reasons


@dataclass(frozen=True)
class ChainDetails:
    appearances: dict[int, Appearance] = field(default_factory=dict)
    outlets: dict[int, Outlet] = field(default_factory=dict)
    citations: dict[tuple[int, int], Citation] = field(default_factory=dict)
    evidence: list[StatusEvidence] = field(default_factory=list)
    published_at: datetime | None = None
    retracted_at: datetime | None = None
    # Why the confidence is being recomputed in the background; empty when it is current.
    pending_reasons: list[str] = field(default_factory=list)


def _review_dates(claim: Claim) -> tuple[datetime | None, datetime | None]:
    """When the claim first went public and when it was retracted, from the recorded transitions."""
    rows = (
        ReviewTransition.objects.filter(claim=claim, to_state__in=PUBLIC_STATES)
        .order_by("at", "id")
        .values_list("to_state", "at")
    )
    published = retracted = None
    for state, at in rows:
        if state == ReviewState.PUBLISHED and published is None:
            published = at
        if state == ReviewState.RETRACTED:
            retracted = at
    return published, retracted


def chain_details(claim: Claim, chain: Chain) -> ChainDetails:
    node_ids = [node.id for node in chain.nodes]
    appearances = {a.pk: a for a in Appearance.objects.filter(pk__in=node_ids).select_related("outlet")}
    outlets = {a.outlet_id: a.outlet for a in appearances.values()}
    citations = {(c.citing_id, c.cited_id): c for c in Citation.objects.current().filter(claim=claim)}
    evidence = list(StatusEvidence.objects.current().filter(claim=claim).select_related("actor").order_by("date", "id"))
    published_at, retracted_at = _review_dates(claim)
    return ChainDetails(
        appearances=appearances,
        outlets=outlets,
        citations=citations,
        evidence=evidence,
        published_at=published_at,
        retracted_at=retracted_at,
        pending_reasons=pending_reasons(claim),
    )
