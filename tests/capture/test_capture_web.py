"""Capture in the web UI (SPEC §13): the claim page's "Capture from URL" box, the capture page,
the new-claim form's capture box, and the suggested citations with their accept and dismiss."""

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils.html import escape

from claims.choices import CaptureState
from claims.models import Appearance, Capture, Citation, Claim, Job, SuggestedCitation
from tests.capture.pages import MIRROR, SITES
from tests.factories import make_claim

pytestmark = pytest.mark.django_db

MEMRI, INSTITUTE = SITES[0], SITES[1]


def browser(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def claim():
    return make_claim("The Allies of Syria Operations Room was behind the drone attack on al-Tanf")


def capture_on_page(client, claim, url, committed):
    with committed():
        response = client.post(reverse("web:claim-action", args=[claim.pk, "capture"]), {"capture-url": url})
    return response


def test_an_editor_captures_from_the_claim_page_and_sees_what_was_read(sites, claim, editor, committed):
    client = browser(editor)
    assert "Capture from URL" in client.get(reverse("web:claim-detail", args=[claim.pk])).text

    response = capture_on_page(client, claim, sites.url(INSTITUTE), committed)

    capture = Capture.objects.get()
    assert response.status_code == 302 and response.url == reverse("web:capture-detail", args=[capture.pk])
    page = client.get(response.url)
    assert page.status_code == 200
    assert "Appearance recorded" in page.text and INSTITUTE.headline in page.text
    assert "structured data (JSON-LD)" in page.text  # which source gave the field, in words
    assert capture.snapshot.sha256 in page.text
    assert reverse("api:snapshot-download", args=[capture.snapshot.pk]) in page.text
    claim_page = client.get(reverse("web:claim-detail", args=[claim.pk])).text
    assert "Snapshot</a> of" in claim_page


def test_a_refused_url_is_shown_on_the_claim_page_and_nothing_is_written(sites, claim, editor, committed):
    response = capture_on_page(browser(editor), claim, "ftp://127.0.0.3/report", committed)

    assert response.status_code == 400
    assert "Only http and https URLs can be fetched." in response.text
    assert not Job.objects.exists() and not Capture.objects.exists()


def test_only_those_who_add_appearances_see_the_capture_box(claim, reviewer, consumer):
    from tests.workflow.states import claim_in

    published = claim_in("published")
    assert "Capture from URL" not in browser(reviewer).get(reverse("web:claim-detail", args=[claim.pk])).text
    assert "Capture from URL" not in browser(consumer).get(reverse("web:claim-detail", args=[published.pk])).text
    refused = browser(reviewer).post(
        reverse("web:claim-action", args=[claim.pk, "capture"]), {"capture-url": "https://example.org/"}
    )
    assert refused.status_code == 403 and not Capture.objects.exists()


def test_suggestions_are_listed_and_decided_on_the_claim_page(sites, claim, editor, reviewer, committed):
    client = browser(editor)
    capture_on_page(client, claim, sites.url(INSTITUTE), committed)
    capture_on_page(client, claim, sites.url(MEMRI), committed)
    suggestion = SuggestedCitation.objects.get()
    claim_url = reverse("web:claim-detail", args=[claim.pk])

    shown = client.get(claim_url).text
    assert "Suggested citations" in shown and "The page links to" in shown
    assert reverse("web:suggestion-decide", args=[suggestion.pk, "accept"]) in shown
    assert reverse("web:suggestion-decide", args=[suggestion.pk, "accept"]) not in browser(reviewer).get(claim_url).text

    accepted = client.post(reverse("web:suggestion-decide", args=[suggestion.pk, "accept"]))

    assert accepted.status_code == 302 and accepted.url == claim_url + "#suggestions"
    citation = Citation.objects.get()
    assert (citation.citing_id, citation.cited_id) == (suggestion.citing_id, suggestion.cited_id)
    assert "Suggested citations" not in client.get(claim_url).text
    again = client.post(reverse("web:suggestion-decide", args=[suggestion.pk, "dismiss"]))
    assert again.status_code == 409 and "accepted already" in again.text


def test_copied_passages_are_shown_with_the_suggestion(sites, claim, editor, committed):
    from tests.factories import make_outlet

    make_outlet("Levant Mirror", slug="levant-mirror", domain=MIRROR.host)
    client = browser(editor)
    capture_on_page(client, claim, sites.url(INSTITUTE), committed)
    capture_on_page(client, claim, sites.url(MIRROR), committed)
    suggestion = SuggestedCitation.objects.get()

    shown = client.get(reverse("web:claim-detail", args=[claim.pk])).text

    assert "% of its text is found in the other" in shown
    first = suggestion.passages[0]
    assert escape(first["citing"][:60]) in shown and escape(first["cited"][:60]) in shown  # side by side
    assert 'class="passage-pair"' in shown
    dismissed = client.post(reverse("web:suggestion-decide", args=[suggestion.pk, "dismiss"]))
    assert dismissed.status_code == 302 and not Citation.objects.exists()


def test_from_the_new_claim_form_the_page_is_read_first_then_the_claim_is_recorded(sites, editor, committed):
    client = browser(editor)
    assert "Capture from URL" in client.get(reverse("web:claim-create")).text

    with committed():
        response = client.post(reverse("web:capture-new"), {"capture-url": sites.url(INSTITUTE)})
    capture = Capture.objects.get()
    assert response.status_code == 302 and capture.state == CaptureState.NEEDS_CLAIM
    waiting = client.get(response.url).text
    assert "Record a new claim from this page" in waiting

    form = client.get(reverse("web:claim-create"), {"capture": capture.pk}).text
    assert INSTITUTE.headline in form and f'name="capture" value="{capture.pk}"' in form
    created = client.post(
        reverse("web:claim-create"),
        {"capture": capture.pk, "text": "The Allies of Syria Operations Room attacked al-Tanf", "kind": "attribution"},
    )

    claim = Claim.objects.get()
    assert created.status_code == 302 and created.url == reverse("web:claim-detail", args=[claim.pk])
    appearance = Appearance.objects.get()
    assert appearance.claim == claim and appearance.url == sites.url(INSTITUTE)
    capture.refresh_from_db()
    assert capture.state == CaptureState.RECORDED and capture.claim == claim


def test_a_bad_url_in_the_new_claim_form_is_shown_there(editor):
    response = browser(editor).post(reverse("web:capture-new"), {"capture-url": "http://10.1.2.3/x"})

    assert response.status_code == 400 and "does not reach" in response.text
    assert "Record the claim" in response.text and not Capture.objects.exists()


def test_an_unknown_outlet_is_confirmed_on_the_capture_page(sites, claim, editor, committed):
    client = browser(editor)
    response = capture_on_page(client, claim, sites.url(MIRROR), committed)
    page = client.get(response.url).text
    capture = Capture.objects.get()
    assert "Which outlet published it?" in page and "Levant Mirror Media" in page

    answered = client.post(
        reverse("web:capture-answer", args=[capture.pk, "outlet"]), {"outlet": "", "name": "Levant Mirror"}
    )

    assert answered.status_code == 302
    capture.refresh_from_db()
    assert capture.state == CaptureState.RECORDED and capture.outlet.name == "Levant Mirror"


def test_another_editors_capture_is_not_found(sites, claim, editor, other_editor, committed):
    response = capture_on_page(browser(editor), claim, sites.url(INSTITUTE), committed)

    assert browser(other_editor).get(response.url).status_code == 404


def test_the_claim_page_with_suggestions_and_snapshots_is_a_constant_number_of_queries(sites, claim, editor, committed):
    client = browser(editor)
    claim_url = reverse("web:claim-detail", args=[claim.pk])
    capture_on_page(client, claim, sites.url(INSTITUTE), committed)
    capture_on_page(client, claim, sites.url(MEMRI), committed)
    client.get(claim_url)
    with CaptureQueriesContext(connection) as few:
        client.get(claim_url)
    for site in SITES[2:]:
        capture_on_page(client, claim, sites.url(site), committed)
    with CaptureQueriesContext(connection) as more:
        client.get(claim_url)

    assert len(more.captured_queries) == len(few.captured_queries)
