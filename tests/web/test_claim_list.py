"""The claims list: its form is the shared ClaimFilter, so each filter narrows the page as in the API."""

import re

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.services.workflow import claim_publish_imported
from tests.factories import make_appearance, make_claim, make_outlet

pytestmark = pytest.mark.django_db


def listed(client, **params) -> list[int]:
    response = client.get(reverse("web:claim-list"), params)
    assert response.status_code == 200, response.text
    return [int(pk) for pk in re.findall(r'class="claim-row" data-claim="(\d+)"', response.text)]


@pytest.fixture
def browse(newsroom, client_as, editor) -> Client:
    return client_as(editor)


def test_search_matches_text_and_transliterations(newsroom, browse):
    assert listed(browse, q="Islamic State") == [newsroom.rival.pk]
    assert set(listed(browse, q="al-Akhbar")) == {newsroom.published.pk}


def test_status_filter(newsroom, browse):
    assert listed(browse, status="confirmed") == [newsroom.published.pk]
    assert newsroom.published.pk not in listed(browse, status="unclaimed")


def test_review_state_filter(newsroom, browse):
    assert listed(browse, review_state="in_review") == [newsroom.waiting.pk]
    assert listed(browse, review_state="draft") == [newsroom.draft.pk]


def test_actor_outlet_event_and_affiliation_filters(newsroom, browse):
    assert listed(browse, actor="islamic-state") == [newsroom.rival.pk]
    assert set(listed(browse, event="al-tanf-2021")) == {newsroom.published.pk, newsroom.rival.pk}
    assert set(listed(browse, outlet="al-manar")) == {newsroom.published.pk, newsroom.rival.pk}
    # Al-Akhbar originates the first claim and Al-Manar the rival; both are tied to Hezbollah.
    assert set(listed(browse, affiliated_with="hezbollah")) == {newsroom.published.pk, newsroom.rival.pk}


def test_confidence_range_and_dates(newsroom, browse):
    newsroom.refresh()
    high = newsroom.published.confidence
    assert listed(browse, min_confidence=high) == [newsroom.published.pk]
    assert newsroom.published.pk not in listed(browse, max_confidence=high - 1)
    assert listed(browse, reported_after="2021-10-23", reported_before="2021-10-23") == [newsroom.rival.pk]


def test_ordering_by_confidence(newsroom, browse):
    ordered = listed(browse, ordering="-confidence")
    newsroom.refresh()

    assert ordered.index(newsroom.published.pk) < ordered.index(newsroom.rival.pk)


def test_an_invalid_filter_is_explained_not_a_500(newsroom, browse):
    response = browse.get(reverse("web:claim-list"), {"min_confidence": "lots", "reported_after": "yesterday"})

    assert response.status_code == 400
    assert "Some filters could not be read" in response.text
    assert "Enter a whole number." in response.text
    assert "Enter a valid date." in response.text


def test_consumers_cannot_filter_their_way_to_drafts(newsroom, client_as):
    assert listed(client_as(None), review_state="draft") == []
    assert listed(client_as(None), q="draft nobody") == []


def test_the_filter_form_offers_pickers_for_actors_outlets_and_events(newsroom, browse):
    page = browse.get(reverse("web:claim-list")).text

    assert '<option value="hezbollah">Hezbollah</option>' in page
    assert '<option value="al-akhbar">Al-Akhbar</option>' in page
    assert '<option value="al-tanf-2021">Drone attack on al-Tanf</option>' in page


def test_pages_of_twenty_five(db, client_as):
    outlet = make_outlet()
    for n in range(27):
        claim = make_claim(f"Paged claim {n}")
        make_appearance(claim, outlet)
        claim_publish_imported(claim=claim, comment="test")
    client = client_as(None)

    first, second = listed(client), listed(client, page=2)

    assert (len(first), len(second)) == (25, 2)
    assert not set(first) & set(second)
    assert "Page 1 of 2" in client.get(reverse("web:claim-list")).text


def test_every_ordering_the_api_accepts_is_accepted(newsroom, browse):
    for ordering in ("confidence", "-confidence", "first_reported", "-first_reported", "updated_at", "-updated_at"):
        assert len(listed(browse, ordering=ordering)) == 4, ordering


def test_choice_filters_offer_one_any_choice(newsroom, browse):
    page = browse.get(reverse("web:claim-list")).text

    assert '<option value="" selected>Any status</option>' in page
    assert "---------" not in page


def refused(client, **params) -> str:
    response = client.get(reverse("web:claim-list"), params)
    assert response.status_code == 400, response.status_code
    assert 'class="claim-row"' not in response.text
    return response.text


def test_a_misspelt_filter_is_named_on_the_page_instead_of_listing_everything(newsroom, browse):
    text = refused(browse, reveiw_state="draft")

    assert "Unknown query parameter: reveiw_state (did you mean review_state?)." in text


def test_a_slug_or_id_that_names_nothing_is_said_beside_its_filter(newsroom, browse):
    assert "No actor has the slug “no-such-slug”." in refused(browse, actor="no-such-slug")
    assert "No outlet has the id 987654321." in refused(browse, outlet="987654321")


def test_the_page_and_the_hidden_sync_filter_are_still_taken(newsroom, browse):
    assert set(listed(browse, page="1", updated_since="2000-01-01T00:00:00Z")) >= {newsroom.published.pk}
    assert listed(browse, updated_since="2999-01-01T00:00:00Z") == []


def test_a_filter_by_slug_is_looked_up_once_for_the_form_and_the_list(newsroom, browse, django_assert_num_queries):
    with CaptureQueriesContext(connection) as plain:
        browse.get(reverse("web:claim-list"), {"kind": "attribution"})
    with django_assert_num_queries(len(plain) + 1):
        response = browse.get(reverse("web:claim-list"), {"kind": "attribution", "actor": "islamic-state"})
    assert response.text.count('class="claim-row"') == 1
