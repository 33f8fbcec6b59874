"""The derived columns written by the generator are what the project's own rescoring computes."""

import pytest

from claims.models import Claim
from claims.models.claim import COMPUTED_FIELDS
from claims.services.rescoring import claims_rescore

pytestmark = pytest.mark.django_db


def stored() -> dict[int, dict]:
    return {row["id"]: row for row in Claim.objects.values("id", *COMPUTED_FIELDS)}


def test_rescoring_every_claim_changes_no_stored_column(corpus):
    before = stored()
    changed = claims_rescore(claim_ids=before)
    after = stored()
    assert before.keys() == after.keys()
    differing = {pk: field for pk in before for field in COMPUTED_FIELDS if before[pk][field] != after[pk][field]}
    assert differing == {}
    assert changed == 0


def test_scores_vary_across_the_corpus(corpus):
    claims = Claim.objects.all()
    assert len({c.confidence for c in claims}) > 10
    assert len({c.independent_origin_count for c in claims}) >= 3
    assert len({c.admiralty_code[0] for c in claims}) >= 4
    assert any(f["factor"] == "dependent_origin" for c in claims for f in c.confidence_factors)
