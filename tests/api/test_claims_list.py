"""GET /api/v1/claims/: one test per filter of SPEC §8, the representation, and who sees what."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.models import Claim
from claims.models.claim import CLAIM_FIELDS
from claims.services.claims import claim_update
from claims.services.workflow import claim_retract, claim_submit
from tests.api.conftest import publish
from tests.api.spec import SPEC_CLAIM_FIELDS
from tests.factories import (
    make_actor,
    make_affiliation,
    make_appearance,
    make_citation,
    make_claim,
    make_event,
    make_evidence,
    make_outlet,
)

pytestmark = pytest.mark.django_db

URL = "/api/v1/claims/"


@pytest.fixture
def corpus() -> dict:
    hezbollah = make_actor("Hezbollah", slug="hezbollah", aliases=["Hizbullah", "حزب الله"])
    allies = make_actor("Allies of Syria Operations Room", slug="allies-of-syria")
    akhbar = make_outlet("Al-Akhbar", slug="al-akhbar", aliases=["الأخبار"], reliability="D")
    reuters = make_outlet("Reuters", slug="reuters", reliability="A")
    make_affiliation(akhbar, hezbollah, valid_from=date(2010, 1, 1))
    attack = make_event("Drone attack on al-Tanf", slug="tanf-2021", date=date(2021, 10, 20))
    tanf = make_claim("The Operations Room was behind the drone attack on al-Tanf", subject=allies, event=attack)
    make_appearance(tanf, akhbar, published_on=date(2021, 10, 21))
    rockets = make_claim("Hezbollah fired rockets at Kiryat Shmona", kind="responsibility", subject=hezbollah)
    first = make_appearance(rockets, reuters, published_on=date(2023, 10, 8))
    make_citation(make_appearance(rockets, akhbar, published_on=date(2023, 10, 9)), first, kind="quoted")
    make_evidence(rockets, stance="confirms", date=date(2023, 10, 9), actor=hezbollah)
    denied = make_claim("Iran supplied the drones", kind="attribution")
    make_appearance(denied, reuters, published_on=date(2022, 1, 5))
    make_evidence(denied, stance="denies", date=date(2022, 1, 6))
    draft = make_claim("Iran and Russia agreed a joint operations room", kind="statement")
    for claim in (tanf, rockets, denied):
        publish(claim)
    return {
        "tanf": Claim.objects.get(pk=tanf.pk),
        "rockets": Claim.objects.get(pk=rockets.pk),
        "denied": Claim.objects.get(pk=denied.pk),
        "draft": draft,
        "hezbollah": hezbollah,
        "allies": allies,
        "akhbar": akhbar,
        "reuters": reuters,
        "attack": attack,
    }


def listed(client, **params) -> list[int]:
    response = client.get(URL, params)
    assert response.status_code == 200, response.json()
    return [row["id"] for row in response.json()["results"]]


def test_anonymous_clients_list_published_claims_only(anonymous, corpus):
    ids = listed(anonymous)

    assert set(ids) == {corpus["tanf"].pk, corpus["rockets"].pk, corpus["denied"].pk}


def test_consumers_see_retracted_claims_but_no_draft_in_review_or_rejected(as_consumer, corpus):
    claim_retract(claim=corpus["denied"], reason="Wrong event")
    in_review = claim_submit(claim=make_claim("Being reviewed"))

    ids = listed(as_consumer)

    assert corpus["denied"].pk in ids
    assert corpus["draft"].pk not in ids
    assert in_review.pk not in ids


def test_editors_see_every_claim(as_editor, corpus):
    assert corpus["draft"].pk in listed(as_editor)


def test_each_claim_has_the_representation_of_spec_8(as_editor, corpus):
    row = next(r for r in as_editor.get(URL).json()["results"] if r["id"] == corpus["rockets"].pk)

    assert set(row) == set(CLAIM_FIELDS)
    assert set(row) >= SPEC_CLAIM_FIELDS
    assert row["status"] == "confirmed"
    assert row["subject"] == corpus["hezbollah"].pk
    assert row["first_reported"] == "2023-10-08"
    assert row["appearance_count"] == 2
    assert row["independent_origin_count"] == 1
    assert row["confidence"] == corpus["rockets"].confidence
    assert row["admiralty_code"] == corpus["rockets"].admiralty_code
    assert {factor["factor"] for factor in row["confidence_factors"]} >= {"independent_origin", "responsibility"}
    assert row["url"].endswith(f"/api/v1/claims/{row['id']}/")


def test_status_filter(as_editor, corpus):
    assert listed(as_editor, status="confirmed") == [corpus["rockets"].pk]
    assert listed(as_editor, status="denied") == [corpus["denied"].pk]


def test_review_state_filter(as_editor, corpus):
    assert listed(as_editor, review_state="draft") == [corpus["draft"].pk]


def test_kind_filter(as_editor, corpus):
    assert listed(as_editor, kind="responsibility") == [corpus["rockets"].pk]


def test_actor_filter_takes_an_id(as_editor, corpus):
    assert listed(as_editor, actor=corpus["allies"].pk) == [corpus["tanf"].pk]


def test_actor_filter_takes_a_slug(as_editor, corpus):
    assert listed(as_editor, actor="hezbollah") == [corpus["rockets"].pk]


def test_event_filter_takes_an_id_or_a_slug(as_editor, corpus):
    assert listed(as_editor, event=corpus["attack"].pk) == [corpus["tanf"].pk]
    assert listed(as_editor, event="tanf-2021") == [corpus["tanf"].pk]


def test_outlet_filter_matches_any_appearance_by_the_outlet(as_editor, corpus):
    assert set(listed(as_editor, outlet="al-akhbar")) == {corpus["tanf"].pk, corpus["rockets"].pk}
    assert set(listed(as_editor, outlet=corpus["reuters"].pk)) == {corpus["rockets"].pk, corpus["denied"].pk}


def test_affiliated_with_filter_matches_origins_by_tied_outlets(as_editor, corpus):
    # Al-Akhbar (tied to Hezbollah) originated the al-Tanf claim; on the rockets claim it only quoted Reuters.
    assert listed(as_editor, affiliated_with="hezbollah") == [corpus["tanf"].pk]
    assert listed(as_editor, affiliated_with=corpus["hezbollah"].pk) == [corpus["tanf"].pk]


def test_min_confidence_filter(as_editor, corpus):
    threshold = corpus["rockets"].confidence

    ids = listed(as_editor, min_confidence=threshold)

    assert corpus["rockets"].pk in ids
    assert all(Claim.objects.get(pk=pk).confidence >= threshold for pk in ids)


def test_max_confidence_filter(as_editor, corpus):
    threshold = corpus["tanf"].confidence

    ids = listed(as_editor, max_confidence=threshold)

    assert corpus["tanf"].pk in ids
    assert corpus["rockets"].pk not in ids
    assert all(Claim.objects.get(pk=pk).confidence <= threshold for pk in ids)


def test_reported_after_filter(as_editor, corpus):
    assert listed(as_editor, reported_after="2023-01-01") == [corpus["rockets"].pk]


def test_reported_before_filter(as_editor, corpus):
    assert listed(as_editor, reported_before="2021-12-31") == [corpus["tanf"].pk]


def test_updated_since_filter(as_editor, corpus):
    mark = timezone.now()
    claim_update(claim=corpus["draft"], notes="checked again")

    assert listed(as_editor, updated_since=mark.isoformat()) == [corpus["draft"].pk]
    assert listed(as_editor, updated_since=(mark + timedelta(hours=1)).isoformat()) == []


def test_q_searches_claim_text(as_editor, corpus):
    assert listed(as_editor, q="kiryat shmona") == [corpus["rockets"].pk]


def test_q_searches_actor_names_and_aliases_in_any_script(as_editor, corpus):
    assert listed(as_editor, q="حزب الله") == [corpus["rockets"].pk]
    assert listed(as_editor, q="Hizbullah") == [corpus["rockets"].pk]


def test_q_searches_outlet_aliases(as_editor, corpus):
    assert set(listed(as_editor, q="الأخبار")) == {corpus["tanf"].pk, corpus["rockets"].pk}


@pytest.mark.parametrize("field", ["confidence", "first_reported", "updated_at"])
@pytest.mark.parametrize("descending", [False, True])
def test_ordering(as_editor, corpus, field, descending):
    ids = listed(as_editor, ordering=f"-{field}" if descending else field)

    rows = {claim.pk: claim for claim in Claim.objects.all()}
    keys = [(getattr(rows[pk], field) is None, getattr(rows[pk], field)) for pk in ids]
    present = [key[1] for key in keys if not key[0]]
    assert present == sorted(present, reverse=descending)
    assert len(ids) == Claim.objects.count()


def test_default_order_is_most_recently_changed_first(as_editor, corpus):
    claim_update(claim=corpus["tanf"], notes="touched last")

    assert listed(as_editor)[0] == corpus["tanf"].pk


@pytest.mark.parametrize(
    ("param", "value"),
    [
        ("status", "probable"),
        ("review_state", "approved"),
        ("kind", "rumour"),
        ("min_confidence", "high"),
        ("min_confidence", "101"),
        ("max_confidence", "-1"),
        ("max_confidence", "50.5"),
        ("reported_after", "2021-02-30"),
        ("reported_before", "yesterday"),
        ("updated_since", "2021-13-01T00:00:00Z"),
        ("ordering", "text"),
        ("ordering", "-id; DROP TABLE claims_claim"),
        ("limit", "0"),
        ("cursor", "not-a-cursor"),
    ],
)
def test_a_bad_filter_value_is_a_400_naming_the_parameter(as_editor, corpus, param, value):
    response = as_editor.get(URL, {param: value})

    assert response.status_code == 400
    body = response.json()
    assert param in body["errors"]
    assert param in body["detail"]


def test_empty_filter_values_mean_no_filter(as_editor, corpus):
    assert len(listed(as_editor, status="", kind="", q="", updated_since="")) == Claim.objects.count()


def test_filters_combine(as_editor, corpus):
    assert listed(as_editor, outlet="reuters", status="denied", reported_after="2022-01-01") == [corpus["denied"].pk]


@pytest.mark.parametrize(
    "since", ["2021-01-01T00:00:00-23:46", "0001-01-01T00:00:00+05:00", "9999-12-31T23:00:00-05:00"]
)
def test_updated_since_takes_any_iso_8601_offset(as_editor, corpus, since):
    response = as_editor.get(URL, {"updated_since": since})

    assert response.status_code == 200
