"""The dependence evaluation runs at a small size, so it does not rot (its figures are docs/scoring.md's)."""

import pytest

from bench.dependence_eval import Scenario, evaluate
from claims.models import Claim, OutletDependence

pytestmark = pytest.mark.slow


def test_the_evaluation_scores_a_corpus_and_leaves_nothing_behind(db):
    result = evaluate(Scenario(claims=600, copiers=2, copy_rate=0.9))
    assert result.learnable <= 2 and 0 <= result.precision <= 1 and 0 <= result.recall <= 1
    assert result.seconds > 0
    assert not Claim.objects.exists() and not OutletDependence.objects.exists()
