"""A synthetic corpus with planted copiers, and the state of learned dependence to compare."""

import pytest

from claims.fastpath.synthetic import CorpusReport, synthetic_corpus_create
from claims.models import DependenceItem, OutletDependence

PAIR_FIELDS = [
    "first_id", "second_id", "shared_kinds", "lag_days_second_after", "lag_days_first_after", "shared_claims",
    "shared_denied", "score", "second_copies_first", "evidence", "recorded", "discount", "state",
]  # fmt: skip


@pytest.fixture
def copied_corpus(db) -> CorpusReport:
    """1,500 claims over 150 outlets, two of which copy another's claims (60%, a day later)."""
    return synthetic_corpus_create(claims=1500, outlets=150, actors=20, copiers=2, chain_sizes=(), viral=0, seed=5)


def dependence_state() -> tuple[list[dict], list[tuple]]:
    pairs = list(OutletDependence.objects.order_by("first_id", "second_id").values(*PAIR_FIELDS))
    items = list(DependenceItem.objects.order_by("claim_id").values_list("claim_id", "outlets"))
    return pairs, items
