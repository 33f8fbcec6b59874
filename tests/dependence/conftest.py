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


def copying_newsroom(count: int = 12) -> dict:
    """Outlets "Wire A" and "Copier B" (both C) where B repeats A's rare claims a day later, a third
    outlet with its own claims, and background claims of ten others: built through the services."""
    from datetime import date, timedelta

    from tests.factories import make_appearance, make_claim, make_outlet

    source, copier, third = (make_outlet(name, reliability="C") for name in ("Wire A", "Copier B", "Third C"))
    shared = []
    for n in range(count):
        claim = make_claim(f"Shared claim {n}")
        day = date(2021, 3, 1) + timedelta(days=n)
        make_appearance(claim, source, published_on=day)
        make_appearance(claim, copier, published_on=day + timedelta(days=1))
        shared.append(claim)
    others = [make_outlet(f"Background {n}") for n in range(10)]
    for n in range(30):
        make_appearance(make_claim(f"Background claim {n}"), others[n % 10], published_on=date(2021, 5, 1))
    return {"source": source, "copier": copier, "third": third, "shared": shared}
