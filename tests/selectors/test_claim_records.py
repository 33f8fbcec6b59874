"""As-of scores, competing attributions of an event, and outlets' track records."""

from datetime import date

import pytest

from claims.selectors.claims import claim_score_as_of, event_attributions, outlet_track_record
from claims.services.workflow import claim_publish_imported
from tests.factories import (
    make_actor,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db


def test_as_of_scores_what_was_known_then():
    claim = make_claim()
    make_appearance(claim, make_outlet(reliability="C"), published_on=date(2021, 10, 21))
    make_appearance(claim, make_outlet(reliability="B"), published_on=date(2021, 11, 1))
    make_evidence(claim, stance="denies", date=date(2021, 11, 5))
    claim.refresh_from_db()

    early = claim_score_as_of(claim, date(2021, 10, 25))
    before_denial = claim_score_as_of(claim, date(2021, 11, 4))

    assert (early.independent_origin_count, early.status) == (1, "unclaimed")
    assert (before_denial.independent_origin_count, before_denial.status) == (2, "unclaimed")
    assert before_denial.confidence > early.confidence
    assert claim.status == "denied"
    assert claim.confidence < before_denial.confidence
    assert claim_score_as_of(claim, date(2020, 1, 1)).confidence == 0


def test_event_lists_competing_attributions_most_credible_first(editor):
    attack = make_event("Drone attack on al-Tanf")
    weak = make_claim("Group A did it", subject=make_actor(), event=attack)
    make_appearance(weak, make_outlet(reliability="E"))
    strong = make_claim("Group B did it", subject=make_actor(), event=attack)
    make_appearance(strong, make_outlet(reliability="B"))
    make_appearance(strong, make_outlet(reliability="C"))
    make_claim("Unrelated", event=make_event())

    ranked = list(event_attributions(attack, user=editor))

    assert [c.pk for c in ranked] == [strong.pk, weak.pk]
    assert ranked[0].independent_origin_count == 2


def test_consumers_see_only_published_attributions(consumer):
    attack = make_event()
    published = make_claim(event=attack)
    make_claim(event=attack)
    claim_publish_imported(claim=published, comment="test")

    assert [c.pk for c in event_attributions(attack, user=consumer)] == [published.pk]


def test_track_record_counts_the_claims_an_outlet_originated_by_status(editor):
    outlet = make_outlet()
    confirmed, denied, open_claim, repeated = make_claim(), make_claim(), make_claim(), make_claim()
    for claim in (confirmed, denied, open_claim):
        make_appearance(claim, outlet)
    make_evidence(confirmed, stance="confirms")
    make_evidence(denied, stance="denies")
    source = make_appearance(repeated, make_outlet())
    make_citation(make_appearance(repeated, outlet), source)

    record = outlet_track_record(outlet, user=editor)

    assert record == {"confirmed": 1, "denied": 1, "unclaimed": 1, "originated": 3}


def test_track_record_is_one_query(editor, django_assert_num_queries):
    outlet = make_outlet()
    make_appearance(make_claim(), outlet)
    with django_assert_num_queries(3):  # the user's permissions (own and by group), then the counts
        outlet_track_record(outlet, user=editor)
