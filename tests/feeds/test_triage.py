"""Triage through the API: attach (the page captured into an appearance of the feed's outlet),
new claim, dismiss; each once, each in the item's history."""

import pytest

from claims.choices import CaptureState, InboxState
from claims.models import Appearance, Capture, Claim, InboxItem
from claims.services.feed_polls import feed_poll
from claims.services.workflow import claim_retract
from tests.factories import make_claim
from tests.feeds.documents import day, rss
from tests.outbound.server import Page

pytestmark = pytest.mark.django_db

ARTICLE = (
    "<!DOCTYPE html><html lang='en'><head><title>Drone attack on al-Tanf</title>"
    "<meta name='description' content='A drone attack hit the al-Tanf garrison.'></head><body><article>"
    "<h1>Drone attack on al-Tanf</h1>"
    + "<p>The garrison at al-Tanf was struck by drones on Wednesday.</p>" * 8
    + "</article></body></html>"
).encode()


@pytest.fixture
def item(add_feed, web_server):
    article = web_server.add("/2021/10/tanf", Page(body=ARTICLE))
    feed = add_feed("/feed", Page(body=rss([(article + "?utm_campaign=x", "Drone attack on al-Tanf", day(20))])))
    feed_poll(feed_id=feed.pk)
    return InboxItem.objects.get()


def test_attach_captures_the_page_into_an_appearance_of_the_feeds_outlet(as_editor, item, committed, outlet):
    claim = make_claim("Drones struck the al-Tanf garrison")

    with committed():
        response = as_editor.post(f"/api/v1/inbox/{item.pk}/attach/", {"claim": claim.pk})

    assert response.status_code == 200, response.content
    assert (response.json()["state"], response.json()["claim"]) == ("attached", claim.pk)
    capture = Capture.objects.get()
    assert capture.state == CaptureState.RECORDED, capture.message
    appearance = Appearance.objects.get(claim=claim)
    assert appearance.outlet == outlet  # the feed's, though no outlet has the page's domain
    assert appearance.published_on == day(20).date()  # the page gives none: the feed's date
    assert appearance.headline == "Drone attack on al-Tanf"
    assert capture.snapshot is not None
    item.refresh_from_db()
    assert (item.state, item.capture, item.decided_by.username) == (InboxState.ATTACHED, capture, "edna")


def test_an_item_is_decided_once(as_editor, item):
    claim = make_claim()
    assert as_editor.post(f"/api/v1/inbox/{item.pk}/dismiss/", {"reason": "Off topic"}).status_code == 200

    again = as_editor.post(f"/api/v1/inbox/{item.pk}/attach/", {"claim": claim.pk})
    twice = as_editor.post(f"/api/v1/inbox/{item.pk}/dismiss/", {})
    made = as_editor.post(f"/api/v1/inbox/{item.pk}/claim/", {"text": "A new claim"})

    assert (again.status_code, twice.status_code, made.status_code) == (409, 409, 409)
    assert "decided already: dismissed" in again.json()["detail"]
    assert not Capture.objects.exists()
    assert Claim.objects.count() == 1  # the refused new claim left none behind
    item.refresh_from_db()
    assert (item.state, item.dismiss_reason) == (InboxState.DISMISSED, "Off topic")


def test_a_dismissal_without_a_reason_says_so(as_editor, item):
    assert as_editor.post(f"/api/v1/inbox/{item.pk}/dismiss/", {}).json()["dismiss_reason"] == (
        "Dismissed without a reason."
    )


def test_a_new_claim_from_an_item_is_recorded_with_the_page_as_its_appearance(as_editor, item, committed, outlet):
    with committed():
        response = as_editor.post(
            f"/api/v1/inbox/{item.pk}/claim/", {"text": "Drones struck al-Tanf", "kind": "statement"}
        )

    assert response.status_code == 200, response.content
    claim = Claim.objects.get(pk=response.json()["claim"])
    assert (claim.text, claim.kind, claim.review_state, claim.created_by.username) == (
        "Drones struck al-Tanf", "statement", "draft", "edna",
    )  # fmt: skip
    assert Appearance.objects.get(claim=claim).outlet == outlet
    assert InboxItem.objects.get().state == InboxState.CLAIMED


@pytest.mark.parametrize(
    ("action", "body"),
    [
        ("attach", {}),
        ("attach", {"claim": 999999}),
        ("attach", {"claim": "one"}),
        ("dismiss", {"reason": "x" * 501}),
        ("dismiss", {"reason": 5}),
        ("claim", {}),
        ("claim", {"text": "x" * 2001}),
        ("claim", {"text": "ok", "kind": "gossip"}),
    ],
)
def test_bad_input_is_a_400_that_changes_nothing(as_editor, item, action, body):
    response = as_editor.post(f"/api/v1/inbox/{item.pk}/{action}/", body)

    assert response.status_code == 400
    item.refresh_from_db()
    assert item.state == InboxState.NEW
    assert not Capture.objects.exists()


def test_a_retracted_claim_takes_no_item(as_editor, item, reviewer):
    from tests.api.conftest import publish

    claim = publish(make_claim())
    claim_retract(claim=claim, reason="Wrong", by=reviewer)

    response = as_editor.post(f"/api/v1/inbox/{item.pk}/attach/", {"claim": claim.pk})

    assert response.status_code == 409
    assert InboxItem.objects.get().state == InboxState.NEW


def test_only_editors_triage(client_for, consumer, reviewer, item):
    claim = make_claim()
    assert client_for(consumer).post(f"/api/v1/inbox/{item.pk}/dismiss/", {}).status_code == 404
    assert client_for(reviewer).post(f"/api/v1/inbox/{item.pk}/attach/", {"claim": claim.pk}).status_code == 403
    assert InboxItem.objects.get().state == InboxState.NEW
