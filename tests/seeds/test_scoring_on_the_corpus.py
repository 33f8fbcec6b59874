"""The service-level reads of SPEC §5-§6 on the seed corpus; docs/scoring.md works these numbers."""

from datetime import date

from claims.choices import ResponsibilityStatus
from claims.models import Claim, Event, Outlet
from claims.selectors.chains import claim_chain
from claims.selectors.claims import claim_score_as_of, event_attributions, outlet_track_record
from tests.seeds.corpus import seeded_claim

AL_TANF = "al-tanf-2021-allies-of-syria-behind-attack"


def test_the_al_tanf_attribution_scores_as_the_worked_example_says(corpus):
    claim = seeded_claim(AL_TANF)

    assert (claim.confidence, claim.confidence_label, claim.admiralty_code) == (31, "unlikely", "D3")
    assert claim.independent_origin_count == 1
    assert [f["factor"] for f in claim.confidence_factors] == ["independent_origin", "republications", "responsibility"]
    assert [f["effect"] for f in claim.confidence_factors] == [31, 0, 0]


def test_the_al_tanf_attribution_as_of_the_first_day_has_only_its_first_two_appearances(corpus):
    claim = seeded_claim(AL_TANF)

    chain = claim_chain(claim, as_of=date(2021, 10, 21))
    then = claim_score_as_of(claim, date(2021, 10, 21))

    assert {n.outlet_name for n in chain.nodes} == {"Al-Akhbar", "Central Media"}
    assert then.confidence == claim.confidence
    assert claim_score_as_of(claim, date(2021, 10, 20)).confidence == 0


def test_every_stored_score_matches_a_fresh_computation(corpus):
    for claim in Claim.objects.all():
        fresh = claim_score_as_of(claim, date.today())
        assert (claim.confidence, claim.admiralty_code, claim.status) == (
            fresh.confidence,
            fresh.admiralty_code,
            fresh.status,
        ), claim.external_ref
        assert claim.independent_origin_count == claim_chain(claim).independent_origin_count


def test_the_al_tanf_attack_event_ranks_its_attributions(corpus, editor):
    event = Event.objects.get(slug="al-tanf-drone-attack-2021-10-20")

    ranked = list(event_attributions(event, user=editor))

    assert ranked
    assert [c.confidence for c in ranked] == sorted((c.confidence for c in ranked), reverse=True)
    assert seeded_claim(AL_TANF).pk in [c.pk for c in ranked]


def test_al_akhbar_has_a_track_record_of_originated_claims(corpus, editor):
    record = outlet_track_record(Outlet.objects.get(slug="al-akhbar"), user=editor)

    assert record["originated"] >= 1
    assert record[ResponsibilityStatus.UNCLAIMED] >= 1
    assert record["originated"] == sum(record[s] for s in ResponsibilityStatus.values)
