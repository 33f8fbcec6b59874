"""A synthetic claim's stored, derived columns, computed as claims_rescore computes them.

claims_rescore reads its inputs from the database (claim_inputs and the outlet
names of each claim); here the same inputs are assembled from the generated
rows in memory and handed to the same pure functions — score, search_document
and skeleton — so a later rescore finds nothing to change.
"""

import json
from dataclasses import dataclass
from datetime import date

from claims.scoring.confidence import ClaimInputs, Evidence, score
from claims.scoring.independence import Origin
from claims.synthetic.directory import ActorInfo, OutletInfo
from claims.transliteration import search_document, skeleton


@dataclass(frozen=True, slots=True)
class Derived:
    status: str
    confidence: int
    credibility: int
    admiralty_code: str
    confidence_factors: str  # JSON, as written
    independent_origin_count: int
    appearance_count: int
    first_reported: date
    search_text: str
    text_key: str


def origin(appearance_id: int, outlet: OutletInfo, day: date) -> Origin:
    """As selectors.independence.origins_with_ties builds it: the ties in force on the day."""
    in_force = [tie for tie in outlet.ties if tie.holds_on(day)]
    return Origin(
        appearance_id=appearance_id,
        outlet_id=outlet.id,
        outlet_name=outlet.name,
        reliability=outlet.reliability,
        published_on=day,
        actor_ids=frozenset(tie.actor_id for tie in in_force),
        actor_names=tuple(sorted({tie.actor_name for tie in in_force})),
    )


def outlet_search_names(outlets: list[OutletInfo]) -> list[str]:
    """Each outlet's name and aliases once, in the order the outlets first reported the claim."""
    distinct = {outlet.id: outlet for outlet in outlets}
    return [name for outlet in distinct.values() for name in outlet.search_names]


def derive(
    *,
    claim_id: int,
    text: str,
    subject: ActorInfo | None,
    origins: tuple[Origin, ...],
    outlets: list[OutletInfo],
    days: list[date],
    latest: Evidence | None,
    actor_names: dict[int, str],
) -> Derived:
    inputs = ClaimInputs(
        claim_id=claim_id,
        origins=origins,
        appearance_count=len(days),
        first_reported=min(days),
        latest_evidence=latest,
        actor_names=actor_names,
    )
    result = score(inputs)
    subject_names = [subject.name, *subject.aliases] if subject else []
    return Derived(
        status=result.status,
        confidence=result.confidence,
        credibility=result.credibility,
        admiralty_code=result.admiralty_code,
        confidence_factors=json.dumps(result.confidence_factors),
        independent_origin_count=result.independent_origin_count,
        appearance_count=inputs.appearance_count,
        first_reported=inputs.first_reported,
        search_text=search_document(text, *subject_names, *outlet_search_names(outlets)),
        text_key=skeleton(text),
    )
