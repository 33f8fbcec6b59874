"""Outlet pages (grade, sourced affiliations, track record) and event pages (ranked attributions)."""

import re

import pytest
from django.urls import reverse

from claims.models import Outlet
from claims.services.workflow import claim_submit
from tests.factories import make_claim

pytestmark = pytest.mark.django_db


def test_outlet_page_shows_grade_affiliations_with_their_source_and_track_record(newsroom, client_as):
    html = client_as(None).get(reverse("web:outlet-detail", args=["al-akhbar"])).text

    assert 'class="grade grade--d"' in html
    assert "not usually reliable" in html
    affiliations = html.split('id="affiliations-title"', 1)[1].split("</section>", 1)[0]
    assert "Hezbollah" in affiliations
    assert reverse("web:outlet-detail", args=["reuters"]) in affiliations  # Reuters states the tie
    assert "2010-01-01" in affiliations
    assert "Of the 1 claim it originated" in html
    assert newsroom.published.text in html


def test_outlet_page_says_which_ties_it_states_about_others(newsroom, client_as):
    html = client_as(None).get(reverse("web:outlet-detail", args=["reuters"])).text

    assert "Ties this outlet reports about others" in html
    assert "Al-Akhbar</a> affiliated with" in html


def test_outlet_list_searches_names_and_aliases(newsroom, client_as):
    html = client_as(None).get(reverse("web:outlet-list"), {"q": "akhbar"}).text

    assert ">Al-Akhbar<" in html
    assert ">Reuters<" not in html


def test_reviewer_sets_a_grade_through_the_service(newsroom, client_as, reviewer):
    response = client_as(reviewer).post(
        reverse("web:outlet-grade", args=["al-akhbar"]),
        {"grade-reliability": "C", "grade-reliability_note": "Corroborated twice"},
    )

    assert response.status_code == 302
    assert Outlet.objects.get(slug="al-akhbar").reliability == "C"


def test_editor_cannot_set_a_grade(newsroom, client_as, editor):
    response = client_as(editor).post(reverse("web:outlet-grade", args=["al-akhbar"]), {"grade-reliability": "A"})

    assert response.status_code == 403
    assert "You do not have permission" in response.text
    assert Outlet.objects.get(slug="al-akhbar").reliability == "D"


def test_the_grade_form_is_offered_to_reviewers_only(newsroom, client_as, reviewer, editor):
    url = reverse("web:outlet-detail", args=["al-akhbar"])

    assert "Change the grade" in client_as(reviewer).get(url).text
    assert "Change the grade" not in client_as(editor).get(url).text


def test_event_page_ranks_competing_attributions_by_confidence(newsroom, client_as):
    newsroom.refresh()
    html = client_as(None).get(reverse("web:event-detail", args=["al-tanf-2021"])).text

    ranked = [int(pk) for pk in re.findall(r'class="card attribution" data-claim="(\d+)"', html)]
    expected = sorted([newsroom.published, newsroom.rival], key=lambda c: -c.confidence)
    assert ranked == [claim.pk for claim in expected]
    assert "Allies of Syria Operations Room" in html and "Islamic State" in html


def test_event_list_counts_only_the_claims_a_reader_may_see(newsroom, client_as, editor):
    claim_submit(claim=make_claim("An unpublished take", event=newsroom.attack, by=editor), by=editor)

    public = client_as(None).get(reverse("web:event-list")).text
    newsroom_view = client_as(editor).get(reverse("web:event-list")).text

    assert '<td data-label="Claims">2</td>' in public
    assert '<td data-label="Claims">3</td>' in newsroom_view
