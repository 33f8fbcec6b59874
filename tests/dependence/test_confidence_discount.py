"""A likely dependence is a soft discount on confidence, named in the explanation (pure functions)."""

from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from claims.scoring.confidence import LEARNED_DEPENDENCE, ClaimInputs, LearnedDependence, score
from claims.scoring.independence import Origin
from tests.scoring.strategies import origins


def origin(n: int, outlet_id: int, grade: str = "C", day: int = 1) -> Origin:
    return Origin(n, outlet_id, f"Outlet {outlet_id:02}", grade, date(2021, 3, day))


def learned(copier: int, source: int, discount: int, confirmed: bool = False) -> LearnedDependence:
    return LearnedDependence(
        copier_id=copier, source_id=source, copier_name=f"Outlet {copier:02}", source_name=f"Outlet {source:02}",
        probability=discount / 100, discount=0 if confirmed else discount, confirmed=confirmed,
        evidence={"shared_claims": 41, "shared_denied": 19},
    )  # fmt: skip


def test_a_source_and_its_copier_score_below_two_independent_outlets_of_the_same_grades():
    two = (origin(1, 1), origin(2, 5, day=2))
    independent = score(ClaimInputs(claim_id=1, origins=two, appearance_count=2))
    copied = score(ClaimInputs(claim_id=1, origins=two, appearance_count=2, learned=(learned(5, 1, 93),)))
    alone = score(ClaimInputs(claim_id=1, origins=two[:1], appearance_count=1))
    assert alone.confidence < copied.confidence < independent.confidence
    factor = next(f for f in copied.confidence_factors if f["factor"] == LEARNED_DEPENDENCE)
    assert factor["effect"] < 0
    assert factor["detail"].startswith("Outlet 05 likely copies Outlet 01: p = 0.93, 41 shared claims, 19 later denied")
    assert sum(f["effect"] for f in copied.confidence_factors) == copied.confidence


def test_a_confirmed_dependence_makes_one_voice():
    two = (origin(1, 1), origin(2, 5, day=2))
    confirmed = score(ClaimInputs(claim_id=1, origins=two, appearance_count=2, learned=(learned(5, 1, 90, True),)))
    assert confirmed.independent_origin_count == 1
    assert "a reviewer recorded that one repeats the other" in str(confirmed.confidence_factors)


PAIRS = st.lists(st.tuples(st.integers(1, 6), st.integers(1, 6), st.integers(0, 100), st.booleans()), max_size=6).map(
    lambda rows: tuple({frozenset((a, b)): learned(a, b, d, c) for a, b, d, c in rows if a != b}.values())
)


@given(origins(), PAIRS)
def test_the_effects_add_up_to_the_confidence(found, pairs):
    result = score(ClaimInputs(claim_id=1, origins=tuple(found), appearance_count=len(found), learned=pairs))
    assert sum(f["effect"] for f in result.confidence_factors) == result.confidence


@given(origins(), PAIRS, st.sampled_from("ABCDEF"))
def test_an_origin_with_no_likely_dependence_never_lowers_confidence(found, pairs, grade):
    before = score(ClaimInputs(claim_id=1, origins=tuple(found), learned=pairs))
    more = (*found, origin(99, 99, grade))
    after = score(ClaimInputs(claim_id=1, origins=more, learned=pairs))
    assert after.confidence >= before.confidence


@given(origins(), PAIRS, st.integers(0, 100))
def test_a_likelier_dependence_never_raises_confidence(found, pairs, more):
    unconfirmed = tuple(p for p in pairs if not p.confirmed)
    if not unconfirmed:
        return
    first, rest = unconfirmed[0], unconfirmed[1:]
    stronger = LearnedDependence(**{**first.__dict__, "discount": max(first.discount, more)})
    before = score(ClaimInputs(claim_id=1, origins=tuple(found), learned=(first, *rest)))
    after = score(ClaimInputs(claim_id=1, origins=tuple(found), learned=(stronger, *rest)))
    assert after.confidence <= before.confidence
