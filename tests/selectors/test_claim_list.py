"""One test per filter of SPEC §8 on the shared claim list selector."""

from datetime import date, timedelta

import pytest
from django.utils import timezone

from claims.errors import InvalidInput
from claims.models import Claim
from claims.selectors.claims import claim_list
from claims.services.workflow import claim_publish_imported, claim_submit
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


def ids(queryset) -> list[int]:
    return list(queryset.values_list("id", flat=True))


def listed(user=None, **filters) -> list[int]:
    return ids(claim_list(user=user, filters=filters))


@pytest.fixture
def corpus():
    hezbollah = make_actor("Hezbollah", aliases=["Hizbullah", "حزب الله"])
    allies = make_actor("Allies of Syria Operations Room", slug="allies-of-syria")
    akhbar = make_outlet("Al-Akhbar", slug="al-akhbar", aliases=["al-Akhabar"], reliability="D")
    reuters = make_outlet("Reuters", reliability="A")
    make_affiliation(akhbar, hezbollah, valid_from=date(2010, 1, 1))
    attack = make_event("Drone attack on al-Tanf", date=date(2021, 10, 20))
    tanf = make_claim(
        "The Allies of Syria Operations Room was behind the drone attack on al-Tanf", subject=allies, event=attack
    )
    make_appearance(tanf, akhbar, published_on=date(2021, 10, 21))
    confirmed = make_claim("Hezbollah fired rockets at Kiryat Shmona", kind="responsibility", subject=hezbollah)
    first = make_appearance(confirmed, reuters, published_on=date(2023, 10, 8))
    make_citation(make_appearance(confirmed, akhbar, published_on=date(2023, 10, 9)), first, kind="quoted")
    make_evidence(confirmed, stance="confirms", date=date(2023, 10, 9), actor=hezbollah)
    draft = make_claim("Iran and Russia agreed a joint operations room", kind="statement")
    for claim in (tanf, confirmed):
        claim_publish_imported(claim=claim, comment="test data")
    return {
        "tanf": tanf,
        "confirmed": confirmed,
        "draft": draft,
        "hezbollah": hezbollah,
        "allies": allies,
        "akhbar": akhbar,
        "reuters": reuters,
        "attack": attack,
    }


def test_consumers_see_only_published_claims(corpus, consumer):
    assert set(listed(consumer)) == {corpus["tanf"].pk, corpus["confirmed"].pk}
    assert set(listed(None)) == {corpus["tanf"].pk, corpus["confirmed"].pk}


def test_editors_see_every_claim(corpus, editor):
    assert corpus["draft"].pk in listed(editor)


def test_filter_by_status(corpus, editor):
    assert listed(editor, status="confirmed") == [corpus["confirmed"].pk]


def test_filter_by_review_state(corpus, editor):
    claim_submit(claim=corpus["draft"])
    assert listed(editor, review_state="in_review") == [corpus["draft"].pk]


def test_filter_by_kind(corpus, editor):
    assert listed(editor, kind="statement") == [corpus["draft"].pk]


def test_filter_by_actor_id_or_slug(corpus, editor):
    assert listed(editor, actor=str(corpus["allies"].pk)) == [corpus["tanf"].pk]
    assert listed(editor, actor="allies-of-syria") == [corpus["tanf"].pk]


def test_filter_by_event(corpus, editor):
    assert listed(editor, event=str(corpus["attack"].pk)) == [corpus["tanf"].pk]
    assert listed(editor, event=corpus["attack"].slug) == [corpus["tanf"].pk]


def test_filter_by_outlet_of_any_appearance(corpus, editor):
    assert set(listed(editor, outlet="al-akhbar")) == {corpus["tanf"].pk, corpus["confirmed"].pk}
    assert listed(editor, outlet=str(corpus["reuters"].pk)) == [corpus["confirmed"].pk]


def test_filter_by_affiliation_of_an_origin(corpus, editor):
    # Al-Akhbar only republished the confirmed claim, so only the al-Tanf claim has a Hezbollah-tied origin.
    assert listed(editor, affiliated_with=str(corpus["hezbollah"].pk)) == [corpus["tanf"].pk]


def test_filter_by_confidence_range(corpus, editor):
    tanf = Claim.objects.get(pk=corpus["tanf"].pk)
    assert corpus["tanf"].pk in listed(editor, min_confidence=tanf.confidence, max_confidence=tanf.confidence)
    assert listed(editor, min_confidence=tanf.confidence + 1, max_confidence=tanf.confidence + 1) == []


def test_filter_by_first_reported(corpus, editor):
    assert listed(editor, reported_after="2023-01-01") == [corpus["confirmed"].pk]
    assert listed(editor, reported_before="2022-01-01") == [corpus["tanf"].pk]


def test_filter_by_updated_since(corpus, editor):
    later = timezone.now() + timedelta(seconds=1)
    assert listed(editor, updated_since=later.isoformat()) == []
    assert len(listed(editor, updated_since="2000-01-01T00:00:00Z")) == 3


@pytest.mark.parametrize(
    "query", ["al-Tanf", "AT-TANF", "allies of syria", "Hizbullah", "Hizballah", "حزب الله", "Akhabar"]
)
def test_search_finds_text_actor_and_outlet_names_across_spellings(corpus, editor, query):
    found = listed(editor, q=query)
    assert found, query
    assert corpus["draft"].pk not in found


def test_ordering_by_confidence_then_id(corpus, editor):
    claims = list(claim_list(user=editor, filters={"ordering": "-confidence"}))
    assert [c.confidence for c in claims] == sorted((c.confidence for c in claims), reverse=True)
    assert claims[0].pk == corpus["confirmed"].pk


@pytest.mark.parametrize(
    "filters",
    [
        {"min_confidence": "high"},
        {"min_confidence": "-1"},
        {"max_confidence": "101"},
        {"reported_after": "yesterday"},
        {"status": "maybe"},
        {"ordering": "text"},
        {"updated_since": "not a time"},
    ],
)
def test_bad_filters_are_refused_with_a_message(corpus, editor, filters):
    with pytest.raises(InvalidInput) as error:
        claim_list(user=editor, filters=filters)
    assert next(iter(filters)) in error.value.message


def test_list_is_one_query_whatever_its_size(corpus, editor, django_assert_num_queries):
    for _ in range(20):
        make_appearance(make_claim())
    with django_assert_num_queries(3):  # the user's permissions (own and by group), then the page
        [c.subject and c.subject.name for c in claim_list(user=editor, filters={"q": "claim"})]
