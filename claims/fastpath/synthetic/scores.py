"""A synthetic claim's stored, derived columns, computed as claims_rescore computes them.

claims_rescore reads its inputs from the database (claim_inputs and the outlet
names of each claim); here the same inputs are assembled from the generated
rows in memory and handed to the same functions — `origin_with_ties`,
`outlet_names_in_report_order` and `derived` — so a later rescore finds nothing
to change (tests/fastpath/synthetic/test_scores_match_rescoring.py).
"""

import json
from dataclasses import replace
from datetime import date

from claims.fastpath.synthetic.directory import ActorInfo, OutletInfo
from claims.scoring.confidence import ClaimInputs, Evidence
from claims.scoring.derived import Derived, derived, outlet_names_in_report_order
from claims.scoring.independence import Origin, origin_with_ties


def origin(appearance_id: int, outlet: OutletInfo, day: date) -> Origin:
    return origin_with_ties(
        appearance_id=appearance_id,
        outlet_id=outlet.id,
        outlet_name=outlet.name,
        reliability=outlet.reliability,
        published_on=day,
        ties=outlet.ties,
    )


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
    """The claim's derived columns, its confidence factors as the JSON written to the table.

    `outlets` and `days` are its appearances' in the order they were published."""
    inputs = ClaimInputs(
        claim_id=claim_id,
        origins=origins,
        appearance_count=len(days),
        first_reported=min(days),
        latest_evidence=latest,
        actor_names=actor_names,
    )
    columns = derived(
        inputs,
        text=text,
        subject_names=[subject.name, *subject.aliases] if subject else [],
        outlet_names=outlet_names_in_report_order((outlet.id, outlet.search_names) for outlet in outlets),
    )
    return replace(columns, confidence_factors=json.dumps(columns.confidence_factors))
