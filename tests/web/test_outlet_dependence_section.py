"""An outlet page's learned dependence section; reviewers confirm or dismiss a pair from it."""

import pytest
from django.urls import reverse

from claims.choices import DependenceState
from claims.models import OutletDependence
from tests.factories import make_dependence, make_outlet

pytestmark = pytest.mark.django_db


@pytest.fixture
def pair() -> OutletDependence:
    wire, copier = make_outlet("Wire One"), make_outlet("Copy Two")
    return make_dependence(wire, copier, score=0.93, shared=14, denied=9, discount=93)


def page(client, outlet) -> str:
    return client.get(reverse("web:outlet-detail", args=[outlet.slug])).text


def test_the_copier_page_says_whom_it_repeats(pair, client_as, editor):
    html = page(client_as(editor), pair.second)
    assert "Copy Two often repeats Wire One a day later; 14 shared claims, 9 of them later denied" in html
    assert "counted 93% less in confidence" in html


def test_consumers_do_not_see_the_section_rows(pair, client_as):
    assert "often repeats" not in page(client_as(None), pair.second)


def test_reviewers_are_offered_the_decision_and_editors_are_not(pair, client_as, reviewer, editor):
    assert "Confirm or dismiss" in page(client_as(reviewer), pair.first)
    assert "Confirm or dismiss" not in page(client_as(editor), pair.first)


def test_a_reviewer_confirms_from_the_page(pair, client_as, reviewer):
    url = reverse("web:dependence-decide", args=[pair.pk])
    response = client_as(reviewer).post(url, {"decision": "confirm", "reason": "One desk.", "outlet": pair.second_id})
    assert response.status_code == 302
    assert response["Location"] == reverse("web:outlet-detail", args=[pair.second.slug])
    pair.refresh_from_db()
    assert (pair.state, pair.review_note) == (DependenceState.CONFIRMED, "One desk.")


def test_a_confirmation_without_a_reason_shows_why_and_changes_nothing(pair, client_as, reviewer):
    url = reverse("web:dependence-decide", args=[pair.pk])
    response = client_as(reviewer).post(url, {"decision": "confirm", "reason": ""})
    assert response.status_code == 400
    assert "Say why the two outlets are dependent" in response.text
    pair.refresh_from_db()
    assert pair.state == DependenceState.SUGGESTED


def test_an_editor_may_not_decide_from_the_page(pair, client_as, editor):
    url = reverse("web:dependence-decide", args=[pair.pk])
    response = client_as(editor).post(url, {"decision": "dismiss"})
    assert response.status_code == 403
    pair.refresh_from_db()
    assert pair.state == DependenceState.SUGGESTED
