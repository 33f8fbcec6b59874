"""Generated republication chains, built in the database through the services."""

from dataclasses import dataclass, field
from datetime import date, timedelta

from hypothesis import strategies as st

from claims.choices import Reliability
from claims.models import Appearance, Claim, Outlet
from claims.scoring.confidence import score
from claims.selectors.scoring_inputs import claim_inputs
from tests.factories import make_actor, make_affiliation, make_appearance, make_citation, make_claim, make_outlet

START = date(2021, 1, 1)


@dataclass
class ChainSpec:
    grades: list[str]
    ties: list[frozenset[int]]  # actor indices each outlet is affiliated with, always valid
    appearances: list[tuple[int, int, frozenset[int]]]  # (outlet index, days after the previous, cited indices)


@dataclass
class BuiltChain:
    claim: Claim
    outlets: list[Outlet]
    appearances: list[Appearance] = field(default_factory=list)

    def stored(self) -> Claim:
        return Claim.objects.get(pk=self.claim.pk)


@st.composite
def chain_specs(draw, max_outlets: int = 5, max_appearances: int = 8) -> ChainSpec:
    outlet_count = draw(st.integers(min_value=1, max_value=max_outlets))
    grades = [draw(st.sampled_from(Reliability.values)) for _ in range(outlet_count)]
    ties = [draw(st.frozensets(st.integers(min_value=0, max_value=2), max_size=2)) for _ in range(outlet_count)]
    appearances = []
    for index in range(draw(st.integers(min_value=1, max_value=max_appearances))):
        cited = draw(st.frozensets(st.integers(min_value=0, max_value=index - 1), max_size=2)) if index else frozenset()
        appearances.append((draw(st.integers(min_value=0, max_value=outlet_count - 1)), draw(st.integers(0, 3)), cited))
    return ChainSpec(grades=grades, ties=ties, appearances=appearances)


def build(spec: ChainSpec) -> BuiltChain:
    actors = [make_actor() for _ in range(3)]
    outlets = [make_outlet(reliability=grade) for grade in spec.grades]
    for outlet, tied in zip(outlets, spec.ties, strict=True):
        for actor_index in sorted(tied):
            make_affiliation(outlet, actors[actor_index])
    built = BuiltChain(claim=make_claim(), outlets=outlets)
    day = START
    for outlet_index, gap, cited in spec.appearances:
        day += timedelta(days=gap)
        appearance = make_appearance(built.claim, outlets[outlet_index], published_on=day)
        for cited_index in sorted(cited):
            make_citation(appearance, built.appearances[cited_index])
        built.appearances.append(appearance)
    return built


def fresh_score(claim: Claim):
    return score(claim_inputs([claim.pk])[claim.pk])
